import Foundation
import ResilienceCore

extension OpenAPIDocument {
    /// Travel requests and clearance, advisories (with their CAP and Atom forms), air operators,
    /// HQ's travel rules.
    static var travelOperations: [Operation] {
        let any = AppPath.any
        return [
            .init(
                method: "get", path: .apiPersonnelTrips(any), summary: "A person's trips, latest first",
                response: ref("Trip"), paged: true, query: ["after"]),
            .init(
                method: "post", path: .apiPersonnelTrips(any),
                summary: "Enter a trip (a draft until it is submitted); duty stations by name", body: "TripBody",
                response: ref("Trip"), status: "201"),
            .init(
                method: "get", path: .apiTravelRequest(any),
                summary:
                    "A trip: its legs and clearance, the advisories to acknowledge, the reasons behind each decision",
                response: ref("Trip")),
            .init(
                method: "put", path: .apiTravelRequest(any),
                summary: "Change a trip; a changed leg of a submitted or cleared trip needs clearance again",
                body: "TripBody", response: ref("Trip")),
            .init(
                method: "post", path: .apiTravelRequestSubmit(any),
                summary:
                    "Submit with every advisory acknowledged; refused at once when required training is not valid on the dates",
                body: "SubmitBody", response: ref("Trip")),
            .init(
                method: "post", path: .apiTravelRequestCancel(any), summary: "Cancel a trip", response: ref("Trip")),
            .init(
                method: "post", path: .apiTravelLegDecision(any, any),
                summary:
                    "Clear a leg (with conditions) or refuse it (with a reason): the destination's security officer",
                body: "DecisionBody", response: ref("Trip")),
            .init(
                method: "get", path: .apiTravelClearances,
                summary: "Legs to the areas you keep waiting for clearance, soonest first", response: ref("TripLeg"),
                paged: true, query: ["after"]),
            .init(
                method: "get", path: .apiAdvisories,
                summary: "Travel advisories in force and to come, most severe first",
                response: array("Advisory")),
            .init(
                method: "post", path: .apiAdvisories,
                summary: "Publish an advisory for an area, a country or a duty station you keep", body: "AdvisoryBody",
                response: ref("Advisory"), status: "201"),
            .init(
                method: "get", path: .apiAdvisoriesAtom,
                summary: "The advisories as an Atom feed (application/atom+xml), each linking to its CAP alert",
                response: nil),
            .init(
                method: "get", path: .apiAdvisoryCAP(any),
                summary: "An advisory as a Common Alerting Protocol 1.2 alert (application/cap+xml)", response: nil),
            .init(
                method: "get", path: .apiAirOperators,
                summary: "Air operators and HQ's assessment of their suitability",
                response: array("AirOperator")),
            .init(
                method: "post", path: .apiAirOperators, summary: "Add an air operator (HQ)", body: "AirOperatorBody",
                response: ref("AirOperator"), status: "201"),
            .init(
                method: "get", path: .apiTravelSettings,
                summary: "HQ's travel rules: clearance level, flight cap, courses required by level",
                response: ref("TravelRules")),
            .init(
                method: "put", path: .apiTravelSettings, summary: "Set HQ's travel rules (HQ)", body: "TravelRules",
                response: ref("TravelRules")),
        ]
    }

    static func travelSchemas() -> JSON {
        let string: JSON = ["type": "string"]
        let optionalString: JSON = ["type": "string", "nullable": true]
        let uuid: JSON = ["type": "string", "format": "uuid"]
        let optionalUUID: JSON = ["type": "string", "format": "uuid", "nullable": true]
        let time: JSON = ["type": "string", "format": "date-time"]
        let optionalTime: JSON = ["type": "string", "format": "date-time", "nullable": true]
        let optionalNumber: JSON = ["type": "number", "nullable": true]
        let byLanguage: JSON = ["type": "object", "additionalProperties": string]
        let leg: JSON = [
            "type": "object",
            "required": [
                "id", "requestID", "position", "fromDutyStationID", "toDutyStationID", "departs", "arrives", "means",
                "clearance",
                "reasons", "blockers", "bookedOnFlight",
            ],
            "properties": [
                "id": uuid, "requestID": uuid, "position": ["type": "integer"], "fromDutyStationID": uuid,
                "toDutyStationID": uuid,
                "toPlace": optionalString, "toLatitude": optionalNumber, "toLongitude": optionalNumber, "departs": time,
                "arrives": time, "means": ["type": "string", "enum": TravelMeans.allCases.map(\.rawValue)],
                "operatorID": optionalUUID, "flight": optionalString,
                "clearance": ["type": "string", "enum": LegClearance.allCases.map(\.rawValue)],
                "level": ["type": "integer", "nullable": true],
                "reasons": ["type": "array", "items": string, "description": "`level:5`, `advisory:<id>`"],
                "blockers": [
                    "type": "array", "items": ["type": "string", "enum": ClearanceBlocker.allCases.map(\.rawValue)],
                ],
                "conditions": optionalString, "refusalReason": optionalString, "decidedBy": optionalString,
                "decidedAt": optionalTime, "advice": optionalString, "advisedAt": optionalTime,
                "bookedOnFlight": ["type": "integer"],
            ],
        ]
        return [
            "TripLeg": leg,
            "Trip": [
                "type": "object",
                "required": [
                    "id", "personnelID", "purpose", "status", "startsAt", "endsAt", "oneWay", "seniorOfficial",
                    "requestedBy", "legs", "advisoryIDs", "trainingShortfalls",
                ],
                "properties": [
                    "id": uuid, "personnelID": uuid, "purpose": string, "accommodation": optionalString,
                    "status": ["type": "string", "enum": TravelStatus.allCases.map(\.rawValue)],
                    "refusal": optionalString,
                    "startsAt": time, "endsAt": time, "oneWay": ["type": "boolean"],
                    "seniorOfficial": ["type": "boolean"],
                    "submittedAt": optionalTime, "decidedAt": optionalTime, "requestedBy": string,
                    "legs": ["type": "array", "items": ref("TripLeg")],
                    "advisoryIDs": ["type": "array", "items": uuid],
                    "trainingShortfalls": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["traveller", "course"],
                            "properties": [
                                "traveller": string,
                                "course": ["type": "string", "enum": SecurityCourse.allCases.map(\.rawValue)],
                                "expiredOn": optionalTime,
                            ],
                        ],
                    ],
                ],
            ],
            "TripBody": [
                "type": "object",
                "description": "Duty stations by name (`Name (CC)` where names repeat); times in ISO 8601.",
                "properties": [
                    "purpose": string, "accommodation": string, "companions": ["type": "array", "items": uuid],
                    "legs": [
                        "type": "array", "maxItems": TravelService.maxLegs,
                        "items": [
                            "type": "object",
                            "properties": [
                                "from": string, "to": string, "toPlace": string, "toLatitude": ["type": "number"],
                                "toLongitude": ["type": "number"], "departs": string, "arrives": string,
                                "means": string, "operatorID": string, "flight": string,
                            ],
                        ],
                    ],
                ],
            ],
            "SubmitBody": [
                "type": "object",
                "properties": ["acknowledged": ["type": "array", "items": uuid, "description": "Every advisory's id"]],
            ],
            "DecisionBody": [
                "type": "object",
                "properties": [
                    "decision": ["type": "string", "enum": ["clear", "refuse"]], "conditions": string, "reason": string,
                ],
            ],
            "Advisory": [
                "type": "object",
                "required": [
                    "id", "scope", "country", "severity", "titles", "texts", "validFrom", "requiresClearance",
                    "publishedBy", "publishedAt",
                ],
                "properties": [
                    "id": uuid, "scope": ["type": "string", "enum": AdvisoryScope.allCases.map(\.rawValue)],
                    "country": string, "areaID": optionalUUID, "dutyStationID": optionalUUID,
                    "severity": ["type": "string", "enum": AdvisorySeverity.allCases.map(\.rawValue)],
                    "titles": byLanguage, "texts": byLanguage, "validFrom": time, "validUntil": optionalTime,
                    "requiresClearance": ["type": "boolean"], "publishedBy": string, "publishedAt": time,
                    "withdrawnAt": optionalTime,
                ],
            ],
            "AdvisoryBody": [
                "type": "object",
                "properties": [
                    "scope": string, "areaID": string, "country": string, "dutyStation": string, "severity": string,
                    "titles": byLanguage, "texts": byLanguage, "validFrom": string, "validUntil": string,
                    "requiresClearance": ["type": "boolean"],
                ],
            ],
            "AirOperator": [
                "type": "object", "required": ["id", "name", "suitability", "assessedOn"],
                "properties": [
                    "id": uuid, "name": string, "country": optionalString,
                    "suitability": ["type": "string", "enum": OperatorSuitability.allCases.map(\.rawValue)],
                    "restrictions": optionalString, "assessedOn": time,
                ],
            ],
            "AirOperatorBody": [
                "type": "object",
                "properties": [
                    "name": string, "country": string, "suitability": string, "restrictions": string,
                    "assessedOn": string,
                ],
            ],
            "TravelRules": [
                "type": "object", "required": ["clearanceLevel", "flightCap", "courses"],
                "properties": [
                    "clearanceLevel": ["type": "integer"], "flightCap": ["type": "integer"],
                    "courses": ["type": "object", "additionalProperties": ["type": "integer"]],
                ],
            ],
        ]
    }
}

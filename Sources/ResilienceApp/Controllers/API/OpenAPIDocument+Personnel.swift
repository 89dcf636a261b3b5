import Foundation
import ResilienceCore

extension OpenAPIDocument {
    /// Personnel records, dependants, whereabouts, roll-calls and the SMS gateway's calls.
    static var personnelOperations: [Operation] {
        let any = AppPath.any
        return [
            .init(
                method: "get", path: .apiUnitPersonnel(any),
                summary: "The personnel of this unit's subtree by name (name, agency, duty station)",
                response: ref("Personnel"), paged: true),
            .init(
                method: "post", path: .apiUnitPersonnel(any), summary: "Add a personnel record",
                body: "PersonnelBody", response: ref("Personnel"), status: "201"),
            .init(
                method: "get", path: .apiPersonnel(any),
                summary: "A record; contacts, whereabouts and dependants for the person and those who may see them",
                response: ref("Personnel")),
            .init(
                method: "patch", path: .apiPersonnel(any), summary: "Change a record (the person: their contacts)",
                body: "PersonnelBody", response: ref("Personnel")),
            .init(
                method: "post", path: .apiPersonnelDependants(any), summary: "Add an eligible dependant",
                body: "DependantBody", response: ref("Personnel"), status: "201"),
            .init(
                method: "post", path: .apiPersonnelLocation(any),
                summary: "Confirm where the person (and their dependants) are now", body: "LocationBody",
                response: ref("Personnel")),
            .init(
                method: "get", path: .apiUnitRollCalls(any), summary: "The roll-calls opened by this unit",
                response: array("RollCall")),
            .init(
                method: "post", path: .apiUnitRollCalls(any),
                summary: "Open a roll-call for an incident (the security officer): everyone who may be there is listed",
                body: "RollCallBody", response: ref("RollCall"), status: "201"),
            .init(
                method: "get", path: .apiRollCall(any),
                summary: "A roll-call's counts and the time to 50, 90 and 100 %",
                response: ref("RollCall")),
            .init(
                method: "get", path: .apiRollCallEntries(any), summary: "The people and dependants listed",
                response: ref("RollCallEntry"), paged: true, query: ["status"]),
            .init(
                method: "post", path: .apiRollCallEntry(any, any),
                summary: "Mark a person or dependant (the officer, or a warden of their zone)", body: "MarkBody",
                response: ref("RollCallEntry")),
            .init(
                method: "post", path: .apiRollCallWardens(any),
                summary: "Name a warden of a zone (a duty station of the roll-call): they mark its people",
                body: "WardenBody", response: ref("RollCall")),
            .init(
                method: "post", path: .apiRollCallClose(any), summary: "Close the roll-call: nothing is marked after",
                response: ref("RollCall")),
            .init(
                method: "get", path: .apiSMSInbound,
                summary:
                    "Kannel's sms-service calls this with each SMS (`secret`, `from`, `text`); the answer's body is the SMS sent back",
                response: nil, query: ["secret", "from", "text"]),
            .init(
                method: "post", path: .apiSMSInbound, summary: "The same, posted", response: nil,
                query: ["secret", "from", "text"]),
            .init(
                method: "get", path: .apiSMSDelivery, summary: "Kannel's delivery report of a roll-call message",
                response: nil, status: "204", query: ["secret", "message", "status"]),
        ]
    }

    static func personnelSchemas() -> JSON {
        let string: JSON = ["type": "string"]
        let optionalString: JSON = ["type": "string", "nullable": true]
        let uuid: JSON = ["type": "string", "format": "uuid"]
        let optionalUUID: JSON = ["type": "string", "format": "uuid", "nullable": true]
        let time: JSON = ["type": "string", "format": "date-time"]
        let optionalTime: JSON = ["type": "string", "format": "date-time", "nullable": true]
        let optionalNumber: JSON = ["type": "number", "nullable": true]
        let location: JSON = [
            "type": "object", "required": ["locatable"],
            "properties": [
                "dutyStationID": optionalUUID, "latitude": optionalNumber, "longitude": optionalNumber,
                "confirmedAt": optionalTime,
                "source": [
                    "type": "string", "nullable": true, "enum": LocationSource.allCases.map(\.rawValue) + [NSNull()],
                ],
                "locatable": ["type": "boolean"],
            ],
        ]
        return [
            "Personnel": [
                "type": "object", "required": ["id", "name", "indexNumber", "category", "dutyStationID", "unitID"],
                "properties": [
                    "id": uuid, "name": string, "indexNumber": string,
                    "category": ["type": "string", "enum": PersonnelCategory.allCases.map(\.rawValue)],
                    "agencyID": optionalUUID, "dutyStationID": uuid, "unitID": uuid,
                    "contacts": [
                        "type": "object", "nullable": true,
                        "properties": [
                            "phone": optionalString, "otherPhone": optionalString, "email": optionalString,
                            "language": string, "emergencyContact": optionalString,
                        ],
                    ],
                    "location": location.merging(["nullable": true]) { a, _ in a },
                    "dependants": [
                        "type": "array", "nullable": true,
                        "items": [
                            "type": "object", "required": ["id", "name", "relationship", "location"],
                            "properties": [
                                "id": uuid, "name": string,
                                "relationship": ["type": "string", "enum": Relationship.allCases.map(\.rawValue)],
                                "dateOfBirth": optionalString, "residence": optionalString, "phone": optionalString,
                                "location": location,
                            ],
                        ],
                    ],
                ],
            ],
            "PersonnelBody": [
                "type": "object",
                "description": "Phones in the international form (+ country code); a field left out keeps its value.",
                "properties": [
                    "name": string, "indexNumber": string, "category": string, "dutyStationID": string,
                    "agencyID": string, "phone": string, "otherPhone": string, "email": string, "language": string,
                    "emergencyContact": string, "account": string,
                ],
            ],
            "DependantBody": [
                "type": "object",
                "properties": [
                    "name": string, "relationship": string, "dateOfBirth": string, "residence": string,
                    "phone": string,
                ],
            ],
            "LocationBody": [
                "type": "object",
                "properties": [
                    "dutyStationID": string, "latitude": ["type": "number"], "longitude": ["type": "number"],
                    "withDependants": ["type": "boolean"],
                ],
            ],
            "RollCall": [
                "type": "object",
                "required": ["id", "title", "occurredAt", "openedAt", "dutyStationIDs", "listed", "counts"],
                "properties": [
                    "id": uuid, "title": string, "occurredAt": time, "openedAt": time, "closedAt": optionalTime,
                    "dutyStationIDs": ["type": "array", "items": uuid],
                    "listed": ["type": "integer"],
                    "counts": ["type": "object", "additionalProperties": ["type": "integer"]],
                    "accountedPercent": optionalNumber, "secondsToHalf": optionalNumber,
                    "secondsToNinetyPercent": optionalNumber, "secondsToAll": optionalNumber,
                ],
            ],
            "RollCallBody": [
                "type": "object",
                "description":
                    "Areas or duty stations, or a point with a radius in km; channels in order (sms, email).",
                "properties": [
                    "title": string, "occurredAt": ["type": "string", "description": "YYYY-MM-DDTHH:MM (UTC)"],
                    "areaIDs": ["type": "array", "items": uuid], "dutyStationIDs": ["type": "array", "items": uuid],
                    "latitude": ["type": "number"], "longitude": ["type": "number"], "radiusKm": ["type": "number"],
                    "channels": ["type": "array", "items": ["type": "string", "enum": ["sms", "email"]]],
                    "secondAfterMinutes": ["type": "integer"], "repeatMinutes": ["type": "integer"],
                ],
            ],
            "RollCallEntry": [
                "type": "object", "required": ["id", "personnelID", "status"],
                "properties": [
                    "id": uuid, "personnelID": uuid, "dependantID": optionalUUID, "dutyStationID": optionalUUID,
                    "status": ["type": "string", "enum": AccountStatus.allCases.map(\.rawValue)],
                    "method": optionalString, "markedAt": optionalTime,
                ],
            ],
            "WardenBody": ["type": "object", "properties": ["username": string, "dutyStationID": uuid]],
            "MarkBody": [
                "type": "object",
                "properties": [
                    "status": ["type": "string", "enum": AccountStatus.allCases.map(\.rawValue)],
                    "method": ["type": "string", "enum": MarkMethod.allCases.map(\.rawValue)], "note": string,
                ],
            ],
        ]
    }
}

import Foundation
import ResilienceCore

extension OpenAPIDocument {
    /// Security areas and their levels.
    static var securityOperations: [Operation] {
        let any = AppPath.any
        return [
            .init(
                method: "get", path: .apiUnitSecurityAreas(any),
                summary: "The security areas kept in this unit's subtree, with their levels",
                response: array("SecurityArea")),
            .init(
                method: "post", path: .apiUnitSecurityAreas(any), summary: "Create a security area kept by this unit",
                body: "SecurityAreaBody", response: ref("SecurityArea"), status: "201"),
            .init(
                method: "get", path: .apiSecurityArea(any), summary: "One area with its level history",
                response: ref("SecurityArea")),
            .init(
                method: "patch", path: .apiSecurityArea(any), summary: "Rename an area", body: "SecurityAreaBody",
                response: ref("SecurityArea")),
            .init(
                method: "post", path: .apiSecurityAreaStations(any),
                summary: "Put a duty station of the area's country in this area", body: "AssignStationBody",
                response: ref("SecurityArea")),
            .init(
                method: "post", path: .apiSecurityAreaLevels(any),
                summary: "Propose a level from the five threat ratings (the regional security desk decides)",
                body: "LevelProposalBody", response: ref("SecurityLevel"), status: "201"),
            .init(
                method: "post", path: .apiSecurityLevelDecision(any),
                summary: "Approve or send back a proposed level (regional security desk), or withdraw it (its officer)",
                body: "LevelDecisionBody", response: ref("SecurityLevel")),
            .init(
                method: "get", path: .apiSecurityMeasures,
                summary: "HQ's catalogue of security risk management measures",
                response: array("Measure")),
            .init(
                method: "post", path: .apiSecurityMeasures, summary: "Add a measure to the catalogue (HQ)",
                body: "MeasureBody", response: ref("Measure"), status: "201"),
            .init(
                method: "patch", path: .apiSecurityMeasure(any), summary: "Change a measure of the catalogue (HQ)",
                body: "MeasureBody", response: ref("Measure")),
            .init(
                method: "get", path: .apiDutyStationMeasures(any),
                summary: "A duty station's required measures and its compliance", response: ref("StationCompliance")),
            .init(
                method: "post", path: .apiDutyStationMeasures(any),
                summary: "Record the compliance of required measures, by code (the country's security officer)",
                body: "ComplianceBody", response: ref("StationCompliance")),
            .init(method: "get", path: .apiAgencies, summary: "The agencies HQ lists", response: array("Agency")),
            .init(
                method: "post", path: .apiAgencies, summary: "Add an agency (HQ)", body: "AgencyBody",
                response: ref("Agency"), status: "201"),
            .init(
                method: "patch", path: .apiAgency(any), summary: "Rename an agency (HQ)", body: "AgencyBody",
                response: ref("Agency")),
            .init(
                method: "get", path: .apiDutyStationAgencies(any),
                summary: "The agencies at a duty station with their headcounts", response: array("Headcount")),
            .init(
                method: "post", path: .apiDutyStationAgencies(any),
                summary: "Set agencies' headcounts at a duty station (all zero removes one)", body: "HeadcountList",
                response: array("Headcount")),
            .init(
                method: "get", path: .apiIndicators,
                summary: "Every performance indicator of a unit (default: your widest reach), with its history",
                response: array("Indicator"), query: ["unit"]),
            .init(
                method: "get", path: .apiSecuritySettings,
                summary: "HQ's security settings: review intervals by level and acceptable risk",
                response: ref("SecuritySettings")),
            .init(
                method: "put", path: .apiSecuritySettings, summary: "Change HQ's security settings",
                body: "SecuritySettings", response: ref("SecuritySettings")),
            .init(
                method: "get", path: .apiDutyStationDatabase,
                summary:
                    "The duty-station database: level, assessment, compliance and headcounts of every duty station in reach",
                response: ref("StationFacts"), paged: true,
                query: ["q", "country", "region", "level", "assessment", "below", "sort", "dir"]),
            .init(
                method: "get", path: .apiAreaAssessments(any), summary: "Every version of an area's risk assessment",
                response: array("RiskAssessment")),
            .init(
                method: "post", path: .apiAreaAssessments(any),
                summary: "Start the area's next assessment from the latest (or return the one being written)",
                response: ref("RiskAssessment"), status: "201"),
            .init(
                method: "get", path: .apiRiskAssessment(any), summary: "One version", response: ref("RiskAssessment")),
            .init(
                method: "put", path: .apiRiskAssessmentContent(any),
                summary: "Replace a draft's threats and added measures", body: "AssessmentContent",
                response: ref("RiskAssessment")),
            .init(
                method: "post", path: .apiRiskAssessmentMoves(any),
                summary: "Submit or withdraw (the officer), approve or return with a reason (the regional desk)",
                body: "AssessmentMoveBody", response: ref("RiskAssessment")),
            .init(
                method: "get", path: .apiRiskAssessmentComments(any), summary: "The threads on an assessment's threats",
                response: array("AssessmentComment")),
            .init(
                method: "post", path: .apiRiskAssessmentComments(any),
                summary: "Write in a threat's thread (the desk while submitted, the officer while written or returned)",
                body: "AssessmentCommentBody", response: ref("AssessmentComment"), status: "201"),
        ]
    }

    static func securitySchemas() -> JSON {
        let string: JSON = ["type": "string"]
        let optionalString: JSON = ["type": "string", "nullable": true]
        let uuid: JSON = ["type": "string", "format": "uuid"]
        let day: JSON = ["type": "string", "description": "YYYY-MM-DD"]
        let rating: JSON = ["type": "integer", "minimum": 1, "maximum": 6]
        let threats: JSON = [
            "type": "object", "description": "Each threat category's rating, 1 (minimal) to 6 (extreme)",
            "properties": Dictionary(uniqueKeysWithValues: ThreatCategory.allCases.map { ($0.rawValue, rating) }),
        ]
        let names: JSON = [
            "type": "object", "description": "The name per language code; at least one",
            "additionalProperties": ["type": "string", "maxLength": NameSet.maximumLength],
        ]
        let level: JSON = [
            "type": "object",
            "required": [
                "id", "areaID", "level", "levelName", "threats", "reason", "unchanged", "effectiveOn", "nextReview",
                "state", "proposedBy", "proposedAt",
            ],
            "properties": [
                "id": uuid, "areaID": uuid, "level": rating,
                "levelName": ["type": "string", "enum": SecurityLevel.allCases.map(\.code)],
                "threats": threats, "reason": string, "unchanged": ["type": "boolean"], "effectiveOn": day,
                "nextReview": day, "state": ["type": "string", "enum": LevelDecisionState.allCases.map(\.rawValue)],
                "proposedBy": string, "proposedAt": ["type": "string", "format": "date-time"],
                "decidedBy": optionalString, "decidedAt": ["type": "string", "format": "date-time", "nullable": true],
                "decisionNote": optionalString,
            ],
        ]
        let categories = MeasureCategory.allCases.map(\.rawValue)
        let statuses = MeasureStatus.allCases.map(\.rawValue)
        let count: JSON = ["type": "integer", "minimum": 0, "maximum": AgencyService.maximumHeadcount]
        let headcount: JSON = [
            "type": "object", "required": ["agencyID", "internationalStaff", "nationalStaff", "dependants"],
            "properties": ["agencyID": uuid, "internationalStaff": count, "nationalStaff": count, "dependants": count],
        ]
        let dateTime: JSON = ["type": "string", "format": "date-time", "nullable": true]
        let riskRating: JSON = [
            "type": "object", "required": ["likelihood", "impact"],
            "properties": [
                "likelihood": ["type": "integer", "minimum": 1, "maximum": 5],
                "impact": ["type": "integer", "minimum": 1, "maximum": 5],
            ],
        ]
        let content: JSON = [
            "type": "object", "required": ["threats", "addedMeasures"],
            "properties": [
                "threats": [
                    "type": "array", "maxItems": AssessmentContent.maximumThreats,
                    "items": [
                        "type": "object", "required": ["kind", "description", "inherent", "residual", "decision"],
                        "properties": [
                            "id": uuid, "kind": string, "description": ["type": "string", "minLength": 1],
                            "inherent": riskRating, "measures": string, "residual": riskRating,
                            "decision": ["type": "string", "enum": RiskDecision.allCases.map(\.rawValue)],
                        ],
                    ],
                ],
                "addedMeasures": ["type": "array", "items": string],
            ],
        ]
        var nullableLevel = level
        nullableLevel["nullable"] = true
        return [
            "SecurityLevel": level,
            "SecurityArea": [
                "type": "object",
                "required": ["id", "country", "names", "unitID", "reviewOverdue", "dutyStationIDs"],
                "properties": [
                    "id": uuid, "country": string, "names": names, "unitID": uuid, "level": nullableLevel,
                    "reviewOverdue": ["type": "boolean"], "waiting": nullableLevel,
                    "dutyStationIDs": ["type": "array", "items": uuid],
                    "history": ["type": "array", "items": ref("SecurityLevel")],
                ],
            ],
            "SecurityAreaBody": [
                "type": "object",
                "properties": ["country": ["type": "string", "minLength": 2, "maxLength": 2], "names": names],
            ],
            "LevelProposalBody": [
                "type": "object", "required": ["threats", "reason", "effectiveOn"],
                "properties": ["threats": threats, "reason": string, "effectiveOn": day, "nextReview": day],
            ],
            "LevelDecisionBody": [
                "type": "object", "required": ["move"],
                "properties": [
                    "move": ["type": "string", "enum": LevelMove.allCases.map(\.rawValue)], "reason": string,
                ],
            ],
            "Measure": [
                "type": "object", "required": ["id", "code", "category", "names"],
                "properties": [
                    "id": uuid, "code": string, "category": ["type": "string", "enum": categories],
                    "baselineFrom": ["type": "integer", "minimum": 1, "maximum": 6, "nullable": true], "names": names,
                ],
            ],
            "MeasureBody": [
                "type": "object",
                "properties": [
                    "code": ["type": "string", "maxLength": 20], "category": ["type": "string", "enum": categories],
                    "baselineFrom": rating, "names": names, "clearBaseline": ["type": "boolean"],
                ],
            ],
            "StationCompliance": [
                "type": "object", "required": ["dutyStationID", "required", "compliant", "notApplicable", "measures"],
                "properties": [
                    "dutyStationID": uuid, "level": ["type": "integer", "nullable": true],
                    "percent": ["type": "number", "nullable": true], "required": ["type": "integer"],
                    "compliant": ["type": "integer"], "notApplicable": ["type": "integer"],
                    "measures": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["code"],
                            "properties": [
                                "code": string, "status": ["type": "string", "enum": statuses, "nullable": true],
                                "reason": optionalString, "evidence": optionalString, "verifiedBy": optionalString,
                                "verifiedAt": ["type": "string", "format": "date-time", "nullable": true],
                            ],
                        ],
                    ],
                ],
            ],
            "ComplianceBody": [
                "type": "object", "required": ["measures"],
                "properties": [
                    "measures": [
                        "type": "object", "description": "By measure code",
                        "additionalProperties": [
                            "type": "object",
                            "properties": [
                                "status": ["type": "string", "enum": statuses], "reason": string, "evidence": string,
                            ],
                        ],
                    ]
                ],
            ],
            "Agency": [
                "type": "object", "required": ["id", "shortNames", "fullNames"],
                "properties": ["id": uuid, "shortNames": names, "fullNames": names],
            ],
            "AgencyBody": ["type": "object", "properties": ["shortNames": names, "fullNames": names]],
            "Headcount": headcount,
            "HeadcountList": ["type": "array", "items": headcount],
            "AssessmentContent": content,
            "AssessmentComment": [
                "type": "object", "required": ["id", "body", "author", "at"],
                "properties": [
                    "id": uuid, "threatID": ["type": "string", "format": "uuid", "nullable": true], "body": string,
                    "author": string, "at": ["type": "string", "format": "date-time"],
                ],
            ],
            "AssessmentCommentBody": [
                "type": "object", "required": ["body"],
                "properties": ["threatID": uuid, "body": ["type": "string", "minLength": 1, "maxLength": 4000]],
            ],
            "Indicator": [
                "type": "object", "required": ["code", "seed", "unitID", "count", "total", "history"],
                "properties": [
                    "code": ["type": "string", "enum": Indicator.allCases.map(\.rawValue)], "seed": string,
                    "unitID": uuid, "share": ["type": "number", "nullable": true], "count": ["type": "integer"],
                    "total": ["type": "integer"],
                    "history": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["day", "value"],
                            "properties": ["day": day, "value": ["type": "number"]],
                        ],
                    ],
                ],
            ],
            "SecuritySettings": [
                "type": "object", "required": ["reviewMonths", "acceptable"],
                "properties": [
                    "reviewMonths": [
                        "type": "array", "minItems": 6, "maxItems": 6,
                        "items": [
                            "type": "integer", "minimum": LevelReviewIntervals.allowed.lowerBound,
                            "maximum": LevelReviewIntervals.allowed.upperBound,
                        ],
                    ],
                    "acceptable": [
                        "type": "object",
                        "properties": Dictionary(
                            uniqueKeysWithValues: RiskLevel.allCases.map {
                                (
                                    $0.rawValue,
                                    [
                                        "type": "string",
                                        "enum": ProgrammeCriticality.allCases.map(\.rawValue) + ["none"],
                                    ] as JSON
                                )
                            }),
                    ],
                ],
            ],
            "StationFacts": [
                "type": "object",
                "required": [
                    "id", "name", "country", "areaID", "areaNames", "latitude", "longitude", "unitID", "unitName",
                    "reviewOverdue", "assessment", "fullyCompliant", "agencies", "internationalStaff", "nationalStaff",
                    "dependants",
                ],
                "properties": [
                    "id": uuid, "name": string, "country": string, "areaID": uuid, "areaNames": names,
                    "latitude": ["type": "number"], "longitude": ["type": "number"], "unitID": uuid, "unitName": string,
                    "regionID": ["type": "string", "format": "uuid", "nullable": true], "regionName": optionalString,
                    "level": ["type": "integer", "nullable": true], "nextReview": dateTime,
                    "reviewOverdue": ["type": "boolean"],
                    "assessment": ["type": "string", "enum": AssessmentStatus.allCases.map(\.rawValue)],
                    "compliancePercent": ["type": "number", "nullable": true], "fullyCompliant": ["type": "boolean"],
                    "agencies": ["type": "integer"], "internationalStaff": ["type": "integer"],
                    "nationalStaff": ["type": "integer"], "dependants": ["type": "integer"],
                ],
            ],
            "RiskAssessment": [
                "type": "object", "required": ["id", "areaID", "version", "state", "content"],
                "properties": [
                    "id": uuid, "areaID": uuid, "version": ["type": "integer"],
                    "state": ["type": "string", "enum": AssessmentState.allCases.map(\.rawValue)], "content": content,
                    "validUntil": dateTime, "submittedBy": optionalString, "submittedAt": dateTime,
                    "decidedBy": optionalString, "decidedAt": dateTime, "decisionNote": optionalString,
                ],
            ],
            "AssessmentMoveBody": [
                "type": "object", "required": ["move"],
                "properties": [
                    "move": ["type": "string", "enum": AssessmentMove.allCases.map(\.rawValue)], "reason": string,
                ],
            ],
            "AssignStationBody": [
                "type": "object", "required": ["dutyStationID"], "properties": ["dutyStationID": uuid],
            ],
        ]
    }
}

import Foundation
import ResilienceCore
import Vapor

extension OpenAPIDocument {
    /// The review cycle's and oversight's schemas.
    static func reviewSchemas() -> JSON {
        let string: JSON = ["type": "string"]
        let optionalString: JSON = ["type": "string", "nullable": true]
        let uuid: JSON = ["type": "string", "format": "uuid"]
        let date: JSON = ["type": "string", "format": "date-time", "nullable": true]
        let int: JSON = ["type": "integer"]
        let states = ReviewState.allCases.map(\.rawValue)
        let riskAction: JSON = [
            "type": "object", "required": ["description"],
            "properties": [
                "description": ["type": "string", "maxLength": 200],
                "owner": ["type": "string", "maxLength": 200, "nullable": true],
                "dueDate": ["type": "string", "description": "YYYY-MM-DD", "nullable": true],
                "done": ["type": "boolean"],
            ],
        ]
        let names: JSON = [
            "type": "object", "description": "Per key, per language code",
            "additionalProperties": [
                "type": "object", "additionalProperties": ["type": "string", "maxLength": RiskScale.maximumNameLength],
            ],
        ]
        let figures: JSON = [
            "type": "object",
            "required": ["units", "inForce", "updatedWithinYear", "testedWithinYear", "withRiskRegister", "overdue"],
            "properties": [
                "units": int, "inForce": int, "updatedWithinYear": int, "testedWithinYear": int,
                "withRiskRegister": int, "overdue": int,
            ],
        ]
        return [
            "PlanReview": [
                "type": "object", "required": ["planID", "state", "standing", "availableMoves", "threads", "history"],
                "properties": [
                    "planID": uuid, "state": ["type": "string", "enum": states],
                    "submittedVersion": ["type": "integer", "nullable": true],
                    "returnedVersion": ["type": "integer", "nullable": true], "approvedAt": date, "dueAt": date,
                    "standing": ["type": "string", "enum": PlanDue.Standing.allCases.map(\.rawValue)],
                    "availableMoves": [
                        "type": "array", "items": ["type": "string", "enum": ReviewMove.allCases.map(\.rawValue)],
                    ],
                    "threads": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "id": uuid, "version": int, "section": string,
                                "itemID": ["type": "string", "format": "uuid", "nullable": true],
                                "field": optionalString,
                                "label": string,
                                "state": ["type": "string", "enum": FeedbackState.allCases.map(\.rawValue)],
                                "messages": [
                                    "type": "array",
                                    "items": [
                                        "type": "object",
                                        "properties": [
                                            "author": string, "fromReviewer": ["type": "boolean"], "at": date,
                                            "body": string,
                                        ],
                                    ],
                                ],
                            ],
                        ],
                    ],
                    "history": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "move": string, "from": string, "to": string,
                                "version": ["type": "integer", "nullable": true], "comment": optionalString,
                                "by": string, "at": ["type": "string", "format": "date-time"],
                            ],
                        ],
                    ],
                ],
            ],
            "ReviewMoveBody": [
                "type": "object", "required": ["move"],
                "properties": [
                    "move": [
                        "type": "string", "enum": ReviewMove.allCases.filter { $0 != .supersede }.map(\.rawValue),
                    ],
                    "comment": ["type": "string", "maxLength": 4000],
                ],
            ],
            "FeedbackBody": [
                "type": "object", "required": ["item", "body"],
                "properties": [
                    "item": [
                        "type": "string",
                        "description": "A section (`processes`) or an item of a list section (`processes:<uuid>`)",
                    ],
                    "field": [
                        "type": "string",
                        "description": "Optional: a field of the item, as the comparison names it (`rtoHours`)",
                    ],
                    "body": ["type": "string", "maxLength": 4000],
                ],
            ],
            "ReplyBody": ["type": "object", "properties": ["body": ["type": "string", "maxLength": 4000]]],
            "Dashboard": [
                "type": "object", "required": ["figures", "total", "items"],
                "properties": [
                    "figures": figures, "total": int,
                    "items": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "unitID": uuid, "name": string, "code": optionalString, "kind": string,
                                "planID": ["type": "string", "format": "uuid", "nullable": true],
                                "cycle": ["type": "integer", "nullable": true], "state": optionalString,
                                "approvedAt": date, "dueAt": date,
                                "standing": string, "lastExercise": date, "hasRiskRegister": ["type": "boolean"],
                                "openFeedback": int,
                            ],
                        ],
                    ],
                ],
            ],
            "ComplianceReport": [
                "type": "object", "required": ["id", "unitID", "at", "figures", "comments", "submittedBy"],
                "properties": [
                    "id": uuid, "unitID": uuid, "at": ["type": "string", "format": "date-time"], "figures": figures,
                    "comments": string, "submittedBy": string,
                ],
            ],
            "ComplianceReportBody": [
                "type": "object", "required": ["comments"],
                "properties": [
                    "at": ["type": "string", "description": "YYYY-MM-DD, today if left out"],
                    "comments": ["type": "string", "maxLength": 4000],
                ],
            ],
            "Oversight": [
                "type": "object", "required": ["regions"],
                "properties": [
                    "total": figures,
                    "regions": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "unitID": uuid, "name": string, "figures": figures, "lastReport": date,
                                "history": [
                                    "type": "array",
                                    "items": ["type": "object", "properties": ["day": string, "figures": figures]],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "Campaign": [
                "type": "object", "required": ["id", "scopeUnitID", "cycle", "deadline", "openedBy"],
                "properties": [
                    "id": uuid, "scopeUnitID": uuid, "cycle": int,
                    "deadline": ["type": "string", "format": "date-time"], "note": optionalString,
                    "openedBy": string, "done": ["type": "integer", "nullable": true],
                    "late": ["type": "integer", "nullable": true],
                    "units": [
                        "type": "array", "nullable": true,
                        "items": [
                            "type": "object",
                            "properties": [
                                "unitID": uuid, "name": string, "planID": uuid,
                                "state": ["type": "string", "enum": states], "late": ["type": "boolean"],
                            ],
                        ],
                    ],
                ],
            ],
            "Risk": [
                "type": "object", "required": ["id", "unitID", "kind", "title", "inherent", "status", "source"],
                "properties": [
                    "id": uuid, "unitID": uuid, "kind": string, "title": string, "cause": optionalString,
                    "consequence": optionalString,
                    "inherent": [
                        "type": "object", "properties": ["likelihood": int, "impact": int, "level": optionalString],
                    ],
                    "residual": [
                        "type": "object", "nullable": true,
                        "properties": ["likelihood": int, "impact": int, "level": optionalString],
                    ],
                    "owner": optionalString, "treatment": optionalString,
                    "status": ["type": "string", "enum": RiskStatus.allCases.map(\.rawValue)],
                    "actions": ["type": "array", "items": riskAction],
                    "scenarios": [
                        "type": "array", "items": ["type": "object", "properties": ["id": uuid, "name": string]],
                    ],
                    "processes": [
                        "type": "array", "items": ["type": "object", "properties": ["id": uuid, "name": string]],
                    ],
                    "reviewDate": date, "source": ["type": "string", "enum": RiskSource.allCases.map(\.rawValue)],
                    "updatedAt": date, "updatedBy": optionalString,
                ],
            ],
            "RiskBody": [
                "type": "object", "required": ["kind", "title", "likelihood", "impact"],
                "description": "The whole risk: what is left out is empty (no actions, no links to the plan).",
                "properties": [
                    "kind": [
                        "type": "string",
                        "description":
                            "A kind of the risk matrix's list: \(RiskKind.standard.joined(separator: ", ")) or one HQ added",
                    ],
                    "title": ["type": "string", "maxLength": 200],
                    "actions": ["type": "array", "maxItems": RiskAction.maximumCount, "items": riskAction],
                    "scenarios": [
                        "type": "array", "items": uuid,
                        "description": "Scenarios of the unit's newest plan the risk leads to",
                    ],
                    "processes": [
                        "type": "array", "items": uuid,
                        "description": "Critical processes of the unit's newest plan the risk threatens",
                    ],
                    "cause": ["type": "string", "maxLength": 2000],
                    "consequence": ["type": "string", "maxLength": 2000],
                    "likelihood": ["type": "integer", "minimum": 1, "maximum": 5],
                    "impact": ["type": "integer", "minimum": 1, "maximum": 5],
                    "residualLikelihood": ["type": "integer", "minimum": 1, "maximum": 5],
                    "residualImpact": ["type": "integer", "minimum": 1, "maximum": 5],
                    "owner": ["type": "string", "maxLength": 200], "treatment": ["type": "string", "maxLength": 2000],
                    "status": ["type": "string", "enum": RiskStatus.allCases.map(\.rawValue)],
                    "reviewDate": ["type": "string", "description": "YYYY-MM-DD"],
                    "source": ["type": "string", "enum": RiskSource.allCases.map(\.rawValue)],
                ],
            ],
            "RiskScale": [
                "type": "object", "required": ["levels"],
                "properties": [
                    "levels": [
                        "type": "array", "minItems": 5, "maxItems": 5,
                        "description": "levels[likelihood - 1][impact - 1]",
                        "items": [
                            "type": "array", "minItems": 5, "maxItems": 5,
                            "items": ["type": "string", "enum": RiskLevel.allCases.map(\.rawValue)],
                        ],
                    ],
                    "levelNames": names, "likelihoodNames": names, "impactNames": names,
                    "kinds": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["code"],
                            "properties": [
                                "code": ["type": "string", "pattern": "^[a-z][a-z0-9_]{0,39}$"],
                                "standard": ["type": "boolean"],
                                "names": [
                                    "type": "object",
                                    "additionalProperties": [
                                        "type": "string", "maxLength": RiskScale.maximumNameLength,
                                    ],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "RiskHeat": [
                "type": "object", "required": ["inherent", "residual", "levels"],
                "properties": [
                    "inherent": ["type": "array", "items": ["type": "array", "items": int]],
                    "residual": ["type": "array", "items": ["type": "array", "items": int]],
                    "levels": ["type": "array", "items": ["type": "array", "items": string]],
                ],
            ],
            "CampaignBody": [
                "type": "object", "required": ["cycle", "deadline", "kinds"],
                "properties": [
                    "cycle": ["type": "string", "description": "The year, e.g. 2027"],
                    "deadline": ["type": "string", "description": "YYYY-MM-DD"],
                    "kinds": [
                        "type": "array",
                        "items": ["type": "string", "enum": OversightService.planningKinds.map(\.rawValue)],
                    ],
                    "note": ["type": "string", "maxLength": 4000],
                ],
            ],
        ]
    }
}

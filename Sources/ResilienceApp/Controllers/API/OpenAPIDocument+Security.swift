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
            "AssignStationBody": [
                "type": "object", "required": ["dutyStationID"], "properties": ["dutyStationID": uuid],
            ],
        ]
    }
}

import Foundation
import ResilienceCore
import Vapor

/// The OpenAPI 3.0 description of `/api/v1`, built from the same paths the routes use. The
/// contract test and schemathesis hold the API to it.
enum OpenAPIDocument {
    typealias JSON = [String: Any]

    struct Operation {
        var method: String; var path: AppPath; var summary: String
        var body: String? = nil; var response: JSON?; var status = "200"; var paged = false
        var query: [String] = []
    }

    static func ref(_ name: String) -> JSON { ["$ref": "#/components/schemas/\(name)"] }
    static func array(_ name: String) -> JSON { ["type": "array", "items": ref(name)] }

    static var described: Set<String> {
        Set(operations.map { "\($0.method.uppercased()) \($0.path.template)" } + ["GET \(AppPath.apiOpenAPI.template)"])
    }

    /// The document, built once: it depends only on the code and the catalogue's languages.
    static let cached: Data = json()

    static func json() -> Data {
        var paths: [String: JSON] = [:]
        for op in operations {
            let template = op.path.template.replacingOccurrences(of: "/api/v1", with: "")
            let openAPIPath = template.split(separator: "/").map {
                $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
            }
            .joined(separator: "/")
            var parameters: [JSON] = template.split(separator: "/").filter { $0.hasPrefix(":") }.map {
                component -> JSON in
                let name = String(component.dropFirst())
                let schema: JSON =
                    name == "number" ? ["type": "integer", "minimum": 1] : ["type": "string", "format": "uuid"]
                return ["name": name, "in": "path", "required": true, "schema": schema]
            }
            if op.paged {
                parameters += [
                    ["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1]],
                    ["name": "per", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 100]],
                ]
            }
            parameters += op.query.map { name -> JSON in
                let schema: JSON
                if ["cycle", "version"].contains(name) {
                    schema = ["type": "integer"]
                } else if ["l", "i"].contains(name) {
                    schema = ["type": "integer", "minimum": 1, "maximum": 5]
                } else if [
                    "q", "after", "before", "from", "to", "state", "standing", "kind", "level", "status", "rating",
                    "country", "region", "assessment", "below", "sort", "dir", "secret", "from", "text", "message",
                ].contains(name) {
                    schema = ["type": "string"]
                } else {
                    schema = ["type": "string", "format": "uuid"]
                }
                return ["name": name, "in": "query", "schema": schema]
            }
            var responses: JSON = [
                "401": [
                    "description": "No or invalid bearer token",
                    "content": ["application/json": ["schema": ref("Error")]],
                ],
                "403": [
                    "description": "Not allowed for your roles",
                    "content": ["application/json": ["schema": ref("Error")]],
                ],
                "404": ["description": "Not found", "content": ["application/json": ["schema": ref("Error")]]],
                "400": ["description": "Malformed request", "content": ["application/json": ["schema": ref("Error")]]],
            ]
            if let response = op.response {
                let schema: JSON =
                    op.paged
                    ? [
                        "type": "object", "required": ["items", "metadata"],
                        "properties": ["items": ["type": "array", "items": response], "metadata": ref("PageInfo")],
                    ] : response
                responses[op.status] = ["description": "OK", "content": ["application/json": ["schema": schema]]]
            } else {
                responses[op.status] = ["description": "Done"]
            }
            var operation: JSON = [
                "summary": op.summary, "parameters": parameters, "responses": responses,
                "operationId":
                    "\(op.method)\(openAPIPath.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "").replacingOccurrences(of: "-", with: "_"))",
            ]
            if let body = op.body {
                operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]]
                responses["422"] = [
                    "description": "Refused: each wrong field with a message",
                    "content": ["application/json": ["schema": ref("Error")]],
                ]
                responses["409"] = [
                    "description": "Conflicts with existing data",
                    "content": ["application/json": ["schema": ref("Error")]],
                ]
                responses["415"] = [
                    "description": "Body is not JSON", "content": ["application/json": ["schema": ref("Error")]],
                ]
                operation["responses"] = responses
            } else if op.method != "get" {
                responses["422"] = [
                    "description": "Refused", "content": ["application/json": ["schema": ref("Error")]],
                ]
                operation["responses"] = responses
            }
            paths[openAPIPath, default: [:]][op.method] = operation
        }
        let string: JSON = ["type": "string"]
        let optionalString: JSON = ["type": "string", "nullable": true]
        let uuid: JSON = ["type": "string", "format": "uuid"]
        let date: JSON = ["type": "string", "format": "date-time", "nullable": true]
        let document: JSON = [
            "openapi": "3.0.3",
            "info": [
                "title": "Resilience API", "version": "1",
                "description":
                    "Business continuity and security management. Authenticate with `Authorization: Bearer <token>`; create tokens on your account page or with `resilience token create USERNAME`.",
            ],
            "servers": [["url": "/api/v1"]],
            "security": [["bearer": [String]()]],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": [
                    "Unit": [
                        "type": "object", "required": ["id", "name", "kind", "depth"],
                        "properties": [
                            "id": uuid, "name": string, "code": optionalString,
                            "kind": [
                                "type": "string", "enum": ["headquarters", "region", "country_operation", "office"],
                            ],
                            "parentID": ["type": "string", "format": "uuid", "nullable": true],
                            "depth": ["type": "integer"], "retiredAt": date,
                        ],
                    ],
                    "UnitBody": [
                        "type": "object",
                        "properties": [
                            "name": ["type": "string", "maxLength": 200], "code": ["type": "string", "maxLength": 20],
                            "kind": [
                                "type": "string", "enum": ["headquarters", "region", "country_operation", "office"],
                            ],
                        ],
                    ],
                    "MoveBody": ["type": "object", "required": ["parentID"], "properties": ["parentID": uuid]],
                    "DutyStation": [
                        "type": "object",
                        "required": ["id", "name", "country", "area", "areaID", "latitude", "longitude", "unitID"],
                        "properties": [
                            "id": uuid, "name": string, "country": string, "area": string, "areaID": uuid,
                            "latitude": ["type": "number"],
                            "longitude": ["type": "number"], "unitID": uuid, "retiredAt": date,
                        ],
                    ],
                    "DutyStationBody": [
                        "type": "object",
                        "properties": [
                            "name": string, "country": ["type": "string", "minLength": 2, "maxLength": 2],
                            "area": string,
                            "latitude": ["type": "number", "minimum": -90, "maximum": 90],
                            "longitude": ["type": "number", "minimum": -180, "maximum": 180],
                        ],
                    ],
                    "User": [
                        "type": "object", "required": ["id", "username", "displayName", "homeUnitID", "isActive"],
                        "properties": [
                            "id": uuid, "username": string, "displayName": string, "email": optionalString,
                            "language": optionalString,
                            "homeUnitID": uuid, "isActive": ["type": "boolean"], "lastSignInAt": date,
                        ],
                    ],
                    "UserBody": [
                        "type": "object",
                        "properties": [
                            "username": string, "displayName": string, "email": string,
                            "password": ["type": "string", "minLength": 10],
                            "homeUnitID": uuid, "language": string, "isActive": ["type": "boolean"],
                        ],
                    ],
                    "Grant": [
                        "type": "object", "required": ["id", "userID", "unitID", "role"],
                        "properties": [
                            "id": uuid, "userID": uuid, "unitID": uuid, "role": string, "createdAt": date,
                            "grantedByID": ["type": "string", "format": "uuid", "nullable": true], "revokedAt": date,
                            "revokedByID": ["type": "string", "format": "uuid", "nullable": true],
                        ],
                    ],
                    "GrantBody": [
                        "type": "object", "required": ["role", "unitID"],
                        "properties": [
                            "role": [
                                "type": "string",
                                "enum": [
                                    "administrator", "hq_oversight", "regional_reviewer", "focal_point",
                                    "contributor", "senior_manager", "security_officer", "staff_member",
                                ],
                            ],
                            "unitID": uuid,
                        ],
                    ],
                    "AuditEntry": [
                        "type": "object",
                        "required": ["id", "at", "action", "entityType", "summary", "before", "after"],
                        "properties": [
                            "id": uuid, "at": ["type": "string", "format": "date-time"],
                            "actorID": ["type": "string", "format": "uuid", "nullable": true],
                            "actorName": optionalString, "action": string, "entityType": string,
                            "entityID": ["type": "string", "format": "uuid", "nullable": true],
                            "unitID": ["type": "string", "format": "uuid", "nullable": true],
                            "subjectUserID": ["type": "string", "format": "uuid", "nullable": true], "summary": string,
                            "before": ["type": "object", "additionalProperties": string],
                            "after": ["type": "object", "additionalProperties": string],
                        ],
                    ],
                    "Token": [
                        "type": "object", "required": ["id", "name"],
                        "properties": [
                            "id": uuid, "name": string, "createdAt": date, "lastUsedAt": date, "revokedAt": date,
                            "token": string,
                        ],
                    ],
                    "ProfileBody": [
                        "type": "object",
                        "properties": [
                            "displayName": ["type": "string", "maxLength": 200], "email": string,
                            "language": ["type": "string", "enum": [""] + Catalogue.shared.languages.map(\.code)],
                        ],
                    ],
                    "TokenBody": [
                        "type": "object", "required": ["name"],
                        "properties": ["name": ["type": "string", "minLength": 1, "maxLength": 100]],
                    ],
                    "Me": [
                        "type": "object", "required": ["user", "grants"],
                        "properties": [
                            "user": ref("User"),
                            "grants": [
                                "type": "array",
                                "items": ["type": "object", "properties": ["role": string, "unitID": uuid]],
                            ],
                        ],
                    ],
                    "PlanSummary": [
                        "type": "object", "required": ["id", "unitID", "cycle", "state", "revision", "latestVersion"],
                        "properties": [
                            "id": uuid, "unitID": uuid, "cycle": ["type": "integer"],
                            "state": ["type": "string", "enum": ReviewState.allCases.map(\.rawValue)],
                            "approvedAt": date, "dueAt": date,
                            "revision": ["type": "integer"], "latestVersion": ["type": "integer"], "updatedAt": date,
                            "updatedBy": optionalString,
                        ],
                    ],
                    "PlanDetail": [
                        "type": "object",
                        "required": ["plan", "content", "scale", "checks", "completeness", "analysis", "canSubmit"],
                        "properties": [
                            "plan": ref("PlanSummary"), "content": ref("PlanContent"), "scale": ref("ImpactScale"),
                            "canSubmit": ["type": "boolean"],
                            "checks": [
                                "type": "array",
                                "items": [
                                    "type": "object",
                                    "properties": [
                                        "code": string, "severity": ["type": "string", "enum": ["error", "warning"]],
                                        "section": string,
                                        "itemID": uuid, "args": ["type": "array", "items": string], "message": string,
                                    ],
                                ],
                            ],
                            "completeness": ["type": "object", "additionalProperties": ["type": "number"]],
                            "analysis": [
                                "type": "array",
                                "items": [
                                    "type": "object",
                                    "properties": [
                                        "processID": uuid, "name": string, "recoveryOrder": ["type": "integer"],
                                        "mtpdHours": ["type": "number"],
                                        "rtoHours": ["type": "number"], "rtoExceedsMTPD": ["type": "boolean"],
                                        "tier": string, "drivingCategory": string,
                                        "ratedCells": ["type": "integer"], "totalCells": ["type": "integer"],
                                    ],
                                ],
                            ],
                        ],
                    ],
                    "PlanContent": [
                        "type": "object", "description": "The ten sections; see an export for the full shape",
                        "required": [
                            "team", "scenarios", "processes", "sites", "agreements", "nationalStaff", "exercises",
                            "other",
                        ],
                        "properties": [
                            "team": ["type": "array", "items": ["type": "object"]],
                            "scenarios": ["type": "array", "items": ["type": "object"]],
                            "processes": ["type": "array", "items": ["type": "object"]],
                            "sites": ["type": "array", "items": ["type": "object"]],
                            "agreements": ["type": "array", "items": ["type": "object"]],
                            "exercises": ["type": "array", "items": ["type": "object"]],
                            "nationalStaff": ["type": "object"], "other": ["type": "object"],
                        ],
                    ],
                    "ImpactScale": [
                        "type": "object", "required": ["ladderHours", "categories", "tolerance"],
                        "properties": [
                            "ladderHours": [
                                "type": "array", "minItems": 1, "maxItems": 20,
                                "items": ["type": "number", "exclusiveMinimum": true, "minimum": 0],
                            ],
                            "categories": [
                                "type": "array", "minItems": 1, "maxItems": 12,
                                "items": ["type": "string", "pattern": "^[a-z][a-z0-9_]{0,39}$"],
                            ],
                            "tolerance": ["type": "integer", "minimum": 1, "maximum": 4],
                            "labels": [
                                "type": "object",
                                "additionalProperties": ["type": "object", "additionalProperties": string],
                            ],
                        ],
                    ],
                    "PlanCreateBody": [
                        "type": "object", "required": ["cycle"],
                        "properties": [
                            "cycle": ["type": "integer", "minimum": 2000, "maximum": 2100],
                            "start": ["type": "string", "enum": ["empty", "in_force"]],
                        ],
                    ],
                    "PlanContentBody": [
                        "type": "object", "required": ["revision", "content"],
                        "properties": ["revision": ["type": "integer"], "content": ref("PlanContent")],
                    ],
                    "PlanVersion": [
                        "type": "object", "required": ["number", "createdBy"],
                        "properties": [
                            "number": ["type": "integer"], "createdAt": date, "createdBy": string,
                            "note": optionalString,
                            "content": ref("PlanContent"), "scale": ref("ImpactScale"),
                        ],
                    ],
                    "PlanComparison": [
                        "type": "object", "required": ["from", "to", "changes"],
                        "properties": [
                            "from": string, "to": string,
                            "changes": [
                                "type": "array",
                                "items": [
                                    "type": "object",
                                    "properties": [
                                        "section": string, "itemID": uuid, "itemName": string,
                                        "kind": ["type": "string", "enum": ["added", "removed", "changed", "moved"]],
                                        "fields": ["type": "array", "items": string],
                                    ],
                                ],
                            ],
                        ],
                    ],
                    "PlanDocument": [
                        "type": "object", "required": ["format", "unit", "cycle", "exportedAt", "scale", "content"],
                        "properties": [
                            "format": ["type": "string", "enum": [PlanDocument.format]],
                            "unit": [
                                "type": "object", "properties": ["id": uuid, "name": string, "code": optionalString],
                            ],
                            "cycle": ["type": "integer"], "version": ["type": "integer", "nullable": true],
                            "exportedAt": ["type": "string", "format": "date-time"],
                            "scale": ref("ImpactScale"), "content": ref("PlanContent"),
                        ],
                    ],
                    "InboxItem": [
                        "type": "object", "required": ["id", "kind", "text", "link"],
                        "properties": [
                            "id": uuid, "kind": string, "text": string, "link": string, "createdAt": date,
                            "readAt": date,
                        ],
                    ],
                    "Activation": [
                        "type": "object",
                        "required": ["id", "unitID", "planID", "kind", "startedAt", "places", "status", "processes"],
                        "properties": [
                            "id": uuid, "unitID": uuid, "planID": uuid, "kind": string,
                            "startedAt": ["type": "string", "format": "date-time"],
                            "places": string, "status": ["type": "string", "enum": ["open", "closed"]],
                            "closedAt": date, "afterAction": optionalString,
                            "startedBy": string,
                            "processes": [
                                "type": "array",
                                "items": [
                                    "type": "object",
                                    "properties": [
                                        "id": uuid, "name": string, "rtoHours": ["type": "number", "nullable": true],
                                        "state": [
                                            "type": "string",
                                            "enum": ["normal", "degraded", "suspended", "relocated", "remote"],
                                        ],
                                    ],
                                ],
                            ],
                        ],
                    ],
                    "ActivationBody": [
                        "type": "object", "required": ["kind", "startedAt", "places"],
                        "properties": [
                            "kind": [
                                "type": "string",
                                "enum": [
                                    "fire", "flood", "earthquake", "conflict", "civil_unrest", "mass_protest",
                                    "pandemic", "cyber",
                                    "office_closure", "staff_relocation", "mass_sickness", "other",
                                ],
                            ],
                            "startedAt": ["type": "string", "description": "UTC, as 2026-11-23T06:30"],
                            "places": ["type": "string", "maxLength": 1000],
                        ],
                    ],
                    "ActivationReportBody": [
                        "type": "object", "required": ["state"],
                        "properties": [
                            "state": [
                                "type": "string", "enum": ["normal", "degraded", "suspended", "relocated", "remote"],
                            ], "note": ["type": "string", "maxLength": 4000],
                        ],
                    ],
                    "ActivationCloseBody": [
                        "type": "object", "required": ["afterAction"],
                        "properties": ["afterAction": ["type": "string", "maxLength": 4000]],
                    ],
                    "PageInfo": [
                        "type": "object", "required": ["page", "per", "hasMore"],
                        "properties": [
                            "page": ["type": "integer"], "per": ["type": "integer"], "hasMore": ["type": "boolean"],
                            "total": [
                                "type": "integer",
                                "description": "Left out for lists that can grow without bound (users, audit)",
                            ],
                            "nextAfter": [
                                "type": "string",
                                "description": "Users: pass as `after` for the next page; deep pages stay fast",
                            ],
                            "previousBefore": [
                                "type": "string", "description": "Users: pass as `before` for the previous page",
                            ],
                        ],
                    ],
                    "Error": [
                        "type": "object", "required": ["error"],
                        "properties": [
                            "error": [
                                "type": "object", "required": ["status", "code", "message"],
                                "properties": [
                                    "status": ["type": "integer"], "code": string, "message": string,
                                    "fields": [
                                        "type": "array",
                                        "items": [
                                            "type": "object",
                                            "properties": ["field": string, "code": string, "message": string],
                                        ],
                                    ],
                                    "findings": [
                                        "type": "array",
                                        "description":
                                            "When a move is refused for the plan's errors: each error, the item it concerns and a link to the field to fix",
                                        "items": [
                                            "type": "object",
                                            "required": ["severity", "code", "section", "message", "link"],
                                            "properties": [
                                                "severity": ["type": "string", "enum": ["error", "warning"]],
                                                "code": string, "section": string,
                                                "item": ["type": "string", "format": "uuid"], "field": string,
                                                "message": string, "link": string,
                                            ],
                                        ],
                                    ],
                                ],
                            ]
                        ],
                    ],
                ],
            ],
        ]
        var complete = document
        var components = complete["components"] as? JSON ?? [:]
        components["schemas"] = (components["schemas"] as? JSON ?? [:]).merging(reviewSchemas()) { a, _ in a }
            .merging(securitySchemas()) { a, _ in a }.merging(personnelSchemas()) { a, _ in a }
            .merging(travelSchemas()) { a, _ in a }
        complete["components"] = components
        return (try? JSONSerialization.data(withJSONObject: complete, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}

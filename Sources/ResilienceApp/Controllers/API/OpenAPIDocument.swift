import Foundation
import ResilienceCore
import Vapor

/// The OpenAPI 3.0 description of `/api/v1`, built from the same paths the routes use. The
/// contract test and schemathesis hold the API to it.
enum OpenAPIDocument {
    typealias JSON = [String: Any]

    private struct Operation {
        var method: String; var path: AppPath; var summary: String
        var body: String? = nil; var response: JSON?; var status = "200"; var paged = false
        var query: [String] = []
    }

    private static func ref(_ name: String) -> JSON { ["$ref": "#/components/schemas/\(name)"] }
    private static func array(_ name: String) -> JSON { ["type": "array", "items": ref(name)] }

    private static var operations: [Operation] {
        let any = AppPath.any
        return [
            .init(method: "get", path: .apiMe, summary: "The account of the token and its grants", response: ref("Me")),
            .init(
                method: "patch", path: .apiMe, summary: "Change your own name, e-mail or language", body: "ProfileBody",
                response: ref("Me")),
            .init(method: "get", path: .apiTokens, summary: "Your API tokens", response: array("Token")),
            .init(
                method: "post", path: .apiTokens, summary: "Create an API token (shown once)", body: "TokenBody",
                response: ref("Token"), status: "201"),
            .init(
                method: "delete", path: .apiToken(any), summary: "Revoke one of your tokens", response: nil,
                status: "204"),
            .init(
                method: "get", path: .apiUnits, summary: "Units (filter by parent or text)", response: ref("Unit"),
                paged: true, query: ["q", "parent"]),
            .init(method: "get", path: .apiUnit(any), summary: "One unit", response: ref("Unit")),
            .init(
                method: "patch", path: .apiUnit(any), summary: "Rename a unit or change its code", body: "UnitBody",
                response: ref("Unit")),
            .init(
                method: "post", path: .apiUnitChildren(any), summary: "Create a unit under this one", body: "UnitBody",
                response: ref("Unit"), status: "201"),
            .init(
                method: "post", path: .apiUnitMove(any), summary: "Move a unit and its subtree", body: "MoveBody",
                response: ref("Unit")),
            .init(
                method: "post", path: .apiUnitRetire(any), summary: "Retire a unit (history is kept)",
                response: ref("Unit")),
            .init(
                method: "post", path: .apiUnitDutyStations(any), summary: "Create a duty station of this unit",
                body: "DutyStationBody", response: ref("DutyStation"), status: "201"),
            .init(
                method: "get", path: .apiDutyStations, summary: "Duty stations", response: ref("DutyStation"),
                paged: true, query: ["q"]),
            .init(method: "get", path: .apiDutyStation(any), summary: "One duty station", response: ref("DutyStation")),
            .init(
                method: "patch", path: .apiDutyStation(any), summary: "Change a duty station", body: "DutyStationBody",
                response: ref("DutyStation")),
            .init(
                method: "post", path: .apiDutyStationRetire(any), summary: "Retire a duty station",
                response: ref("DutyStation")),
            .init(
                method: "get", path: .apiUsers, summary: "Accounts in your scope", response: ref("User"), paged: true,
                query: ["q", "unit", "after", "before"]),
            .init(
                method: "post", path: .apiUsers, summary: "Create an account", body: "UserBody", response: ref("User"),
                status: "201"),
            .init(method: "get", path: .apiUser(any), summary: "One account", response: ref("User")),
            .init(
                method: "patch", path: .apiUser(any), summary: "Change an account", body: "UserBody",
                response: ref("User")),
            .init(
                method: "get", path: .apiUserGrants(any), summary: "Roles granted to an account, revoked ones included",
                response: array("Grant")),
            .init(
                method: "post", path: .apiUserGrants(any), summary: "Grant a role on a unit", body: "GrantBody",
                response: ref("Grant"), status: "201"),
            .init(method: "delete", path: .apiGrant(any), summary: "Revoke a grant", response: ref("Grant")),
            .init(
                method: "get", path: .apiAudit, summary: "The audit trail in your scope", response: ref("AuditEntry"),
                paged: true, query: ["unit", "user"]),
            .init(
                method: "get", path: .apiUnitPlans(any), summary: "A unit's plans, newest cycle first",
                response: array("PlanSummary")),
            .init(
                method: "post", path: .apiUnitPlans(any),
                summary: "Start a plan for a cycle, empty or as a copy of the unit's plan in force",
                body: "PlanCreateBody", response: ref("PlanDetail"), status: "201"),
            .init(
                method: "post", path: .apiUnitPlansImport(any),
                summary: "Import an exported plan file as a new draft (`?cycle=` to file it under another cycle)",
                body: "PlanDocument", response: ref("PlanDetail"), status: "201", query: ["cycle"]),
            .init(
                method: "get", path: .apiPlan(any),
                summary: "A plan: content, checks, completeness and impact analysis", response: ref("PlanDetail")),
            .init(
                method: "put", path: .apiPlanContent(any),
                summary: "Replace a plan's content (refused if someone saved since the `revision` read)",
                body: "PlanContentBody", response: ref("PlanDetail")),
            .init(
                method: "get", path: .apiPlanVersions(any),
                summary: "The versions of a plan, one per submission for review", response: array("PlanVersion")),
            .init(
                method: "get", path: .apiPlanVersion(any, 1), summary: "One version with its content",
                response: ref("PlanVersion")),
            .init(
                method: "get", path: .apiPlanCompare(any),
                summary: "What changed between two versions (`from`, `to`: a number or `draft`)",
                response: ref("PlanComparison"), query: ["from", "to"]),
            .init(
                method: "get", path: .apiPlanExport(any),
                summary: "The plan as an export file (`?version=` for a version)", response: ref("PlanDocument"),
                query: ["version"]),
            .init(
                method: "get", path: .apiImpactScale, summary: "The impact scale new plans use",
                response: ref("ImpactScale")),
            .init(
                method: "put", path: .apiImpactScale, summary: "Configure the impact scale (HQ)", body: "ImpactScale",
                response: ref("ImpactScale")),
            .init(
                method: "get", path: .apiInbox, summary: "Your inbox: what needs you, newest first, in your language",
                response: array("InboxItem")),
            .init(
                method: "post", path: .apiInboxRead, summary: "Mark your whole inbox as read", response: nil,
                status: "204"),
            .init(
                method: "get", path: .apiUnitActivations(any), summary: "A unit's activations, newest first",
                response: array("Activation")),
            .init(
                method: "post", path: .apiUnitActivations(any),
                summary: "Activate the unit's plan for a disruptive event", body: "ActivationBody",
                response: ref("Activation"), status: "201"),
            .init(
                method: "get", path: .apiActivation(any), summary: "An activation with each critical process's state",
                response: ref("Activation")),
            .init(
                method: "post", path: .apiActivationProcess(any, any),
                summary: "Report a critical process's state, with a note", body: "ActivationReportBody",
                response: ref("Activation")),
            .init(
                method: "post", path: .apiActivationClose(any),
                summary: "Close the activation with an after-action note (kept in the plan as an exercise)",
                body: "ActivationCloseBody", response: ref("Activation")),
            .init(
                method: "get", path: .apiPlanReview(any),
                summary: "A plan's review: state, due date, the moves you may make, feedback threads, history",
                response: ref("PlanReview")),
            .init(
                method: "post", path: .apiPlanMoves(any),
                summary:
                    "Move the plan in its review cycle (submit, withdraw, take_for_review, return, endorse, approve)",
                body: "ReviewMoveBody", response: ref("PlanReview")),
            .init(
                method: "post", path: .apiPlanFeedback(any),
                summary: "Open a feedback thread on an item of the version under review (reviewers)",
                body: "FeedbackBody", response: ref("PlanReview"), status: "201"),
            .init(
                method: "post", path: .apiPlanFeedbackAnswer(any, any),
                summary: "Answer a feedback thread (while the plan is returned)", body: "ReplyBody",
                response: ref("PlanReview")),
            .init(
                method: "post", path: .apiPlanFeedbackReply(any, any),
                summary: "Write again in a feedback thread (reviewers)", body: "ReplyBody", response: ref("PlanReview")),
            .init(
                method: "post", path: .apiPlanFeedbackResolve(any, any),
                summary: "Mark a feedback thread resolved (reviewers), with an optional last word", body: "ReplyBody",
                response: ref("PlanReview")),
            .init(
                method: "get", path: .apiUnitDashboard(any),
                summary:
                    "Each planning unit under this one with its plan's state, approval, due date, last exercise, register and open feedback",
                response: ref("Dashboard"), query: ["state", "standing", "kind", "q"]),
            .init(
                method: "get", path: .apiUnitComplianceReports(any),
                summary: "The region's compliance reports to HQ, newest first", response: array("ComplianceReport")),
            .init(
                method: "post", path: .apiUnitComplianceReports(any),
                summary: "Submit the region's figures at a date with comments to HQ", body: "ComplianceReportBody",
                response: ref("ComplianceReport"), status: "201"),
            .init(
                method: "get", path: .apiOversight,
                summary: "Every region you oversee side by side, with each figure's daily history",
                response: ref("Oversight")),
            .init(
                method: "get", path: .apiUnitCampaigns(any), summary: "The yearly campaigns opened for this unit",
                response: array("Campaign")),
            .init(
                method: "post", path: .apiUnitCampaigns(any),
                summary: "Open a yearly campaign: a draft for every unit of the chosen levels below, with a deadline",
                body: "CampaignBody", response: ref("Campaign"), status: "201"),
            .init(
                method: "get", path: .apiCampaign(any),
                summary: "A campaign's progress: its units by state, late ones first", response: ref("Campaign")),
            .init(
                method: "get", path: .apiUnitRisks(any),
                summary:
                    "The joint risk register of the unit and every unit below it (filter by kind, level, status, or a heat-map cell: rating, l, i)",
                response: ref("Risk"), paged: true, query: ["kind", "level", "status", "rating", "l", "i"]),
            .init(
                method: "post", path: .apiUnitRisks(any), summary: "Add a risk to the unit's register",
                body: "RiskBody", response: ref("Risk"), status: "201"),
            .init(method: "get", path: .apiUnitRisk(any, any), summary: "One risk", response: ref("Risk")),
            .init(
                method: "put", path: .apiUnitRisk(any, any), summary: "Change a risk", body: "RiskBody",
                response: ref("Risk")),
            .init(
                method: "get", path: .apiUnitRiskHeat(any),
                summary: "Heat maps: risks per cell before and after treatment, and the matrix's levels",
                response: ref("RiskHeat"), query: ["kind", "status"]),
            .init(
                method: "get", path: .apiRiskScale,
                summary: "The risk matrix, the names of its levels and ratings, and the kinds of risk",
                response: ref("RiskScale")),
            .init(
                method: "put", path: .apiRiskScale,
                summary: "Configure the risk matrix, its names and the kinds HQ adds (HQ)", body: "RiskScale",
                response: ref("RiskScale")),
        ]
    }

    /// Every (method, template) the document describes, for the test that compares it with the routes.
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
                        "required": ["id", "name", "country", "area", "latitude", "longitude", "unitID"],
                        "properties": [
                            "id": uuid, "name": string, "country": string, "area": string,
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
        complete["components"] = components
        return (try? JSONSerialization.data(withJSONObject: complete, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    /// The review cycle's and oversight's schemas.
    private static func reviewSchemas() -> JSON {
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

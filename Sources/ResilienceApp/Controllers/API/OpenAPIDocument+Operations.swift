import Foundation
import ResilienceCore
import Vapor

/// Every operation of `/api/v1`: method, path, summary, body and answer.
extension OpenAPIDocument {
    static var operations: [Operation] {
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
                    "The joint risk register of the unit and every unit below it, by title (filter by kind, level, status, or a heat-map cell: rating, l, i; page by key with after, the nextAfter of the page before)",
                response: ref("Risk"), paged: true, query: ["kind", "level", "status", "rating", "l", "i", "after"]),
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
        ] + securityOperations + personnelOperations + travelOperations
    }

    /// Every (method, template) the document describes, for the test that compares it with the routes.
}

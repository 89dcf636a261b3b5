import Fluent
import Foundation
import ResilienceCore

/// A risk of a unit's joint risk register, rated before (inherent) and after treatment (residual).
final class Risk: Model, @unchecked Sendable {
    static let schema = "risks"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "unit_id") var unitID: UUID
    /// A standard kind (`RiskKind.standard`) or one HQ added.
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @OptionalField(key: "cause") var cause: String?
    @OptionalField(key: "consequence") var consequence: String?
    @Field(key: "inherent_likelihood") var inherentLikelihood: Int
    @Field(key: "inherent_impact") var inherentImpact: Int
    @OptionalField(key: "residual_likelihood") var residualLikelihood: Int?
    @OptionalField(key: "residual_impact") var residualImpact: Int?
    @OptionalField(key: "owner") var owner: String?
    @OptionalField(key: "treatment") var treatment: String?
    @Field(key: "status") var status: RiskStatus
    @OptionalField(key: "review_date") var reviewDate: Date?
    @Field(key: "source") var source: RiskSource
    @OptionalField(key: "updated_by_name") var updatedByName: String?
    /// The treatment's actions, `[RiskAction]` as JSON.
    @OptionalField(key: "actions") var actionsJSON: String?
    /// The earliest due date of the actions not done, for lists that flag late treatment.
    @OptionalField(key: "next_action_due") var nextActionDue: Date?

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $unitID, $kind, $title, $cause, $consequence, $inherentLikelihood,
            $inherentImpact,
            $residualLikelihood, $residualImpact, $owner, $treatment, $status, $reviewDate, $source, $updatedByName,
            $actionsJSON, $nextActionDue,
        ]
    }

    init() {}

    var inherent: RiskRating { RiskRating(likelihood: inherentLikelihood, impact: inherentImpact) }
    var residual: RiskRating? {
        residualLikelihood.flatMap { l in residualImpact.map { RiskRating(likelihood: l, impact: $0) } }
    }
    var summary: RiskSummary { RiskSummary(kind: kind, status: status, reviewDate: reviewDate) }
    var actions: [RiskAction] { actionsJSON.flatMap { try? PlanCodec.decode([RiskAction].self, $0) } ?? [] }

    var draft: RiskDraft {
        get {
            RiskDraft(
                kind: kind, title: title, cause: cause, consequence: consequence, inherent: inherent,
                residual: residual,
                owner: owner, treatment: treatment, status: status, reviewDate: reviewDate, source: source,
                actions: actions)
        }
        set {
            kind = newValue.kind; title = newValue.title; cause = newValue.cause; consequence = newValue.consequence
            inherentLikelihood = newValue.inherent.likelihood; inherentImpact = newValue.inherent.impact
            residualLikelihood = newValue.residual?.likelihood; residualImpact = newValue.residual?.impact
            owner = newValue.owner; treatment = newValue.treatment; status = newValue.status;
            reviewDate = newValue.reviewDate
            source = newValue.source
            actionsJSON = newValue.actions.isEmpty ? nil : PlanCodec.encode(newValue.actions)
            nextActionDue = RiskAction.nextDue(newValue.actions)
        }
    }

    /// The fields as a form shows them (the names the CSV uses).
    var formValues: [String: String] {
        [
            "kind": kind, "title": title, "cause": cause ?? "", "consequence": consequence ?? "",
            "likelihood": String(inherentLikelihood),
            "impact": String(inherentImpact), "residual_likelihood": residualLikelihood.map(String.init) ?? "",
            "residual_impact": residualImpact.map(String.init) ?? "", "owner": owner ?? "",
            "treatment": treatment ?? "",
            "status": status.rawValue, "review_date": reviewDate.map(PlanChecks.isoDay) ?? "",
            "source": source.rawValue,
            "actions": RiskAction.cell(actions),
        ]
    }

    /// What the change form starts with: the fields, and a row per action.
    var formState: FormState {
        var values = formValues
        values["actions"] = nil
        for (n, a) in actions.enumerated() {
            values["action-\(n)-description"] = a.description
            values["action-\(n)-owner"] = a.owner ?? ""
            values["action-\(n)-due"] = a.dueDate.map(PlanChecks.isoDay) ?? ""
            values["action-\(n)-done"] = a.done ? "true" : ""
        }
        return FormState(values: values)
    }
}

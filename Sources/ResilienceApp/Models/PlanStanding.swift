import Fluent
import Foundation
import ResilienceCore

/// Where a unit's plans stand: its newest plan's state, the plan in force and when it is due, its
/// last exercise, open feedback. Derived from the plans by `refresh`, in the transaction of every
/// change to them, so that a dashboard of a thousand units is one read.
final class PlanStanding: Model, @unchecked Sendable {
    static let schema = "plan_standings"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "current_plan_id") var currentPlanID: UUID?
    @OptionalField(key: "current_cycle") var currentCycle: Int?
    @OptionalField(key: "current_state") var currentState: ReviewState?
    @OptionalField(key: "in_force_plan_id") var inForcePlanID: UUID?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalField(key: "due_at") var dueAt: Date?
    @OptionalField(key: "last_exercise") var lastExercise: Date?
    @Field(key: "open_threads") var openThreads: Int
    /// Set by the joint risk register (issue 5); false until a unit has one.
    @Field(key: "has_risk_register") var hasRiskRegister: Bool
    /// The due date a "due in 30 days" reminder was sent for, so it is sent once.
    @OptionalField(key: "reminded_due_soon") var remindedDueSoon: Date?
    @OptionalField(key: "reminded_overdue") var remindedOverdue: Date?

    var properties: [any AnyProperty] {
        [
            $id, $updatedAt, $unitID, $currentPlanID, $currentCycle, $currentState, $inForcePlanID, $approvedAt, $dueAt,
            $lastExercise, $openThreads, $hasRiskRegister, $remindedDueSoon, $remindedOverdue,
        ]
    }

    init() {}

    /// What the compliance figures count for this unit.
    var compliance: UnitCompliance {
        UnitCompliance(
            unitID: unitID, approvedAt: inForcePlanID == nil ? nil : approvedAt,
            dueAt: inForcePlanID == nil ? nil : dueAt,
            lastExercise: lastExercise, hasRiskRegister: hasRiskRegister)
    }

    /// Recomputes the unit's row from its plans, its open feedback and its closed activations.
    static func refresh(_ unitID: UUID, on db: any Database) async throws {
        let plans = try await Plan.query(on: db).filter(\.$unit.$id == unitID)
            .field(\.$id).field(\.$cycle).field(\.$state).field(\.$approvedAt).field(\.$dueAt).field(\.$lastExercise)
            .field(\.$unit.$id)
            .sort(\.$cycle, .descending).all()
        let current = plans.first { $0.state != .superseded } ?? plans.first
        let inForce = plans.first { $0.state == .inForce }
        let closed = try await Activation.query(on: db).filter(\.$unit.$id == unitID).filter(\.$closedAt != nil)
            .sort(\.$closedAt, .descending).field(\.$id).field(\.$closedAt).field(\.$unit.$id).first()?.closedAt
        let exercised = (plans.compactMap(\.lastExercise) + [closed].compactMap { $0 }).max()
        var open = 0
        if let current {
            open = try await FeedbackThread.query(on: db).filter(\.$plan.$id == current.requireID()).filter(
                \.$state != .resolved
            ).count()
        }
        let row =
            try await PlanStanding.query(on: db).filter(\.$unitID == unitID).first()
            ?? {
                let new = PlanStanding()
                new.unitID = unitID
                new.hasRiskRegister = false
                return new
            }()
        row.currentPlanID = current?.id
        row.currentCycle = current?.cycle
        row.currentState = current?.state
        row.inForcePlanID = inForce?.id
        row.approvedAt = inForce?.approvedAt
        row.dueAt = inForce?.dueAt
        row.lastExercise = exercised
        row.openThreads = open
        try await row.save(on: db)
    }
}

import Fluent
import Foundation
import ResilienceCore

/// One move of a plan through its review cycle. Never updated or deleted.
final class PlanMove: Model, @unchecked Sendable {
    static let schema = "plan_moves"

    @ID(key: .id) var id: UUID?
    @Field(key: "move") var move: ReviewMove
    @Field(key: "from_state") var from: ReviewState
    @Field(key: "to_state") var to: ReviewState
    /// The version submitted, or the version the move was made on.
    @OptionalField(key: "version") var version: Int?
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "at") var at: Date
    @Parent(key: "plan_id") var plan: Plan

    var properties: [any AnyProperty] { [$id, $move, $from, $to, $version, $comment, $actorID, $actorName, $at, $plan] }

    init() {}
}

/// Feedback on one item of a submitted version: a section, an item of a list, or one field of it.
final class FeedbackThread: Model, @unchecked Sendable {
    static let schema = "feedback_threads"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// The version the feedback was given on.
    @Field(key: "version") var version: Int
    @Field(key: "section") var section: PlanSection
    @OptionalField(key: "item_id") var itemID: UUID?
    /// A field of the item, as the comparison names fields (`rtoHours`, `alternatives` …).
    @OptionalField(key: "field") var field: String?
    /// The item's name when the thread was opened (empty for a thread on a section).
    @Field(key: "label") var label: String
    @Field(key: "state") var state: FeedbackState
    @Field(key: "opened_by_name") var openedByName: String
    @OptionalField(key: "resolved_by_name") var resolvedByName: String?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @Parent(key: "plan_id") var plan: Plan
    @Children(for: \.$thread) var messages: [FeedbackMessage]

    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $version, $section, $itemID, $field, $label, $state, $openedByName, $resolvedByName, $resolvedAt, $plan, $messages]
    }

    init() {}
}

final class FeedbackMessage: Model, @unchecked Sendable {
    static let schema = "feedback_messages"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "from_reviewer") var fromReviewer: Bool
    @Field(key: "body") var body: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Parent(key: "thread_id") var thread: FeedbackThread

    var properties: [any AnyProperty] { [$id, $createdAt, $fromReviewer, $body, $authorID, $authorName, $thread] }

    init() {}
}

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
        [$id, $updatedAt, $unitID, $currentPlanID, $currentCycle, $currentState, $inForcePlanID, $approvedAt, $dueAt,
         $lastExercise, $openThreads, $hasRiskRegister, $remindedDueSoon, $remindedOverdue]
    }

    init() {}

    /// What the compliance figures count for this unit.
    var compliance: UnitCompliance {
        UnitCompliance(unitID: unitID, approvedAt: inForcePlanID == nil ? nil : approvedAt, dueAt: inForcePlanID == nil ? nil : dueAt,
                       lastExercise: lastExercise, hasRiskRegister: hasRiskRegister)
    }

    /// Recomputes the unit's row from its plans, its open feedback and its closed activations.
    static func refresh(_ unitID: UUID, on db: any Database) async throws {
        let plans = try await Plan.query(on: db).filter(\.$unit.$id == unitID)
            .field(\.$id).field(\.$cycle).field(\.$state).field(\.$approvedAt).field(\.$dueAt).field(\.$lastExercise).field(\.$unit.$id)
            .sort(\.$cycle, .descending).all()
        let current = plans.first { $0.state != .superseded } ?? plans.first
        let inForce = plans.first { $0.state == .inForce }
        let closed = try await Activation.query(on: db).filter(\.$unit.$id == unitID).filter(\.$closedAt != nil)
            .sort(\.$closedAt, .descending).field(\.$id).field(\.$closedAt).field(\.$unit.$id).first()?.closedAt
        let exercised = (plans.compactMap(\.lastExercise) + [closed].compactMap { $0 }).max()
        var open = 0
        if let current {
            open = try await FeedbackThread.query(on: db).filter(\.$plan.$id == current.requireID()).filter(\.$state != .resolved).count()
        }
        let row = try await PlanStanding.query(on: db).filter(\.$unitID == unitID).first() ?? {
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

/// A yearly campaign: HQ or a region asks a set of units to update their plan by a deadline.
final class Campaign: Model, @unchecked Sendable {
    static let schema = "campaigns"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// HQ or the region that opened it: the campaign's units are below it.
    @Field(key: "scope_unit_id") var scopeUnitID: UUID
    @Field(key: "cycle") var cycle: Int
    @Field(key: "deadline") var deadline: Date
    @OptionalField(key: "note") var note: String?
    @Field(key: "opened_by_name") var openedByName: String

    var properties: [any AnyProperty] { [$id, $createdAt, $scopeUnitID, $cycle, $deadline, $note, $openedByName] }

    init() {}
}

final class CampaignUnit: Model, @unchecked Sendable {
    static let schema = "campaign_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "plan_id") var planID: UUID

    var properties: [any AnyProperty] { [$id, $campaignID, $unitID, $planID] }

    init() {}
}

/// The figures a compliance report or a daily snapshot keeps.
protocol ComplianceRecord: AnyObject {
    var units: Int { get set }
    var inForce: Int { get set }
    var updatedWithinYear: Int { get set }
    var testedWithinYear: Int { get set }
    var withRiskRegister: Int { get set }
    var overdue: Int { get set }
}

extension ComplianceRecord {
    var figures: ComplianceFigures {
        get {
            ComplianceFigures(units: units, inForce: inForce, updatedWithinYear: updatedWithinYear, testedWithinYear: testedWithinYear,
                              withRiskRegister: withRiskRegister, overdue: overdue)
        }
        set {
            units = newValue.units; inForce = newValue.inForce; updatedWithinYear = newValue.updatedWithinYear
            testedWithinYear = newValue.testedWithinYear; withRiskRegister = newValue.withRiskRegister; overdue = newValue.overdue
        }
    }
}

/// A region's compliance report to HQ: its figures at a date with the regional team's comments.
final class ComplianceReport: Model, ComplianceRecord, @unchecked Sendable {
    static let schema = "compliance_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "units") var units: Int
    @Field(key: "in_force") var inForce: Int
    @Field(key: "updated_within_year") var updatedWithinYear: Int
    @Field(key: "tested_within_year") var testedWithinYear: Int
    @Field(key: "with_risk_register") var withRiskRegister: Int
    @Field(key: "overdue") var overdue: Int
    @Field(key: "comments") var comments: String
    @OptionalField(key: "submitted_by_id") var submittedByID: UUID?
    @Field(key: "submitted_by_name") var submittedByName: String

    var properties: [any AnyProperty] {
        [$id, $unitID, $at, $units, $inForce, $updatedWithinYear, $testedWithinYear, $withRiskRegister, $overdue, $comments, $submittedByID, $submittedByName]
    }

    init() {}
}

/// A unit's (HQ's or a region's) figures on one day: the history HQ's charts draw.
final class ComplianceSnapshot: Model, ComplianceRecord, @unchecked Sendable {
    static let schema = "compliance_snapshots"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    /// YYYY-MM-DD (UTC).
    @Field(key: "day") var day: String
    @Field(key: "units") var units: Int
    @Field(key: "in_force") var inForce: Int
    @Field(key: "updated_within_year") var updatedWithinYear: Int
    @Field(key: "tested_within_year") var testedWithinYear: Int
    @Field(key: "with_risk_register") var withRiskRegister: Int
    @Field(key: "overdue") var overdue: Int

    var properties: [any AnyProperty] {
        [$id, $unitID, $day, $units, $inForce, $updatedWithinYear, $testedWithinYear, $withRiskRegister, $overdue]
    }

    init() {}
}

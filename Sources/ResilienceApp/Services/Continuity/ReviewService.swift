import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// Who is acting, with their grants: the core's review cycle decides what they may do.
struct Reviewer: Sendable {
    var grants: [Grant]
    var context: AuditContext

    init(grants: [Grant], context: AuditContext) { self.grants = grants; self.context = context }
    /// The person asking, at the application clock's time.
    init(_ request: Request) throws {
        let actor = try request.requireActor()
        grants = actor.grants
        context = request.auditContext
    }
}

/// Moves plans through their review cycle and keeps the feedback on their items. Every move is a
/// row of `plan_moves` and an audit entry with its comment, in one transaction with the plan.
enum ReviewService {
    static let maximumComment = 4000

    /// Makes a move: submit (freezes a version), withdraw, take for review, return, endorse,
    /// approve (the unit's previous plan in force is superseded).
    @discardableResult
    static func move(
        _ plan: Plan, _ rawMove: String?, comment rawComment: String?, by who: Reviewer, unit: Unit,
        now: Date, app: Application?, on db: any Database
    ) async throws -> PlanMove {
        guard let move = ReviewMove(rawValue: rawMove ?? ""), move != .supersede else {
            throw ValidationErrors([DomainError(rawMove?.isEmpty == false ? .invalidChoice : .required, field: "move")])
        }
        let comment = try TextRules.optional(rawComment, field: "comment", max: maximumComment)
        let stored = try await PlanService.stored(plan.requireID(), on: db)
        plan.revision = stored.revision
        plan.state = stored.state
        var conditions = ReviewCycle.Conditions(comment: comment)
        var blocking: [PlanCheck] = []
        if move == .submit {
            blocking = try await PlanService.snapshot(plan, now: now, on: db).checks.filter { $0.severity == .error }
            conditions.blockingErrors = blocking.count
            conditions.unansweredThreads = try await threads(of: plan, on: db).filter { $0.state == .open }.count
        }
        if move == .endorse {
            conditions.unresolvedThreads = try await threads(of: plan, on: db).filter { $0.state != .resolved }.count
        }
        if ReviewCycle.judges(move), let actorID = who.context.actorID {
            conditions.tookPart = try await tookPart(actorID, in: plan, on: db)
        }
        let next: ReviewState
        switch ReviewCycle.check(move, from: plan.state, grants: who.grants, on: unit.unitPath, conditions) {
        case .success(let state): next = state
        case .failure(.notYourRole): throw Abort(.forbidden)
        case .failure(.blockingErrors):
            throw BlockedByFindings(
                refusal: ValidationErrors([problem(.blockingErrors, conditions, state: plan.state)]),
                planID: try plan.requireID(), findings: blocking)
        case .failure(let refusal):
            throw ValidationErrors([problem(refusal, conditions, state: plan.state)])
        }
        let record = PlanMove()
        record.$plan.id = try plan.requireID()
        record.move = move
        record.from = plan.state
        record.to = next
        record.comment = comment
        record.actorID = who.context.actorID
        record.actorName = who.context.actorName
        record.at = now
        record.version = plan.submittedVersion
        let from = plan.state
        try await db.transaction { db in
            switch move {
            case .submit:
                let version = try await PlanService.freeze(plan, stored: stored, note: comment, by: who.context, on: db)
                plan.submittedVersion = version.number
                plan.latestVersion = version.number
                record.version = version.number
            case .returnWithFeedback:
                plan.returnedVersion = plan.submittedVersion
            case .approve:
                plan.approvedAt = now
                plan.dueAt = PlanDue.dueDate(approvedAt: now)
                let superseded = try await Plan.query(on: db).filter(\.$unit.$id == plan.$unit.id).filter(
                    \.$state == .inForce
                )
                .filter(\.$id != plan.requireID()).field(\.$id).field(\.$cycle).field(\.$state).field(\.$unit.$id).all()
                for old in superseded {
                    try await Plan.query(on: db).filter(\.$id == old.requireID())
                        .set(\.$state, to: .superseded).set(\.$supersededAt, to: now).update()
                    try await Audit.record(
                        on: db, by: who.context, .review, entity: "plan", id: old.id, unitID: old.$unit.id,
                        summary: "\(old.cycle): supersede",
                        change: AuditChange(
                            before: ["state": ReviewState.inForce.rawValue],
                            after: ["state": ReviewState.superseded.rawValue]))
                }
            default:
                break
            }
            // Only if nobody moved or saved it meanwhile: one statement that checks the revision
            // and state it read and moves the plan, so a save racing a submission either lands
            // before (and this refuses) or finds the plan submitted (and is refused).
            guard let sql = db as? any SQLDatabase else { return }
            let moved = try await sql.update(Plan.schema)
                .set("status", to: next.rawValue).set("latest_version", to: plan.latestVersion)
                .set("submitted_version", to: plan.submittedVersion).set("returned_version", to: plan.returnedVersion)
                .set("approved_at", to: plan.approvedAt).set("due_at", to: plan.dueAt)
                .where("id", .equal, plan.requireID()).where("revision", .equal, plan.revision)
                .where("status", .equal, from.rawValue)
                .returning("id").all()
            guard !moved.isEmpty else {
                throw ValidationErrors([DomainError(.planChanged, field: "move", args: [String(plan.revision)])])
            }
            try await record.create(on: db)
            var after = ["state": next.rawValue]
            if let comment { after["comment"] = comment }
            if let version = record.version { after["version"] = String(version) }
            try await Audit.record(
                on: db, by: who.context, .review, entity: "plan", id: plan.id, unitID: plan.$unit.id,
                summary: "\(plan.cycle): \(move.rawValue)",
                change: AuditChange(before: ["state": from.rawValue], after: after))
            try await PlanStanding.refresh(plan.$unit.id, on: db)
        }
        plan.state = next
        if let app { await announce(move, plan: plan, unit: unit, by: who, app: app, on: db) }
        return record
    }

    /// Takes a plan through submission, review and approval (or as far as `state`), each move by
    /// the role DOMAIN.md names: for demo data and benchmarks, where `people` says who each is.
    static func runThrough(
        _ plan: Plan, to state: ReviewState, unit: Unit, people: [Role: AuditContext] = [:],
        at dates: (submitted: Date, approved: Date), on db: any Database
    ) async throws {
        let steps: [(ReviewMove, Role, ReviewState)] = [
            (.submit, .focalPoint, .submitted), (.takeForReview, .regionalReviewer, .inReview),
            (.endorse, .regionalReviewer, .endorsed), (.approve, .seniorManager, .inForce),
        ]
        for (i, (move, role, reached)) in steps.enumerated() {
            let who = Reviewer(
                grants: [Grant(role: role, unitID: try unit.requireID())],
                context: people[role] ?? .system(at: dates.submitted))
            let at = i == steps.count - 1 ? dates.approved : dates.submitted.addingTimeInterval(Double(i) * 86_400)
            try await ReviewService.move(
                plan, move.rawValue, comment: nil, by: who, unit: unit, now: at, app: nil, on: db)
            if reached == state { return }
        }
    }

    /// Whether the person started, edited or submitted this plan (the plan of one unit's cycle).
    static func tookPart(_ actorID: UUID, in plan: Plan, on db: any Database) async throws -> Bool {
        let planID = try plan.requireID()
        let edited =
            try await AuditEntry.query(on: db).filter(\.$actorID == actorID).filter(\.$entityType == "plan")
            .filter(\.$entityID == planID).filter(\.$action ~~ [.create, .update]).first() != nil
        if edited { return true }
        return try await PlanMove.query(on: db).filter(\.$plan.$id == planID).filter(\.$move == .submit)
            .filter(\.$actorID == actorID).first() != nil
    }

    /// What to tell the person whose move is refused.
    static func problem(
        _ refusal: ReviewRefusal, _ conditions: ReviewCycle.Conditions, state: ReviewState
    ) -> DomainError {
        switch refusal {
        case .notFromThisState, .notYourRole: DomainError(.reviewNotNow, field: "move", args: [state.rawValue])
        case .blockingErrors: DomainError(.planHasErrors, field: "move", args: [String(conditions.blockingErrors)])
        case .unansweredFeedback:
            DomainError(.unansweredFeedback, field: "move", args: [String(conditions.unansweredThreads)])
        case .unresolvedFeedback:
            DomainError(.unresolvedFeedback, field: "move", args: [String(conditions.unresolvedThreads)])
        case .commentRequired: DomainError(.commentRequired, field: "comment")
        case .ownWork: DomainError(.ownWork, field: "move")
        }
    }

    /// Tells the people the plan now waits for. A failure to notify never undoes the move.
    private static func announce(
        _ move: ReviewMove, plan: Plan, unit: Unit, by who: Reviewer, app: Application, on db: any Database
    ) async {
        let target: (Set<Role>, String)? =
            switch move {
            case .submit: ([.regionalReviewer], "plan_submitted")
            case .returnWithFeedback: ([.focalPoint], "plan_returned")
            case .endorse: ([.seniorManager], "plan_to_approve")
            case .approve: ([.focalPoint], "plan_approved")
            default: nil
            }
        guard let (roles, kind) = target else { return }
        do {
            let people = try await Notifier.holders(of: roles, over: unit, except: who.context.actorID, on: db)
            try await Notifier.notify(
                people, kind: kind, args: [unit.name, String(plan.cycle)],
                link: AppPath.planReview(plan.requireID()).path, unitID: unit.id, app: app, on: db)
        } catch {
            app.logger.warning("Review notification not sent: \(error)")
        }
    }

    static func moves(of plan: Plan, on db: any Database) async throws -> [PlanMove] {
        try await PlanMove.query(on: db).filter(\.$plan.$id == plan.requireID()).sort(\.$at, .descending).all()
    }

    // MARK: Feedback

    static func threads(of plan: Plan, on db: any Database) async throws -> [FeedbackThread] {
        try await FeedbackThread.query(on: db).filter(\.$plan.$id == plan.requireID()).sort(\.$createdAt).all()
    }

    static func threadsWithMessages(of plan: Plan, on db: any Database) async throws -> [FeedbackThread] {
        try await FeedbackThread.query(on: db).filter(\.$plan.$id == plan.requireID()).with(\.$messages).sort(
            \.$createdAt
        ).all()
    }

    struct FeedbackInput: Content {
        /// `section` or `section:itemID`.
        var item: String?
        var field: String?
        var body: String?
    }

    /// A reviewer opens a thread on an item of the version under review.
    @discardableResult
    static func openThread(
        _ plan: Plan, _ input: FeedbackInput, by who: Reviewer, t: Localizer, on db: any Database
    ) async throws -> FeedbackThread {
        guard plan.state.opensFeedback, let number = plan.submittedVersion,
            let version = try await PlanService.version(number, of: plan, on: db)
        else {
            throw ValidationErrors([DomainError(.feedbackNotNow, field: "body")])
        }
        let content = try await PlanService.snapshot(version, on: db).content
        var v = ValidationCollector()
        let target = try v.check { try FeedbackTarget.parse(input.item, field: input.field, in: content, t: t) }
        let body = try v.check { try TextRules.name(input.body, field: "body", max: maximumComment) }
        try v.finish()
        let thread = FeedbackThread()
        thread.$plan.id = try plan.requireID()
        thread.version = number
        thread.section = target!.section
        thread.itemID = target!.itemID
        thread.field = target!.field
        thread.label = target!.label
        thread.state = .open
        thread.openedByName = who.context.actorName
        try await db.transaction { db in
            try await thread.create(on: db)
            try await addMessage(thread, body: body!, fromReviewer: true, by: who.context, on: db)
            try await Audit.record(
                on: db, by: who.context, .feedback, entity: "plan", id: plan.id, unitID: plan.$unit.id,
                summary: "\(plan.cycle) v\(number): \(thread.label)",
                change: AuditChange(before: [:], after: ["feedback": body!]))
            try await PlanStanding.refresh(plan.$unit.id, on: db)
        }
        return thread
    }

    enum Reply: String { case answer, reply, resolve }

    /// The focal point answers (while the plan is returned); the reviewer writes again or resolves.
    static func reply(
        _ plan: Plan, thread id: UUID, _ kind: Reply, body rawBody: String?, by who: Reviewer,
        on db: any Database
    ) async throws -> FeedbackThread {
        guard
            let thread = try await FeedbackThread.query(on: db).filter(\.$id == id).filter(
                \.$plan.$id == plan.requireID()
            ).first()
        else {
            throw Abort(.notFound)
        }
        let now = kind == .answer ? plan.state.takesAnswers : plan.state.takesReviewerReplies
        guard now, thread.state != .resolved || kind == .reply else {
            throw ValidationErrors([DomainError(.feedbackNotNow, field: "body")])
        }
        let body =
            kind == .resolve
            ? try TextRules.optional(rawBody, field: "body", max: maximumComment)
            : try TextRules.name(rawBody, field: "body", max: maximumComment)
        let before = thread.state
        try await db.transaction { db in
            if let body {
                try await addMessage(thread, body: body, fromReviewer: kind != .answer, by: who.context, on: db)
            }
            switch kind {
            case .answer, .reply: thread.state = FeedbackState.after(message: kind == .reply)
            case .resolve:
                thread.state = .resolved
                thread.resolvedAt = who.context.at
                thread.resolvedByName = who.context.actorName
            }
            try await thread.save(on: db)
            try await Audit.record(
                on: db, by: who.context, .feedback, entity: "plan", id: plan.id, unitID: plan.$unit.id,
                summary: "\(plan.cycle): \(thread.label)",
                change: AuditChange(
                    before: ["state": before.rawValue], after: ["state": thread.state.rawValue, "message": body ?? ""]))
            try await PlanStanding.refresh(plan.$unit.id, on: db)
        }
        return thread
    }

    private static func addMessage(
        _ thread: FeedbackThread, body: String, fromReviewer: Bool, by context: AuditContext, on db: any Database
    ) async throws {
        let message = FeedbackMessage()
        message.$thread.id = try thread.requireID()
        message.fromReviewer = fromReviewer
        message.body = body
        message.authorID = context.actorID
        message.authorName = context.actorName
        try await message.create(on: db)
    }
}

/// The item a thread is about: a section, an item of a list, and optionally one of its fields.
struct FeedbackTarget: Equatable {
    var section: PlanSection
    var itemID: UUID?
    var field: String?
    var label: String

    /// The items of a plan that feedback can attach to: each section, then each item of a list
    /// section, as (value, label).
    static func choices(_ content: PlanContent, t: Localizer) -> [(value: String, label: String)] {
        PlanSection.allCases.flatMap { section -> [(String, String)] in
            let title = t("section.\(section.rawValue)")
            let items = ListSpec.spec(section).map { $0.rows(content, t) } ?? []
            return [(section.rawValue, title)]
                + items.map { ("\(section.rawValue):\($0.id.uuidString.lowercased())", "\(title) › \($0.name)") }
        }
    }

    /// The fields feedback may name: those of the chosen item (`section` or `section:id`), or when
    /// none is chosen every field some item has, each with the sections whose items have it (for
    /// the list to follow the item chosen where JavaScript runs).
    static func fields(_ content: PlanContent, chosen: String) -> [(name: String, sections: [String])] {
        let parts = chosen.split(separator: ":", maxSplits: 1).map(String.init)
        if let first = parts.first, let section = PlanSection(rawValue: first) {
            let id = parts.count == 2 ? UUID(uuidString: parts[1]) : nil
            if let names = PlanDiff.itemFields(content, section: section, id: id) {
                return names.map { ($0, [section.rawValue]) }
            }
        }
        var sections: [String: Set<String>] = [:]
        for section in PlanSection.allCases {
            let ids: [UUID?] =
                switch section {
                case .team: content.team.map(\.id)
                case .scenarios: content.scenarios.map(\.id)
                case .processes: content.processes.map(\.id)
                case .sites: content.sites.map(\.id)
                case .agreements: content.agreements.map(\.id)
                case .exercises: content.exercises.map(\.id)
                case .nationalStaff, .other: [nil]
                case .impact, .alternatives: []
                }
            for id in ids {
                for name in PlanDiff.itemFields(content, section: section, id: id) ?? [] {
                    sections[name, default: []].insert(section.rawValue)
                }
            }
        }
        return sections.keys.sorted().map { ($0, sections[$0]!.sorted()) }
    }

    static func parse(
        _ rawItem: String?, field rawField: String?, in content: PlanContent, t: Localizer
    ) throws -> FeedbackTarget {
        let raw = (rawItem ?? "").trimmingCharacters(in: .whitespaces)
        guard !raw.isEmpty else { throw DomainError(.required, field: "item") }
        let parts = raw.split(separator: ":", maxSplits: 1).map(String.init)
        guard let section = PlanSection(rawValue: parts[0]) else { throw DomainError(.invalidChoice, field: "item") }
        var target = FeedbackTarget(section: section, itemID: nil, field: nil, label: "")
        if parts.count == 2 {
            guard let id = UUID(uuidString: parts[1]),
                let row = ListSpec.spec(section)?.rows(content, t).first(where: { $0.id == id })
            else {
                throw DomainError(.invalidChoice, field: "item")
            }
            target.itemID = id
            target.label = row.name
        }
        let field = (rawField ?? "").trimmingCharacters(in: .whitespaces)
        if !field.isEmpty {
            guard let fields = PlanDiff.itemFields(content, section: section, id: target.itemID), fields.contains(field)
            else {
                throw DomainError(.fieldNotOfItem, field: "field")
            }
            target.field = field
        }
        return target
    }

    /// What a thread is about, in the reader's language: the section, the item's name as it was
    /// when the thread was opened, and the field.
    static func display(section: PlanSection, itemName: String, field: String?, _ t: Localizer) -> String {
        ([t("section.\(section.rawValue)")] + (itemName.isEmpty ? [] : [itemName]) + (field.map { [t.field($0)] } ?? []))
            .joined(separator: " › ")
    }
}

import Fluent
import Foundation
import ResilienceCore
import Vapor

/// What a security officer fills in to propose a level: the five threat ratings (the overall
/// level follows from them), the reason, when it takes effect and when it is next reviewed.
struct LevelProposalInput: Codable, Sendable {
    /// By category code (`armed_conflict` …), each 1–6, as text from forms or numbers in JSON.
    var threats: [String: String]?
    var reason: String?
    var effectiveOn: String?
    var nextReview: String?
}

/// Security levels: proposed by the country's security officer, approved or sent back by the
/// region's security desk; the approved ones are the area's history.
enum SecurityLevelService {
    static func intervals(on db: any Database) async throws -> LevelReviewIntervals {
        try await SecuritySettings.intervals(on: db)
    }

    /// The approved levels of each area, oldest first.
    static func history(of areaIDs: [UUID], on db: any Database) async throws -> [UUID: [SecurityLevelDecision]] {
        guard !areaIDs.isEmpty else { return [:] }
        let rows = try await SecurityLevelDecision.query(on: db).filter(\.$area.$id ~~ areaIDs)
            .sort(\.$effectiveOn).sort(\.$proposedAt).all()
        return Dictionary(grouping: rows, by: { $0.$area.id })
    }

    /// The level in force in an area among its decisions, and its record.
    static func current(_ decisions: [SecurityLevelDecision], at now: Date) -> SecurityLevelDecision? {
        let approved = decisions.filter { $0.record != nil }
        guard let record = LevelRecord.current(approved.compactMap(\.record), at: now) else { return nil }
        return approved.first { $0.record == record }
    }

    static func propose(
        for area: SecurityArea, _ input: LevelProposalInput, by context: AuditContext, on db: any Database
    ) async throws -> SecurityLevelDecision {
        var validator = ValidationCollector()
        var fields: [String: String] = [:]
        for (code, value) in input.threats ?? [:] { fields["threat_\(code)"] = value }
        var ratings: ThreatRatings?
        do { ratings = try ThreatRatings.parse(fields) } catch { error.errors.forEach { validator.add($0) } }
        let reason = try validator.check { try TextRules.name(input.reason, field: "reason", max: 4000) }
        let effective = try validator.check { try TextRules.requiredDay(input.effectiveOn, field: "effective_on") }
        let chosenReview = try validator.check { try TextRules.day(input.nextReview, field: "next_review") }
        var nextReview: Date?
        if let ratings, let effective, let chosenReview {
            let intervals = try await intervals(on: db)
            nextReview = try validator.check {
                try intervals.checkedReview(chosenReview, for: ratings.level, effective: effective)
            }
        }
        try validator.finish()
        let areaID = try area.requireID()
        let decisions = try await SecurityLevelDecision.query(on: db).filter(\.$area.$id == areaID).all()
        if decisions.contains(where: { $0.state == .proposed }) { throw DomainError(.proposalOpen, field: "reason") }
        let inForce = current(decisions, at: context.at)
        let decision = SecurityLevelDecision()
        decision.$area.id = areaID
        decision.level = ratings!.level.rawValue
        decision.ratings = PlanCodec.encode(ratings!)
        decision.reason = reason!
        decision.unchanged = inForce.map { $0.level == ratings!.level.rawValue && $0.threatRatings == ratings } ?? false
        decision.effectiveOn = effective!
        decision.nextReview = nextReview!
        decision.state = .proposed
        decision.proposedByID = context.actorID
        decision.proposedByName = context.actorName
        decision.proposedAt = context.at
        try await db.transaction { db in
            try await decision.create(on: db)
            try await Audit.record(
                on: db, by: context, .create, decision, unitID: area.$unit.id,
                summary: "\(area.name(in: Catalogue.fallbackCode)): \(decision.level)")
        }
        return decision
    }

    /// Approves, returns or withdraws a proposal, as the core's review allows for this person.
    static func decide(
        _ decision: SecurityLevelDecision, _ move: LevelMove, reason: String?, by actor: Actor,
        context: AuditContext, on db: any Database
    ) async throws {
        guard let area = try await SecurityArea.find(decision.$area.id, on: db),
            let unit = try await Unit.find(area.$unit.id, on: db)
        else { throw Abort(.notFound) }
        let note = try TextRules.optional(reason, field: "reason", max: 4000)
        let result = LevelReview.check(
            move, from: decision.state, grants: actor.grants, on: unit.unitPath,
            proposedByActor: decision.proposedByID == actor.id, reason: note)
        let next: LevelDecisionState
        switch result {
        case .success(let state): next = state
        case .failure(let refusal): throw problem(refusal, state: decision.state)
        }
        let before = decision.auditFields
        decision.state = next
        decision.decidedByID = actor.id
        decision.decidedByName = context.actorName
        decision.decidedAt = context.at
        decision.decisionNote = note
        try await db.transaction { db in
            try await decision.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, decision, before: before, unitID: area.$unit.id,
                summary: "\(area.name(in: Catalogue.fallbackCode)): \(decision.level) \(move.rawValue)")
        }
    }

    /// Tells the people a proposal now waits for, or the officer what became of it. A failure
    /// to notify never undoes the move.
    static func announce(
        _ decision: SecurityLevelDecision, area: SecurityArea, app: Application, on db: any Database
    ) async {
        let target: (Set<Role>, String)? =
            switch decision.state {
            case .proposed: ([.regionalSecurityDesk], "level_proposed")
            case .approved: ([.securityOfficer], "level_approved")
            case .returned: ([.securityOfficer], "level_returned")
            case .withdrawn: nil
            }
        guard let (roles, kind) = target else { return }
        do {
            guard let unit = try await Unit.find(area.$unit.id, on: db) else { return }
            let except = decision.state == .proposed ? decision.proposedByID : decision.decidedByID
            let people = try await Notifier.holders(of: roles, over: unit, except: except, on: db)
            try await Notifier.notify(
                people, kind: kind, args: [unit.name, String(decision.level), area.name(in: Catalogue.fallbackCode)],
                link: AppPath.securityArea(area.requireID()).path, unitID: unit.id, app: app, on: db)
        } catch {
            app.logger.warning("Security level notification not sent: \(error)")
        }
    }

    static func problem(_ refusal: SecurityRefusal, state: LevelDecisionState) -> DomainError {
        switch refusal {
        case .notFromThisState, .notYourRole:
            DomainError(.securityNotNow, field: "move", args: ["level_state.\(state.rawValue)"])
        case .ownProposal: DomainError(.ownProposal, field: "move")
        case .reasonRequired: DomainError(.reasonRequired, field: "reason")
        case .proposalOpen: DomainError(.proposalOpen, field: "move")
        case .nothingAssessed: DomainError(.nothingAssessed, field: "move")
        }
    }
}

extension SecurityLevelDecision: Auditable {
    static let auditEntity = "security_level"
    var auditFields: [String: String] {
        let iso = ISO8601DateFormatter()
        var fields = [
            "level": String(level), "reason": reason, "state": state.rawValue,
            "effective_on": iso.string(from: effectiveOn), "next_review": iso.string(from: nextReview),
            "decision_note": decisionNote ?? "",
        ]
        for (category, rating) in threatRatings?.ratings ?? [:] {
            fields["threat_\(category.rawValue)"] = String(rating.rawValue)
        }
        return fields
    }
}

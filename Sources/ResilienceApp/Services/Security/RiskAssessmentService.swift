import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Security risk assessments of areas: drafts the officer writes, the desk's decision, and
/// what an approved one means for the area (its validity, the measures it adds, its worst
/// residual risk).
enum RiskAssessmentService {
    /// Every version of each area's assessments, oldest first.
    static func versions(of areaIDs: [UUID], on db: any Database) async throws -> [UUID: [RiskAssessmentRecord]] {
        guard !areaIDs.isEmpty else { return [:] }
        var rows: [RiskAssessmentRecord] = []
        for chunk in areaIDs.chunked(500) {
            rows += try await RiskAssessmentRecord.query(on: db).filter(\.$area.$id ~~ Array(chunk)).sort(\.$version)
                .all()
        }
        return Dictionary(grouping: rows, by: { $0.$area.id })
    }

    /// The latest approved version among an area's.
    static func approved(_ versions: [RiskAssessmentRecord]) -> RiskAssessmentRecord? {
        versions.last { $0.state == .approved }
    }

    /// The status of each area's assessment today (current, due for review, expired, none).
    static func statuses(of areaIDs: [UUID], at now: Date, on db: any Database) async throws -> [UUID: AssessmentStatus]
    {
        let all = try await versions(of: areaIDs, on: db)
        let levels = try await SecurityLevelService.history(of: areaIDs, on: db)
        var out: [UUID: AssessmentStatus] = [:]
        for id in areaIDs {
            let approved = approved(all[id] ?? [])
            out[id] = AssessmentStatus.of(
                approvedAt: approved?.decidedAt, validUntil: approved?.validUntil,
                levels: (levels[id] ?? []).compactMap(\.record), at: now)
        }
        return out
    }

    /// The measures each area's approved, unexpired assessment adds to its baseline.
    static func addedMeasures(of areaIDs: [UUID], at now: Date, on db: any Database) async throws -> [UUID: Set<String>]
    {
        let all = try await versions(of: areaIDs, on: db)
        var out: [UUID: Set<String>] = [:]
        for (id, versions) in all {
            guard let approved = approved(versions), let until = approved.validUntil,
                SecurityCalendar.day(now) <= SecurityCalendar.day(until)
            else { continue }
            out[id] = Set(approved.assessment.addedMeasures)
        }
        return out
    }

    /// The kinds of threat an assessment may name: the five categories and the kinds HQ added to
    /// the risk register.
    static func kinds(on db: any Database) async throws -> [String] {
        let scale = try await RiskService.scale(on: db)
        return ThreatCategory.allCases.map(\.rawValue) + scale.addedKinds
    }

    /// Starts the area's next version: a copy of the latest (or empty), as a draft. One draft at
    /// a time: an open one is returned as it is.
    static func draft(
        for area: SecurityArea, by context: AuditContext, on db: any Database
    ) async throws
        -> RiskAssessmentRecord
    {
        let areaID = try area.requireID()
        let versions = try await versions(of: [areaID], on: db)[areaID] ?? []
        if let open = versions.last(where: { $0.state != .approved }) { return open }
        let record = RiskAssessmentRecord()
        record.$area.id = areaID
        record.version = (versions.last?.version ?? 0) + 1
        record.state = .draft
        record.content = versions.last?.content ?? PlanCodec.encode(AssessmentContent())
        try await db.transaction { db in
            try await record.create(on: db)
            try await Audit.record(
                on: db, by: context, .create, record, unitID: area.$unit.id,
                summary: "\(area.name(in: Catalogue.fallbackCode)) v\(record.version)")
        }
        return record
    }

    /// Replaces a draft's content, checked: known kinds, at most 50 threats, catalogue measures.
    static func save(
        _ record: RiskAssessmentRecord, _ content: AssessmentContent, by context: AuditContext, on db: any Database
    ) async throws {
        guard record.state.isEditable else {
            throw DomainError(.securityNotNow, field: "content", args: ["assessment_state.\(record.state.rawValue)"])
        }
        try content.check(kinds: try await kinds(on: db))
        let codes = Set(try await MeasureCatalogueService.active(on: db).map(\.code))
        for code in content.addedMeasures where !codes.contains(code) {
            throw DomainError(.notFound, field: "added_measures", args: [code])
        }
        let before = record.auditFields
        record.content = PlanCodec.encode(content)
        guard let area = try await SecurityArea.find(record.$area.id, on: db) else { throw Abort(.notFound) }
        try await db.transaction { db in
            try await record.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, record, before: before, unitID: area.$unit.id,
                summary: "\(area.name(in: Catalogue.fallbackCode)) v\(record.version)")
        }
    }

    /// Submits, withdraws, approves or returns, as the core's review allows for this person.
    static func move(
        _ record: RiskAssessmentRecord, _ move: AssessmentMove, reason: String?, by actor: Actor,
        context: AuditContext, on db: any Database
    ) async throws {
        guard let area = try await SecurityArea.find(record.$area.id, on: db),
            let unit = try await Unit.find(area.$unit.id, on: db)
        else { throw Abort(.notFound) }
        let note = try TextRules.optional(reason, field: "reason", max: 4000)
        let result = AssessmentReview.check(
            move, from: record.state, grants: actor.grants, on: unit.unitPath,
            submittedByActor: record.submittedByID == actor.id, reason: note, threats: record.assessment.threats.count)
        let next: AssessmentState
        switch result {
        case .success(let state): next = state
        case .failure(let refusal):
            throw refusal == .notFromThisState || refusal == .notYourRole
                ? DomainError(.securityNotNow, field: "move", args: ["assessment_state.\(record.state.rawValue)"])
                : SecurityLevelService.problem(refusal, state: .proposed)
        }
        let before = record.auditFields
        record.state = next
        switch move {
        case .submit:
            record.submittedByID = actor.id; record.submittedByName = context.actorName; record.submittedAt = context.at
            record.decidedByName = nil; record.decidedAt = nil; record.decisionNote = nil
        case .withdraw: break
        case .approve, .returnToOfficer:
            record.decidedByName = context.actorName; record.decidedAt = context.at; record.decisionNote = note
            if move == .approve { record.validUntil = AssessmentReview.validUntil(approvedAt: context.at) }
        }
        try await db.transaction { db in
            try await record.save(on: db)
            try await Audit.record(
                on: db, by: context, .review, record, before: before, unitID: area.$unit.id,
                summary: "\(area.name(in: Catalogue.fallbackCode)) v\(record.version): \(move.rawValue)")
        }
    }
}

extension RiskAssessmentService {
    /// Tells the desk an assessment waits for it, or the officer what it decided. A failure to
    /// notify never undoes the move.
    static func announce(_ record: RiskAssessmentRecord, by actor: Actor, app: Application, on db: any Database) async {
        let target: (Set<Role>, String)? =
            switch record.state {
            case .submitted: ([.regionalSecurityDesk], "assessment_submitted")
            case .approved: ([.securityOfficer], "assessment_approved")
            case .returned: ([.securityOfficer], "assessment_returned")
            case .draft: nil
            }
        guard let (roles, kind) = target else { return }
        do {
            guard let area = try await SecurityArea.find(record.$area.id, on: db),
                let unit = try await Unit.find(area.$unit.id, on: db)
            else { return }
            let people = try await Notifier.holders(of: roles, over: unit, except: actor.id, on: db)
            try await Notifier.notify(
                people, kind: kind, args: [unit.name, area.name(in: Catalogue.fallbackCode), String(record.version)],
                link: AppPath.riskAssessment(record.requireID()).path, unitID: unit.id, app: app, on: db)
        } catch {
            app.logger.warning("Assessment notification not sent: \(error)")
        }
    }

    /// The messages of an assessment's threads, oldest first.
    static func comments(of record: RiskAssessmentRecord, on db: any Database) async throws -> [AssessmentComment] {
        try await AssessmentComment.query(on: db).filter(\.$assessment.$id == record.requireID()).sort(\.$at).all()
    }

    /// Writes in the thread of a threat (or of the whole assessment), as the core allows this
    /// person now.
    static func comment(
        on record: RiskAssessmentRecord, threat: String?, body: String?, by actor: Actor, context: AuditContext,
        on db: any Database
    ) async throws -> AssessmentComment {
        guard let area = try await SecurityArea.find(record.$area.id, on: db),
            let unit = try await Unit.find(area.$unit.id, on: db)
        else { throw Abort(.notFound) }
        guard AssessmentReview.mayComment(actor.grants, state: record.state, on: unit.unitPath) else {
            throw DomainError(.securityNotNow, field: "body", args: ["assessment_state.\(record.state.rawValue)"])
        }
        var threatID: UUID?
        if let raw = threat, !raw.isEmpty {
            guard let id = UUID(uuidString: raw), record.assessment.threats.contains(where: { $0.id == id }) else {
                throw DomainError(.invalidChoice, field: "threat")
            }
            threatID = id
        }
        let text = try TextRules.name(body, field: "body", max: 4000)
        let comment = AssessmentComment()
        comment.$assessment.id = try record.requireID()
        comment.threatID = threatID
        comment.body = text
        comment.authorID = actor.id
        comment.authorName = context.actorName
        comment.at = context.at
        try await db.transaction { db in
            try await comment.create(on: db)
            try await Audit.record(
                on: db, by: context, .feedback, entity: "assessment_comment", id: comment.id, unitID: area.$unit.id,
                summary: "\(area.name(in: Catalogue.fallbackCode)) v\(record.version)",
                change: AuditChange(before: [:], after: ["body": text]))
        }
        return comment
    }
}

extension RiskAssessmentRecord: Auditable {
    static let auditEntity = "risk_assessment"
    var auditFields: [String: String] {
        [
            "version": String(version), "state": state.rawValue, "content": content,
            "valid_until": validUntil.map { ISO8601DateFormatter().string(from: $0) } ?? "",
            "decision_note": decisionNote ?? "",
        ]
    }
}

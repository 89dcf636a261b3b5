import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// JSON as plans are stored, exported and compared: ISO 8601 dates, keys sorted.
enum PlanCodec {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }
}

/// A plan as read for a page: its content decoded once, with what the core derives from it.
struct PlanSnapshot: Sendable {
    var content: PlanContent
    var scale: ImpactScale
    var checks: [PlanCheck]
    var completeness: PlanCompleteness
    /// About what it takes in memory, for the cache's budget.
    var bytes = 0

    init(content: PlanContent, scale: ImpactScale, now: Date) {
        self.content = content
        self.scale = scale
        let nextReview = Calendar(identifier: .gregorian).date(byAdding: .month, value: 12, to: now) ?? now
        checks = PlanChecks.run(content, scale: scale, now: now, nextReview: nextReview)
        completeness = PlanCompleteness.of(content, scale: scale, checks: checks)
    }

    var errorCount: Int { checks.filter { $0.severity == .error }.count }
    var warningCount: Int { checks.count - errorCount }
}

/// The file a plan is exported to and imported from.
struct PlanDocument: Codable, Sendable {
    static let format = "resilience.plan/1"
    var format: String
    var unit: UnitRef
    var cycle: Int
    var version: Int?
    var exportedAt: Date
    var scale: ImpactScale
    var content: PlanContent

    struct UnitRef: Codable, Sendable { var id: UUID; var name: String; var code: String? }
}

/// Creating, changing, finalizing and importing plans. Every write is audited in its transaction.
enum PlanService {
    enum Start: String, CaseIterable, Sendable {
        /// A copy of the version of the unit's plan in force.
        case inForce = "in_force"
        case empty
    }

    static let cycles = 2000...2100

    /// What is stored of a plan's content, read fresh.
    struct Stored { var content: String; var scale: String; var revision: Int; var state: ReviewState }

    static func stored(_ planID: UUID, on db: any Database) async throws -> Stored {
        guard
            let row = try await Plan.query(on: db).filter(\.$id == planID)
                .field(\.$id).field(\.$content).field(\.$scale).field(\.$revision).field(\.$state).first()
        else { throw Abort(.notFound) }
        return Stored(content: row.content, scale: row.scale, revision: row.revision, state: row.state)
    }

    /// The content of a plan, decoded. Pages load plans without their content (a large plan's is
    /// hundreds of kilobytes); it is read and decoded only when `kept` (the application's cache,
    /// where the plan's id and revision, which every save bumps, tell its version) lacks it.
    /// Without `kept` it is read fresh (services inside a write's transaction).
    static func snapshot(
        _ plan: Plan, now: Date, kept: KeptCache? = nil, on db: any Database
    ) async throws
        -> PlanSnapshot
    {
        let day = Int(now.timeIntervalSince1970 / 86_400)
        let read = { () async throws -> PlanSnapshot in
            let stored = try await stored(plan.requireID(), on: db)
            var snapshot = PlanSnapshot(
                content: try PlanCodec.decode(PlanContent.self, stored.content),
                scale: try PlanCodec.decode(ImpactScale.self, stored.scale), now: now)
            snapshot.bytes = stored.content.utf8.count * 3
            return snapshot
        }
        guard let kept else { return try await read() }
        let key = KeptCache.Key<PlanSnapshot>(.planSnapshot, [plan.id!.uuidString, String(plan.revision), String(day)])
        // Saved since the plan was loaded, it is newer than its key, never older.
        return try await kept.value(key, cost: \.bytes, make: read)
    }

    /// A version's content, decoded; read only when `kept` lacks it (a version never changes).
    static func snapshot(
        _ version: PlanVersion, kept: KeptCache? = nil, on db: any Database
    ) async throws
        -> PlanSnapshot
    {
        let read = { () async throws -> PlanSnapshot in
            guard
                let row = try await PlanVersion.query(on: db).filter(\.$id == version.requireID())
                    .field(\.$id).field(\.$content).field(\.$scale).first()
            else { throw Abort(.notFound) }
            var snapshot = PlanSnapshot(
                content: try PlanCodec.decode(PlanContent.self, row.content),
                scale: try PlanCodec.decode(ImpactScale.self, row.scale), now: version.createdAt ?? Date())
            snapshot.bytes = row.content.utf8.count * 3
            return snapshot
        }
        guard let kept else { return try await read() }
        return try await kept.value(KeptCache.Key(.planSnapshot, ["v", version.id!.uuidString]), cost: \.bytes) {
            try await read()
        }
    }

    /// A plan without its content, for the pages and the permission check.
    static func find(_ id: UUID, on db: any Database) async throws -> Plan? {
        try await Plan.query(on: db).filter(\.$id == id)
            .field(\.$id).field(\.$createdAt).field(\.$updatedAt).field(\.$cycle).field(\.$state).field(\.$revision)
            .field(\.$latestVersion).field(\.$updatedByName).field(\.$approvedAt).field(\.$dueAt).field(\.$supersededAt)
            .field(\.$submittedVersion).field(\.$returnedVersion).field(\.$lastExercise).field(\.$campaignID).field(
                \.$unit.$id
            ).first()
    }

    // MARK: The impact scale HQ configures

    static let scaleKey = "impact_scale"

    static func currentScale(on db: any Database) async throws -> ImpactScale {
        try await SettingStore.value(scaleKey, standard: .standard, on: db)
    }

    static func setScale(_ scale: ImpactScale, by context: AuditContext, on db: any Database) async throws {
        try await SettingStore.set(scaleKey, to: scale, by: context, on: db)
    }

    // MARK: Plans

    static func plans(of unitID: UUID, on db: any Database) async throws -> [Plan] {
        try await Plan.query(on: db).filter(\.$unit.$id == unitID).sort(\.$cycle, .descending).all()
    }

    /// The approved version of the unit's plan in force, from whichever cycle.
    static func approvedVersion(of unitID: UUID, on db: any Database) async throws -> PlanVersion? {
        guard
            let plan = try await Plan.query(on: db).filter(\.$unit.$id == unitID).filter(\.$state == .inForce)
                .field(\.$id).field(\.$submittedVersion).field(\.$unit.$id).first(),
            let number = plan.submittedVersion
        else { return nil }
        return try await PlanVersion.query(on: db).filter(\.$plan.$id == plan.requireID()).filter(\.$number == number)
            .first()
    }

    static func create(
        at unit: Unit, cycle rawCycle: String?, start rawStart: String?, by context: AuditContext,
        on db: any Database
    ) async throws -> Plan {
        if unit.isRetired { throw DomainError(.retired) }
        let cycle = try parseCycle(rawCycle)
        guard let start = Start(rawValue: rawStart ?? Start.empty.rawValue) else {
            throw ValidationErrors([DomainError(.invalidChoice, field: "start")])
        }
        var content = PlanContent()
        var scale = try await currentScale(on: db)
        if start == .inForce {
            guard let version = try await approvedVersion(of: unit.requireID(), on: db) else {
                throw ValidationErrors([DomainError(.noApprovedPlan, field: "start")])
            }
            content = try PlanCodec.decode(PlanContent.self, version.content)
            scale = try PlanCodec.decode(ImpactScale.self, version.scale)
        }
        return try await insert(
            unit: unit, cycle: cycle, content: content, scale: scale, action: .create,
            summary: "\(unit.name) \(cycle) (\(start.rawValue))", by: context, on: db)
    }

    /// A new draft from an exported file, unchanged.
    static func importDocument(
        _ data: Data, into unit: Unit, cycle rawCycle: String?, by context: AuditContext,
        on db: any Database
    ) async throws -> Plan {
        if unit.isRetired { throw DomainError(.retired) }
        let document: PlanDocument
        do {
            document = try PlanCodec.decode(PlanDocument.self, String(decoding: data, as: UTF8.self))
        } catch {
            throw ValidationErrors([DomainError(.importFormat, field: "file")])
        }
        guard document.format == PlanDocument.format else {
            throw ValidationErrors([DomainError(.importFormat, field: "file")])
        }
        let cycle = try parseCycle(rawCycle?.isEmpty == false ? rawCycle : String(document.cycle))
        try document.content.validate(scale: document.scale)
        return try await insert(
            unit: unit, cycle: cycle, content: document.content, scale: document.scale, action: .importFile,
            summary: "\(unit.name) \(cycle) ← \(document.unit.name) \(document.cycle)", by: context, on: db)
    }

    static func insert(
        unit: Unit, cycle: Int, content: PlanContent, scale: ImpactScale, action: AuditAction,
        summary: String, campaignID: UUID? = nil, by context: AuditContext, on db: any Database
    ) async throws -> Plan {
        let unitID = try unit.requireID()
        if try await Plan.query(on: db).filter(\.$unit.$id == unitID).filter(\.$cycle == cycle).count() > 0 {
            throw ValidationErrors([DomainError(.planExists, field: "cycle", args: [String(cycle)])])
        }
        let plan = Plan()
        plan.$unit.id = unitID
        plan.cycle = cycle
        plan.state = .draft
        plan.campaignID = campaignID
        plan.lastExercise = lastExercise(content, now: context.at)
        plan.content = PlanCodec.encode(content)
        plan.scale = PlanCodec.encode(scale)
        plan.revision = 1
        plan.latestVersion = 0
        plan.updatedByName = context.actorName
        try await db.transaction { db in
            try await plan.create(on: db)
            try await Audit.record(
                on: db, by: context, action, entity: "plan", id: plan.id, unitID: unitID, summary: summary,
                change: AuditChange(before: [:], after: ["cycle": String(cycle), "state": plan.state.rawValue]))
            try await PlanStanding.refresh(unitID, on: db)
        }
        return plan
    }

    static func parseCycle(_ raw: String?) throws -> Int {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            throw ValidationErrors([DomainError(.required, field: "cycle")])
        }
        guard let cycle = Int(raw) else { throw ValidationErrors([DomainError(.notANumber, field: "cycle")]) }
        guard cycles.contains(cycle) else {
            throw ValidationErrors([
                DomainError(
                    .cycleOutOfRange, field: "cycle", args: [String(cycles.lowerBound), String(cycles.upperBound)])
            ])
        }
        return cycle
    }

    /// Applies a change to the plan's content: validated, saved only if nobody saved in between
    /// (else re-read and applied again, up to three times), audited with the parts before and after.
    /// - Parameter mutate: changes the content and returns the part it changed as (label, before, after).
    @discardableResult
    /// - Parameter kept: the application's cache: the content of the stored revision is taken
    ///   from it when it is there, and the saved one is put there (decoding a 60-process plan
    ///   twice more per save was a third of a save's time).
    static func change(
        _ plan: Plan, expectedRevision: Int? = nil, by context: AuditContext, kept: KeptCache? = nil,
        on db: any Database,
        _ mutate: (inout PlanContent) throws -> (label: String, before: String, after: String)
    ) async throws -> Plan {
        let day = String(Int(context.at.timeIntervalSince1970 / 86_400))
        func key(_ revision: Int) -> KeptCache.Key<PlanSnapshot> {
            KeptCache.Key(.planSnapshot, [plan.id!.uuidString, String(revision), day])
        }
        for _ in 0..<3 {
            let stored = try await stored(plan.requireID(), on: db)
            guard stored.state.isEditable else {
                throw ValidationErrors([DomainError(.planLocked, args: [stored.state.rawValue])])
            }
            if let expectedRevision, expectedRevision != stored.revision {
                throw ValidationErrors([DomainError(.planChanged, field: "revision", args: [String(stored.revision)])])
            }
            let cached = kept?.peek(key(stored.revision))
            let scale = try cached?.scale ?? PlanCodec.decode(ImpactScale.self, stored.scale)
            var content = try cached?.content ?? PlanCodec.decode(PlanContent.self, stored.content)
            let (label, before, after) = try mutate(&content)
            try content.validate(scale: scale)
            let encoded = PlanCodec.encode(content)
            if encoded == stored.content { plan.revision = stored.revision; plan.state = stored.state; return plan }
            let revision = stored.revision
            let now = context.at
            let exercised = lastExercise(content, now: context.at)
            let saved = try await db.writing { db -> Bool in
                guard let sql = db as? any SQLDatabase else { return false }
                let rows = try await sql.update(Plan.schema)
                    .set("content", to: encoded).set("revision", to: revision + 1).set("last_exercise", to: exercised)
                    .set("updated_at", to: now).set("updated_by_name", to: context.actorName)
                    // The state read too: a submission that froze this revision meanwhile wins.
                    .where("id", .equal, plan.id!).where("revision", .equal, revision)
                    .where("status", .equal, stored.state.rawValue)
                    .returning("id").all()
                guard !rows.isEmpty else { return false }
                try await Audit.record(
                    on: db, by: context, .update, entity: "plan", id: plan.id, unitID: plan.$unit.id,
                    summary: "\(plan.cycle): \(label)",
                    change: AuditChange(
                        before: [label: String(before.prefix(2000))], after: [label: String(after.prefix(2000))]))
                if exercised != plan.lastExercise { try await PlanStanding.refresh(plan.$unit.id, on: db) }
                return true
            }
            if saved {
                plan.revision = revision + 1; plan.state = stored.state; plan.lastExercise = exercised
                plan.updatedAt = now; plan.updatedByName = context.actorName
                if let kept {
                    var snapshot = PlanSnapshot(content: content, scale: scale, now: now)
                    snapshot.bytes = encoded.utf8.count * 3
                    kept.keep(key(revision + 1), snapshot, cost: snapshot.bytes)
                }
                return plan
            }
            if expectedRevision != nil {
                throw ValidationErrors([DomainError(.planChanged, field: "revision", args: [String(revision + 1)])])
            }
        }
        throw ValidationErrors([DomainError(.planChanged, field: "revision", args: [String(plan.revision)])])
    }

    /// The latest exercise the content records, up to today.
    static func lastExercise(_ content: PlanContent, now: Date) -> Date? {
        content.exercises.map(\.date).filter { $0 <= now }.max()
    }

    /// Freezes the stored content as the next immutable version (on submission for review),
    /// inside the caller's transaction.
    static func freeze(
        _ plan: Plan, stored: Stored, note: String?, by context: AuditContext, on db: any Database
    ) async throws -> PlanVersion {
        let version = PlanVersion()
        version.$plan.id = try plan.requireID()
        version.unitID = plan.$unit.id
        version.number = plan.latestVersion + 1
        version.content = stored.content
        version.scale = stored.scale
        version.note = note?.isEmpty == false ? note : nil
        version.createdByID = context.actorID
        version.createdByName = context.actorName
        try await version.create(on: db)
        return version
    }

    static func versions(of plan: Plan, on db: any Database) async throws -> [PlanVersion] {
        try await PlanVersion.query(on: db).filter(\.$plan.$id == plan.requireID()).sort(\.$number, .descending)
            .field(\.$id).field(\.$number).field(\.$createdAt).field(\.$createdByName).field(\.$note).field(\.$unitID)
            .field(\.$plan.$id)
            .all()
    }

    /// A version without its content (see `snapshot(_:on:)`).
    static func version(_ number: Int, of plan: Plan, on db: any Database) async throws -> PlanVersion? {
        try await PlanVersion.query(on: db).filter(\.$plan.$id == plan.requireID()).filter(\.$number == number)
            .field(\.$id).field(\.$number).field(\.$createdAt).field(\.$createdByName).field(\.$createdByID).field(
                \.$note
            )
            .field(\.$unitID).field(\.$plan.$id).first()
    }

    static func snapshot(
        _ plan: Plan, _ version: PlanVersion?, now: Date, kept: KeptCache? = nil, on db: any Database
    ) async throws -> PlanSnapshot {
        if let version { return try await snapshot(version, kept: kept, on: db) }
        return try await snapshot(plan, now: now, kept: kept, on: db)
    }

    static func document(
        _ plan: Plan, unit: Unit, version: PlanVersion?, now: Date, kept: KeptCache? = nil, on db: any Database
    ) async throws -> PlanDocument {
        let snapshot = try await snapshot(plan, version, now: now, kept: kept, on: db)
        return PlanDocument(
            format: PlanDocument.format, unit: .init(id: unit.id!, name: unit.name, code: unit.code),
            cycle: plan.cycle, version: version?.number, exportedAt: now, scale: snapshot.scale,
            content: snapshot.content)
    }
}

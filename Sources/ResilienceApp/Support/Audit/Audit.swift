import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Who is writing, and when: a person, or the system itself (seed, commands, the hourly run), at
/// the application clock's time (`AppClock`). Services take "now" from here.
struct AuditContext: Sendable {
    var actorID: UUID?
    var actorName: String
    var at: Date

    static func system(at now: Date) -> AuditContext { AuditContext(actorID: nil, actorName: "system", at: now) }
}

/// A record whose fields the audit trail shows before and after a change.
protocol Auditable {
    /// The entity type as the trail names it (`unit`, `user` …).
    static var auditEntity: String { get }
    /// The fields a person would want to see changed, as text.
    var auditFields: [String: String] { get }
}

extension Request {
    /// The audit context of the signed-in person.
    var auditContext: AuditContext {
        actor.map { AuditContext(actorID: $0.id, actorName: $0.username, at: now) } ?? .system(at: now)
    }
}

/// Writes the append-only audit trail. Call it inside the same transaction as the write it
/// describes, so that there is never a change without its line or a line without its change;
/// it also bumps the version counters of what the entity's write changed (`DataVersions`), so
/// that no kept page outlives the change.
enum Audit {
    static func record(
        on db: any Database, by context: AuditContext, _ action: AuditAction,
        entity: String, id: UUID?, unitID: UUID?, subjectUserID: UUID? = nil,
        summary: String, change: AuditChange = AuditChange(before: [:], after: [:])
    ) async throws {
        try await recordAll(
            on: db,
            [
                line(
                    by: context, action, entity: entity, id: id, unitID: unitID, subjectUserID: subjectUserID,
                    summary: summary, change: change)
            ])
    }

    /// A line of the trail, to be written with `recordAll`.
    static func line(
        by context: AuditContext, _ action: AuditAction, entity: String, id: UUID?, unitID: UUID?,
        subjectUserID: UUID? = nil, summary: String, change: AuditChange
    ) -> AuditEntry {
        let reduced = change.reduced
        let entry = AuditEntry()
        entry.at = context.at
        entry.action = action
        entry.entityType = entity
        entry.entityID = id
        entry.summary = String(summary.prefix(500))
        entry.before = encode(reduced.before)
        entry.after = encode(reduced.after)
        entry.actorID = context.actorID
        entry.actorName = context.actorName
        entry.unitID = unitID
        entry.subjectUserID = subjectUserID
        return entry
    }

    /// The entities whose change changes who a person is to the application (see `ActorMemo`).
    static let accessEntities: Set<String> = ["user", "grant", "api_token"]

    /// Writes many lines in one statement (a batch of roll-call answers), and bumps the versions
    /// each kind of entity changed, once per unit.
    static func recordAll(on db: any Database, _ lines: [AuditEntry]) async throws {
        guard !lines.isEmpty else { return }
        for batch in lines.chunked(500) { try await Array(batch).create(on: db) }
        var bumped = Set<String>()
        for line in lines {
            for kind in DataKind.changed(byEntity: line.entityType)
            where bumped.insert("\(kind.rawValue) \(line.unitID?.uuidString ?? "")").inserted {
                try await DataVersions.bump(kind, unitID: line.unitID, on: db)
            }
        }
        // A change of someone's account, grants or tokens: what servers remember of them goes.
        let access = Set(lines.filter { accessEntities.contains($0.entityType) }.compactMap(\.subjectUserID))
        try await DataVersions.bump(access.map(DataScope.access), on: db)
    }

    /// Records a create, update or delete of an auditable model.
    static func record<M: Model & Auditable>(
        on db: any Database, by context: AuditContext, _ action: AuditAction, _ model: M,
        before: [String: String] = [:], unitID: UUID?, subjectUserID: UUID? = nil, summary: String
    ) async throws where M.IDValue == UUID {
        let after = action == .delete ? [:] : model.auditFields
        try await record(
            on: db, by: context, action, entity: M.auditEntity, id: model.id, unitID: unitID,
            subjectUserID: subjectUserID, summary: summary,
            change: AuditChange(before: before, after: after))
    }

    static func encode(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(fields)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}

extension Unit: Auditable {
    static let auditEntity = "unit"
    var auditFields: [String: String] {
        [
            "name": name, "code": code ?? "", "kind": kind.rawValue,
            "parent_id": $parent.id?.uuidString.lowercased() ?? "",
            "retired_at": retiredAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
        ]
    }
}

extension DutyStation: Auditable {
    static let auditEntity = "duty_station"
    var auditFields: [String: String] {
        [
            "name": name, "country": country, "area_id": $area.id.uuidString.lowercased(), "latitude": String(latitude),
            "longitude": String(longitude), "unit_id": $unit.id.uuidString.lowercased(),
            "retired_at": retiredAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
        ]
    }
}

extension User: Auditable {
    static let auditEntity = "user"
    /// The password hash is never written to the trail; a password change is its own line.
    var auditFields: [String: String] {
        [
            "username": username, "display_name": displayName, "email": email ?? "", "language": language ?? "",
            "is_active": String(isActive), "home_unit_id": $homeUnit.id.uuidString.lowercased(),
        ]
    }
}

extension RoleGrant: Auditable {
    static let auditEntity = "grant"
    var auditFields: [String: String] {
        [
            "role": role.rawValue, "user_id": $user.id.uuidString.lowercased(),
            "unit_id": $unit.id.uuidString.lowercased(),
            "revoked_at": revokedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
        ]
    }
}

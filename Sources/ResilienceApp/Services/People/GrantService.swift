import Fluent
import Foundation
import ResilienceCore
import Vapor

/// What is filled in to grant a role.
struct GrantInput: Codable, Sendable {
    var role: String?
    /// The unit's id or code.
    var unitID: String?
}

/// Granting and revoking roles. Each is a line of the audit trail; a revoked grant stays in the
/// table with who revoked it and when.
enum GrantService {
    static func grant(
        _ input: GrantInput, to user: User, by actor: Actor, at now: Date, on db: any Database
    ) async throws -> RoleGrant {
        var validator = ValidationCollector()
        let role = Role(rawValue: input.role ?? "")
        if role == nil { validator.add(DomainError(.unknownRole, field: "role")) }
        let unit = try await UnitQueries.active(input.unitID, field: "unitID", on: db, validator: &validator)
        try validator.finish()
        guard let role, let unit else { throw Abort(.badRequest) }
        guard actor.may(.grant(role), on: unit.unitPath) else { throw Abort(.forbidden) }
        let userID = try user.requireID(), unitID = try unit.requireID()
        // Separation of duties: a role is always given by someone else.
        if userID == actor.id { throw DomainError(.cannotGrantSelf, field: "role") }
        let existing = try await RoleGrant.query(on: db).filter(\.$user.$id == userID).filter(\.$unit.$id == unitID)
            .filter(\.$role == role).filter(\.$revokedAt == nil).first()
        if existing != nil { throw DomainError(.grantExists, field: "role") }
        let grant = RoleGrant(userID: userID, unitID: unitID, role: role, grantedByID: actor.id)
        let context = AuditContext(actorID: actor.id, actorName: actor.username, at: now)
        try await db.transaction { db in
            try await grant.create(on: db)
            try await Audit.record(
                on: db, by: context, .grant, grant, unitID: unitID, subjectUserID: userID,
                summary: "\(user.username): \(role.rawValue) @ \(unit.name)")
        }
        return grant
    }

    static func revoke(_ grant: RoleGrant, by actor: Actor, at now: Date, on db: any Database) async throws {
        if grant.revokedAt != nil { throw DomainError(.alreadyRetired) }
        if grant.$user.id == actor.id, grant.role == .administrator {
            throw DomainError(.cannotRevokeOwnAdministrator)
        }
        let before = grant.auditFields
        grant.revokedAt = now
        grant.$revokedBy.id = actor.id
        let context = AuditContext(actorID: actor.id, actorName: actor.username, at: now)
        try await db.transaction { db in
            try await grant.save(on: db)
            try await Audit.record(
                on: db, by: context, .revoke, grant, before: before, unitID: grant.$unit.id,
                subjectUserID: grant.$user.id, summary: grant.role.rawValue)
        }
    }
}

import Fluent
import Foundation
import ResilienceCore
import Vapor

/// API tokens of one person: created in the browser, through the API or by the `token` command.
enum TokenService {
    /// Creates a token and returns it in clear, the only time it is ever shown.
    static func create(
        for userID: UUID, name raw: String?, by context: AuditContext,
        on db: any Database
    ) async throws -> (APIToken, String) {
        let name = try TextRules.name(raw, field: "name", max: 100)
        let (token, hash) = TokenAuth.generate()
        let record = APIToken()
        record.$user.id = userID
        record.name = name
        record.tokenHash = hash
        try await db.transaction { db in
            try await record.create(on: db)
            try await Audit.record(
                on: db, by: context, .create, entity: "api_token", id: record.id, unitID: nil,
                subjectUserID: userID, summary: name,
                change: AuditChange(before: [:], after: ["name": name]))
        }
        return (record, token)
    }

    static func list(of userID: UUID, on db: any Database) async throws -> [APIToken] {
        try await APIToken.query(on: db).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all()
    }

    /// Ends every token of the person that still works, inside the caller's transaction: after a
    /// password change (a token taken with the old password stops working) and at deactivation.
    static func revokeAll(of userID: UUID, by context: AuditContext, on db: any Database) async throws {
        let open = try await APIToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).all()
        guard !open.isEmpty else { return }
        try await APIToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).set(
            \.$revokedAt, to: context.at
        ).update()
        for token in open {
            try await Audit.record(
                on: db, by: context, .revoke, entity: "api_token", id: token.id, unitID: nil,
                subjectUserID: userID, summary: token.name,
                change: AuditChange(before: ["revoked": "false"], after: ["revoked": "true"]))
        }
    }

    /// Revokes one of the person's own tokens; someone else's token is "not found".
    static func revoke(_ rawID: String?, of userID: UUID, by context: AuditContext, on db: any Database) async throws {
        guard let rawID, let id = UUID(uuidString: rawID),
            let token = try await APIToken.find(id, on: db), token.$user.id == userID
        else { throw Abort(.notFound) }
        guard token.revokedAt == nil else { return }
        token.revokedAt = context.at
        try await db.transaction { db in
            try await token.save(on: db)
            try await Audit.record(
                on: db, by: context, .revoke, entity: "api_token", id: id, unitID: nil,
                subjectUserID: userID, summary: token.name,
                change: AuditChange(before: ["revoked": "false"], after: ["revoked": "true"]))
        }
    }
}

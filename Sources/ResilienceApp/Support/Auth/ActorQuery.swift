import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Who is asking, in one statement: the session or token, its account and the account's live
/// grants. Authentication runs on every request, so it is written out rather than built by Fluent
/// (three queries, each serialized and each a hop to the database thread).
enum ActorQuery {
    enum Credential { case session, token }

    struct Found {
        var actor: Actor
        /// The session or token row, and when it was last touched.
        var credentialID: UUID
        var lastUsed: Date?
    }

    static func find(_ credential: Credential, hash: String, on db: any Database) async throws -> Found? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let now = Date()
        let query: SQLQueryString = switch credential {
        case .session:
            """
            SELECT u.id AS user_id, u.username, u.display_name, u.language, u.home_unit_id,
                   c.id AS credential_id, c.last_seen_at AS last_used, g.role, g.unit_id
            FROM user_sessions c JOIN users u ON u.id = c.user_id
            LEFT JOIN role_grants g ON g.user_id = u.id AND g.revoked_at IS NULL
            WHERE c.token_hash = \(bind: hash) AND c.expires_at > \(bind: now) AND u.is_active = \(bind: true)
            """
        case .token:
            """
            SELECT u.id AS user_id, u.username, u.display_name, u.language, u.home_unit_id,
                   c.id AS credential_id, c.last_used_at AS last_used, g.role, g.unit_id
            FROM api_tokens c JOIN users u ON u.id = c.user_id
            LEFT JOIN role_grants g ON g.user_id = u.id AND g.revoked_at IS NULL
            WHERE c.token_hash = \(bind: hash) AND c.revoked_at IS NULL AND u.is_active = \(bind: true)
            """
        }
        let rows = try await sql.raw(query).all()
        guard let first = rows.first else { return nil }
        var grants: [Grant] = []
        for row in rows {
            if let role = try row.decodeNil(column: "role") ? nil : Role(rawValue: row.decode(column: "role", as: String.self)),
               let unit = try row.decode(column: "unit_id", as: UUID?.self) {
                grants.append(Grant(role: role, unitID: unit))
            }
        }
        let actor = Actor(id: try first.decode(column: "user_id", as: UUID.self),
                          username: try first.decode(column: "username", as: String.self),
                          displayName: try first.decode(column: "display_name", as: String.self),
                          language: try first.decode(column: "language", as: String?.self),
                          homeUnitID: try first.decode(column: "home_unit_id", as: UUID.self),
                          grants: grants)
        return Found(actor: actor, credentialID: try first.decode(column: "credential_id", as: UUID.self),
                     lastUsed: try first.decode(column: "last_used", as: Date?.self))
    }
}

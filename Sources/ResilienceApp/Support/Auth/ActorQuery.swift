import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Who is asking, in one statement: the session or token, its account and the account's live
/// grants, and the unit the path names (the permission check and the page need it next).
/// Authentication runs on every request, so it is written out rather than built by Fluent (four
/// queries, each serialized and each a round trip to the database).
enum ActorQuery {
    enum Credential { case session, token }

    struct Found {
        var actor: Actor
        /// The session or token row, and when it was last touched.
        var credentialID: UUID
        var lastUsed: Date?
        /// The unit asked for, when it exists.
        var unit: Unit?
    }

    static func find(_ credential: Credential, hash: String, unitID: UUID? = nil, on db: any Database) async throws -> Found? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let now = Date()
        // The unit's columns under their own names, as Fluent decodes a unit.
        let unitColumns: SQLQueryString = unitID == nil ? "" : ", pu.id, pu.created_at, pu.updated_at, pu.name, pu.code, pu.kind, pu.path, pu.depth, pu.retired_at, pu.parent_id"
        let unitJoin: SQLQueryString = unitID.map { "LEFT JOIN units pu ON pu.id = \(bind: $0)" } ?? ""
        let query: SQLQueryString = switch credential {
        case .session:
            """
            SELECT u.id AS user_id, u.username, u.display_name, u.language, u.home_unit_id,
                   c.id AS credential_id, c.last_seen_at AS last_used, g.role, g.unit_id\(unitColumns)
            FROM user_sessions c JOIN users u ON u.id = c.user_id
            LEFT JOIN role_grants g ON g.user_id = u.id AND g.revoked_at IS NULL \(unitJoin)
            WHERE c.token_hash = \(bind: hash) AND c.expires_at > \(bind: now) AND u.is_active = \(bind: true)
            """
        case .token:
            """
            SELECT u.id AS user_id, u.username, u.display_name, u.language, u.home_unit_id,
                   c.id AS credential_id, c.last_used_at AS last_used, g.role, g.unit_id\(unitColumns)
            FROM api_tokens c JOIN users u ON u.id = c.user_id
            LEFT JOIN role_grants g ON g.user_id = u.id AND g.revoked_at IS NULL \(unitJoin)
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
        let unit = try unitID != nil && !first.decodeNil(column: "id") ? first.decode(fluentModel: Unit.self) : nil
        return Found(actor: actor, credentialID: try first.decode(column: "credential_id", as: UUID.self),
                     lastUsed: try first.decode(column: "last_used", as: Date?.self), unit: unit)
    }
}

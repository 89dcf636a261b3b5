import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Who is asking, in one statement: the session or token, its account and the account's live
/// grants, and the unit the path names (the permission check and the page need it next), with
/// the versions of the person's access and of the units as they were read (so that both can be
/// remembered, see `ActorMemo`).
/// Authentication runs on every request, so it is written out rather than built by Fluent (four
/// queries, each serialized and each a round trip to the database) and prepared once per
/// PostgreSQL connection.
enum ActorQuery {
    enum Credential { case session, token }

    struct Found {
        var actor: Actor
        /// The session or token row, and when it was last touched.
        var credentialID: UUID
        var lastUsed: Date?
        /// The unit asked for, when it exists.
        var unit: Unit?
        /// The versions the person and the unit were read at (`DataScope.access`, the units').
        var accessVersion: Int64
        var unitsVersion: Int64
    }

    /// The columns and joins both credentials share: the credential by its hash (`$1`), its active
    /// account (`$2` is true), the account's live grants, and the unit the path names (`$3`; none
    /// when it is null) under its own columns' names, as Fluent decodes a unit.
    private static func statement(credential table: String, lastUsed: String, live: String) -> String {
        """
        SELECT u.id AS user_id, u.username, u.display_name, u.language, u.home_unit_id,
               c.id AS credential_id, c.\(lastUsed) AS last_used, g.role, g.unit_id,
               pu.id, pu.created_at, pu.updated_at, pu.name, pu.code, pu.kind, pu.path, pu.depth, pu.retired_at, pu.parent_id,
               av.version AS access_version, uv.version AS units_version
        FROM \(table) c JOIN users u ON u.id = c.user_id
        LEFT JOIN role_grants g ON g.user_id = u.id AND g.revoked_at IS NULL
        LEFT JOIN units pu ON pu.id = $3
        LEFT JOIN data_versions av ON av.scope = '\(DataScope.accessPrefix)' || lower(CAST(u.id AS TEXT))
        LEFT JOIN data_versions uv ON uv.scope = '\(DataScope.all(.units).text)'
        WHERE c.token_hash = $1 AND u.is_active = $2 AND \(live)
        """
    }

    struct SessionRead: PreparedRead {
        static let sql = statement(credential: "user_sessions", lastUsed: "last_seen_at", live: "c.expires_at > $4")
        var parameters: [PreparedParameter]
    }

    struct TokenRead: PreparedRead {
        static let sql = statement(credential: "api_tokens", lastUsed: "last_used_at", live: "c.revoked_at IS NULL")
        var parameters: [PreparedParameter]
    }

    static func find(
        _ credential: Credential, hash: String, unitID: UUID? = nil, now: Date, on db: any Database
    ) async throws -> Found? {
        let parameters: [PreparedParameter] = [.string(hash), .bool(true), .uuid(unitID)]
        let rows =
            switch credential {
            case .session: try await SessionRead(parameters: parameters + [.date(now)]).all(on: db)
            case .token: try await TokenRead(parameters: parameters).all(on: db)
            }
        guard let first = rows.first else { return nil }
        var grants: [Grant] = []
        for row in rows {
            if let role = try row.decodeNil(column: "role")
                ? nil : Role(rawValue: row.decode(column: "role", as: String.self)),
                let unit = try row.decode(column: "unit_id", as: UUID?.self)
            {
                grants.append(Grant(role: role, unitID: unit))
            }
        }
        let actor = Actor(
            id: try first.decode(column: "user_id", as: UUID.self),
            username: try first.decode(column: "username", as: String.self),
            displayName: try first.decode(column: "display_name", as: String.self),
            language: try first.decode(column: "language", as: String?.self),
            homeUnitID: try first.decode(column: "home_unit_id", as: UUID.self),
            grants: grants)
        let unit = try !first.decodeNil(column: "id") ? first.decode(fluentModel: Unit.self) : nil
        return Found(
            actor: actor, credentialID: try first.decode(column: "credential_id", as: UUID.self),
            lastUsed: try first.decode(column: "last_used", as: Date?.self), unit: unit,
            accessVersion: try first.decode(column: "access_version", as: Int64?.self) ?? 0,
            unitsVersion: try first.decode(column: "units_version", as: Int64?.self) ?? 0)
    }
}

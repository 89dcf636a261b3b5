import Fluent
import Foundation

/// A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy
/// of the database cannot be used to take over a session.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // Data fields
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    // Relationships
    @Parent(key: "user_id") var user: User

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it decodes, which
    /// was most of the CPU of a list page (see `ModelPropertiesTests`, which holds this list to
    /// what reflection finds).
    var properties: [any AnyProperty] { [$id, $createdAt, $tokenHash, $expiresAt, $lastSeenAt, $user] }

    init() {}
}

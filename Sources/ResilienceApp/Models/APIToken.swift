import Fluent
import Foundation

/// A bearer token for the JSON API. Only its SHA-256 is stored; the token itself is shown once.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // Data fields
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    // Relationships
    @Parent(key: "user_id") var user: User

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it decodes, which
    /// was most of the CPU of a list page (see `ModelPropertiesTests`, which holds this list to
    /// what reflection finds).
    var properties: [any AnyProperty] { [$id, $createdAt, $name, $tokenHash, $lastUsedAt, $revokedAt, $user] }

    init() {}
}

import Fluent
import Foundation

/// An account: a person who signs in.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @OptionalField(key: "email") var email: String?
    @Field(key: "password_hash") var passwordHash: String
    /// The interface language chosen by the person (a catalogue code such as `zh-Hans`).
    @OptionalField(key: "language") var language: String?
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "last_sign_in_at") var lastSignInAt: Date?

    // Relationships
    /// The unit where the person is posted.
    @Parent(key: "home_unit_id") var homeUnit: Unit

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it decodes, which
    /// was most of the CPU of a list page (see `ModelPropertiesTests`, which holds this list to
    /// what reflection finds).
    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $username, $displayName, $email, $passwordHash, $language, $isActive,
            $lastSignInAt, $homeUnit,
        ]
    }

    init() {}

    init(
        id: UUID = UUID(), username: String, displayName: String, email: String?,
        passwordHash: String, language: String?, homeUnitID: UUID
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.email = email
        self.passwordHash = passwordHash
        self.language = language
        self.isActive = true
        self.$homeUnit.id = homeUnitID
    }
}

import Fluent
import Foundation
import ResilienceCore

/// A role granted to a person on a unit. Revoking keeps the row, so the history of who held what
/// stays readable.
final class RoleGrant: Model, @unchecked Sendable {
    static let schema = "role_grants"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // Data fields
    @Field(key: "role") var role: Role
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    // Relationships
    @Parent(key: "user_id") var user: User
    @Parent(key: "unit_id") var unit: Unit
    @OptionalParent(key: "granted_by_id") var grantedBy: User?
    @OptionalParent(key: "revoked_by_id") var revokedBy: User?

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it decodes, which
    /// was most of the CPU of a list page (see `ModelPropertiesTests`, which holds this list to
    /// what reflection finds).
    var properties: [any AnyProperty] { [$id, $createdAt, $role, $revokedAt, $user, $unit, $grantedBy, $revokedBy] }

    init() {}

    init(userID: UUID, unitID: UUID, role: Role, grantedByID: UUID?) {
        self.$user.id = userID
        self.$unit.id = unitID
        self.role = role
        self.$grantedBy.id = grantedByID
    }
}

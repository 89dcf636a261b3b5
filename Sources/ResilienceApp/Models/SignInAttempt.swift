import Fluent
import Foundation

/// Failed sign-ins per user name (whether or not the account exists), for slowing and locking.
final class SignInAttempt: Model, @unchecked Sendable {
    static let schema = "sign_in_attempts"

    // Managed fields
    @ID(key: .id) var id: UUID?

    // Data fields
    @Field(key: "username") var username: String
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "last_failure_at") var lastFailureAt: Date?
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it decodes, which
    /// was most of the CPU of a list page (see `ModelPropertiesTests`, which holds this list to
    /// what reflection finds).
    var properties: [any AnyProperty] { [$id, $username, $failures, $lastFailureAt, $lockedUntil] }

    init() {}
}

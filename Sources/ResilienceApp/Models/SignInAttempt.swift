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

    init() {}
}

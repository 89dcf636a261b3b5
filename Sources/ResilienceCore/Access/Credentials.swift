import Foundation

/// The rules for user names, e-mail addresses and passwords.
public enum CredentialRules {
    public static let minimumPasswordLength = 10
    /// bcrypt reads only the first 72 bytes; a longer password would be silently cut.
    public static let maximumPasswordBytes = 72

    /// User names are lower-case letters, digits, dots, dashes and underscores, 3 to 64 long, so
    /// that they are unambiguous when read aloud or typed on any keyboard.
    public static func username(_ raw: String?) throws(DomainError) -> String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !value.isEmpty else { throw DomainError(.required, field: "username") }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (3...64).contains(value.count), value.allSatisfy({ allowed.contains($0) }) else {
            throw DomainError(.usernameFormat, field: "username")
        }
        return value
    }

    public static func email(_ raw: String?) throws(DomainError) -> String? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return nil }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard value.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !value.contains(" ")
        else {
            throw DomainError(.emailFormat, field: "email")
        }
        return value
    }

    /// Checks a new password and its confirmation.
    public static func newPassword(
        _ password: String, confirmation: String, username: String,
        field: String = "password"
    ) throws(DomainError) {
        guard password.count >= minimumPasswordLength else {
            throw DomainError(.passwordTooShort, field: field, args: [String(minimumPasswordLength)])
        }
        guard password.utf8.count <= maximumPasswordBytes else {
            throw DomainError(.passwordTooLong, field: field, args: [String(maximumPasswordBytes)])
        }
        guard password.lowercased() != username.lowercased() else {
            throw DomainError(.passwordSameAsUsername, field: field)
        }
        guard password == confirmation else {
            throw DomainError(.passwordMismatch, field: "confirmation")
        }
    }
}

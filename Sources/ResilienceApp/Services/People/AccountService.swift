import Fluent
import Foundation
import ResilienceCore
import Vapor

/// What an administrator fills in for an account.
struct AccountInput: Codable, Sendable {
    var username: String?
    var displayName: String?
    var email: String?
    var password: String?
    var confirmation: String?
    /// The unit's id or code.
    var homeUnitID: String?
    var language: String?
    var isActive: String?
}

/// Creating and changing accounts, each audited in the same transaction.
enum AccountService {
    static func create(
        _ input: AccountInput, by context: AuditContext, on db: any Database,
        hasher: any PasswordHasher, allowedUnit: (Unit) -> Bool
    ) async throws -> User {
        var validator = ValidationCollector()
        let username = try validator.check { try CredentialRules.username(input.username) }
        let displayName = try validator.check { try TextRules.name(input.displayName, field: "displayName") }
        let email = try validator.check { try CredentialRules.email(input.email) } ?? nil
        let password = input.password ?? ""
        try validator.check {
            try CredentialRules.newPassword(
                password, confirmation: input.confirmation ?? password,
                username: username ?? "")
        }
        let language = try validator.check { try languageChoice(input.language) } ?? nil
        let unit = try await UnitQueries.active(input.homeUnitID, field: "homeUnitID", on: db, validator: &validator)
        if let unit, !allowedUnit(unit) { throw Abort(.forbidden) }
        if let username, try await User.query(on: db).filter(\.$username == username).first() != nil {
            validator.add(DomainError(.taken, field: "username"))
        }
        try validator.finish()
        let user = User(
            username: username!, displayName: displayName!, email: email,
            passwordHash: try hasher.hash(password), language: language, homeUnitID: try unit!.requireID())
        try await db.transaction { db in
            try await user.create(on: db)
            try await Audit.record(
                on: db, by: context, .create, user, unitID: unit?.id, subjectUserID: user.id,
                summary: user.username)
        }
        return user
    }

    static func update(
        _ user: User, _ input: AccountInput, by context: AuditContext, on db: any Database,
        allowedUnit: (Unit) -> Bool
    ) async throws {
        var validator = ValidationCollector()
        let displayName = try validator.check { try TextRules.name(input.displayName, field: "displayName") }
        let email = try validator.check { try CredentialRules.email(input.email) } ?? nil
        let language = try validator.check { try languageChoice(input.language) } ?? nil
        let unit = try await UnitQueries.active(
            input.homeUnitID ?? user.$homeUnit.id.uuidString, field: "homeUnitID",
            on: db, validator: &validator)
        if let unit, unit.id != user.$homeUnit.id, !allowedUnit(unit) { throw Abort(.forbidden) }
        let active = input.isActive.map { ["true", "on", "1"].contains($0) } ?? user.isActive
        // Nobody locks themselves out: another administrator deactivates an administrator.
        if !active, user.id == context.actorID { validator.add(DomainError(.cannotDeactivateSelf, field: "isActive")) }
        try validator.finish()
        let before = user.auditFields
        user.displayName = displayName!
        user.email = email
        user.language = language
        user.$homeUnit.id = try unit!.requireID()
        let deactivated = user.isActive && !active
        user.isActive = active
        try await save(user, before: before, by: context, on: db) { db in
            // Nothing a deactivated account signed in with works again when it is reactivated.
            guard deactivated else { return }
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await TokenService.revokeAll(of: user.requireID(), by: context, on: db)
        }
    }

    /// The person's own profile: name, e-mail and language.
    static func updateProfile(
        _ user: User, _ input: AccountInput, by context: AuditContext, on db: any Database
    ) async throws {
        var validator = ValidationCollector()
        let displayName = try validator.check { try TextRules.name(input.displayName, field: "displayName") }
        let email = try validator.check { try CredentialRules.email(input.email) } ?? nil
        let language = try validator.check { try languageChoice(input.language) } ?? nil
        try validator.finish()
        let before = user.auditFields
        user.displayName = displayName!
        user.email = email
        user.language = language
        try await save(user, before: before, by: context, on: db)
    }

    /// Saves the language chosen with the switch on every page.
    static func setLanguage(_ user: User, _ code: String, by context: AuditContext, on db: any Database) async throws {
        let before = user.auditFields
        user.language = try languageChoice(code)
        try await save(user, before: before, by: context, on: db)
    }

    static func changePassword(
        _ user: User, current: String, new: String, confirmation: String,
        by context: AuditContext, on db: any Database, hasher: any PasswordHasher
    ) async throws {
        var validator = ValidationCollector()
        if (try? hasher.verify(current, created: user.passwordHash)) != true {
            validator.add(DomainError(.wrongCurrentPassword, field: "current"))
        }
        try validator.check {
            try CredentialRules.newPassword(new, confirmation: confirmation, username: user.username)
        }
        try validator.finish()
        user.passwordHash = try hasher.hash(new)
        try await db.transaction { db in
            try await user.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, entity: User.auditEntity, id: user.id,
                unitID: user.$homeUnit.id, subjectUserID: user.id, summary: "password",
                change: AuditChange(before: ["password": "•"], after: ["password": "changed"]))
            try await TokenService.revokeAll(of: user.requireID(), by: context, on: db)
        }
    }

    private static func save(
        _ user: User, before: [String: String], by context: AuditContext, on db: any Database,
        also: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws {
        try await db.transaction { db in
            try await user.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, user, before: before, unitID: user.$homeUnit.id,
                subjectUserID: user.id, summary: user.username)
            try await also(db)
        }
    }

    /// An empty choice means "follow the browser"; anything else must be a catalogue language.
    static func languageChoice(_ raw: String?) throws(DomainError) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let language = Catalogue.shared.language(raw) else {
            throw DomainError(.unknownLanguage, field: "language")
        }
        return language.code
    }
}

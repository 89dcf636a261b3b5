import Fluent
import Foundation
import ResilienceCore
import Vapor

/// On an empty database without demo data, the first administrator comes from the environment
/// (`RESILIENCE_ADMIN_USERNAME`, `RESILIENCE_ADMIN_PASSWORD`) or is asked for on the terminal.
enum FirstAdministrator {
    static func ensure(
        on db: any Database, hasher: any PasswordHasher, console: any Console, now: Date,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws {
        guard try await User.query(on: db).count() == 0 else { return }
        var username = environment["RESILIENCE_ADMIN_USERNAME"]
        var password = environment["RESILIENCE_ADMIN_PASSWORD"]
        if username == nil || password == nil {
            guard isatty(STDIN_FILENO) != 0 else {
                throw ConfigError(
                    """
                    The database has no account yet. Set RESILIENCE_ADMIN_USERNAME and RESILIENCE_ADMIN_PASSWORD \
                    (at least \(CredentialRules.minimumPasswordLength) characters) for the first administrator, \
                    or start with --demo for the demo organization.
                    """)
            }
            console.print("The database has no account yet: create the first administrator.")
            username = console.ask("User name:")
            let prompt = "Password (at least \(CredentialRules.minimumPasswordLength) characters):"
            password = console.ask(prompt.consoleText(), isSecure: true)
        }
        let name = try CredentialRules.username(username)
        try CredentialRules.newPassword(password ?? "", confirmation: password ?? "", username: name)
        var root = try await Unit.query(on: db).filter(\.$parent.$id == nil).first()
        if root == nil {
            root = try await UnitService.create(
                under: nil,
                UnitInput(
                    name: environment["RESILIENCE_HQ_NAME"] ?? "Headquarters", code: "HQ",
                    kind: UnitKind.headquarters.rawValue), by: .system(at: now), on: db)
        }
        let hq = root!
        let user = User(
            username: name, displayName: name, email: nil, passwordHash: try hasher.hash(password ?? ""),
            language: nil, homeUnitID: try hq.requireID())
        let grant = RoleGrant(userID: user.id!, unitID: try hq.requireID(), role: .administrator, grantedByID: nil)
        try await db.transaction { db in
            try await user.create(on: db)
            try await Audit.record(
                on: db, by: .system(at: now), .create, user, unitID: hq.id, subjectUserID: user.id, summary: name)
            try await grant.create(on: db)
            try await Audit.record(
                on: db, by: .system(at: now), .grant, grant, unitID: hq.id, subjectUserID: user.id,
                summary: "\(name): administrator @ \(hq.name)")
        }
        console.print("Created the first administrator \(name) on \(hq.name).")
    }
}

import Fluent
import Vapor

/// `resilience token create USERNAME [--name NAME]`: prints a new API token for that account.
struct TokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Argument(name: "username", help: "The account the token acts as")
        var username: String
        @Option(name: "name", help: "A name to recognise the token by (default: command line)")
        var name: String?
    }

    var help: String { "Creates an API token for an account and prints it (resilience token create USERNAME)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else {
            throw ConfigError("Unknown action '\(signature.action)': use 'create'.")
        }
        let db = context.application.db
        let username = signature.username.lowercased()
        guard let user = try await User.query(on: db).filter(\.$username == username).first(), user.isActive else {
            throw ConfigError("No active account named '\(username)'.")
        }
        let (_, token) = try await TokenService.create(
            for: try user.requireID(), name: signature.name ?? "command line",
            by: AuditContext(actorID: nil, actorName: "command line", at: context.application.clock.now), on: db)
        context.console.print(token)
    }
}

import Fluent
import Vapor

/// `resilience seed demo`: loads the demo organization into an empty database.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "dataset", help: "What to load: demo")
        var dataset: String
    }

    var help: String { "Loads demo data into an empty database (resilience seed demo)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.dataset == "demo" else {
            throw ConfigError("Unknown dataset '\(signature.dataset)': the only one is 'demo'.")
        }
        let app = context.application
        try await app.autoMigrate()
        guard try await DemoData.isEmpty(app.db) else {
            context.console.print("The database already holds an organization; nothing loaded.")
            return
        }
        try await DemoData.load(on: app.db, hasher: app.password.sync, now: app.clock.now)
        context.console.print(DemoData.summary)
    }
}

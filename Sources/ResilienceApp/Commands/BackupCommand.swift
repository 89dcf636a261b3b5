import Vapor

/// `resilience backup FILE`: a consistent copy of the whole database, taken while the server
/// serves (see `BackupService`).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the backup; must not exist yet")
        var file: String
    }

    var help: String {
        "Writes a consistent copy of the database to FILE while the server keeps serving (resilience backup FILE)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        // A refusal (BackupService.Failure) is printed as its message by the entry point.
        try await BackupService.backup(to: signature.file, config: app.appConfig, db: app.db)
        let size = (try? FileManager.default.attributesOfItem(atPath: signature.file)[.size] as? Int) ?? 0
        context.console.print("Backup written to \(signature.file) (\(size) bytes).")
    }
}

/// `resilience restore FILE`: reads a backup into an empty database.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A backup written by `resilience backup`")
        var file: String
    }

    var help: String {
        "Restores a backup into an empty database (resilience restore FILE); start the server afterwards."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await BackupService.restore(from: signature.file, config: app.appConfig, db: app.db)
        context.console.print(
            "Restored \(signature.file). Start the server; it brings the schema up to date if the backup is older.")
    }
}

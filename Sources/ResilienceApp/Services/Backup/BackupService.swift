import Fluent
import Foundation
import SQLKit
import Vapor

/// Copies of the whole database taken while the server serves, and restoring one into an empty
/// database. SQLite: `VACUUM INTO` writes a consistent copy of the database as of one moment
/// (a read transaction), which is itself a database file. PostgreSQL: `pg_dump` in its custom
/// format, read back by `pg_restore` (both from the PostgreSQL client package).
enum BackupService {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Writes a backup of the database the app uses to `file`, which must not exist yet.
    static func backup(to file: String, config: AppConfig, db: any Database) async throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw Failure("\(file) exists already; choose a new file name (backups are never overwritten).")
        }
        switch config.database {
        case .sqliteFile, .sqliteMemory:
            guard let sql = db as? any SQLDatabase else { throw Failure("The database does not speak SQL.") }
            try await sql.raw("VACUUM INTO \(bind: file)").run()
        case .postgres(let url, let searchPath):
            var arguments = ["--format=custom", "--no-owner", "--file=\(file)"]
            if let searchPath { arguments.append("--schema=\(searchPath)") }
            try await run("pg_dump", arguments + ["--dbname=\(url)"])
        }
    }

    /// Restores `file` (made by `backup`) into the app's database, which must be empty.
    static func restore(from file: String, config: AppConfig, db: any Database) async throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw Failure("Cannot read \(file).") }
        switch config.database {
        case .sqliteMemory:
            throw Failure(
                "An in-memory database cannot be restored into; set DATABASE_URL to a file or a PostgreSQL database.")
        case .sqliteFile(let path):
            let header = FileManager.default.contents(atPath: file)?.prefix(16) ?? Data()
            guard header == Data("SQLite format 3\0".utf8) else { throw Failure("\(file) is not a SQLite backup.") }
            // The database file is replaced, so it must hold nothing yet (a new file is empty).
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size == 0, !FileManager.default.fileExists(atPath: path + "-wal") || isEmpty(path + "-wal") else {
                throw Failure("\(path) already holds data; restore into a new, empty database.")
            }
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.copyItem(atPath: file, toPath: path)
        case .postgres(let url, _):
            guard let sql = db as? any SQLDatabase else { throw Failure("The database does not speak SQL.") }
            let tables =
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                    """
                ).first(decodingColumn: "n", as: Int.self) ?? 0
            guard tables == 0 else {
                throw Failure("The database already holds \(tables) tables; restore into a new, empty database.")
            }
            try await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname=\(url)", file])
        }
    }

    private static func isEmpty(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) == 0
    }

    /// Runs a PostgreSQL client program found on the PATH; its error output becomes the message.
    private static func run(_ program: String, _ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw Failure("\(program) could not be started: install the PostgreSQL client (Debian: postgresql-client).")
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(
                "\(program) failed (exit \(process.terminationStatus)): \(message.isEmpty ? "no message" : message)")
        }
    }
}

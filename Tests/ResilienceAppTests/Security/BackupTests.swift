import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import ResilienceApp
@testable import ResilienceCore

/// Writes acknowledged while nobody is looking, counted one by one.
private actor Acknowledged {
    var names: [String] = []
    var stop = false
    func add(_ name: String) { names.append(name) }
    func halt() { stop = true }
}

@Suite struct BackupTests {
    /// A backup taken during a stream of writes, restored into an empty database, holds every
    /// write acknowledged before the backup began.
    @Test func aBackupTakenUnderWritesRestoresEveryAcknowledgedWrite() async throws {
        try await withTestApp { app in
            let admin = try await user("admin", app)
            let acknowledged = Acknowledged()
            let writer = Task {
                var i = 0
                while await !acknowledged.stop {
                    let name = "write \(i)"
                    _ = try await TokenService.create(
                        for: admin.requireID(), name: name, by: app.systemContext, on: app.db)
                    await acknowledged.add(name)
                    i += 1
                }
            }
            while await acknowledged.names.count < 20 { try await Task.sleep(nanoseconds: 5_000_000) }
            let before = await acknowledged.names
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("resilience.backup").path
            try await BackupService.backup(to: file, config: app.appConfig, db: app.db)
            await acknowledged.halt()
            try await writer.value
            #expect(await acknowledged.names.count > before.count, "the writes went on during the backup")
            // A second backup to the same file is refused: backups are never overwritten.
            await #expect(throws: BackupService.Failure.self) {
                try await BackupService.backup(to: file, config: app.appConfig, db: app.db)
            }

            // Restore into an empty database of the same kind and read it there.
            var target = app.appConfig
            var newDatabase: String?
            switch app.appConfig.database {
            case .sqliteFile, .sqliteMemory:
                target.database = .sqliteFile(folder.appendingPathComponent("restored.sqlite").path)
            case .postgres(let url, let schema):
                let name =
                    "restore_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
                let sql = try #require(app.db as? any SQLDatabase)
                try await sql.raw("CREATE DATABASE \(ident: name)").run()
                newDatabase = name
                var parts = try #require(URLComponents(string: url))
                parts.path = "/" + name
                target.database = .postgres(url: try #require(parts.string), searchPath: schema)
            }
            let restored = try await Application.make(.testing)
            do {
                try await configure(restored, target)
                try await BackupService.restore(from: file, config: target, db: restored.db)
                let names = Set(try await APIToken.query(on: restored.db).all().map(\.name))
                #expect(before.allSatisfy(names.contains), "missing \(before.filter { !names.contains($0) })")
                #expect(try await User.query(on: restored.db).count() == (try await User.query(on: app.db).count()))
                // Restoring again into what now holds data is refused.
                if case .postgres = target.database {
                    await #expect(throws: BackupService.Failure.self) {
                        try await BackupService.restore(from: file, config: target, db: restored.db)
                    }
                }
            } catch {
                try? await restored.asyncShutdown()
                throw error
            }
            try await restored.asyncShutdown()
            if let newDatabase, let sql = app.db as? any SQLDatabase {
                try await sql.raw("DROP DATABASE \(ident: newDatabase)").run()
            }
        }
    }
}

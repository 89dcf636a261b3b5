import Fluent
import Foundation
import Testing
import Vapor

@testable import ResilienceApp
@testable import ResilienceCore

/// Writes made at once all land, each once (on SQLite they queue behind each other, see
/// `WriteGate`): sixteen risks added to a register at the same moment.
@Suite struct WritingTests {
    @Test func sixteenRisksAddedAtOnceAreAllSaved() async throws {
        try await withTestApp { app in
            let kenya = try await unit("KEN", app)
            let before = try await Risk.query(on: app.db).filter(\.$unitID == kenya.id!).count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<16 {
                    group.addTask {
                        _ = try await RiskService.save(
                            nil, at: kenya,
                            [
                                "kind": "security", "title": "Roadblock \(i) on the Garissa road", "likelihood": "3",
                                "impact": "4",
                            ],
                            by: app.systemContext, on: app.db)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Risk.query(on: app.db).filter(\.$unitID == kenya.id!).count() == before + 16)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "risk").filter(\.$summary ~~ "Roadblock")
                    .count() == 16)
        }
    }
}

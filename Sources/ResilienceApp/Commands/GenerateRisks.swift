import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Risks for the benchmark: a region's units keep `count` risks between them, of every kind,
/// rated across the whole matrix, some reviews overdue.
extension GenerateCommand {
    static func generateRisks(region code: String, count: Int, on db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase,
            let region = try await Unit.query(on: db).filter(\.$code == code).first()
        else { return "" }
        let units = try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), region.path + "%")
            .filter(\.$kind ~~ OversightService.planningKinds).all()
        guard !units.isEmpty else { return "" }
        let now = Date()
        let kinds = RiskKind.standard
        for batch in Array(0..<count).chunked(500) {
            let insert = sql.insert(into: Risk.schema).columns(
                "id", "unit_id", "kind", "title", "cause", "inherent_likelihood", "inherent_impact",
                "residual_likelihood", "residual_impact", "owner", "status", "review_date", "source",
                "updated_by_name", "created_at", "updated_at")
            for n in batch {
                let l = 1 + n % 5, i = 1 + (n / 5) % 5
                insert.values(
                    SQLBind(UUID()), SQLBind(units[n % units.count].id!), SQLBind(kinds[n % kinds.count]),
                    SQLBind("Risk \(n + 1)"),
                    SQLBind("Cause \(n % 40)"), SQLBind(l), SQLBind(i), SQLBind(max(1, l - 1)), SQLBind(max(1, i - 1)),
                    SQLBind("Owner \(n % 60)"), SQLBind(RiskStatus.allCases[n % 3].rawValue),
                    SQLBind(now.addingTimeInterval(Double(n % 200 - 20) * 86_400)),
                    SQLBind(RiskSource.allCases[n % 3].rawValue),
                    SQLBind("generate"), SQLBind(now), SQLBind(now))
            }
            try await insert.run()
        }
        for unit in units {
            try await RiskService.refreshRegister(of: unit.requireID(), now: now, on: db)
            // Written without the services: kept pages of a server on this database must see them.
            try await DataVersions.bump(.risks, unitID: unit.requireID(), on: db)
        }
        return "\(count) risks in \(region.name) (\(units.count) units)"
    }
}

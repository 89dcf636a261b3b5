import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Security management for the benchmark's organization: a year of levels for every area, an
/// approved assessment per area, HQ's catalogue of 60 measures, every duty station's compliance
/// with what it must meet, and agencies with their headcounts. Written in batches through SQL.
extension GenerateCommand {
    static func generateSecurity(now: Date, on db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase else { return "" }
        let day = 86_400.0
        struct Area: Decodable { var id: UUID }
        let areas = try await sql.raw("SELECT id FROM security_areas ORDER BY id").all(decoding: Area.self).map(\.id)
        let intervals = LevelReviewIntervals.standard
        // Levels: one approved a year ago, one half a year ago; every fifth area is past its review.
        var current: [UUID: SecurityLevel] = [:]
        var levelRows: [[any SQLExpression]] = []
        for (i, area) in areas.enumerated() {
            for (j, daysAgo) in [365.0, Double(i % 5 == 0 ? 200 : 40 + i % 120)].enumerated() {
                let level = SecurityLevel(rawValue: 1 + (i * 7 + j * 3) % 6)!
                var ratings: [ThreatCategory: SecurityLevel] = [:]
                for (k, c) in ThreatCategory.allCases.enumerated() {
                    ratings[c] = SecurityLevel(rawValue: max(1, level.rawValue - (i + k) % 3))!
                }
                ratings[.armedConflict] = level
                let effective = SecurityCalendar.day(now.addingTimeInterval(-daysAgo * day))
                current[area] = level
                levelRows.append([
                    SQLBind(UUID()), SQLBind(area), SQLBind(level.rawValue),
                    SQLBind(PlanCodec.encode(try ThreatRatings(ratings))),
                    SQLBind("Reviewed with the security management team."), SQLBind(false), SQLBind(effective),
                    SQLBind(intervals.nextReview(for: level, effective: effective)),
                    SQLBind(LevelDecisionState.approved.rawValue), SQLBind("generator"),
                    SQLBind(effective.addingTimeInterval(-2 * day)), SQLBind("generator"), SQLBind(effective),
                ])
            }
        }
        for batch in levelRows.chunked(400) {
            let insert = sql.insert(into: "security_levels").columns(
                "id", "area_id", "level", "ratings", "reason", "unchanged", "effective_on", "next_review", "state",
                "proposed_by_name", "proposed_at", "decided_by_name", "decided_at")
            for row in batch { insert.values(row) }
            try await insert.run()
        }
        // HQ's catalogue: 60 measures over the nine categories, baselines from level 1 to 6; every
        // tenth only where an assessment adds it.
        var catalogue: [(id: UUID, code: String, baseline: Int?)] = []
        let measures = sql.insert(into: "security_measures").columns(
            "id", "code", "category", "baseline_from", "names", "created_at", "updated_at")
        for j in 0..<60 {
            let category = MeasureCategory.allCases[j % MeasureCategory.allCases.count]
            let baseline: Int? = j % 10 == 9 ? nil : 1 + (j * 5) % 6
            let code = String(format: "M-%02d", j + 1)
            let id = UUID()
            catalogue.append((id, code, baseline))
            measures.values(
                SQLBind(id), SQLBind(code), SQLBind(category.rawValue), SQLBind(baseline),
                SQLBind(PlanCodec.encode(["en": "Measure \(j + 1) (\(category.rawValue))"])), SQLBind(now), SQLBind(now)
            )
        }
        try await measures.run()
        // An approved assessment per area, valid a year; each adds one measure.
        let threats = AssessmentContent(
            threats: ThreatCategory.allCases.prefix(4).enumerated().map { k, c in
                AssessedThreat(
                    kind: c.rawValue, description: "Threat \(k + 1)",
                    inherent: RiskRating(likelihood: 4, impact: 3 + k % 3),
                    measures: "Measures in place", residual: RiskRating(likelihood: 2 + k % 2, impact: 2 + k % 3),
                    decision: .control)
            })
        var added: [UUID: String] = [:]
        for batch in Array(areas.enumerated()).chunked(400) {
            let insert = sql.insert(into: "risk_assessments").columns(
                "id", "area_id", "version", "state", "content", "valid_until", "submitted_by_name", "submitted_at",
                "decided_by_name", "decided_at", "created_at", "updated_at")
            for (i, area) in batch {
                var content = threats
                let extra = catalogue.filter { $0.baseline == nil }[i % 6].code
                content.addedMeasures = [extra]
                added[area] = extra
                let approved = SecurityCalendar.day(now.addingTimeInterval(-Double(20 + i % 300) * day))
                insert.values(
                    SQLBind(UUID()), SQLBind(area), SQLBind(1), SQLBind(AssessmentState.approved.rawValue),
                    SQLBind(PlanCodec.encode(content)), SQLBind(AssessmentReview.validUntil(approvedAt: approved)),
                    SQLBind("generator"), SQLBind(approved), SQLBind("generator"), SQLBind(approved), SQLBind(now),
                    SQLBind(now))
            }
            try await insert.run()
        }
        // Every duty station's compliance with what its area's level and assessment require.
        struct Station: Decodable { var id: UUID; var area_id: UUID }
        let stations = try await sql.raw("SELECT id, area_id FROM duty_stations ORDER BY id").all(
            decoding: Station.self)
        var rows: [[any SQLExpression]] = []
        for (i, s) in stations.enumerated() {
            let level = current[s.area_id] ?? .minimal
            for (j, m) in catalogue.enumerated()
            where (m.baseline.map({ $0 <= level.rawValue }) ?? false) || added[s.area_id] == m.code {
                let pick = (i + j) % 10
                let status: MeasureStatus =
                    pick < 7 ? .compliant : pick == 7 ? .partlyCompliant : pick == 8 ? .notCompliant : .notApplicable
                rows.append([
                    SQLBind(UUID()), SQLBind(s.id), SQLBind(m.id), SQLBind(status.rawValue),
                    SQLBind(status == .notApplicable ? "Does not apply here." : nil as String?),
                    SQLBind(status == .compliant ? "Checked on site." : nil as String?), SQLBind("generator"),
                    SQLBind(now.addingTimeInterval(-Double(i % 90) * day)),
                ])
            }
        }
        for batch in rows.chunked(500) {
            let insert = sql.insert(into: "measure_compliance").columns(
                "id", "duty_station_id", "measure_id", "status", "reason", "evidence", "verified_by_name", "verified_at"
            )
            for row in batch { insert.values(row) }
            try await insert.run()
        }
        // Ten agencies, three at every duty station.
        var agencies: [UUID] = []
        let agencyInsert = sql.insert(into: "agencies").columns(
            "id", "short_names", "full_names", "created_at", "updated_at")
        for k in 0..<10 {
            let id = UUID()
            agencies.append(id)
            agencyInsert.values(
                SQLBind(id), SQLBind(PlanCodec.encode(["en": "AG\(k + 1)"])),
                SQLBind(PlanCodec.encode(["en": "Agency \(k + 1)"])), SQLBind(now), SQLBind(now))
        }
        try await agencyInsert.run()
        for batch in Array(stations.enumerated()).chunked(300) {
            let insert = sql.insert(into: "agency_presences").columns(
                "id", "duty_station_id", "agency_id", "international_staff", "national_staff", "dependants")
            for (i, s) in batch {
                for k in 0..<3 {
                    insert.values(
                        SQLBind(UUID()), SQLBind(s.id), SQLBind(agencies[(i + k * 3) % agencies.count]),
                        SQLBind(1 + (i + k) % 12), SQLBind(5 + (i * 3 + k) % 60), SQLBind((i + k) % 9))
                }
            }
            try await insert.run()
        }
        try await IndicatorService.backfill(months: 12, now: now, on: db)
        try await IndicatorService.record(at: now, on: db)
        return
            "\(areas.count) security areas with a year of levels and an assessment each, 60 measures, \(rows.count) compliance records"
    }
}

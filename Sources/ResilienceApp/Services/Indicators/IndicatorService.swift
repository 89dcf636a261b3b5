import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Every indicator for a unit and the units below it: the continuity ones from the plans'
/// standings, the security ones from the areas kept and the duty stations there; their history
/// for HQ and the regions, recorded daily by the hourly run.
enum IndicatorService {
    /// The security indicators of the areas kept by units in `unit`'s subtree and its duty
    /// stations, on `date` (levels and assessments as they stood then; compliance as it is).
    /// - Parameter located: who can be located in the subtree, when counted already.
    static func security(
        under unit: Unit, at date: Date, compliance: Bool = true, located: PersonnelReads.Located? = nil,
        on db: any Database
    ) async throws -> [Indicator: IndicatorValue] {
        let units = try await UnitQueries.subtreeIDs(of: unit, on: db)
        var areas: [SecurityArea] = []
        for chunk in units.chunked(500) {
            areas += try await SecurityArea.query(on: db).filter(\.$unit.$id ~~ Array(chunk)).all()
        }
        let ids = areas.compactMap(\.id)
        let levels = try await SecurityLevelService.history(of: ids, on: db).mapValues {
            $0.compactMap(\.record).filter { $0.approvedAt <= date }
        }
        let versions = try await RiskAssessmentService.versions(of: ids, on: db)
        let statuses = ids.map { id -> AssessmentStatus in
            let approved = (versions[id] ?? []).last {
                $0.state == .approved && ($0.decidedAt.map { $0 <= date } ?? false)
            }
            return AssessmentStatus.of(
                approvedAt: approved?.decidedAt, validUntil: approved?.validUntil, levels: levels[id] ?? [], at: date)
        }
        var values: [Indicator: IndicatorValue] = [
            .assessmentsCurrent: SecurityIndicators.assessmentsCurrent(statuses),
            .levelsOnTime: SecurityIndicators.levelsOnTime(ids.map { levels[$0] ?? [] }, at: date),
        ]
        if compliance {
            let roll = try await ComplianceService.rollUps(of: unit, at: date, on: db).all
            values[.measuresImplemented] = SecurityIndicators.measuresImplemented(roll)
            values[.stationsCompliant] = SecurityIndicators.stationsCompliant(roll)
            // Locatable has no past either: where people were confirmed is overwritten as they move.
            let located =
                if let located { located } else { try await PersonnelReads.locatable(under: unit, at: date, on: db) }
            values[.personnelLocatable] = IndicatorValue(count: located.personnel.0, total: located.personnel.1)
            values[.dependantsLocatable] = IndicatorValue(count: located.dependants.0, total: located.dependants.1)
        }
        return values.merging(try await travel(under: unit, units: units, at: date, on: db)) { a, _ in a }
    }

    /// The travel indicators of the trips of personnel in the subtree, over the year to `date`.
    static func travel(
        under unit: Unit, units: [UUID], at date: Date, on db: any Database
    ) async throws -> [Indicator: IndicatorValue] {
        let since = date.addingTimeInterval(-365 * 86_400)
        let everywhere = unit.depth == 0
        guard let sql = db as? any SQLDatabase else { return [:] }
        // Two columns read as values: a year of legs decoded with their requests as models was
        // a fifth of the hourly run.
        struct Case: Decodable { var assessed_at: Date?, starts_at: Date }
        struct Leg: Decodable { var advised_at: Date? }
        var cases: [(assessedAt: Date?, tripStarts: Date)] = []
        var asked: [Date?] = []
        for chunk in everywhere ? [[]] : units.chunked(500).map(Array.init) {
            let within: SQLQueryString = everywhere ? "" : " AND r.unit_id IN (\(binds: chunk))"
            for row in try await sql.raw(
                """
                SELECT c.assessed_at, r.starts_at FROM travel_cases c JOIN travel_requests r ON r.id = c.request_id
                WHERE c.opened_at >= \(bind: since) AND c.opened_at <= \(bind: date)
                  AND r.status <> \(bind: TravelStatus.cancelled.rawValue)
                """ + within
            ).all(decoding: Case.self) {
                cases.append((row.assessed_at.flatMap { $0 <= date ? $0 : nil }, row.starts_at))
            }
            asked += try await sql.raw(
                """
                SELECT l.advised_at FROM travel_legs l JOIN travel_requests r ON r.id = l.request_id
                WHERE l.advice_requested_at >= \(bind: since) AND l.advice_requested_at <= \(bind: date)
                """ + within
            ).all(decoding: Leg.self).map { $0.advised_at.flatMap { $0 <= date ? $0 : nil } }
        }
        return [
            .travelCasesAssessed: SecurityIndicators.travelCasesAssessed(cases),
            .aviationAdviceGiven: SecurityIndicators.aviationAdviceGiven(asked),
        ]
    }

    /// The continuity indicators from the plans' figures.
    static func continuity(_ f: ComplianceFigures) -> [Indicator: IndicatorValue] {
        [
            .plansInForce: IndicatorValue(count: f.inForce, total: f.units),
            .plansUpdated: IndicatorValue(count: f.updatedWithinYear, total: f.units),
            .plansTested: IndicatorValue(count: f.testedWithinYear, total: f.units),
            .riskRegisters: IndicatorValue(count: f.withRiskRegister, total: f.units),
        ]
    }

    /// Every indicator for the unit, now.
    static func values(
        of unit: Unit, at now: Date, kept: KeptCache, on db: any Database
    ) async throws
        -> [Indicator: IndicatorValue]
    {
        let standings = try await OversightService.standings(kept: kept, on: db).rows.filter { $0.isUnder(unit.path) }
        return continuity(OversightService.figures(of: standings, now: now))
            .merging(try await security(under: unit, at: now, on: db)) { a, _ in a }
    }

    /// The units whose history is kept: HQ and the regions.
    static func recordedUnits(on db: any Database) async throws -> [Unit] {
        guard let root = try await UnitQueries.root(on: db) else { return [] }
        return [root]
            + (try await Unit.query(on: db).filter(\.$parent.$id == root.requireID()).filter(\.$kind == .region)
                .filter(\.$retiredAt == nil).all())
    }

    /// Today's security indicators of HQ and the regions (the hourly run calls it).
    static func record(at now: Date, on db: any Database) async throws {
        let units = try await recordedUnits(on: db)
        guard let root = units.first else { return }
        // Who can be located, counted once by unit for the whole organization and summed for
        // each region's subtree: counting 180,000 people and 400,000 dependants again for each
        // region was most of the hourly run on SQLite.
        let days = try await SecuritySettings.locatableDays(on: db)
        let byUnit = try await PersonnelReads.countsByUnit(
            under: root, since: now.addingTimeInterval(-Double(days) * 86_400), on: db)
        let paths = Dictionary(
            try await Unit.query(on: db).field(\.$id).field(\.$path).all().map { ($0.id!, $0.path) },
            uniquingKeysWith: { a, _ in a })
        for unit in units {
            let located = PersonnelReads.Located.sum(
                byUnit.filter { paths[$0.key]?.hasPrefix(unit.path) == true }.values)
            try await store(
                unit, try await security(under: unit, at: now, located: located, on: db),
                day: OversightService.day(now), on: db)
        }
    }

    /// The first day of each of the months before today, rebuilt from the levels' and the
    /// assessments' dates (compliance has no past: it starts with the first day recorded).
    static func backfill(months: Int, now: Date, on db: any Database) async throws {
        let calendar = PlanDue.utc
        let thisMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? now
        let dates = (0..<months).reversed().compactMap { calendar.date(byAdding: .month, value: -$0, to: thisMonth) }
            .filter { OversightService.day($0) != OversightService.day(now) }
        for unit in try await recordedUnits(on: db) {
            for date in dates {
                let values = try await security(under: unit, at: date, compliance: false, on: db)
                try await store(unit, values, day: OversightService.day(date), on: db)
            }
        }
    }

    private static func store(
        _ unit: Unit, _ values: [Indicator: IndicatorValue], day: String, on db: any Database
    ) async throws {
        let unitID = try unit.requireID()
        try await db.transaction { db in
            try await IndicatorSnapshot.query(on: db).filter(\.$unitID == unitID).filter(\.$day == day)
                .filter(\.$indicator ~~ values.keys.map(\.rawValue)).delete()
            let rows = values.compactMap { indicator, value -> IndicatorSnapshot? in
                guard let share = value.share else { return nil }
                let row = IndicatorSnapshot()
                row.unitID = unitID; row.day = day; row.indicator = indicator.rawValue; row.value = share
                return row
            }
            if !rows.isEmpty { try await rows.create(on: db) }
            try await DataVersions.bump(.snapshots, unitID: nil, on: db)
        }
    }

    /// A unit's history of every indicator, by day, from a year ago: monthly points, then
    /// daily ones in the last month.
    static func history(
        of unit: Unit, now: Date, on db: any Database
    ) async throws
        -> [Indicator: [(day: String, value: Double)]]
    {
        let since = PlanDue.utc.date(byAdding: .year, value: -1, to: now) ?? now
        let recent = OversightService.day(PlanDue.utc.date(byAdding: .month, value: -1, to: now) ?? now)
        func keep(_ day: String) -> Bool { day.hasSuffix("-01") || day >= recent }
        var out: [Indicator: [(String, Double)]] = [:]
        let unitID = try unit.requireID()
        for row in try await IndicatorSnapshot.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$day >= OversightService.day(since)).sort(\.$day).all() where keep(row.day)
        {
            if let indicator = Indicator(rawValue: row.indicator) {
                out[indicator, default: []].append((row.day, row.value))
            }
        }
        for point in (try await OversightService.snapshots(of: [unitID], since: since, now: now, on: db))[unitID] ?? []
        {
            for (indicator, value) in continuity(point.figures) {
                if let share = value.share { out[indicator, default: []].append((point.day, share)) }
            }
        }
        return out
    }
}

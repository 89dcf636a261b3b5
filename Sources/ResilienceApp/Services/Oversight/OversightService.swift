import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// What the dashboards, the compliance reports and HQ's overview read: each unit's standing,
/// the figures of a region, their history, and the reminders of due plans.
enum OversightService {
    /// The units expected to keep a plan: country operations and their offices.
    static let planningKinds: [UnitKind] = [.countryOperation, .office]

    /// One unit on a dashboard.
    struct Row: Decodable, Sendable {
        var id: UUID
        var name: String
        var code: String?
        var kind: UnitKind
        var path: String
        var current_plan_id: UUID?
        var current_cycle: Int?
        var current_state: ReviewState?
        var in_force_plan_id: UUID?
        var approved_at: Date?
        var due_at: Date?
        var last_exercise: Date?
        var open_threads: Int?
        var has_risk_register: Bool?

        /// The approval date of the unit's plan in force (nil without one).
        var approvedInForce: Date? { PlanDue.whileInForce(approved_at, inForce: in_force_plan_id != nil) }
        /// When the unit's plan in force falls due (nil without one).
        var dueInForce: Date? { PlanDue.whileInForce(due_at, inForce: in_force_plan_id != nil) }

        func standing(_ now: Date) -> PlanDue.Standing { standing(PlanDue.Clock(now)) }
        func standing(_ clock: PlanDue.Clock) -> PlanDue.Standing { clock.standing(dueAt: dueInForce) }

        var compliance: UnitCompliance {
            UnitCompliance(
                unitID: id, approvedAt: approvedInForce, dueAt: dueInForce,
                lastExercise: last_exercise, hasRiskRegister: has_risk_register ?? false)
        }

        /// Whether the unit is in the subtree whose path is `path`.
        func isUnder(_ path: String) -> Bool { self.path.hasPrefix(path) }
    }

    /// A region, as the overview lists it.
    struct Region: Sendable {
        var id: UUID, name: String, code: String?, path: String
        var unitPath: UnitPath { UnitPath(encoded: path) ?? .root }
    }

    /// What the dashboards read, at one version of the data: every active planning unit with its
    /// standing (by name) and the regions. Read once and kept while neither the standings, the
    /// units nor the compliance reports change: one small query per request checks that (a
    /// thousand rows cost tens of milliseconds to read and decode; the check, a fraction of one).
    struct Standings: Sendable {
        var version: String
        var rows: [Row]
        var regions: [Region]
    }

    /// What the standings are read from: every unit's standing, derived from its plans (feedback
    /// included), activations (exercises) and risks (whether it has a register), and the tree.
    static let standingScopes: [DataScope] = [.all(.plans), .all(.activations), .all(.risks), .all(.units)]

    /// The organization's standings, read fresh, or kept in `kept` for their data's versions.
    static func standings(kept: KeptCache? = nil, on db: any Database) async throws -> Standings {
        guard let kept else { return try await readStandings(version: "", on: db) }
        let version = try await DataVersions.version(of: standingScopes, on: db)
        return try await kept.value(KeptCache.Key(.standings, [version]), cost: { 400 * $0.rows.count + 4096 }) {
            try await readStandings(version: version, on: db)
        }
    }

    private static func readStandings(version: String, on db: any Database) async throws -> Standings {
        guard let sql = db as? any SQLDatabase else { return Standings(version: "", rows: [], regions: []) }
        let rows = try await sql.select()
            .column(SQLColumn("id", table: "u")).column(SQLColumn("name", table: "u")).column(
                SQLColumn("code", table: "u")
            )
            .column(SQLColumn("kind", table: "u")).column(SQLColumn("path", table: "u"))
            .columns(
                "current_plan_id", "current_cycle", "current_state", "in_force_plan_id", "approved_at", "due_at",
                "last_exercise", "open_threads", "has_risk_register"
            )
            .from(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")))
            .join(
                SQLAlias(SQLIdentifier("plan_standings"), as: SQLIdentifier("s")), method: SQLJoinMethod.left,
                on: SQLColumn("unit_id", table: "s"), .equal, SQLColumn("id", table: "u")
            )
            .where(SQLColumn("retired_at", table: "u"), .is, SQLLiteral.null)
            .where(SQLColumn("kind", table: "u"), .in, SQLBind.group(planningKinds.map(\.rawValue)))
            .orderBy(SQLColumn("name", table: "u"))
            .all(decoding: Row.self)
        let regions = try await Unit.query(on: db).filter(\.$kind == .region).filter(\.$retiredAt == nil).sort(\.$name)
            .all()
            .map { Region(id: $0.id!, name: $0.name, code: $0.code, path: $0.path) }
        return Standings(version: version, rows: rows, regions: regions)
    }

    /// Every active planning unit under `unit` (itself included) with its standing, by name.
    static func rows(under unit: Unit, kept: KeptCache? = nil, on db: any Database) async throws -> [Row] {
        let all = try await standings(kept: kept, on: db).rows
        if unit.depth == 0 { return all }
        return all.filter { $0.path.hasPrefix(unit.path) }
    }

    /// The dashboard's filters.
    struct Filter: Sendable {
        var state: String?
        var standing: PlanDue.Standing?
        var kind: UnitKind?
        var text: String?

        init(state: String? = nil, standing: String? = nil, kind: String? = nil, text: String? = nil) {
            self.state = state.flatMap { $0 == "none" || ReviewState(rawValue: $0) != nil ? $0 : nil }
            self.standing = standing.flatMap(PlanDue.Standing.init(rawValue:))
            self.kind = kind.flatMap(UnitKind.init(rawValue:))
            self.text = text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap {
                $0.isEmpty ? nil : $0.lowercased()
            }
        }

        func keeps(_ row: Row, clock: PlanDue.Clock) -> Bool {
            if let state, (row.current_state?.rawValue ?? "none") != state { return false }
            if let standing, row.standing(clock) != standing { return false }
            if let kind, row.kind != kind { return false }
            if let text, !row.name.lowercased().contains(text), !(row.code?.lowercased().contains(text) ?? false) {
                return false
            }
            return true
        }
    }

    /// Overdue first, then due soon, then by name: what needs attention on top.
    static func ordered(_ rows: [Row], clock: PlanDue.Clock) -> [Row] {
        func rank(_ s: PlanDue.Standing) -> Int {
            switch s {
            case .overdue: 0;
            case .dueSoon: 1;
            case .none: 2;
            case .current: 3
            }
        }
        let ranked: [(rank: Int, offset: Int, row: Row)] = rows.enumerated().map { offset, row in
            (rank(row.standing(clock)), offset, row)
        }
        return ranked.sorted { a, b in a.rank != b.rank ? a.rank < b.rank : a.offset < b.offset }.map(\.row)
    }

    // MARK: Figures

    /// A region's (or any unit's) figures today, from the standings.
    static func figures(of rows: [Row], now: Date) -> ComplianceFigures {
        ComplianceFigures.of(rows.map(\.compliance), at: now)
    }

    /// The figures of every region, side by side, from one read.
    static func regions(_ standings: Standings, now: Date) -> [(region: Region, figures: ComplianceFigures)] {
        // Every region's path has the same length: a row's region is that much of its own path.
        let paths = Dictionary(uniqueKeysWithValues: standings.regions.map { (Substring($0.path), $0.id) })
        let length = standings.regions.first?.path.count ?? 0
        let byRegion = Dictionary(grouping: standings.rows) { paths[$0.path.prefix(length)] }
        return standings.regions.map { region in (region, figures(of: byRegion[region.id] ?? [], now: now)) }
    }

    /// The figures under `unit` as they stood at a past date, rebuilt from the plans' approval,
    /// supersession and exercise dates (the daily snapshots keep what the rebuild cannot know).
    static func figures(under unit: Unit, at date: Date, on db: any Database) async throws -> ComplianceFigures {
        try await history(under: unit, at: [date], on: db)[0]
    }

    static func history(under unit: Unit, at dates: [Date], on db: any Database) async throws -> [ComplianceFigures] {
        let units = try await rows(under: unit, on: db)
        guard let sql = db as? any SQLDatabase, !units.isEmpty else {
            return dates.map { ComplianceFigures.of([], at: $0) }
        }
        struct PlanDates: Decodable {
            var unit_id: UUID; var approved_at: Date?; var due_at: Date?; var superseded_at: Date?;
            var last_exercise: Date?
        }
        let plans = try await sql.select().columns("unit_id", "approved_at", "due_at", "superseded_at", "last_exercise")
            .from(SQLAlias(SQLIdentifier("plans"), as: SQLIdentifier("p")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("id", table: "u"), .equal,
                SQLColumn("unit_id", table: "p")
            )
            .where(SQLColumn("path", table: "u"), .like, SQLBind(unit.path + "%"))
            .all(decoding: PlanDates.self)
        let byUnit = Dictionary(grouping: plans, by: \.unit_id)
        return dates.map { date in
            ComplianceFigures.of(
                units.map { row in
                    let mine = byUnit[row.id] ?? []
                    let inForce = mine.filter { p in
                        p.approved_at.map { $0 <= date } == true && (p.superseded_at.map { $0 > date } ?? true)
                    }
                    .max { $0.approved_at! < $1.approved_at! }
                    return UnitCompliance(
                        unitID: row.id, approvedAt: inForce?.approved_at, dueAt: inForce?.due_at,
                        lastExercise: mine.compactMap(\.last_exercise).filter { $0 <= date }.max(),
                        hasRiskRegister: row.has_risk_register ?? false)
                }, at: date)
        }
    }

    static func day(_ date: Date) -> String { PlanChecks.isoDay(date) }

    /// Records today's figures of HQ and of every region (once a day; a later run the same day
    /// replaces the day's row).
    static func recordSnapshots(now: Date, on db: any Database) async throws {
        guard let root = try await UnitQueries.root(on: db) else { return }
        let standings = try await standings(on: db)
        let total = figures(of: standings.rows, now: now)
        try await store(
            [(root.requireID(), total)] + regions(standings, now: now).map { ($0.region.id, $0.figures) },
            day: day(now), on: db)
    }

    /// Fills the first day of each of the months before today with rebuilt figures, for a new
    /// installation's charts.
    static func backfill(months: Int, now: Date, on db: any Database) async throws {
        guard let root = try await UnitQueries.root(on: db) else { return }
        let calendar = PlanDue.utc
        let thisMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? now
        let dates = (0..<months).reversed().compactMap { calendar.date(byAdding: .month, value: -$0, to: thisMonth) }
            .filter { day($0) != day(now) }
        var units = [root]
        units += try await Unit.query(on: db).filter(\.$parent.$id == root.requireID()).filter(\.$kind == .region)
            .filter(\.$retiredAt == nil).all()
        for unit in units {
            let figures = try await history(under: unit, at: dates, on: db)
            for (date, f) in zip(dates, figures) { try await store([(unit.requireID(), f)], day: day(date), on: db) }
        }
    }

    private static func store(_ figures: [(UUID, ComplianceFigures)], day: String, on db: any Database) async throws {
        try await db.transaction { db in
            try await ComplianceSnapshot.query(on: db).filter(\.$day == day).filter(\.$unitID ~~ figures.map(\.0))
                .delete()
            let rows = figures.map { unit, f -> ComplianceSnapshot in
                let row = ComplianceSnapshot()
                row.unitID = unit
                row.day = day
                row.figures = f
                return row
            }
            try await rows.create(on: db)
            try await DataVersions.bump(.snapshots, unitID: nil, on: db)
        }
    }

    /// A day's figures of a unit, as the history reads them.
    struct Point: Decodable, Sendable {
        var unit_id: UUID, day: String
        var units: Int, in_force: Int, updated_within_year: Int, tested_within_year: Int, with_risk_register: Int,
            overdue: Int
        var figures: ComplianceFigures {
            ComplianceFigures(
                units: units, inForce: in_force, updatedWithinYear: updated_within_year,
                testedWithinYear: tested_within_year,
                withRiskRegister: with_risk_register, overdue: overdue)
        }
    }

    /// Each unit's figures over the last year, oldest first: every day of the last month and the
    /// first day of each month before it (read as plain rows).
    static func snapshots(
        of units: [UUID], since: Date, now: Date, on db: any Database
    ) async throws -> [UUID: [Point]] {
        guard let sql = db as? any SQLDatabase, !units.isEmpty else { return [:] }
        let recent = day(PlanDue.utc.date(byAdding: .month, value: -1, to: now) ?? now)
        let rows = try await sql.select()
            .columns(
                "unit_id", "day", "units", "in_force", "updated_within_year", "tested_within_year",
                "with_risk_register", "overdue"
            )
            .from(ComplianceSnapshot.schema)
            .where("unit_id", .in, SQLBind.group(units)).where("day", .greaterThanOrEqual, SQLBind(day(since)))
            .where { $0.where("day", .like, SQLBind("%-01")).orWhere("day", .greaterThanOrEqual, SQLBind(recent)) }
            .orderBy("day").all(decoding: Point.self)
        return Dictionary(grouping: rows, by: \.unit_id)
    }

    // MARK: Compliance reports

    static func reports(of unit: Unit, on db: any Database) async throws -> [ComplianceReport] {
        try await ComplianceReport.query(on: db).filter(\.$unitID == unit.requireID()).sort(\.$at, .descending).all()
    }

    /// The regional team submits its figures at a date with its comments: a dated record HQ keeps.
    static func submitReport(
        for unit: Unit, at rawDate: String?, comments rawComments: String?, by context: AuditContext,
        now: Date, app: Application?, on db: any Database
    ) async throws -> ComplianceReport {
        guard unit.kind == .region || unit.kind == .headquarters else {
            throw ValidationErrors([DomainError(.notARegion, field: "comments")])
        }
        var v = ValidationCollector()
        let date: Date? =
            try v.check { try TextRules.day(rawDate?.isEmpty == false ? rawDate : day(now), field: "at") } ?? nil
        if let date, date > now { v.add(DomainError(.dateInFuture, field: "at")) }
        let comments = try v.check {
            try TextRules.name(rawComments, field: "comments", max: ReviewService.maximumComment)
        }
        try v.finish()
        let at = min(date!, now)
        let figures =
            day(at) == day(now)
            ? figures(of: try await rows(under: unit, on: db), now: now)
            : try await figures(under: unit, at: at, on: db)
        let report = ComplianceReport()
        report.unitID = try unit.requireID()
        report.at = at
        report.figures = figures
        report.comments = comments!
        report.submittedByID = context.actorID
        report.submittedByName = context.actorName
        try await db.transaction { db in
            try await report.create(on: db)
            try await Audit.record(
                on: db, by: context, .report, entity: "compliance_report", id: report.id, unitID: unit.id,
                summary: "\(unit.name) \(day(at))",
                change: AuditChange(
                    before: [:], after: ["in_force": "\(figures.inForce)/\(figures.units)", "comments": comments!]))
        }
        if let app, let root = try await UnitQueries.root(on: db) {
            do {
                let hq = try await Notifier.holders(of: [.hqOversight], over: root, except: context.actorID, on: db)
                try await Notifier.notify(
                    hq, kind: "compliance_report", args: [unit.name, day(at)], link: AppPath.oversight.path,
                    unitID: unit.id, app: app, on: db)
            } catch { app.logger.warning("Report notification not sent: \(error)") }
        }
        return report
    }

    // MARK: Reminders

    /// Tells focal points and senior managers of plans due within 30 days and of overdue plans,
    /// once per due date each. Returns how many units were reminded.
    @discardableResult
    static func remind(now: Date, app: Application?, on db: any Database) async throws -> Int {
        let soon = PlanDue.utc.date(byAdding: .day, value: PlanDue.dueSoonDays, to: now) ?? now
        let due = try await PlanStanding.query(on: db).filter(\.$inForcePlanID != nil).filter(\.$dueAt <= soon).all()
        var reminded = 0
        for standing in due {
            guard let dueAt = standing.dueAt else { continue }
            let overdue = dueAt <= now
            if overdue ? standing.remindedOverdue == dueAt : standing.remindedDueSoon == dueAt { continue }
            guard let unit = try await Unit.find(standing.unitID, on: db), !unit.isRetired else { continue }
            if let app, let planID = standing.currentPlanID ?? standing.inForcePlanID {
                let people = try await Notifier.holders(
                    of: [.focalPoint, .seniorManager], over: unit, except: nil, on: db)
                try await Notifier.notify(
                    people, kind: overdue ? "plan_overdue" : "plan_due_soon", args: [unit.name, day(dueAt)],
                    link: AppPath.plan(planID).path, unitID: unit.id, app: app, on: db)
            }
            if overdue { standing.remindedOverdue = dueAt } else { standing.remindedDueSoon = dueAt }
            try await standing.save(on: db)
            reminded += 1
        }
        return reminded
    }

    /// What runs every hour, at the application clock's time: reminders of plans due soon and
    /// overdue, the registers' reviews falling due, and today's figures. Returns how many units
    /// were reminded, and how long each part took (milliseconds, for the log).
    @discardableResult
    static func hourly(_ app: Application) async throws -> (reminded: Int, parts: String) {
        let now = app.clock.now
        var parts: [String] = []
        func timed<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
            let started = Date()
            let value = try await body()
            parts.append("\(name) \(Int(Date().timeIntervalSince(started) * 1000)) ms")
            return value
        }
        let reminded = try await timed("reminders") { try await remind(now: now, app: app, on: app.db) }
        try await timed("registers") { try await RiskService.refreshRegisters(now: now, on: app.db) }
        try await timed("figures") { try await recordSnapshots(now: now, on: app.db) }
        try await timed("indicators") { try await IndicatorService.record(at: now, on: app.db) }
        return (reminded, parts.joined(separator: ", "))
    }

    /// Runs the hourly work every hour while the server is up.
    static func schedule(_ app: Application) {
        let task = Task.detached {
            while !Task.isCancelled {
                do {
                    let started = Date()
                    let (reminded, parts) = try await hourly(app)
                    app.logger.notice(
                        "Hourly run: \(reminded) units reminded, registers and today's figures brought up to date in \(Int(Date().timeIntervalSince(started) * 1000)) ms (\(parts))."
                    )
                } catch {
                    app.logger.warning("Reminders and snapshots not run: \(error)")
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        app.lifecycle.use(TaskStopper(task: task))
    }

    struct TaskStopper: LifecycleHandler {
        let task: Task<Void, Never>
        func shutdown(_ application: Application) { task.cancel() }
    }
}

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

        func standing(_ now: Date) -> PlanDue.Standing { PlanDue.standing(dueAt: in_force_plan_id == nil ? nil : due_at, now: now) }

        var compliance: UnitCompliance {
            UnitCompliance(unitID: id, approvedAt: in_force_plan_id == nil ? nil : approved_at, dueAt: in_force_plan_id == nil ? nil : due_at,
                           lastExercise: last_exercise, hasRiskRegister: has_risk_register ?? false)
        }

        /// The region the unit is in: the second unit of its path.
        var regionID: UUID? { UnitPath(encoded: path).flatMap { $0.ids.count > 1 ? $0.ids[1] : nil } }
    }

    /// Every active planning unit under `unit` (itself included) with its standing, by name.
    static func rows(under unit: Unit, on db: any Database) async throws -> [Row] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.select()
            .column(SQLColumn("id", table: "u")).column(SQLColumn("name", table: "u")).column(SQLColumn("code", table: "u"))
            .column(SQLColumn("kind", table: "u")).column(SQLColumn("path", table: "u"))
            .columns("current_plan_id", "current_cycle", "current_state", "in_force_plan_id", "approved_at", "due_at",
                     "last_exercise", "open_threads", "has_risk_register")
            .from(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")))
            .join(SQLAlias(SQLIdentifier("plan_standings"), as: SQLIdentifier("s")), method: SQLJoinMethod.left,
                  on: SQLColumn("unit_id", table: "s"), .equal, SQLColumn("id", table: "u"))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(unit.path + "%"))
            .where(SQLColumn("retired_at", table: "u"), .is, SQLLiteral.null)
            .where(SQLColumn("kind", table: "u"), .in, SQLBind.group(planningKinds.map(\.rawValue)))
            .orderBy(SQLColumn("name", table: "u"))
            .all(decoding: Row.self)
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
            self.text = text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        }

        func keeps(_ row: Row, now: Date) -> Bool {
            if let state, (row.current_state?.rawValue ?? "none") != state { return false }
            if let standing, row.standing(now) != standing { return false }
            if let kind, row.kind != kind { return false }
            if let text, !row.name.lowercased().contains(text), !(row.code?.lowercased().contains(text) ?? false) { return false }
            return true
        }
    }

    /// Overdue first, then due soon, then by name: what needs attention on top.
    static func ordered(_ rows: [Row], now: Date) -> [Row] {
        func rank(_ s: PlanDue.Standing) -> Int { switch s { case .overdue: 0; case .dueSoon: 1; case .none: 2; case .current: 3 } }
        return rows.enumerated().sorted { a, b in
            let ra = rank(a.element.standing(now)), rb = rank(b.element.standing(now))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    // MARK: Figures

    /// A region's (or any unit's) figures today, from the standings.
    static func figures(of rows: [Row], now: Date) -> ComplianceFigures { ComplianceFigures.of(rows.map(\.compliance), at: now) }

    /// The figures of every region under `root`, side by side, from one read.
    static func regions(under root: Unit, now: Date, on db: any Database) async throws -> [(unit: Unit, figures: ComplianceFigures)] {
        let regions = try await Unit.query(on: db).filter(\.$parent.$id == root.requireID()).filter(\.$kind == .region)
            .filter(\.$retiredAt == nil).sort(\.$name).all()
        let byRegion = Dictionary(grouping: try await rows(under: root, on: db)) { $0.regionID }
        return regions.map { ($0, figures(of: byRegion[$0.id] ?? [], now: now)) }
    }

    /// The figures under `unit` as they stood at a past date, rebuilt from the plans' approval,
    /// supersession and exercise dates (the daily snapshots keep what the rebuild cannot know).
    static func figures(under unit: Unit, at date: Date, on db: any Database) async throws -> ComplianceFigures {
        try await history(under: unit, at: [date], on: db)[0]
    }

    static func history(under unit: Unit, at dates: [Date], on db: any Database) async throws -> [ComplianceFigures] {
        let units = try await rows(under: unit, on: db)
        guard let sql = db as? any SQLDatabase, !units.isEmpty else { return dates.map { ComplianceFigures.of([], at: $0) } }
        struct PlanDates: Decodable { var unit_id: UUID; var approved_at: Date?; var due_at: Date?; var superseded_at: Date?; var last_exercise: Date? }
        let plans = try await sql.select().columns("unit_id", "approved_at", "due_at", "superseded_at", "last_exercise")
            .from(SQLAlias(SQLIdentifier("plans"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("id", table: "u"), .equal, SQLColumn("unit_id", table: "p"))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(unit.path + "%"))
            .all(decoding: PlanDates.self)
        let byUnit = Dictionary(grouping: plans, by: \.unit_id)
        return dates.map { date in
            ComplianceFigures.of(units.map { row in
                let mine = byUnit[row.id] ?? []
                let inForce = mine.filter { p in p.approved_at.map { $0 <= date } == true && (p.superseded_at.map { $0 > date } ?? true) }
                    .max { $0.approved_at! < $1.approved_at! }
                return UnitCompliance(unitID: row.id, approvedAt: inForce?.approved_at, dueAt: inForce?.due_at,
                                      lastExercise: mine.compactMap(\.last_exercise).filter { $0 <= date }.max(),
                                      hasRiskRegister: row.has_risk_register ?? false)
            }, at: date)
        }
    }

    static func day(_ date: Date) -> String { PlanChecks.isoDay(date) }

    /// Records today's figures of HQ and of every region (once a day; a later run the same day
    /// replaces the day's row).
    static func recordSnapshots(now: Date = Date(), on db: any Database) async throws {
        guard let root = try await UnitQueries.root(on: db) else { return }
        let regions = try await regions(under: root, now: now, on: db)
        let total = figures(of: try await rows(under: root, on: db), now: now)
        try await store([(root.requireID(), total)] + regions.map { ($0.unit.id!, $0.figures) }, day: day(now), on: db)
    }

    /// Fills the months before today with rebuilt figures, for a new installation's charts.
    static func backfill(months: Int, now: Date = Date(), on db: any Database) async throws {
        guard let root = try await UnitQueries.root(on: db) else { return }
        let dates = (1...months).reversed().compactMap { PlanDue.utc.date(byAdding: .month, value: -$0, to: now) }
        var units = [root]
        units += try await Unit.query(on: db).filter(\.$parent.$id == root.requireID()).filter(\.$kind == .region).filter(\.$retiredAt == nil).all()
        for unit in units {
            let figures = try await history(under: unit, at: dates, on: db)
            for (date, f) in zip(dates, figures) { try await store([(unit.requireID(), f)], day: day(date), on: db) }
        }
    }

    private static func store(_ figures: [(UUID, ComplianceFigures)], day: String, on db: any Database) async throws {
        try await db.transaction { db in
            try await ComplianceSnapshot.query(on: db).filter(\.$day == day).filter(\.$unitID ~~ figures.map(\.0)).delete()
            let rows = figures.map { unit, f -> ComplianceSnapshot in
                let row = ComplianceSnapshot()
                row.unitID = unit
                row.day = day
                row.figures = f
                return row
            }
            try await rows.create(on: db)
        }
    }

    /// Each unit's daily figures over the last year, oldest first.
    static func snapshots(of units: [UUID], since: Date, on db: any Database) async throws -> [UUID: [ComplianceSnapshot]] {
        let rows = try await ComplianceSnapshot.query(on: db).filter(\.$unitID ~~ units).filter(\.$day >= day(since)).sort(\.$day).all()
        return Dictionary(grouping: rows, by: \.unitID)
    }

    // MARK: Compliance reports

    static func reports(of unit: Unit, on db: any Database) async throws -> [ComplianceReport] {
        try await ComplianceReport.query(on: db).filter(\.$unitID == unit.requireID()).sort(\.$at, .descending).all()
    }

    /// The regional team submits its figures at a date with its comments: a dated record HQ keeps.
    static func submitReport(for unit: Unit, at rawDate: String?, comments rawComments: String?, by context: AuditContext,
                             now: Date = Date(), app: Application?, on db: any Database) async throws -> ComplianceReport {
        guard unit.kind == .region || unit.kind == .headquarters else { throw ValidationErrors([DomainError(.notARegion, field: "comments")]) }
        var v = ValidationCollector()
        let date: Date? = try v.check { try TextRules.day(rawDate?.isEmpty == false ? rawDate : day(now), field: "at") } ?? nil
        if let date, date > now { v.add(DomainError(.dateInFuture, field: "at")) }
        let comments = try v.check { try TextRules.name(rawComments, field: "comments", max: ReviewService.maximumComment) }
        try v.finish()
        let at = min(date!, now)
        let figures = day(at) == day(now) ? figures(of: try await rows(under: unit, on: db), now: now)
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
            try await Audit.record(on: db, by: context, .report, entity: "compliance_report", id: report.id, unitID: unit.id,
                                   summary: "\(unit.name) \(day(at))",
                                   change: AuditChange(before: [:], after: ["in_force": "\(figures.inForce)/\(figures.units)", "comments": comments!]))
        }
        if let app, let root = try await UnitQueries.root(on: db) {
            do {
                let hq = try await Notifier.holders(of: [.hqOversight], over: root, except: context.actorID, on: db)
                try await Notifier.notify(hq, kind: "compliance_report", args: [unit.name, day(at)], link: AppPath.oversight.path,
                                          unitID: unit.id, app: app, on: db)
            } catch { app.logger.warning("Report notification not sent: \(error)") }
        }
        return report
    }

    // MARK: Reminders

    /// Tells focal points and senior managers of plans due within 30 days and of overdue plans,
    /// once per due date each. Returns how many units were reminded.
    @discardableResult
    static func remind(now: Date = Date(), app: Application?, on db: any Database) async throws -> Int {
        let soon = PlanDue.utc.date(byAdding: .day, value: PlanDue.dueSoonDays, to: now) ?? now
        let due = try await PlanStanding.query(on: db).filter(\.$inForcePlanID != nil).filter(\.$dueAt <= soon).all()
        var reminded = 0
        for standing in due {
            guard let dueAt = standing.dueAt else { continue }
            let overdue = dueAt <= now
            if overdue ? standing.remindedOverdue == dueAt : standing.remindedDueSoon == dueAt { continue }
            guard let unit = try await Unit.find(standing.unitID, on: db), !unit.isRetired else { continue }
            if let app, let planID = standing.currentPlanID ?? standing.inForcePlanID {
                let people = try await Notifier.holders(of: [.focalPoint, .seniorManager], over: unit, except: nil, on: db)
                try await Notifier.notify(people, kind: overdue ? "plan_overdue" : "plan_due_soon", args: [unit.name, day(dueAt)],
                                          link: AppPath.plan(planID).path, unitID: unit.id, app: app, on: db)
            }
            if overdue { standing.remindedOverdue = dueAt } else { standing.remindedDueSoon = dueAt }
            try await standing.save(on: db)
            reminded += 1
        }
        return reminded
    }

    /// Runs the reminders and today's snapshot every hour while the server is up.
    static func schedule(_ app: Application) {
        let task = Task.detached {
            while !Task.isCancelled {
                do {
                    try await remind(app: app, on: app.db)
                    try await recordSnapshots(on: app.db)
                } catch {
                    app.logger.warning("Reminders and snapshots not run: \(error)")
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        app.lifecycle.use(TaskStopper(task: task))
    }

    private struct TaskStopper: LifecycleHandler {
        let task: Task<Void, Never>
        func shutdown(_ application: Application) { task.cancel() }
    }
}

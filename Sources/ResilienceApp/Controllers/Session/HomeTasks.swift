import Fluent
import Foundation
import ResilienceCore
import Vapor

/// What needs a person, from their grants: the next step on their unit's plan, the plans waiting
/// for their review or approval, HQ's figures, the risk register to keep. Each with the one
/// forward action as its button.
enum HomeTasks {
    static func of(_ actor: Actor, _ req: Request) async throws -> [HomePage.Task] {
        let t = req.localizer
        let grantUnits = try await Unit.query(on: req.db).filter(\.$id ~~ actor.grants.map(\.unitID))
            .filter(\.$retiredAt == nil).all()
        let units = Dictionary(grantUnits.compactMap { u in u.id.map { ($0, u) } }, uniquingKeysWith: { a, _ in a })
        let standings = try await OversightService.standings(kept: req.kept, on: req.db).rows
        let byUnit = Dictionary(standings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var tasks: [HomePage.Task] = []
        var seen = Set<String>()
        for grant in actor.grants.sorted(by: { $0.role < $1.role }) {
            guard let unit = units[grant.unitID], let unitID = unit.id else { continue }
            let kind: String
            switch grant.role {
            case .focalPoint, .contributor: kind = "plan"
            case .regionalReviewer: kind = "review"
            case .seniorManager: kind = "approve"
            case .hqOversight: kind = "oversight"
            case .securityOfficer: kind = "risks"
            case .regionalSecurityDesk: kind = "levels"
            case .personnelFocalPoint: kind = "personnel"
            case .administrator, .staffMember: continue
            }
            guard seen.insert("\(kind) \(unitID)").inserted else { continue }
            switch grant.role {
            case .focalPoint, .contributor:
                guard let row = byUnit[unitID] else { continue }
                tasks.append(try await plan(row, unit, leads: grant.role == .focalPoint, req))
            case .regionalReviewer:
                let rows = standings.filter { $0.isUnder(unit.path) }
                let waiting = rows.filter { [.submitted, .inReview].contains($0.current_state) }
                tasks.append(
                    queue(
                        t("home.task.review", unit.name), waiting, empty: t("home.nothing_to_review"),
                        count: t.plural("home.to_review", count: waiting.count, waiting.count),
                        open: t("home.open_for_review"),
                        more: (t("home.open_dashboard"), AppPath.unitDashboard(unitID).path), t))
            case .seniorManager:
                let waiting = standings.filter { $0.isUnder(unit.path) && $0.current_state == .endorsed }
                tasks.append(
                    queue(
                        t("home.task.approve", unit.name), waiting, empty: t("home.nothing_to_approve"),
                        count: t.plural("home.to_approve", count: waiting.count, waiting.count),
                        open: t("home.open_for_approval"), more: nil, t))
            case .hqOversight:
                let f = OversightService.figures(of: standings, now: req.now)
                func share(_ n: Int) -> String { "\(Int((f.share(n) * 100).rounded())) %" }
                tasks.append(
                    .init(
                        heading: t("home.task.oversight"),
                        lines: [
                            t.plural("home.units_planning", count: f.units, t.number(f.units)),
                            t("home.figure", t("figure.in_force"), share(f.inForce)),
                            t("home.figure", t("figure.updated_within_year"), share(f.updatedWithinYear)),
                            t.plural("home.units_overdue", count: f.overdue, t.number(f.overdue)),
                        ],
                        action: (t("home.open_overview"), AppPath.oversight.path)))
            case .securityOfficer:
                let open = try await Risk.query(on: req.db).filter(\.$unitID == unitID).filter(\.$status != .closed)
                    .all(\.$reviewDate)
                let due = open.filter { ($0.map { $0 <= req.now }) ?? false }.count
                tasks.append(
                    .init(
                        heading: t("home.task.risks", unit.name),
                        lines: [
                            t.plural("home.risks_open", count: open.count, open.count),
                            due > 0 ? t.plural("home.risks_due", count: due, due) : t("home.risks_none_due"),
                        ],
                        action: (t("home.open_register"), AppPath.unitRisks(unitID).path), urgent: due > 0))
                let areas = try await SecurityReads.standings(within: [unit], language: t.code, at: req.now, on: req.db)
                let overdue = areas.filter(\.overdue).count
                let unrated = areas.filter { $0.waiting == nil && $0.inForce == nil }.count
                tasks.append(
                    .init(
                        heading: t("home.task.levels", unit.name),
                        lines: [
                            t.plural("home.areas", count: areas.count, areas.count),
                            overdue > 0
                                ? t.plural("home.levels_overdue", count: overdue, overdue)
                                : t("home.levels_none_overdue"),
                        ] + (unrated > 0 ? [t.plural("home.areas_without_level", count: unrated, unrated)] : []),
                        action: (t("home.open_levels"), AppPath.unitSecurity(unitID).path), urgent: overdue > 0))
                tasks.append(try await clearances(unit, req))
            case .regionalSecurityDesk:
                let areas = try await SecurityReads.standings(within: [unit], language: t.code, at: req.now, on: req.db)
                let waiting = areas.filter { $0.waiting != nil }.count
                let submitted = try await RiskAssessmentRecord.query(on: req.db)
                    .filter(\.$area.$id ~~ areas.compactMap(\.area.id)).filter(\.$state == .submitted).count()
                tasks.append(
                    .init(
                        heading: t("home.task.levels", unit.name),
                        lines: [
                            t.plural("home.levels_waiting", count: waiting, waiting),
                            t.plural("home.assessments_waiting", count: submitted, submitted),
                        ],
                        action: (t("home.open_levels"), AppPath.unitSecurity(unitID).path),
                        urgent: waiting + submitted > 0))
            case .personnelFocalPoint:
                tasks.append(try await personnel(unit, req))
            case .administrator, .staffMember:
                break
            }
        }
        if let own = try await ownRecord(actor, req) { tasks.insert(own, at: 0) }
        return tasks
    }

    /// The trips waiting for the officer's clearance in the areas the unit keeps (counted to 1,000).
    private static func clearances(_ unit: Unit, _ req: Request) async throws -> HomePage.Task {
        let t = req.localizer
        let waiting = try await TravelReads.waiting(within: unit.depth == 0 ? nil : [unit], upTo: 1000, on: req.db)
        return .init(
            heading: t("home.task.clearances", unit.name),
            lines: [
                waiting == 0
                    ? t("home.clearances_none")
                    : t.plural(
                        "home.clearances_waiting", count: waiting,
                        waiting >= 1000 ? t.number(1000) + "+" : t.number(waiting))
            ],
            action: (t("home.open_clearances"), AppPath.travelClearances.path), urgent: waiting > 0)
    }

    /// The personnel of a unit kept by its human resources staff: how many, how many can be located.
    private static func personnel(_ unit: Unit, _ req: Request) async throws -> HomePage.Task {
        let t = req.localizer
        let located = try await PersonnelReads.locatable(under: unit, at: req.now, kept: req.kept, on: req.db)
        let missing = located.personnel.1 - located.personnel.0
        return .init(
            heading: t("home.task.personnel", unit.name),
            lines: [
                t.plural("home.personnel", count: located.personnel.1, t.number(located.personnel.1)),
                missing > 0
                    ? t.plural("home.personnel_unlocated", count: missing, t.number(missing))
                    : t("home.personnel_all_located"),
            ],
            action: (t("home.open_reconciliation"), AppPath.unitReconciliation(unit.id!).path), urgent: missing > 0)
    }

    /// A person whose own location is not confirmed within HQ's window is asked where they are.
    private static func ownRecord(_ actor: Actor, _ req: Request) async throws -> HomePage.Task? {
        guard
            let record = try await Personnel.query(on: req.db).filter(\.$user.$id == actor.id).filter(\.$leftAt == nil)
                .first()
        else { return nil }
        let days = try await SecuritySettings.locatableDays(on: req.db)
        guard !Locatability.isLocatable(confirmedAt: record.locationConfirmedAt, now: req.now, windowDays: days) else {
            return nil
        }
        let t = req.localizer
        return .init(
            heading: t("home.task.whereabouts"),
            lines: [
                record.locationConfirmedAt.map { t("home.whereabouts_last", t.date($0)) }
                    ?? t("home.whereabouts_never")
            ],
            action: (t("home.confirm_whereabouts"), AppPath.personnel(record.id!).path + "#whereabouts"), urgent: true)
    }

    /// A unit's plan: where it stands, when it is due, and the next step forward.
    private static func plan(
        _ row: OversightService.Row, _ unit: Unit, leads: Bool, _ req: Request
    ) async throws -> HomePage.Task {
        let t = req.localizer
        let unitID = row.id
        var lines: [String] = []
        var action: (String, String)?
        var secondary: (String, String)?
        var urgent = false
        let standing = row.standing(req.now)
        switch standing {
        case .overdue:
            let days = Int(req.now.timeIntervalSince(row.dueInForce ?? req.now) / 86_400)
            lines.append(t.plural("home.overdue_by", count: days, days))
            urgent = true
        case .dueSoon: lines.append(t("home.due_on", t.date(row.dueInForce)))
        case .current: lines.append(t("home.in_force_until", t.date(row.dueInForce)))
        case .none: lines.append(t("home.no_plan_in_force"))
        }
        if let planID = row.current_plan_id, let state = row.current_state, let cycle = row.current_cycle {
            let title = t("plan.cycle_title", cycle)
            switch state {
            case .draft:
                guard let plan = try await PlanService.find(planID, on: req.db) else { break }
                let errors = try await req.snapshot(plan).errorCount
                if errors > 0 {
                    lines.append(t.plural("home.errors_to_fix", count: errors, title, errors))
                    action = (t("home.fix_errors"), AppPath.plan(planID).path)
                } else {
                    lines.append(t("home.ready_to_submit", title))
                    action =
                        leads
                        ? (t("review.move.submit"), AppPath.planReview(planID).path)
                        : (t("home.open_plan"), AppPath.plan(planID).path)
                }
            case .returned:
                let open = row.open_threads ?? 0
                lines.append(t.plural("home.threads_to_answer", count: open, title, open))
                action = (t("home.answer_feedback"), AppPath.planReview(planID).path)
                urgent = true
            case .submitted, .inReview:
                lines.append(t("home.waiting_review", title))
                secondary = (t("home.open_plan"), AppPath.planReview(planID).path)
            case .endorsed:
                lines.append(t("home.waiting_approval", title))
                secondary = (t("home.open_plan"), AppPath.planReview(planID).path)
            case .inForce, .superseded:
                if standing == .overdue || standing == .dueSoon, leads {
                    action = (t("home.start_update"), AppPath.unitPlans(unitID).path)
                } else {
                    secondary = (t("home.open_plans"), AppPath.unitPlans(unitID).path)
                }
            }
        } else if leads {
            action = (t("home.start_plan"), AppPath.unitPlans(unitID).path)
        }
        return .init(
            heading: t("home.task.plan", unit.name), lines: lines, action: action, secondary: secondary,
            urgent: urgent)
    }

    /// Plans waiting for the reader, each linked to its review.
    private static func queue(
        _ heading: String, _ rows: [OversightService.Row], empty: String, count: String, open: String,
        more: (String, String)?, _ t: Localizer
    ) -> HomePage.Task {
        let shown = rows.prefix(HomePage.Task.longestList)
        return .init(
            heading: heading, lines: [rows.isEmpty ? empty : count],
            items: shown.compactMap { row in
                row.current_plan_id.map {
                    (
                        "\(row.name) · \(t("plan.cycle_title", row.current_cycle ?? 0)) · \(t("plan_status.\(row.current_state?.rawValue ?? "none")"))",
                        AppPath.planReview($0).path
                    )
                }
            },
            action: rows.first?.current_plan_id.map { (open, AppPath.planReview($0).path) },
            secondary: more, urgent: !rows.isEmpty)
    }
}

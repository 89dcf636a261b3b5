import Foundation
@preconcurrency import Plot
import ResilienceCore

/// What every page of a plan shows at the top: the unit, the cycle, the state, and the tabs.
struct PlanFrame {
    var planID: UUID
    var unitID: UUID
    var unitName: String
    var cycle: Int
    var state: ReviewState
    /// When the plan in force is due again (nil for others).
    var dueAt: Date?
    var latestVersion: Int
    var current: String
    /// Today, by the application's clock: what "due soon" and "overdue" are measured from.
    var now: Date

    func header(_ t: Localizer) -> BodyNode {
        .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(
                    .li(link(.unit(unitID), unitName)), .li(link(.unitPlans(unitID), t("plan.plans"))),
                    .li(link(.plan(planID), t("plan.cycle_title", cycle))))),
            .p(
                .class("status-line"),
                PlanPages.stateBadge(state, t),
                .if(latestVersion > 0, .safe(" " + t("plan.latest_version", latestVersion))),
                PlanPages.dueNote(dueAt, t, now: now)),
            .if(
                !state.isEditable, .p(.class("notice"), .safe(t("plan.read_only", t("plan_status.\(state.rawValue)"))))),
            .nav(
                .class("tabs"), .attribute(named: "aria-label", value: t("plan.sections")),
                .ul(
                    .li(tab(.plan(planID), "overview", t("plan.overview"))),
                    .forEach(PlanSection.allCases) { section in
                        .li(
                            tab(
                                .planSection(planID, section), section.rawValue,
                                "\(PlanPages.number(section)). \(t("section.\(section.rawValue)"))"))
                    },
                    .li(tab(.planReview(planID), "review", t("review.tab"))),
                    .li(tab(.planVersions(planID), "versions", t("plan.versions"))),
                    .li(tab(.planPocket(planID), "pocket", t("plan.pocket")))))
        )
    }

    private func tab(_ path: AppPath, _ key: String, _ label: String) -> BodyNode {
        .a(.href(path.path), .safe(label), .if(key == current, .attribute(named: "aria-current", value: "page")))
    }
}

enum PlanPages {
    static func number(_ section: PlanSection) -> Int { PlanSection.allCases.firstIndex(of: section)! + 1 }

    static func percent(_ share: Double, _ t: Localizer) -> String { t("common.percent", Int((share * 100).rounded())) }

    static func stateBadge(_ state: ReviewState?, _ t: Localizer) -> BodyNode {
        let key = state?.rawValue ?? "none"
        return .span(.class("badge \(key)"), .safe(t("plan_status.\(key)")))
    }

    /// "Due 2027-03-01", marked when due within 30 days or overdue.
    static func dueNote(_ dueAt: Date?, _ t: Localizer, now: Date) -> BodyNode {
        guard let dueAt else { return .empty }
        let standing = PlanDue.standing(dueAt: dueAt, now: now)
        return .group(
            .safe(" · " + t("plan.due_on", t.date(dueAt)) + " "),
            .if(
                standing == .dueSoon || standing == .overdue,
                .span(.class("badge \(standing.rawValue)"), .safe(t("standing.\(standing.rawValue)")))))
    }

    /// "1 error, 3 warnings", each count in its plural form.
    static func findingsCount(_ errors: Int, _ warnings: Int, _ t: Localizer) -> String {
        t(
            "plan.findings_count", t.plural("plan.errors_n", count: errors, errors),
            t.plural("plan.warnings_n", count: warnings, warnings))
    }

    /// A check as a sentence in the reader's language.
    static func message(_ check: PlanCheck, _ t: Localizer) -> String {
        var args = check.args
        switch check.code {
        case .teamFunctionMissing: args = args.map { t("team_function.\($0)") }
        case .agreementExpiring where args.count == 3: args[2] = t("check.\(args[2])")
        case .rtoExceedsMTPD where args.count == 3:
            args[1] = Charts.duration(Double(args[1]) ?? 0, t); args[2] = Charts.duration(Double(args[2]) ?? 0, t)
        case .dependencySlowerThanRTO where args.count == 4:
            args[2] = Charts.duration(Double(args[2]) ?? 0, t); args[3] = Charts.duration(Double(args[3]) ?? 0, t)
        default: break
        }
        return t.catalogue.text("check.\(check.code.rawValue)", in: t.code, args)
    }

    static func checkList(_ checks: [PlanCheck], planID: UUID, _ t: Localizer) -> BodyNode {
        if checks.isEmpty { return .p(.class("notice"), .safe(t("plan.no_findings"))) }
        return .ul(
            .class("checks"),
            .forEach(checks) { check in
                return .li(
                    .class(check.severity.rawValue),
                    .strong(.safe(t("severity.\(check.severity.rawValue)") + " ")),
                    .a(.href(link(to: check, planID: planID)), .safe(message(check, t))))
            })
    }

    /// The review page's new thread, on an item (nil: the section) and one of its fields.
    static func commentLink(_ planID: UUID, _ section: PlanSection, _ itemID: UUID?, field: String?) -> String {
        let item = itemID.map { "\(section.rawValue):\($0.uuidString.lowercased())" } ?? section.rawValue
        return AppPath.planReview(planID).with([("item", item), ("field", field)]) + "#new-thread"
    }

    /// Where a finding is fixed: the item's form, at the field at fault (focused where JavaScript
    /// runs), or the section when the finding concerns no single item.
    static func link(to check: PlanCheck, planID: UUID) -> String {
        let item: AppPath? = check.itemID.flatMap { id in
            switch check.section {
            case .processes, .alternatives, .sites: AppPath.planItem(planID, .processes, id)
            case .impact: AppPath.planImpact(planID, id)
            case .agreements: AppPath.planItem(planID, .agreements, id)
            default: nil
            }
        }
        guard let item else { return AppPath.planSection(planID, check.section).path }
        return item.path + (check.field.map { "#f-\($0)" } ?? "")
    }
}

/// A unit's plans, one per cycle, and the forms to start or import one.
struct UnitPlansPage {
    struct Row {
        var id: UUID; var cycle: Int; var state: ReviewState; var versions: Int; var updated: Date?; var by: String?;
        var dueAt: Date?
    }
    var unitID: UUID
    var unitName: String
    var rows: [Row]
    var mayEdit: Bool
    var hasFinal: Bool
    var form: FormState
    var importForm: FormState
    var csrf: String
    var now: Date

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(.li(link(.unit(unitID), unitName)))),
            dataTable(
                caption: t("plan.plans"),
                headers: [t("plan.cycle"), t("field.status"), t("plan.versions"), t("plan.updated")],
                rows: rows.map { r in
                    [
                        link(.plan(r.id), t("plan.cycle_title", r.cycle)),
                        .group(PlanPages.stateBadge(r.state, t), PlanPages.dueNote(r.dueAt, t, now: now)),
                        .safe(t.number(r.versions)), .safe("\(t.dateTime(r.updated)) · \(r.by ?? "")"),
                    ]
                }, empty: t("plan.none")),
            .if(
                mayEdit,
                .group(
                    .section(
                        .class("narrow"), .h2(.safe(t("plan.start"))),
                        FormField.summary(form),
                        postForm(
                            AppPath.unitPlans(unitID).path, csrf: csrf,
                            FormField.text(
                                "cycle", t("plan.cycle"), form, type: .number, required: true,
                                hint: t("plan.cycle_hint")),
                            FormField.select(
                                "start", t("plan.start_from"), form,
                                options: (hasFinal
                                    ? [(PlanService.Start.inForce.rawValue, t("plan.start_in_force"))] : [])
                                    + [(PlanService.Start.empty.rawValue, t("plan.start_empty"))]),
                            FormField.submit(t("plan.start")))),
                    .section(
                        .class("narrow"), .h2(.safe(t("plan.import"))),
                        .p(.class("hint"), .safe(t("plan.import_hint"))),
                        FormField.summary(importForm),
                        uploadForm(
                            AppPath.unitPlansImport(unitID).path, csrf: csrf,
                            FormField.text(
                                "file", t("plan.import_file"), importForm, type: .file, required: true,
                                keepValue: false),
                            FormField.text(
                                "cycle", t("plan.cycle"), importForm, type: .number,
                                hint: t("plan.import_cycle_hint")),
                            FormField.submit(t("plan.import"))))))
        )
    }
}

/// The plan at a glance: completeness by section, what blocks it, versions and exports.
struct PlanOverviewPage {
    var frame: PlanFrame
    var snapshot: PlanSnapshot
    var updated: Date?
    var updatedBy: String?
    /// The review moves the reader may make now.
    var moves: [ReviewMove]
    var openThreads: Int
    /// The cycle of the unit's plan in force, when it is another plan (last year's).
    var inForceCycle: Int? = nil
    /// The sections table and the checks, already rendered (kept by revision, language and day).
    var renderedDetail: String?
    /// The warnings of critical processes done where the residual risk is beyond what their PC
    /// level accepts, already rendered (kept by revision, the security data, language and day).
    var renderedAcceptableRisk: String?

    private func percent(_ s: Double, _ t: Localizer) -> String { PlanPages.percent(s, t) }

    /// The part of the page that depends only on the plan's content: the sections and the checks.
    func detail(_ t: Localizer) -> BodyNode {
        let c = snapshot.completeness
        let id = frame.planID
        return .group(
            .section(
                .h2(.safe(t("plan.sections"))),
                dataTable(
                    caption: t("plan.sections"),
                    headers: [t("plan.section"), t("plan.completeness"), t("plan.findings")],
                    rows: PlanSection.allCases.map { section in
                        let share = c.sections[section] ?? 0
                        let found = snapshot.checks.filter { $0.section == section }
                        let errors = found.filter { $0.severity == .error }.count
                        return [
                            link(
                                .planSection(id, section),
                                "\(PlanPages.number(section)). \(t("section.\(section.rawValue)"))"),
                            .group(.raw(Charts.bar(share, label: percent(share, t))), .safe(" " + percent(share, t))),
                            .safe(found.isEmpty ? "" : PlanPages.findingsCount(errors, found.count - errors, t)),
                        ]
                    }, empty: "")),
            .section(.h2(.safe(t("plan.findings"))), PlanPages.checkList(snapshot.checks, planID: id, t)))
    }

    /// The moves that take the plan forward.
    var forward: [ReviewMove] { moves.filter { $0 != .withdraw && $0 != .returnWithFeedback } }

    func body(_ t: Localizer) -> BodyNode {
        let c = snapshot.completeness
        let id = frame.planID
        return .group(
            frame.header(t),
            .dl(
                .class("facts"),
                .dt(.safe(t("plan.completeness"))),
                .dd(.raw(Charts.bar(c.overall, label: percent(c.overall, t))), .safe(" " + percent(c.overall, t))),
                .dt(.safe(t("plan.findings"))),
                .dd(.safe(PlanPages.findingsCount(snapshot.errorCount, snapshot.warningCount, t))),
                .dt(.safe(t("plan.updated"))), .dd(.safe("\(t.dateTime(updated)) · \(updatedBy ?? "")"))),
            .ul(
                .class("links"),
                .li(link(.planPocket(id), t("plan.pocket"))),
                .li(link(.planPocketDownload(id), t("plan.pocket_download"))),
                .li(link(.planExport(id), t("plan.export_json"))),
                .li(link(.planCSV(id), t("plan.export_csv"))),
                .if(
                    frame.latestVersion > 0,
                    .li(
                        .a(
                            .href(
                                AppPath.planCompare(id).with([("from", String(frame.latestVersion)), ("to", "draft")])),
                            .safe(t("plan.compare_with_latest"))))),
                .unwrap(inForceCycle) { cycle in
                    .li(
                        .a(
                            .href(AppPath.planCompare(id).with([("from", "in_force"), ("to", "draft")])),
                            .safe(t("plan.compare_with_in_force", cycle))))
                }),
            .section(
                .class("review-summary"), .h2(.safe(t("review.title"))),
                .p(
                    .safe(t("review.state_intro.\(frame.state.rawValue)")),
                    .if(openThreads > 0, .safe(" " + t("review.open_threads", openThreads)))),
                .if(
                    moves.contains(.submit) && !PlanChecks.canSubmit(snapshot.checks),
                    .p(.class("hint"), .safe(t("plan.submit_blocked", snapshot.errorCount)))),
                // The primary button is a step forward; taking a plan back (withdraw, return) is
                // offered on the review page, not pressed on the reader.
                .p(
                    forward.isEmpty
                        ? .a(
                            .class("button secondary"), .href(AppPath.planReview(id).path), .safe(t("review.open_page"))
                        )
                        : .a(
                            .class("button"), .href(AppPath.planReview(id).path),
                            .safe(
                                t(
                                    "review.your_move",
                                    forward.map { t("review.move.\($0.rawValue)") }.joined(separator: ", ")))))),
            renderedDetail.map { .raw($0) } ?? detail(t),
            .unwrap(renderedAcceptableRisk) { .raw($0) }
        )
    }
}

/// A chart with its caption.
func figure(_ chart: BodyNode, caption: String) -> BodyNode {
    .element(named: "figure", nodes: [chart, .element(named: "figcaption", text: caption)])
}

/// An option of a select.
func option(_ value: String, _ label: String, selected: Bool = false) -> Node<HTML.SelectContext> {
    .element(
        named: "option",
        nodes: [
            .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
            .if(selected, .attribute(named: "selected", value: "selected")), .safe(label),
        ])
}

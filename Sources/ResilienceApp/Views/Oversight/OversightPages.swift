import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The four figures of seed 000's indicators, in the order every page shows them.
enum Figure: String, CaseIterable {
    case inForce = "in_force", updated = "updated_within_year", tested = "tested_within_year", register =
        "with_risk_register"

    func count(_ f: ComplianceFigures) -> Int {
        switch self {
        case .inForce: f.inForce
        case .updated: f.updatedWithinYear
        case .tested: f.testedWithinYear
        case .register: f.withRiskRegister
        }
    }

    func share(_ f: ComplianceFigures) -> Double { f.share(count(f)) }

    static func cells(_ f: ComplianceFigures, _ t: Localizer) -> [BodyNode] {
        [.safe(t.number(f.units))]
            + allCases.map { figure in
                .safe("\(PlanPages.percent(figure.share(f), t)) (\(t.number(figure.count(f))))")
            } + [.safe(t.number(f.overdue))]
    }

    static func headers(_ t: Localizer) -> [String] {
        [t("oversight.units")] + allCases.map { t("figure.\($0.rawValue)") } + [t("standing.overdue")]
    }
}

/// Each planning unit under a unit: its plan's state, approval, due date, last exercise, joint
/// risk register and open feedback; filters and a CSV export.
struct DashboardPage {
    var unitID: UUID
    var unitName: String
    var isRegionOrHQ: Bool
    var figures: ComplianceFigures
    var rows: [OversightService.Row]
    var total: Int
    var query: [(String, String?)]
    var filter: OversightService.Filter
    var clock: PlanDue.Clock

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(.li(link(.unit(unitID), unitName)))),
            dataTable(
                caption: t("oversight.figures_now"), headers: Figure.headers(t), rows: [Figure.cells(figures, t)],
                empty: ""),
            .ul(
                .class("links"),
                .li(link(.unitCompliance(unitID), t("compliance.title"))),
                .if(isRegionOrHQ, .li(link(.unitCampaigns(unitID), t("campaign.title")))),
                .li(.a(.href(AppPath.unitDashboardCSV(unitID).with(query)), .safe(t("oversight.export_csv"))))),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "action", value: AppPath.unitDashboard(unitID).path),
                    .attribute(named: "method", value: "get"), .class("search"),
                    FormField.filter(
                        "state", t("field.status"), filter.state,
                        [("", t("common.all")), ("none", t("plan_status.none"))]
                            + ReviewState.allCases.map { ($0.rawValue, t("plan_status.\($0.rawValue)")) }),
                    FormField.filter(
                        "standing", t("oversight.standing"), filter.standing?.rawValue,
                        [("", t("common.all"))]
                            + PlanDue.Standing.allCases.map { ($0.rawValue, t("standing.\($0.rawValue)")) }),
                    FormField.filter(
                        "kind", t("field.kind"), filter.kind?.rawValue,
                        [("", t("common.all"))] + OversightService.planningKinds.map { ($0.rawValue, t.kind($0)) }),
                    .label(.for("f-q"), .safe(t("common.search"))),
                    .input(.type(.search), .id("f-q"), .name("q"), .value(filter.text ?? "")),
                    .button(.type(.submit), .safe(t("oversight.filter"))),
                ]),
            .p(.safe(t.plural("oversight.showing", count: total, rows.count, total))),
            markupTable(
                caption: t("oversight.units_caption"),
                headers: [
                    t("field.unit"), t("field.kind"), t("field.status"), t("oversight.approved"), t("oversight.due"),
                    t("oversight.last_exercise"), t("figure.with_risk_register"), t("oversight.open_feedback"),
                ],
                rows: rows.map { cells($0, t) }, empty: t("common.no_results"))
        )
    }

    /// One unit's row, as markup.
    private func cells(_ r: OversightService.Row, _ t: Localizer) -> [String] {
        let standing = r.standing(clock)
        let state = r.current_state?.rawValue ?? "none"
        let flag: String =
            standing == .overdue || standing == .dueSoon
            ? " <span class=\"badge \(standing.rawValue)\">" + HTMLEscape.escape(t("standing.\(standing.rawValue)"))
                + "</span>" : ""
        let unit: String =
            r.current_plan_id.map { markupLink(.plan($0), r.name) } ?? markupLink(.unitPlans(r.id), r.name)
        let badge: String =
            "<span class=\"badge \(state)\">" + HTMLEscape.escape(t("plan_status.\(state)")) + "</span>"
            + (r.current_cycle.map { " \($0)" } ?? "")
        let approved: String = HTMLEscape.escape(t.date(r.approvedInForce))
        let due: String = HTMLEscape.escape(t.date(r.dueInForce)) + flag
        let register: String = HTMLEscape.escape(t((r.has_risk_register ?? false) ? "common.yes" : "common.no"))
        let open: String = (r.open_threads ?? 0) > 0 ? t.number(r.open_threads ?? 0) : ""
        return [
            unit, HTMLEscape.escape(t.kind(r.kind)), badge, approved, due, HTMLEscape.escape(t.date(r.last_exercise)),
            register, open,
        ]
    }

}

/// A region's compliance: its figures now, the form to report them to HQ, and the reports kept.
struct CompliancePage {
    var unitID: UUID
    var unitName: String
    var figures: ComplianceFigures
    var reports: [ComplianceReport]
    var mayReport: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(.li(link(.unit(unitID), unitName)), .li(link(.unitDashboard(unitID), t("oversight.dashboard"))))),
            dataTable(
                caption: t("oversight.figures_now"), headers: Figure.headers(t), rows: [Figure.cells(figures, t)],
                empty: ""),
            .if(
                mayReport,
                .section(
                    .class("narrow"), .h2(.safe(t("compliance.submit_title"))),
                    .p(.class("hint"), .safe(t("compliance.intro"))),
                    FormField.summary(form),
                    postForm(
                        AppPath.unitCompliance(unitID).path, csrf: csrf,
                        FormField.text("at", t("compliance.at"), form, type: .date, hint: t("compliance.at_hint")),
                        FormField.textarea("comments", t("compliance.comments"), form, rows: 4),
                        FormField.submit(t("compliance.submit"))))),
            .section(
                .h2(.safe(t("compliance.reports"))),
                dataTable(
                    caption: t("compliance.reports"),
                    headers: [t("compliance.at"), t("plan.by")] + Figure.headers(t) + [t("compliance.comments")],
                    rows: reports.map { r in
                        [.safe(t.date(r.at)), .text(r.submittedByName)] + Figure.cells(r.figures, t) + [
                            .text(r.comments)
                        ]
                    }, empty: t("compliance.none")))
        )
    }
}

/// HQ's overview: every region side by side, as a table and as charts, and each figure's history.
struct OversightPage {
    struct Region {
        var id: UUID; var name: String; var code: String?; var figures: ComplianceFigures; var lastReport: Date?
    }
    var total: ComplianceFigures?
    var regions: [Region]
    /// Each figure's history: a line per region.
    var history: [(figure: Figure, series: [(name: String, points: [(day: String, value: Double)])])]
    var days: [String]

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.safe(t("oversight.intro"))),
            dataTable(
                caption: t("oversight.regions"),
                headers: [t("oversight.region")] + Figure.headers(t) + [t("oversight.last_report")],
                rows: regions.map { r in
                    [link(.unitDashboard(r.id), r.code.map { "\(r.name) (\($0))" } ?? r.name)]
                        + Figure.cells(r.figures, t) + [.safe(t.date(r.lastReport))]
                }
                    + (total.map { [[.strong(.safe(t("oversight.all_regions")))] + Figure.cells($0, t) + [.safe("")]] }
                        ?? []),
                empty: t("common.no_results")),
            .section(
                .h2(.safe(t("oversight.side_by_side"))),
                .raw(
                    OversightCharts.groupedBars(
                        title: t("oversight.side_by_side"),
                        groups: regions.map { r in (r.code ?? r.name, Figure.allCases.map { $0.share(r.figures) }) },
                        series: Figure.allCases.map { t("figure.\($0.rawValue)") }))),
            .section(
                .h2(.safe(t("oversight.history"))),
                .p(.class("hint"), .safe(t("oversight.history_hint"))),
                .div(
                    .class("charts"),
                    .forEach(history) { entry in
                        .element(
                            named: "figure",
                            nodes: [
                                .raw(
                                    OversightCharts.history(
                                        title: t("figure.\(entry.figure.rawValue)"), series: entry.series, days: days, t
                                    )),
                                .element(named: "figcaption", nodes: [.safe(t("figure.\(entry.figure.rawValue)"))]),
                            ])
                    }),
                .raw(
                    Charts.legend(
                        regions.map(\.name), palette: Charts.regionPalette, dashes: Charts.regionDashes)))
        )
    }
}

/// A unit's campaigns and the form to open one.
struct CampaignsPage {
    struct Row { var id: UUID; var cycle: Int; var deadline: Date; var openedBy: String; var at: Date? }
    var unitID: UUID
    var unitName: String
    var rows: [Row]
    var mayOpen: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(.li(link(.unit(unitID), unitName)), .li(link(.unitDashboard(unitID), t("oversight.dashboard"))))),
            dataTable(
                caption: t("campaign.title"),
                headers: [t("plan.cycle"), t("campaign.deadline"), t("campaign.opened_by")],
                rows: rows.map { r in
                    [
                        link(.campaign(r.id), t("plan.cycle_title", r.cycle)), .safe(t.date(r.deadline)),
                        .safe("\(r.openedBy) · \(t.date(r.at))"),
                    ]
                }, empty: t("campaign.none")),
            .if(
                mayOpen,
                .section(
                    .class("narrow"), .h2(.safe(t("campaign.open"))),
                    .p(.class("hint"), .safe(t("campaign.intro"))),
                    FormField.summary(form),
                    postForm(
                        AppPath.unitCampaigns(unitID).path, csrf: csrf,
                        FormField.text("cycle", t("plan.cycle"), form, type: .number, required: true),
                        FormField.text("deadline", t("campaign.deadline"), form, type: .date, required: true),
                        FormField.checkboxes(
                            "kinds", t("campaign.kinds"), form,
                            options: OversightService.planningKinds.map { ($0.rawValue, t.kind($0)) }),
                        FormField.textarea("note", t("campaign.note"), form, rows: 2),
                        FormField.submit(t("campaign.open")))))
        )
    }
}

/// One campaign's progress: units by state, late ones first.
struct CampaignPage {
    var campaign: Campaign
    var scopeName: String
    var progress: CampaignService.Progress
    var now: Date

    func body(_ t: Localizer) -> BodyNode {
        let total = progress.rows.count
        return .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(
                    .li(link(.unit(campaign.scopeUnitID), scopeName)),
                    .li(link(.unitCampaigns(campaign.scopeUnitID), t("campaign.title"))))),
            .dl(
                .class("facts"),
                .dt(.safe(t("campaign.deadline"))), .dd(.safe(t.date(campaign.deadline))),
                .dt(.safe(t("campaign.opened_by"))),
                .dd(.safe("\(campaign.openedByName) · \(t.date(campaign.createdAt))")),
                .dt(.safe(t("campaign.done"))),
                .dd(
                    .raw(
                        Charts.bar(
                            total == 0 ? 0 : Double(progress.done) / Double(total),
                            label: t("campaign.done_of", progress.done, total))),
                    .safe(" " + t("campaign.done_of", progress.done, total))),
                .dt(.safe(t("campaign.late"))), .dd(.safe(t.number(progress.late))),
                .unwrap(campaign.note) { .group(.dt(.safe(t("campaign.note"))), .dd(.text($0))) }),
            dataTable(
                caption: t("campaign.by_state"), headers: ReviewState.allCases.map { t("plan_status.\($0.rawValue)") },
                rows: [ReviewState.allCases.map { .safe(t.number(progress.counts[$0] ?? 0)) }], empty: ""),
            dataTable(
                caption: t("campaign.units"), headers: [t("field.unit"), t("field.status"), t("plan.updated")],
                rows: progress.rows.map { r in
                    let late = CampaignProgress.isLate(r.state, deadline: campaign.deadline, now: now)
                    return [
                        link(.plan(r.plan_id), r.name),
                        .group(
                            PlanPages.stateBadge(r.state, t),
                            .if(late, .span(.class("badge overdue"), .safe(" " + t("campaign.late_badge"))))),
                        .safe(t.dateTime(r.updated_at)),
                    ]
                }, empty: t("campaign.no_units"))
        )
    }
}

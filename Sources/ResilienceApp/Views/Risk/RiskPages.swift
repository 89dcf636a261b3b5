import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The fields of a risk, for the add and change forms: its rating on HQ's named scale, its
/// treatment's actions (each one a row; two empty rows to add), and, when the unit has a plan,
/// the scenarios it leads to and the critical processes it threatens.
enum RiskForm {
    static func fields(_ form: FormState, _ names: RiskNames, items: RiskService.PlanItems? = nil) -> BodyNode {
        let t = names.t
        let likelihood =
            [("", t("common.choose"))] + RiskRating.range.map { (String($0), "\($0) — \(names.likelihood($0))") }
        let impact = [("", t("common.choose"))] + RiskRating.range.map { (String($0), "\($0) — \(names.impact($0))") }
        let filled = (0..<RiskAction.maximumCount).filter { n in
            ["description", "owner", "due"].contains { !form["action-\(n)-\($0)"].isEmpty }
        }
        let rows = min(RiskAction.maximumCount, (filled.max().map { $0 + 1 } ?? 0) + 2)
        return .group(
            FormField.select("kind", t("risk.kind"), form, options: names.kinds),
            FormField.text("title", t("risk.title_field"), form, required: true),
            FormField.textarea("cause", t("risk.cause"), form, rows: 2),
            FormField.textarea("consequence", t("risk.consequence"), form, rows: 2),
            fieldset(
                "field pair", t("risk.inherent"),
                FormField.select("likelihood", t("risk.likelihood"), form, options: likelihood),
                FormField.select("impact", t("risk.impact"), form, options: impact)),
            FormField.textarea("treatment", t("risk.treatment"), form, rows: 2),
            fieldset(
                "field actions", t("risk.actions"),
                .p(.class("hint"), .safe(t("risk.actions_hint"))),
                .forEach(0..<rows) { n in
                    fieldset(
                        "pair", t("risk.action_n", n + 1),
                        FormField.text("action-\(n)-description", t("risk.action_description"), form),
                        FormField.text("action-\(n)-owner", t("risk.owner"), form),
                        FormField.text("action-\(n)-due", t("risk.action_due"), form, type: .date),
                        FormField.checkbox("action-\(n)-done", t("risk.action_done"), form))
                }),
            fieldset(
                "field pair", t("risk.residual"),
                FormField.select("residual_likelihood", t("risk.likelihood"), form, options: likelihood),
                FormField.select("residual_impact", t("risk.impact"), form, options: impact)),
            FormField.text("owner", t("risk.owner"), form),
            FormField.select(
                "status", t("field.status"), form,
                options: RiskStatus.allCases.map { ($0.rawValue, t("risk_status.\($0.rawValue)")) }),
            FormField.text("review_date", t("risk.review_date"), form, type: .date),
            FormField.select(
                "source", t("risk.source"), form,
                options: RiskSource.allCases.map { ($0.rawValue, t("risk_source.\($0.rawValue)")) }),
            .unwrap(items) { items in
                .group(
                    .if(
                        !items.scenarios.isEmpty,
                        FormField.checkboxes(
                            "scenarios", t("risk.linked_scenarios"), form,
                            options: items.scenarios.map { ($0.id.uuidString, $0.name) })),
                    .if(
                        !items.processes.isEmpty,
                        FormField.checkboxes(
                            "processes", t("risk.linked_processes"), form,
                            options: items.processes.map { ($0.id.uuidString, $0.name) })),
                    .if(!items.hasPlan, .p(.class("hint"), .safe(t("risk.no_plan_to_link")))))
            })
    }
}

/// A unit's joint risk register (with every unit below it): heat maps before and after
/// treatment, the list (a cell of a heat map filters it), and the forms to add and import.
struct RiskRegisterPage {
    var unitID: UUID
    var unitName: String
    var names: RiskNames
    var matrix: RiskMatrix { names.scale.matrix }
    /// Counts per cell, before and after treatment.
    var inherent: [[Int]]
    var residual: [[Int]]
    var shown: [Risk]
    var info: PageInfo
    var unitNames: [UUID: String]
    var filter: RiskService.Filter
    var query: [(String, String?)]
    var inPlace: Bool
    var relevant: Set<String>
    var mayEdit: Bool
    var form: FormState
    var importForm: FormState
    var items: RiskService.PlanItems?
    var csrf: String
    var clock: PlanDue.Clock

    func body(_ t: Localizer) -> BodyNode {
        let kinds = names.kinds
        return .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(.li(link(.unit(unitID), unitName)))),
            .p(
                .safe(t(inPlace ? "risk.in_place" : "risk.not_in_place")),
                .safe(
                    " "
                        + t(
                            "risk.relevant_now",
                            kinds.filter { relevant.contains($0.0) }.map(\.1).joined(separator: ", ")))),
            .if(
                mayEdit,
                .element(
                    named: "details",
                    nodes: [
                        .element(named: "summary", nodes: [.safe(t("risk.relevant_change"))]),
                        postForm(
                            AppPath.unitRiskKinds(unitID).path, csrf: csrf,
                            FormField.checkboxes(
                                "kinds", t("risk.relevant"),
                                FormState(
                                    values: Dictionary(uniqueKeysWithValues: relevant.map { ("kinds-\($0)", "true") })),
                                options: kinds),
                            FormField.submit(t("common.save"))),
                    ])),
            .div(
                .class("charts"),
                heatMap(t("risk.inherent"), "inherent", inherent, t),
                heatMap(t("risk.residual"), "residual", residual, t)),
            .raw(legend(t)),
            .ul(
                .class("links"), .li(link(.unitRisksCSV(unitID), t("risk.export_csv"))),
                .if(query.contains { $0.1 != nil }, .li(link(.unitRisks(unitID), t("risk.show_all"))))),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "action", value: AppPath.unitRisks(unitID).path),
                    .attribute(named: "method", value: "get"), .class("search"),
                    FormField.filter("kind", t("risk.kind"), filter.kind, [("", t("common.all"))] + kinds),
                    FormField.filter(
                        "level", t("risk.level"), filter.level?.rawValue, [("", t("common.all"))] + names.levels),
                    FormField.filter(
                        "status", t("field.status"), filter.status?.rawValue,
                        [("", t("common.all"))]
                            + RiskStatus.allCases.map { ($0.rawValue, t("risk_status.\($0.rawValue)")) }),
                    .button(.type(.submit), .safe(t("oversight.filter"))),
                ]),
            .p(
                .safe(
                    filter.cell.map {
                        t.plural(
                            "risk.cell_filter", count: info.total ?? 0,
                            t($0.residual ? "risk.residual" : "risk.inherent"),
                            $0.likelihood, $0.impact, info.total ?? 0)
                    }
                        ?? t("risk.count", info.total ?? 0))),
            markupTable(
                caption: t("risk.list"),
                headers: [
                    t("risk.title_field"), t("risk.kind"), t("field.unit"), t("risk.inherent"), t("risk.residual"),
                    t("risk.owner"),
                    t("field.status"), t("risk.review_date"),
                ],
                rows: shown.map { row($0, t) }, empty: t("risk.none")),
            pager(info, path: .unitRisks(unitID), query: query, t),
            .if(
                mayEdit,
                .group(
                    .section(
                        .class("narrow"), .h2(.safe(t("risk.add"))), FormField.summary(form),
                        postForm(
                            AppPath.unitRisks(unitID).path, csrf: csrf, RiskForm.fields(form, names, items: items),
                            FormField.submit(t("risk.add")))),
                    .section(
                        .class("narrow"), .h2(.safe(t("risk.import"))),
                        .p(
                            .class("hint"),
                            .text(t("risk.import_hint", RiskCSV.columns.map(names.column).joined(separator: ", ")))),
                        .p(link(.unitRisksTemplate(unitID), t("risk.template"))),
                        .element(
                            named: "details",
                            nodes: [
                                .element(named: "summary", text: t("risk.accepted_values")),
                                .dl(
                                    .class("facts"),
                                    .forEach(RiskCSV.listed.filter { !$0.hasPrefix("residual") }) { column in
                                        .group(
                                            .dt(.text(names.column(column))),
                                            .dd(.text(t.list(names.accepted(column)))))
                                    }),
                            ]),
                        FormField.summary(importForm),
                        uploadForm(
                            AppPath.unitRisksImport(unitID).path, csrf: csrf,
                            FormField.text(
                                "file", t("risk.import_file"), importForm, type: .file, required: true,
                                keepValue: false),
                            FormField.submit(t("risk.preview"))))))
        )
    }

    private func row(_ r: Risk, _ t: Localizer) -> [String] {
        func rating(_ rating: RiskRating?) -> String {
            guard let rating, let level = matrix.level(rating) else { return "—" }
            return RiskPages.levelBadge(level, names) + " \(rating.likelihood)×\(rating.impact)"
        }
        let review = RiskPages.flag(RegisterRules.review(r.summary, clock: clock), t)
        let treatment =
            r.status == .closed
            ? "" : RiskPages.flag(clock.standing(dueAt: r.nextActionDue), t, late: "risk.action_late")
        return [
            markupLink(.unitRisk(r.unitID, r.id!), r.title), HTMLEscape.escape(names.kind(r.kind)),
            HTMLEscape.escape(unitNames[r.unitID] ?? ""),
            rating(r.inherent), rating(r.residual) + treatment, HTMLEscape.escape(r.owner ?? ""),
            HTMLEscape.escape(t("risk_status.\(r.status.rawValue)")),
            HTMLEscape.escape(t.date(r.reviewDate)) + review,
        ]
    }

    static let colors: [RiskLevel: String] = [
        .low: "#cfe8d5", .medium: "#fbe7a8", .high: "#f6b98a", .veryHigh: "#e88a84", .unacceptable: "#b5524d",
    ]

    /// A 5×5 heat map: likelihood up, impact across, each cell the level's colour with its count,
    /// linking to the list of its risks.
    private func heatMap(_ title: String, _ key: String, _ counts: [[Int]], _ t: Localizer) -> BodyNode {
        let size = 44.0, left = 34.0, top = 8.0
        let width = left + size * 5 + 8, height = top + size * 5 + 34
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart heat\" role=\"img\" viewBox=\"0 0 \(Charts.f(width)) \(Charts.f(height))\" width=\"\(Charts.f(width))\" height=\"\(Charts.f(height))\"><title>\(Charts.escape(title))</title>"
        for l in 1...5 {
            for i in 1...5 {
                let level = matrix.levels[l - 1][i - 1]
                let x = left + Double(i - 1) * size, y = top + Double(5 - l) * size
                let n = counts[l - 1][i - 1]
                let selected =
                    filter.cell.map { $0.residual == (key == "residual") && $0.likelihood == l && $0.impact == i }
                    ?? false
                let href = AppPath.unitRisks(unitID).with([
                    ("kind", filter.kind), ("status", filter.status?.rawValue),
                    ("rating", key), ("l", String(l)), ("i", String(i)),
                ])
                svg +=
                    "<a href=\"\(Charts.escape(href))\"><rect x=\"\(Charts.f(x))\" y=\"\(Charts.f(y))\" width=\"\(Charts.f(size - 2))\" height=\"\(Charts.f(size - 2))\" fill=\"\(Self.colors[level]!)\"\(selected ? " stroke=\"#1b2733\" stroke-width=\"3\"" : "")><title>\(Charts.escape(t.plural("risk.cell_title", count: n, "\(l) \(names.likelihood(l))", "\(i) \(names.impact(i))", names.level(level), n)))</title></rect>"
                if n > 0 {
                    svg +=
                        "<text x=\"\(Charts.f(x + size / 2 - 1))\" y=\"\(Charts.f(y + size / 2 + 4))\" font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\">\(n)</text>"
                }
                svg += "</a>"
            }
            svg +=
                "<text x=\"\(Charts.f(left - 6))\" y=\"\(Charts.f(top + Double(5 - l) * size + size / 2 + 3))\" font-size=\"10\" text-anchor=\"end\">\(l)</text>"
        }
        for i in 1...5 {
            svg +=
                "<text x=\"\(Charts.f(left + Double(i - 1) * size + size / 2 - 1))\" y=\"\(Charts.f(top + size * 5 + 12))\" font-size=\"10\" text-anchor=\"middle\">\(i)</text>"
        }
        svg +=
            "<text x=\"\(Charts.f(left))\" y=\"\(Charts.f(height - 4))\" font-size=\"10\">\(Charts.escape(t("risk.axes")))</text></svg>"
        return .element(named: "figure", nodes: [.raw(svg), .element(named: "figcaption", nodes: [.safe(title)])])
    }

    private func legend(_ t: Localizer) -> String {
        "<p class=\"legend\">"
            + RiskLevel.allCases.map { level in
                "<span><i style=\"background:\(Self.colors[level]!)\"></i>" + HTMLEscape.escape(names.level(level))
                    + "</span>"
            }.joined(separator: " ") + "</p>"
    }
}

/// Markup shared by the register's list and a risk's page.
enum RiskPages {
    static func levelBadge(_ level: RiskLevel, _ names: RiskNames) -> String {
        "<span class=\"badge level-\(level.rawValue)\">" + HTMLEscape.escape(names.level(level)) + "</span>"
    }

    /// "due soon" or "overdue" (or `late`'s text for overdue) as a badge; nothing otherwise.
    static func flag(_ standing: PlanDue.Standing, _ t: Localizer, late: String? = nil) -> String {
        guard standing == .overdue || standing == .dueSoon else { return "" }
        let text = standing == .overdue ? t(late ?? "standing.overdue") : t("standing.\(standing.rawValue)")
        return " <span class=\"badge \(standing.rawValue)\">" + HTMLEscape.escape(text) + "</span>"
    }
}

/// One risk: its ratings, its treatment's actions with their due dates, the scenarios and
/// processes of the plan it is linked to, and its form when the person may change it.
struct RiskPage {
    var unitID: UUID
    var unitName: String
    var risk: Risk
    var names: RiskNames
    var links: [RiskLink]
    var items: RiskService.PlanItems
    var mayEdit: Bool
    var form: FormState
    var csrf: String
    var clock: PlanDue.Clock

    func body(_ t: Localizer) -> BodyNode {
        func rating(_ r: RiskRating?) -> String {
            guard let r, let level = names.level(of: r) else { return "—" }
            return RiskPages.levelBadge(level, names)
                + HTMLEscape.escape(
                    " \(t("risk.likelihood")) \(r.likelihood) (\(names.likelihood(r.likelihood))) × \(t("risk.impact")) \(r.impact) (\(names.impact(r.impact)))"
                )
        }
        func linked(_ section: PlanSection) -> BodyNode {
            let mine = links.filter { $0.target == section }
            let plans = Dictionary(items.items(section).map { ($0.id, $0.planID) }, uniquingKeysWith: { a, _ in a })
            return .ul(
                .forEach(mine) { item in
                    .li(
                        .unwrap(
                            plans[item.itemID] ?? nil, { link(.planItem($0, section, item.itemID), item.label) },
                            else: .text(item.label)))
                })
        }
        return .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(.li(link(.unit(unitID), unitName)), .li(link(.unitRisks(unitID), t("risk.register"))))),
            .dl(
                .class("facts"),
                .dt(.safe(t("risk.kind"))), .dd(.safe(names.kind(risk.kind))),
                .dt(.safe(t("risk.inherent"))), .dd(.raw(rating(risk.inherent))),
                .dt(.safe(t("risk.residual"))), .dd(.raw(rating(risk.residual))),
                .dt(.safe(t("risk.review_date"))),
                .dd(
                    .safe(t.date(risk.reviewDate)),
                    .raw(RiskPages.flag(RegisterRules.review(risk.summary, clock: clock), t))),
                .dt(.safe(t("risk.linked_processes"))),
                .dd(links.contains { $0.target == .processes } ? linked(.processes) : .safe("—")),
                .dt(.safe(t("risk.linked_scenarios"))),
                .dd(links.contains { $0.target == .scenarios } ? linked(.scenarios) : .safe("—")),
                .dt(.safe(t("plan.updated"))), .dd(.safe("\(t.dateTime(risk.updatedAt)) · \(risk.updatedByName ?? "")"))
            ),
            markupTable(
                caption: t("risk.actions"),
                headers: [t("risk.action_description"), t("risk.owner"), t("risk.action_due"), t("risk.action_done")],
                rows: risk.actions.map { a in
                    [
                        HTMLEscape.escape(a.description), HTMLEscape.escape(a.owner ?? ""),
                        HTMLEscape.escape(t.date(a.dueDate))
                            + (a.done || risk.status == .closed
                                ? "" : RiskPages.flag(clock.standing(dueAt: a.dueDate), t, late: "risk.action_late")),
                        a.done ? "✓" : "",
                    ]
                }, empty: t("risk.no_actions")),
            .section(
                .class("narrow"), FormField.summary(form),
                mayEdit
                    ? postForm(
                        AppPath.unitRisk(unitID, risk.id!).path, csrf: csrf, RiskForm.fields(form, names, items: items),
                        FormField.submit(t("common.save")))
                    : fieldset(
                        "readonly", t("risk.details"),
                        .element(
                            named: "fieldset",
                            nodes: [
                                .attribute(named: "disabled", value: "disabled"),
                                RiskForm.fields(form, names, items: items),
                            ])))
        )
    }
}

/// What an import would save: each row with its risk or its errors; saving is offered only when
/// every row is right, and nothing is saved until then.
struct RiskImportPage {
    var unitID: UUID
    var unitName: String
    var rows: [RiskCSV.Row]
    var names: RiskNames
    var text: String
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let bad = rows.filter { !$0.errors.isEmpty }
        return .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(.li(link(.unit(unitID), unitName)), .li(link(.unitRisks(unitID), t("risk.register"))))),
            .p(
                .class(bad.isEmpty ? "notice" : "alert"),
                .attribute(named: "role", value: bad.isEmpty ? "status" : "alert"),
                .safe(bad.isEmpty ? t("risk.preview_ok", rows.count) : t("risk.preview_errors", bad.count, rows.count))),
            markupTable(
                caption: t("risk.preview_title"),
                headers: [
                    t("risk.line"), t("risk.title_field"), t("risk.kind"), t("risk.inherent"), t("risk.problems"),
                ],
                rows: rows.map { r in
                    let problems = r.errors.map { HTMLEscape.escape(names.problem($0)) }.joined(separator: "<br>")
                    // A wrong row shows what it says, so that it can be found in the file.
                    let typed = { (column: String) in HTMLEscape.escape(r.cells[column] ?? "") }
                    return [
                        String(r.line), r.draft.map { HTMLEscape.escape($0.title) } ?? typed("title"),
                        r.draft.map { HTMLEscape.escape(names.kind($0.kind)) } ?? typed("kind"),
                        r.draft.map { "\($0.inherent.likelihood)×\($0.inherent.impact)" }
                            ?? "\(typed("likelihood"))×\(typed("impact"))",
                        problems.isEmpty ? "✓" : "<span class=\"bad\">" + problems + "</span>",
                    ]
                }, empty: t("risk.none")),
            .if(
                bad.isEmpty && !rows.isEmpty,
                postForm(
                    AppPath.unitRisksImport(unitID).path, csrf: csrf,
                    .input(.type(.hidden), .name("csv"), .value(text)),
                    .input(.type(.hidden), .name("confirm"), .value("1")),
                    FormField.submit(t("risk.import_confirm", rows.count)))),
            .p(link(.unitRisks(unitID), t("risk.import_cancel")))
        )
    }
}

import Foundation
@preconcurrency import Plot
import ResilienceCore

/// One section: its items (with forms to add, change, order and remove them when the plan may
/// be edited), or its one record.
struct SectionPage {
    var frame: PlanFrame
    var section: PlanSection
    var snapshot: PlanSnapshot
    var mayEdit: Bool
    var form: FormState
    var context: PlanFormContext
    var csrf: String
    var by: String?
    /// A reviewer reading the plan in review: each field opens a thread on it.
    var mayComment = false
    /// The impact analysis block, already rendered (it depends only on the plan's revision, the
    /// language and the grouping, and is kept by them).
    var renderedImpact: String?
    /// For scenarios and processes: the unit's risks linked to each item, with the names of the
    /// risk levels.
    var linkedRisks: (risks: [UUID: [RiskService.LinkedRisk]], names: RiskNames)?

    func body(_ t: Localizer) -> BodyNode {
        let id = frame.planID
        let share = snapshot.completeness.sections[section] ?? 0
        let checks = snapshot.checks.filter { $0.section == section }
        return .group(
            frame.header(t),
            .h2(.safe("\(PlanPages.number(section)). \(t("section.\(section.rawValue)"))")),
            .p(.class("hint"), .safe(t("section_hint.\(section.rawValue)"))),
            .p(
                .raw(Charts.bar(share, label: percent(share, t))),
                .safe(" " + t("plan.section_complete", percent(share, t)))),
            .if(!checks.isEmpty, PlanPages.checkList(checks, planID: id, t)),
            content(t)
        )
    }

    private func percent(_ s: Double, _ t: Localizer) -> String { PlanPages.percent(s, t) }

    private func content(_ t: Localizer) -> BodyNode {
        let id = frame.planID
        if let spec = ListSpec.spec(section) {
            let rows = spec.rows(snapshot.content, t)
            let risks =
                linkedRisks.map { linked in
                    { (item: UUID) -> [BodyNode] in [risksCell(linked.risks[item] ?? [], linked.names)] }
                } ?? { _ in [] }
            return .group(
                dataTable(
                    caption: t("section.\(section.rawValue)"),
                    headers: ["#", t(spec.nameHeader)] + spec.headers(t)
                        + (linkedRisks == nil ? [] : [t("risk.linked_risks")]) + (mayEdit ? [""] : []),
                    rows: rows.enumerated().map { i, row in
                        [.safe(String(i + 1)), link(.planItem(id, section, row.id), row.name)] + row.cells
                            + risks(row.id)
                            + (mayEdit ? [itemActions(row.id, first: i == 0, last: i == rows.count - 1, t)] : [])
                    }, empty: t("plan.no_items"), rowIDs: rows.map { "item-\(PlansController.anchor($0.id))" }),
                .if(
                    mayEdit,
                    .section(
                        .class("narrow"), .h3(.safe(t("plan.add_item"))),
                        FormField.summary(form),
                        postForm(
                            AppPath.planSection(id, section).path, csrf: csrf, spec.fields(form, t, context),
                            FormField.submit(t("plan.add"))))))
        }
        switch section {
        case .impact: return renderedImpact.map { .raw($0) } ?? impactSummary(t)
        case .alternatives: return alternatives(t)
        default:
            let fields = SingleSection.fields(section)
            if !mayEdit {
                return ItemReading.document(
                    ItemReading.fields(snapshot.content, section, nil, scale: snapshot.scale, t),
                    comment: mayComment ? { PlanPages.commentLink(id, section, nil, field: $0) } : nil, t)
            }
            return .div(
                .class("narrow"), FormField.summary(form),
                postForm(
                    AppPath.planSection(id, section).path, csrf: csrf,
                    .forEach(fields) { f in
                        FormField.textarea(f, t("plan.field.\(f)"), form, rows: f == "seniorStaffMember" ? 1 : 3)
                    },
                    FormField.submit(t("common.save"))))
        }
    }

    /// The risks linked to an item, most serious first, each linking to the risk.
    private func risksCell(_ risks: [RiskService.LinkedRisk], _ names: RiskNames) -> BodyNode {
        if risks.isEmpty { return .safe("—") }
        return .raw(
            "<ul class=\"plain\">"
                + risks.map { r in
                    "<li>" + markupLink(.unitRisk(r.unitID, r.id), r.title)
                        + (r.level.map { " " + RiskPages.levelBadge($0, names) } ?? "")
                        + (r.status == .closed ? " (" + HTMLEscape.escape(names.t("risk_status.closed")) + ")" : "")
                        + "</li>"
                }.joined() + "</ul>")
    }

    private func itemActions(_ item: UUID, first: Bool, last: Bool, _ t: Localizer) -> BodyNode {
        let id = frame.planID
        return .div(
            .class("row-actions"),
            .if(
                !first,
                postForm(
                    AppPath.planItemMove(id, section, item).path, csrf: csrf, inline: true,
                    .input(.type(.hidden), .name("direction"), .value("up")),
                    .button(.type(.submit), .attribute(named: "aria-label", value: t("plan.move_up")), .safe("↑")))),
            .if(
                !last,
                postForm(
                    AppPath.planItemMove(id, section, item).path, csrf: csrf, inline: true,
                    .input(.type(.hidden), .name("direction"), .value("down")),
                    .button(.type(.submit), .attribute(named: "aria-label", value: t("plan.move_down")), .safe("↓")))),
            link(.planItemRemove(id, section, item), t("plan.remove")))
    }

    func impactSummary(_ t: Localizer) -> BodyNode {
        let id = frame.planID
        let scale = snapshot.scale
        let processes = snapshot.content.processes
        let ordered = ImpactAnalysis.recoveryOrder(processes, scale: scale)
        let analyses = Dictionary(
            uniqueKeysWithValues: processes.map { ($0.id, ImpactAnalysis.analyse($0, scale: scale)) })
        let byCategory = form["by"] == "category"
        return .group(
            .p(
                .safe(
                    t(
                        "plan.scale_summary", scale.ladderHours.map { Charts.duration($0, t) }.joined(separator: ", "),
                        scale.tolerance))),
            dataTable(
                caption: t("plan.recovery_order"),
                headers: [
                    "#", t("field.name"), t("plan.pc"), t("plan.classification"), "MTPD", "RTO", t("plan.tier"),
                    t("plan.driving_category"), t("plan.rated"),
                ],
                rows: ordered.enumerated().map { i, p in
                    let a = analyses[p.id]!
                    return [
                        .safe(String(i + 1)), link(.planImpact(id, p.id), p.name),
                        .safe(p.programmeCriticality?.rawValue.uppercased() ?? "—"),
                        .safe(p.classification.map { t("classification.\($0.rawValue)") } ?? "—"),
                        .safe(a.mtpdHours.map { Charts.duration($0, t) } ?? t("plan.no_mtpd")),
                        .group(
                            .safe(a.rtoHours.map { Charts.duration($0, t) } ?? "—"),
                            .if(a.rtoExceedsMTPD, .strong(.class("bad"), .safe(" " + t("plan.rto_too_long"))))),
                        .safe(a.tier.map { t("tier.\($0.rawValue)") } ?? "—"),
                        .safe(a.drivingCategory.map { Charts.categoryName($0, scale, t) } ?? "—"),
                        .safe("\(a.ratedCells)/\(a.totalCells)"),
                    ]
                }, empty: t("plan.no_processes")),
            .if(
                !processes.isEmpty,
                .group(
                    .h3(.safe(t("chart.timeline"))),
                    .div(
                        .class("chart-wrap"),
                        .raw(Charts.timeline(ordered.map { ($0.name, analyses[$0.id]!) }, scale: scale, t))),
                    .h3(.safe(t("chart.impact_over_time"))),
                    .p(
                        .class("links"), .safe(t("chart.group_by") + " "),
                        .a(
                            .href(AppPath.planSection(id, .impact).path),
                            .if(!byCategory, .attribute(named: "aria-current", value: "true")),
                            .safe(t("chart.by_process"))),
                        .safe(" · "),
                        .a(
                            .href(AppPath.planSection(id, .impact).with([("by", "category")])),
                            .if(byCategory, .attribute(named: "aria-current", value: "true")),
                            .safe(t("chart.by_category")))),
                    byCategory ? categoryCharts(ordered, analyses, t) : processCharts(ordered, analyses, t))))
    }

    private func processCharts(
        _ ordered: [CriticalProcess], _ analyses: [UUID: ProcessAnalysis], _ t: Localizer
    ) -> BodyNode {
        let scale = snapshot.scale
        return .group(
            .raw(Charts.sharedFrame(scale, t, width: 340, height: 170)),
            .raw(Charts.legend(scale.categories.map { Charts.categoryName($0, scale, t) })),
            .div(
                .class("charts"),
                .forEach(ordered) { p in
                    let a = analyses[p.id]!
                    return figure(
                        .raw(
                            Charts.lines(
                                title: p.name,
                                series: scale.categories.map {
                                    (Charts.categoryName($0, scale, t), p.impact[$0] ?? [])
                                },
                                scale: scale, mtpdIndex: a.mtpdHours.flatMap { scale.ladderHours.firstIndex(of: $0) },
                                t, width: 340, height: 170,
                                sharedFrame: true)), caption: p.name)
                }))
    }

    private func categoryCharts(
        _ ordered: [CriticalProcess], _ analyses: [UUID: ProcessAnalysis], _ t: Localizer
    ) -> BodyNode {
        let scale = snapshot.scale
        return .group(
            .raw(Charts.sharedFrame(scale, t, width: 340, height: 170)),
            .raw(Charts.legend(ordered.map(\.name))),
            .div(
                .class("charts"),
                .forEach(scale.categories) { category in
                    let name = Charts.categoryName(category, scale, t)
                    return figure(
                        .raw(
                            Charts.lines(
                                title: name, series: ordered.map { ($0.name, $0.impact[category] ?? []) },
                                scale: scale, mtpdIndex: nil, t, width: 340, height: 170, sharedFrame: true)),
                        caption: name)
                }))
    }

    private func alternatives(_ t: Localizer) -> BodyNode {
        let id = frame.planID
        return dataTable(
            caption: t("section.alternatives"), headers: [t("field.name"), t("plan.alternatives"), ""],
            rows: snapshot.content.processes.map { p in
                [
                    .safe(p.name),
                    p.alternatives.isEmpty
                        ? .strong(.class("bad"), .safe(t("plan.no_alternative")))
                        : .ul(.forEach(p.alternatives) { .li(.safe($0)) }),
                    mayEdit ? link(.planItem(id, .processes, p.id), t("plan.edit")) : .safe(""),
                ]
            }, empty: t("plan.no_processes"))
    }
}

/// One item of a list section: its form, or the same fields disabled for those who may only read.
struct ItemPage {
    var frame: PlanFrame
    var section: PlanSection
    var itemID: UUID
    var mayEdit: Bool
    var form: FormState
    var context: PlanFormContext
    /// What a reader (who may not edit) reads: the item as a document.
    var reading: [ItemReading.Field] = []
    /// A reviewer reading the plan in review: each field opens a thread on it.
    var mayComment = false
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let spec = ListSpec.spec(section)!
        return .group(
            frame.header(t),
            .p(
                link(
                    .planSection(frame.planID, section),
                    "← \(PlanPages.number(section)). \(t("section.\(section.rawValue)"))")),
            .if(section == .processes, .p(link(.planImpact(frame.planID, itemID), t("plan.rate_impact")))),
            mayEdit
                ? .div(
                    .class("narrow wide-form"), FormField.summary(form),
                    postForm(
                        AppPath.planItem(frame.planID, section, itemID).path, csrf: csrf, spec.fields(form, t, context),
                        FormField.submit(t("common.save"))))
                : .div(
                    .class("narrow"),
                    ItemReading.document(
                        reading,
                        comment: mayComment
                            ? { PlanPages.commentLink(frame.planID, section, itemID, field: $0) } : nil, t),
                    .if(
                        mayComment,
                        .p(
                            .a(
                                .class("button secondary"),
                                .href(PlanPages.commentLink(frame.planID, section, itemID, field: nil)),
                                .text(t("review.comment_on_item"))))))
        )
    }
}

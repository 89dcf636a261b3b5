import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The impact grid of one process: a rating per category at each point of the time ladder.
struct ImpactPage {
    var frame: PlanFrame
    var process: CriticalProcess
    var scale: ImpactScale
    var analysis: ProcessAnalysis
    var mayEdit: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let ladder = scale.ladderHours
        func cell(_ name: String) -> BodyNode {
            var attributes: [Attribute<HTML.InputContext>] = [
                .type(.number), .name(name), .id("f-\(name)"), .value(form[name]),
                .attribute(named: "min", value: "1"), .attribute(named: "max", value: "5"),
                .class("rating"),
            ]
            if !mayEdit { attributes.append(.attribute(named: "disabled", value: "disabled")) }
            if form.errors[name] != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
            return .selfClosedElement(named: "input", attributes: attributes)
        }
        let grid: BodyNode = .div(
            .class("table-wrap"),
            .table(
                .class("grid"),
                .caption(.safe(t("plan.impact_grid"))),
                .thead(
                    .tr(
                        .th(.safe(t("plan.category"))),
                        .forEach(ladder) {
                            .th(.attribute(named: "scope", value: "col"), .safe(Charts.duration($0, t)))
                        })),
                .tbody(
                    .forEach(scale.categories) { category in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"), .safe(Charts.categoryName(category, scale, t))
                            ),
                            .forEach(ladder.indices) { k in .td(cell("impact-\(category)-\(k)")) })
                    },
                    .tr(
                        .th(.attribute(named: "scope", value: "row"), .safe(t("plan.minimum_capacity"))),
                        .forEach(ladder.indices) { k in
                            var attributes: [Attribute<HTML.InputContext>] = [
                                .type(.number), .name("minimumCapacity-\(k)"), .id("f-minimumCapacity-\(k)"),
                                .value(form["minimumCapacity-\(k)"]), .attribute(named: "min", value: "0"),
                                .attribute(named: "max", value: "100"), .class("rating"),
                                .attribute(
                                    named: "aria-label",
                                    value: "\(t("plan.minimum_capacity")) \(Charts.duration(ladder[k], t))"),
                            ]
                            if !mayEdit { attributes.append(.attribute(named: "disabled", value: "disabled")) }
                            return .td(.selfClosedElement(named: "input", attributes: attributes))
                        }))))
        let errors = form.errors.filter { $0.key.hasPrefix("impact-") || $0.key.hasPrefix("minimumCapacity-") }
        return .group(
            frame.header(t),
            .p(
                link(.planSection(frame.planID, .impact), "← 4. \(t("section.impact"))"), .safe(" · "),
                link(.planItem(frame.planID, .processes, process.id), t("plan.process_details"))),
            .dl(
                .class("facts"),
                .dt(.safe(t("plan.pc"))), .dd(.safe(process.programmeCriticality?.rawValue.uppercased() ?? "—")),
                .dt(.safe(t("plan.classification"))),
                .dd(.safe(process.classification.map { t("classification.\($0.rawValue)") } ?? "—")),
                .dt(.safe("MTPD")), .dd(.safe(analysis.mtpdHours.map { Charts.duration($0, t) } ?? t("plan.no_mtpd"))),
                .dt(.safe(t("plan.driving_category"))),
                .dd(.safe(analysis.drivingCategory.map { Charts.categoryName($0, scale, t) } ?? "—")),
                .dt(.safe(t("plan.tier"))), .dd(.safe(analysis.tier.map { t("tier.\($0.rawValue)") } ?? "—"))),
            .p(.class("hint"), .safe(t("plan.rating_hint", scale.tolerance))),
            .raw(
                Charts.lines(
                    title: process.name,
                    series: scale.categories.map { (Charts.categoryName($0, scale, t), process.impact[$0] ?? []) },
                    scale: scale, mtpdIndex: analysis.mtpdHours.flatMap { scale.ladderHours.firstIndex(of: $0) }, t)),
            .raw(Charts.legend(scale.categories.map { Charts.categoryName($0, scale, t) })),
            FormField.summary(form),
            .if(
                !errors.isEmpty,
                .ul(.class("error"), .forEach(errors.sorted { $0.key < $1.key }) { .li(.safe($0.value)) })),
            mayEdit
                ? .div(
                    .class("wide-form"),
                    postForm(
                        AppPath.planImpact(frame.planID, process.id).path, csrf: csrf, grid,
                        .div(
                            .class("narrow"),
                            FormField.text("rtoHours", t("plan.rto_hours"), form, hint: t("plan.rto_hint")),
                            rtoWarning(t)),
                        FormField.submit(t("common.save"))))
                : .group(
                    grid,
                    .p(.safe(t("plan.rto_hours") + ": " + (process.rtoHours.map { Charts.duration($0, t) } ?? "—"))))
        )
    }

    /// Said beside the RTO as soon as it is saved longer than the MTPD: saving stays allowed, the
    /// plan cannot be submitted so.
    private func rtoWarning(_ t: Localizer) -> BodyNode {
        guard analysis.rtoExceedsMTPD, let rto = analysis.rtoHours, let mtpd = analysis.mtpdHours else { return .empty }
        return .p(
            .class("field-warning"), .id("f-rtoHours-warning"), .attribute(named: "role", value: "status"),
            .safe(t("plan.rto_exceeds_warning", Charts.duration(rto, t), Charts.duration(mtpd, t))))
    }

    static func values(_ p: CriticalProcess, _ scale: ImpactScale) -> [String: String] {
        var values: [String: String] = ["rtoHours": p.rtoHours.map { PlanChecks.hours($0) } ?? ""]
        for category in scale.categories {
            for (k, rating) in (p.impact[category] ?? []).enumerated() {
                values["impact-\(category)-\(k)"] = rating.map(String.init) ?? ""
            }
        }
        for (k, c) in p.minimumCapacity.enumerated() { values["minimumCapacity-\(k)"] = c.map(String.init) ?? "" }
        return values
    }
}

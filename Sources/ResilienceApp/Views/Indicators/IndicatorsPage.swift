import Foundation
@preconcurrency import Plot
import ResilienceCore

/// Every performance indicator the seeds list, for one unit and the units below it: its value,
/// its definition in words, and its history.
struct IndicatorsPage {
    var unit: Unit
    var choices: [Unit]
    var values: [Indicator: IndicatorValue]
    var history: [Indicator: [(day: String, value: Double)]]

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("indicators.intro"))),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "action", value: AppPath.indicators.path),
                    .attribute(named: "method", value: "get"),
                    .class("search"),
                    FormField.filter(
                        "unit", t("field.unit"), unit.id!.uuidString.lowercased(),
                        choices.map { ($0.id!.uuidString.lowercased(), $0.name) }),
                    .button(.type(.submit), .text(t("oversight.filter"))),
                ]),
            .forEach(["000", "003"]) { seed in
                .section(
                    .h2(.text(t("indicators.seed_\(seed)"))),
                    .div(
                        .class("indicators"),
                        .forEach(Indicator.allCases.filter { $0.seed == seed }) { card($0, t) }))
            })
    }

    private func card(_ indicator: Indicator, _ t: Localizer) -> BodyNode {
        let value = values[indicator]
        let name = t("indicator.\(indicator.rawValue)")
        let points = history[indicator] ?? []
        return .article(
            .class("indicator"), .id("indicator-\(indicator.rawValue)"),
            .h3(.text(name)),
            .p(
                .class("figure"),
                .strong(.text(value?.share.map { t("common.percent", Int(($0 * 100).rounded())) } ?? "—")),
                .text(" "),
                .span(
                    .class("hint"),
                    .text(value.map { t("indicators.count_\(indicator.rawValue)", $0.count, $0.total) } ?? ""))),
            .p(.text(t("indicator_definition.\(indicator.rawValue)"))),
            points.count > 1
                ? .raw(
                    OversightCharts.history(
                        title: t("indicators.history_of", name), series: [(unit.name, points)],
                        days: points.map(\.day), t))
                : .p(.class("hint"), .text(t("indicators.no_history"))))
    }
}

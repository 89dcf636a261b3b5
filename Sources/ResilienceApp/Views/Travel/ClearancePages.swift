import Foundation
@preconcurrency import Plot
import ResilienceCore

/// A security officer's queue: legs to their areas waiting for clearance, soonest first.
struct ClearanceQueuePage {
    var rows: [TravelReads.LegRow]
    var page: PageInfo

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("travel.queue_intro"))),
            .p(.class("actions"), link(.travelClearancesCSV, t("travel.download_csv"))),
            // Written as markup: a Plot node per cell was most of the time of a long list.
            markupTable(
                caption: t("travel.queue_title"),
                headers: [
                    t("travel.traveller"), t("travel.field.purpose"), t("travel.field.from"), t("travel.field.to"),
                    t("travel.field.departs"),
                ],
                rows: rows.map { r in
                    [
                        markupLink(.travelRequest(r.requestID), r.traveller), HTMLEscape.escape(r.purpose),
                        HTMLEscape.escape(r.from), HTMLEscape.escape(r.to), HTMLEscape.escape(t.dateTime(r.departs)),
                    ]
                }, empty: t("travel.queue_empty")),
            keyPager(page, path: .travelClearances, query: [], t))
    }
}

/// HQ's aviation risk management: the air operators and their suitability, and the legs waiting
/// for aviation advice.
struct AviationPage {
    var operators: [AirOperator]
    var waiting: [TravelReads.LegRow]
    /// Reassessing an operator from the list dates the assessment today (`yyyy-mm-dd`).
    var today: String
    /// Advice given in the last twelve months, and the median time to answer.
    var given: (count: Int, median: TimeInterval?)
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let suitability = OperatorSuitability.allCases.map { ($0.rawValue, t("aviation.suitability.\($0.rawValue)")) }
        return .group(
            .p(.class("intro"), .text(t("aviation.intro"))),
            .p(
                .class("figures"),
                .text(
                    t(
                        "aviation.given", t.number(given.count),
                        given.median.map { Charts.duration($0 / 3600, t) } ?? "—"))),
            .h2(.text(t("aviation.waiting"))),
            dataTable(
                caption: t("aviation.waiting"),
                headers: [t("travel.traveller"), t("travel.field.to"), t("travel.field.departs"), t("aviation.asked")],
                rows: waiting.map { r in
                    [
                        link(.travelRequest(r.requestID), r.traveller), .text(r.to),
                        .text(t.dateTime(r.departs)),
                        .text(t.dateTime(r.adviceRequestedAt)),
                    ]
                }, empty: t("aviation.none_waiting")),
            .h2(.text(t("aviation.operators"))),
            dataTable(
                caption: t("aviation.operators"),
                headers: [
                    t("aviation.field.name"), t("aviation.field.country"), t("aviation.field.suitability"),
                    t("aviation.field.restrictions"), t("aviation.field.assessed_on"), "",
                ],
                rows: operators.map { op in
                    [
                        .text(op.name), .text(op.country ?? "—"),
                        .span(
                            .class("badge op-\(op.suitability.rawValue)"),
                            .text(t("aviation.suitability.\(op.suitability.rawValue)"))),
                        .text(op.restrictions ?? "—"), .text(t.date(op.assessedOn)),
                        postForm(
                            AppPath.airOperator(op.id!).path, csrf: csrf, inline: true,
                            .input(.type(.hidden), .name("name"), .value(op.name)),
                            .input(.type(.hidden), .name("country"), .value(op.country ?? "")),
                            .input(.type(.hidden), .name("restrictions"), .value(op.restrictions ?? "")),
                            .label(
                                .for("s-\(op.id!.uuidString)"), .class("visually-hidden"),
                                .text(t("aviation.field.suitability"))),
                            .select(
                                .attribute(named: "id", value: "s-\(op.id!.uuidString)"),
                                .attribute(named: "name", value: "suitability"),
                                .forEach(suitability) { option($0.0, $0.1, selected: $0.0 == op.suitability.rawValue) }),
                            .input(.type(.hidden), .name("assessed_on"), .value(today)),
                            .button(.type(.submit), .text(t("aviation.reassess")))),
                    ]
                }, empty: t("aviation.none")),
            .section(
                .class("narrow"), .h2(.text(t("aviation.add"))),
                postForm(
                    AppPath.airOperators.path, csrf: csrf, FormField.summary(form),
                    FormField.text("name", t("aviation.field.name"), form, required: true),
                    FormField.text("country", t("aviation.field.country"), form, hint: t("aviation.country_hint")),
                    FormField.select("suitability", t("aviation.field.suitability"), form, options: suitability),
                    FormField.textarea("restrictions", t("aviation.field.restrictions"), form, rows: 2),
                    FormField.text("assessed_on", t("aviation.field.assessed_on"), form, type: .date, required: true),
                    FormField.submit(t("aviation.add")))))
    }
}

/// The protective service's travel cases of senior officials.
struct TravelCasesPage {
    var cases: [(TravelCase, TravelRequest, String)]
    var reviewed: (Int, Int)

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("travel.cases_intro"))),
            .p(.class("figures"), .text(t("travel.cases_figure", t.number(reviewed.0), t.number(reviewed.1)))),
            dataTable(
                caption: t("travel.cases_title"),
                headers: [
                    t("travel.traveller"), t("travel.field.purpose"), t("travel.starts"), t("travel.field.threat"),
                    t("travel.assessed"),
                ],
                rows: cases.map { c, r, name in
                    [
                        link(.travelRequest(r.id!), name), .text(r.purpose), .text(t.dateTime(r.startsAt)),
                        .text(c.threat.map { t("travel.threat.\($0.rawValue)") } ?? "—"),
                        .text(c.assessedAt.map { t.dateTime($0) } ?? t("travel.not_assessed")),
                    ]
                }, empty: t("travel.cases_none")))
    }
}

/// HQ's travel rules.
struct TravelSettingsPage {
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let levels = [("", t("travel.never"))] + (1...6).map { (String($0), t("travel.from_level", String($0))) }
        return .section(
            .class("narrow"),
            .p(.class("intro"), .text(t("travel.settings_intro"))),
            postForm(
                AppPath.travelSettings.path, csrf: csrf, FormField.summary(form),
                FormField.select(
                    "clearance_level", t("travel.field.clearance_level"), form,
                    options: (1...6).map { (String($0), t("travel.from_level", String($0))) }),
                FormField.text("flight_cap", t("travel.field.flight_cap"), form, type: .number, required: true),
                .forEach(SecurityCourse.allCases) { c in
                    FormField.select(
                        "course_\(c.rawValue)", t("travel.course_required", t("travel.course.\(c.rawValue)")), form,
                        options: levels)
                },
                FormField.submit(t("common.save"))))
    }
}

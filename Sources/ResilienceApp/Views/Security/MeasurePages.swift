import Foundation
@preconcurrency import Plot
import ResilienceCore

/// Compliance figures as the pages show them.
enum ComplianceViews {
    /// "80 %", or a dash when nothing applies.
    static func percent(_ value: Double?, _ t: Localizer) -> String {
        value.map { t("common.percent", Int($0.rounded())) } ?? "—"
    }

    /// A duty station's share: "80 % (8 of 10)".
    static func share(_ share: ComplianceShare, _ t: Localizer) -> String {
        share.percent == nil
            ? t("measures.nothing_required")
            : t("measures.share", percent(share.percent, t), share.compliant, share.applicable)
    }

    /// A roll-up in a sentence: the average share and the stations fully compliant.
    static func rollUp(_ roll: ComplianceRollUp, _ t: Localizer) -> String {
        guard roll.stations > 0 else { return t("measures.no_stations_rated") }
        return t(
            "measures.roll_up", percent(roll.averagePercent, t), t.number(roll.stations), t.number(roll.fullyCompliant),
            percent(roll.fullyCompliantPercent, t))
    }

    static func category(_ c: MeasureCategory, _ t: Localizer) -> String { t("measure_category.\(c.rawValue)") }
    static func status(_ s: MeasureStatus, _ t: Localizer) -> String { t("measure_status.\(s.rawValue)") }
}

/// HQ's catalogue: every measure in use, and (for HQ) the form to add one.
struct MeasureCataloguePage {
    var measures: [SecurityMeasure]
    var mayConfigure: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("measures.intro"))),
            dataTable(
                caption: t("measures.catalogue"),
                headers: [
                    t("measures.code"), t("measures.category"), t("measures.measure"), t("measures.baseline_from"),
                ],
                rows: measures.map { m in
                    [
                        mayConfigure ? link(.securityMeasure(m.id!), m.code) : .text(m.code),
                        .text(ComplianceViews.category(m.category, t)), .text(m.name(in: t.code)),
                        .text(m.baselineFrom.map { t("measures.from_level", $0) } ?? t("measures.by_assessment")),
                    ]
                }, empty: t("measures.none")),
            .if(
                mayConfigure,
                .section(
                    .class("narrow"), .h2(.text(t("measures.add"))),
                    MeasureForm(action: AppPath.securityMeasures.path, form: form, csrf: csrf).body(t))))
    }
}

/// The fields of a measure.
struct MeasureForm {
    var action: String
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        postForm(
            action, csrf: csrf,
            FormField.summary(form),
            FormField.text("code", t("measures.code"), form, required: true, hint: t("measures.code_hint")),
            FormField.select(
                "category", t("measures.category"), form,
                options: [(value: "", label: t("common.choose"))]
                    + MeasureCategory.allCases.map { (value: $0.rawValue, label: ComplianceViews.category($0, t)) }),
            FormField.select(
                "baseline_from", t("measures.baseline_from"), form,
                options: [(value: "", label: t("measures.by_assessment"))]
                    + SecurityLevel.allCases.map { l in
                        (value: String(l.rawValue), label: t("measures.from_level", l.rawValue))
                    }, hint: t("measures.baseline_hint")),
            .forEach(Catalogue.shared.languages) { l in
                FormField.text("name-\(l.code)", t("measures.name_in", l.name), form)
            },
            FormField.submit(t("common.save")))
    }
}

/// A measure's fields, and retiring it.
struct MeasureEditPage {
    var measureID: UUID
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .section(
            .class("narrow"),
            MeasureForm(action: AppPath.securityMeasure(measureID).path, form: form, csrf: csrf).body(t),
            postForm(
                AppPath.securityMeasureRetire(measureID).path, csrf: csrf,
                .p(.class("hint"), .text(t("measures.retire_hint"))),
                .div(.class("actions"), .button(.type(.submit), .text(t("measures.retire"))))))
    }
}

/// A duty station's measures: each required one with its status, evidence and who verified it;
/// for the country's security officer, a form to record them.
struct StationMeasuresPage {
    var compliance: ComplianceService.StationCompliance
    var mayRecord: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let station = compliance.station
        return .group(
            .dl(
                .class("facts"),
                .dt(.text(t("security.level"))),
                .dd(compliance.level.map { LevelViews.badge($0, t) } ?? .text(t("security.no_level"))),
                .dt(.text(t("measures.compliance"))), .dd(.strong(.text(ComplianceViews.share(compliance.share, t))))),
            .p(.class("intro"), .text(t("measures.station_intro"))),
            mayRecord
                ? .div(
                    .class("wide-form"),
                    postForm(
                        AppPath.dutyStationMeasures(station.id!).path, csrf: csrf, FormField.summary(form),
                        .forEach(compliance.required) { editable($0, t) },
                        FormField.submit(t("common.save"))))
                : table(t))
    }

    /// A measure as the officer records it: its status, the evidence, and why it does not apply.
    private func editable(_ m: SecurityMeasure, _ t: Localizer) -> BodyNode {
        let code = m.code
        let record = compliance.records[code]
        return fieldset(
            "pair", "\(code) · \(m.name(in: t.code))",
            FormField.select(
                "status-\(code)", t("measures.status"), form,
                options: [(value: "", label: t("measures.not_rated"))]
                    + MeasureStatus.allCases.map { (value: $0.rawValue, label: ComplianceViews.status($0, t)) },
                hint: record.map { t("measures.verified_by", $0.verifiedByName, t.date($0.verifiedAt)) }),
            FormField.text("evidence-\(code)", t("measures.evidence"), form),
            FormField.text("reason-\(code)", t("measures.reason_na"), form))
    }

    private func table(_ t: Localizer) -> BodyNode {
        dataTable(
            caption: t("measures.required"),
            headers: [
                t("measures.code"), t("measures.measure"), t("measures.status"), t("measures.evidence"),
                t("measures.verified"),
            ],
            rows: compliance.required.map { m in
                let record = compliance.records[m.code]
                return [
                    .group(.strong(.text(m.code)), .p(.class("hint"), .text(ComplianceViews.category(m.category, t)))),
                    .text(m.name(in: t.code)),
                    .text(record.map { ComplianceViews.status($0.status, t) } ?? t("measures.not_rated")),
                    .group(
                        .text(record?.evidence ?? ""),
                        .unwrap(record?.reason) { .p(.class("hint"), .text(t("measures.reason_is", $0))) }),
                    .text(record.map { "\($0.verifiedByName), \(t.date($0.verifiedAt))" } ?? "—"),
                ]
            }, empty: t("measures.nothing_required"))
    }
}

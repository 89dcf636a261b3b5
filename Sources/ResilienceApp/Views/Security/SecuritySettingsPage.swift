import Foundation
@preconcurrency import Plot
import ResilienceCore

/// HQ's security settings: how often each level is reviewed, and the residual risk each
/// programme criticality may accept.
struct SecuritySettingsPage {
    var form: FormState
    var names: RiskNames
    var csrf: String

    static func values(_ intervals: LevelReviewIntervals, _ acceptable: AcceptableRisk) -> [String: String] {
        var values: [String: String] = [:]
        for level in SecurityLevel.allCases {
            values["months_\(level.rawValue)"] = String(intervals.months(for: level))
        }
        for level in RiskLevel.allCases {
            values["limit_\(level.rawValue)"] = (acceptable.limits[level] ?? nil)?.rawValue ?? "none"
        }
        return values
    }

    func body(_ t: Localizer) -> BodyNode {
        let limits: [(value: String, label: String)] =
            ProgrammeCriticality.allCases.reversed().map { pc in
                (pc.rawValue, pc == .pc1 ? t("settings.pc1_only") : t("settings.pc_up_to", t("pc.\(pc.rawValue)")))
            } + [("none", t("settings.no_programme"))]
        return .section(
            .class("narrow"),
            postForm(
                AppPath.securitySettings.path, csrf: csrf, FormField.summary(form),
                fieldset(
                    "field", t("settings.intervals"),
                    .p(.class("hint"), .text(t("settings.intervals_hint"))),
                    .forEach(SecurityLevel.allCases) { l in
                        FormField.text(
                            "months_\(l.rawValue)", t("security.level_n", l.rawValue, t("security_level.\(l.code)")),
                            form,
                            type: .number, required: true)
                    }),
                fieldset(
                    "field", t("settings.acceptable"),
                    .p(.class("hint"), .text(t("settings.acceptable_hint"))),
                    .forEach(RiskLevel.allCases) { level in
                        FormField.select("limit_\(level.rawValue)", names.level(level), form, options: limits)
                    }),
                fieldset(
                    "field", t("settings.locatable"),
                    FormField.text(
                        "locatable_days", t("settings.locatable_days"), form, type: .number, required: true,
                        hint: t("settings.locatable_hint"))),
                FormField.submit(t("common.save"))))
    }
}

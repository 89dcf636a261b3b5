import Foundation
@preconcurrency import Plot
import ResilienceCore

/// HQ's risk scale as a form: the level of every cell of the matrix, names for the levels and
/// the ratings in every language of the catalogue (empty keeps the catalogue's), and the added
/// kinds one per line as `code | name | name …` in the catalogue's language order.
enum RiskScaleForm {
    static var languages: [String] { Catalogue.shared.languages.map(\.code) }

    static func values(_ scale: RiskScale) -> FormState {
        var values: [String: String] = [:]
        for l in RiskRating.range {
            for i in RiskRating.range { values["cell-\(l)-\(i)"] = scale.matrix.levels[l - 1][i - 1].rawValue }
        }
        for language in languages {
            for level in RiskLevel.allCases {
                values["level-\(level.rawValue)-\(language)"] = scale.levelNames[level.rawValue]?[language] ?? ""
            }
            for n in RiskRating.range {
                values["likelihood-\(n)-\(language)"] = scale.likelihoodNames[String(n)]?[language] ?? ""
                values["impact-\(n)-\(language)"] = scale.impactNames[String(n)]?[language] ?? ""
            }
        }
        values["kinds"] = scale.addedKinds.map { code in
            ([code] + languages.map { scale.kindNames[code]?[$0] ?? "" }).joined(separator: " | ").trimmingCharacters(
                in: CharacterSet(charactersIn: " |"))
        }.joined(separator: "\n")
        return FormState(values: values)
    }

    static func parse(_ form: [String: String]) throws -> RiskScale {
        var levels: [[RiskLevel]] = []
        var v = ValidationCollector()
        for l in RiskRating.range {
            levels.append(
                RiskRating.range.map { i in
                    guard let level = RiskLevel(rawValue: form["cell-\(l)-\(i)"] ?? "") else {
                        v.add(DomainError(.invalidChoice, field: "cell-\(l)-\(i)")); return .low
                    }
                    return level
                })
        }
        try v.finish()
        func names(_ prefix: String, _ keys: [String]) -> [String: [String: String]] {
            Dictionary(
                uniqueKeysWithValues: keys.map { key in
                    (
                        key,
                        Dictionary(uniqueKeysWithValues: languages.map { ($0, form["\(prefix)-\(key)-\($0)"] ?? "") })
                    )
                })
        }
        var kinds: [String] = [], kindNames: [String: [String: String]] = [:]
        for line in (form["kinds"] ?? "").split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let code = parts.first, !code.isEmpty else { continue }
            kinds.append(code)
            kindNames[code] = Dictionary(
                uniqueKeysWithValues: zip(
                    languages, parts.dropFirst().map { String($0.prefix(RiskScale.maximumNameLength + 1)) }
                ).map { ($0, $1) })
        }
        let ratings = RiskRating.range.map(String.init)
        return try RiskScale(
            matrix: RiskMatrix(levels: levels), levelNames: names("level", RiskLevel.allCases.map(\.rawValue)),
            likelihoodNames: names("likelihood", ratings), impactNames: names("impact", ratings),
            addedKinds: kinds, kindNames: kindNames)
    }
}

struct RiskScalePage {
    var form: FormState
    var saved: Bool
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let languages = Catalogue.shared.languages
        func input(_ name: String, _ label: String, _ language: Catalogue.Language) -> String {
            "<input type=\"text\" name=\"\(name)\" value=\"\(HTMLEscape.escape(form[name]))\" lang=\"\(language.code)\" maxlength=\"\(RiskScale.maximumNameLength)\" aria-label=\""
                + HTMLEscape.escape("\(label) — \(language.name)") + "\">"
        }
        func names(_ caption: String, _ prefix: String, _ rows: [(String, String)]) -> BodyNode {
            markupTable(
                caption: caption, headers: [t("risk.scale_default")] + languages.map(\.name),
                rows: rows.map { key, label in
                    [HTMLEscape.escape(label)] + languages.map { input("\(prefix)-\(key)-\($0.code)", label, $0) }
                },
                empty: "")
        }
        func cell(_ l: Int, _ i: Int) -> String {
            let name = "cell-\(l)-\(i)"
            let color = RiskLevel(rawValue: form[name]).flatMap { RiskRegisterPage.colors[$0] } ?? "#fff"
            return "<select name=\"\(name)\" style=\"background:\(color)\" aria-label=\""
                + HTMLEscape.escape(t("risk.scale_cell", l, i)) + "\">"
                + RiskLevel.allCases.map { level in
                    "<option value=\"\(level.rawValue)\"\(form[name] == level.rawValue ? " selected" : "")>"
                        + HTMLEscape.escape(t("risk_level.\(level.rawValue)")) + "</option>"
                }.joined() + "</select>"
        }
        let matrix = markupTable(
            caption: t("risk.scale_matrix"),
            headers: [t("risk.likelihood") + " \\ " + t("risk.impact")]
                + RiskRating.range.map { "\($0) \(t("risk.impact_\($0)"))" },
            rows: RiskRating.range.reversed().map { l in
                [HTMLEscape.escape("\(l) \(t("risk.likelihood_\(l)"))")] + RiskRating.range.map { cell(l, $0) }
            },
            empty: "")
        /// A refusal of a whole table (the matrix, a set of names), under it.
        func error(_ field: String) -> BodyNode {
            .unwrap(form.errors[field]) { .p(.class("error"), .id("f-\(field)-error"), .text($0)) }
        }
        let kindsHint = t(
            "risk.scale_kinds_hint", RiskKind.standard.map { t("risk_kind.\($0)") }.joined(separator: ", "),
            languages.map(\.name).joined(separator: " | "))
        return .div(
            .class("settings wide-form"),
            .p(.safe(t("risk.scale_intro"))),
            .if(saved, .p(.class("notice"), .attribute(named: "role", value: "status"), .safe(t("common.saved")))),
            FormField.summary(form),
            postForm(
                AppPath.riskScale.path, csrf: csrf,
                matrix, error("matrix"),
                names(
                    t("risk.scale_level_names"), "level",
                    RiskLevel.allCases.map { ($0.rawValue, t("risk_level.\($0.rawValue)")) }), error("levels"),
                names(
                    t("risk.scale_likelihood_names"), "likelihood",
                    RiskRating.range.map { (String($0), "\($0) \(t("risk.likelihood_\($0)"))") }), error("likelihood"),
                names(
                    t("risk.scale_impact_names"), "impact",
                    RiskRating.range.map { (String($0), "\($0) \(t("risk.impact_\($0)"))") }), error("impact"),
                FormField.textarea("kinds", t("risk.scale_kinds"), form, rows: 5, hint: kindsHint),
                FormField.submit(t("common.save"))))
    }
}

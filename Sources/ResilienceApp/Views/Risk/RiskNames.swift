import ResilienceCore

/// The names of kinds, levels and ratings in one language: HQ's name in this language where it
/// gave one, the catalogue's otherwise (an added kind, which the catalogue does not know, takes
/// HQ's name in another language).
struct RiskNames {
    let scale: RiskScale
    let t: Localizer

    func kind(_ code: String) -> String {
        RiskKind.standard.contains(code) ? t("risk_kind.\(code)") : t.pick(scale.kindNames[code]) ?? code
    }

    func level(_ level: RiskLevel) -> String {
        scale.levelNames[level.rawValue]?[t.code] ?? t("risk_level.\(level.rawValue)")
    }
    func likelihood(_ n: Int) -> String { scale.likelihoodNames[String(n)]?[t.code] ?? t("risk.likelihood_\(n)") }
    func impact(_ n: Int) -> String { scale.impactNames[String(n)]?[t.code] ?? t("risk.impact_\(n)") }

    var kinds: [(String, String)] { scale.kinds.map { ($0, kind($0)) } }
    var levels: [(String, String)] { RiskLevel.allCases.map { ($0.rawValue, level($0)) } }

    /// A rating as "4 × 5" with its level, or nil when it is not rated.
    func level(of rating: RiskRating?) -> RiskLevel? { rating.flatMap(scale.matrix.level) }

    /// A column of the CSV (or a field of the form) as people read it: its code, which the file's
    /// header has, and its name in this language.
    func column(_ code: String) -> String {
        let name: String? =
            switch code {
            case "kind": t("risk.kind")
            case "title": t("risk.title_field")
            case "cause": t("risk.cause")
            case "consequence": t("risk.consequence")
            case "likelihood": "\(t("risk.inherent")) · \(t("risk.likelihood"))"
            case "impact": "\(t("risk.inherent")) · \(t("risk.impact"))"
            case "residual_likelihood": "\(t("risk.residual")) · \(t("risk.likelihood"))"
            case "residual_impact": "\(t("risk.residual")) · \(t("risk.impact"))"
            case "owner": t("risk.owner")
            case "treatment": t("risk.treatment")
            case "status": t("field.status")
            case "review_date": t("risk.review_date")
            case "source": t("risk.source")
            case "actions": t("risk.actions")
            default: nil
            }
        return name.map { "\(code) (\($0))" } ?? code
    }
}

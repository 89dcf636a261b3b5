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

    func level(_ level: RiskLevel) -> String { scale.levelNames[level.rawValue]?[t.code] ?? t("risk_level.\(level.rawValue)") }
    func likelihood(_ n: Int) -> String { scale.likelihoodNames[String(n)]?[t.code] ?? t("risk.likelihood_\(n)") }
    func impact(_ n: Int) -> String { scale.impactNames[String(n)]?[t.code] ?? t("risk.impact_\(n)") }

    var kinds: [(String, String)] { scale.kinds.map { ($0, kind($0)) } }
    var levels: [(String, String)] { RiskLevel.allCases.map { ($0.rawValue, level($0)) } }

    /// A rating as "4 × 5" with its level, or nil when it is not rated.
    func level(of rating: RiskRating?) -> RiskLevel? { rating.flatMap(scale.matrix.level) }
}

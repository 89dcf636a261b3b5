import ResilienceCore

/// The names of kinds, levels and ratings in one language: HQ's names where it gave them, the
/// catalogue's otherwise.
struct RiskNames {
    let scale: RiskScale
    let t: Localizer

    func kind(_ code: String) -> String {
        RiskKind.standard.contains(code) ? t("risk_kind.\(code)") : t.pick(scale.kindNames[code]) ?? code
    }

    func level(_ level: RiskLevel) -> String { t.pick(scale.levelNames[level.rawValue]) ?? t("risk_level.\(level.rawValue)") }
    func likelihood(_ n: Int) -> String { t.pick(scale.likelihoodNames[String(n)]) ?? t("risk.likelihood_\(n)") }
    func impact(_ n: Int) -> String { t.pick(scale.impactNames[String(n)]) ?? t("risk.impact_\(n)") }

    var kinds: [(String, String)] { scale.kinds.map { ($0, kind($0)) } }
    var levels: [(String, String)] { RiskLevel.allCases.map { ($0.rawValue, level($0)) } }

    /// A rating as "4 × 5" with its level, or nil when it is not rated.
    func level(of rating: RiskRating?) -> RiskLevel? { rating.flatMap(scale.matrix.level) }
}

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

    /// A column of the CSV (or a field of the form) by its name in this language; a file may
    /// name it so, or by its code.
    func column(_ code: String) -> String {
        RiskCSV.columns.contains(code) ? t("risk.column.\(code)") : code
    }

    /// The values a listed column takes, by their names in this language.
    func accepted(_ column: String) -> [String] {
        switch column {
        case "kind": scale.kinds.map(kind)
        case "likelihood", "residual_likelihood": RiskRating.range.map { "\($0) \(likelihood($0))" }
        case "impact", "residual_impact": RiskRating.range.map { "\($0) \(impact($0))" }
        case "status": RiskStatus.allCases.map { t("risk_status.\($0.rawValue)") }
        case "source": RiskSource.allCases.map { t("risk_source.\($0.rawValue)") }
        default: []
        }
    }

    /// A refusal of an import's cell, with the values its column takes when it must be one of them.
    func problem(_ error: DomainError) -> String {
        let field = error.field ?? ""
        let message = t.message(error)
        guard [.invalidChoice, .ratingOutOfRange].contains(error.problem), RiskCSV.listed.contains(field) else {
            return t("risk.problem", column(field), message)
        }
        return t("risk.problem", column(field), t("risk.accepted", t.list(accepted(field))))
    }

    /// Every name a file may use, in every language of the interface, for the columns and for the
    /// values of the listed columns: what an import understands besides the codes.
    static func vocabulary(_ scale: RiskScale) -> RiskCSV.Vocabulary {
        var vocabulary = RiskCSV.Vocabulary()
        let fold = RiskCSV.Vocabulary.fold
        for language in Catalogue.shared.languages {
            let names = RiskNames(scale: scale, t: Localizer(code: language.code))
            for column in RiskCSV.columns { vocabulary.columns[fold(names.column(column))] = column }
            func add(_ column: String, _ name: String, _ code: String) {
                vocabulary.values[column, default: [:]][fold(name)] = code
            }
            for kind in scale.kinds { add("kind", names.kind(kind), kind) }
            for n in RiskRating.range {
                for column in ["likelihood", "residual_likelihood"] {
                    add(column, names.likelihood(n), String(n)); add(column, "\(n) \(names.likelihood(n))", String(n))
                }
                for column in ["impact", "residual_impact"] {
                    add(column, names.impact(n), String(n)); add(column, "\(n) \(names.impact(n))", String(n))
                }
            }
            for status in RiskStatus.allCases {
                add("status", names.t("risk_status.\(status.rawValue)"), status.rawValue)
            }
            for source in RiskSource.allCases {
                add("source", names.t("risk_source.\(source.rawValue)"), source.rawValue)
            }
        }
        return vocabulary
    }
}

import Foundation

/// The security level system (安全等级系统): a security area's level 1–6. It rates the threat, not
/// the risk (DOMAIN.md "Security management").
public enum SecurityLevel: Int, CaseIterable, Codable, Sendable, Comparable {
    case minimal = 1, low, moderate, substantial, high, extreme

    /// The code of the level's name in the catalogue (`security_level.<code>`).
    public var code: String {
        switch self {
        case .minimal: "minimal"
        case .low: "low"
        case .moderate: "moderate"
        case .substantial: "substantial"
        case .high: "high"
        case .extreme: "extreme"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// A level typed in a form or sent in JSON: a whole number 1–6, or a refusal for `field`.
    public static func parse(_ text: String?, field: String) throws(DomainError) -> SecurityLevel {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !trimmed.isEmpty else { throw DomainError(.required, field: field) }
        guard let number = Int(trimmed) else { throw DomainError(.notANumber, field: field) }
        guard let level = SecurityLevel(rawValue: number) else {
            throw DomainError(.outOfRange, field: field, args: ["1", "6"])
        }
        return level
    }
}

/// The five categories of threat from which a level is set; each is rated 1–6 and shown beside
/// the overall level, because one number hides them.
public enum ThreatCategory: String, CaseIterable, Codable, Sendable {
    case armedConflict = "armed_conflict"
    case terrorism
    case crime
    case civilUnrest = "civil_unrest"
    case hazards
}

/// An area's threat, category by category, and the level it gives.
public struct ThreatRatings: Codable, Equatable, Sendable {
    public private(set) var ratings: [ThreatCategory: SecurityLevel]

    /// Every category must be rated.
    public init(_ ratings: [ThreatCategory: SecurityLevel]) throws(DomainError) {
        for category in ThreatCategory.allCases where ratings[category] == nil {
            throw DomainError(.required, field: "threat_\(category.rawValue)")
        }
        self.ratings = ratings
    }

    /// Ratings typed in a form: one field per category, `threat_<category>`; every wrong field is
    /// reported at once.
    public static func parse(_ fields: [String: String]) throws(ValidationErrors) -> ThreatRatings {
        var ratings: [ThreatCategory: SecurityLevel] = [:]
        var errors: [DomainError] = []
        for category in ThreatCategory.allCases {
            let field = "threat_\(category.rawValue)"
            do { ratings[category] = try SecurityLevel.parse(fields[field], field: field) } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty, let parsed = try? ThreatRatings(ratings) else { throw ValidationErrors(errors) }
        return parsed
    }

    public subscript(category: ThreatCategory) -> SecurityLevel { ratings[category]! }

    /// The overall level: the threat of the worst category. A country calm in every way but one
    /// is as dangerous as that one.
    public var level: SecurityLevel { ratings.values.max()! }

    enum CodingKeys: CodingKey { case ratings }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: Int].self)
        var ratings: [ThreatCategory: SecurityLevel] = [:]
        for (key, value) in raw {
            if let c = ThreatCategory(rawValue: key), let l = SecurityLevel(rawValue: value) { ratings[c] = l }
        }
        try self.init(ratings)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(Dictionary(uniqueKeysWithValues: ratings.map { ($0.key.rawValue, $0.value.rawValue) }))
    }
}

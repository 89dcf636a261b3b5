import Foundation

/// The Guidelines for Acceptable Risk: for each residual risk level, the least critical
/// programme criticality that may still accept it (PC1 is the most critical). HQ sets it.
public struct AcceptableRisk: Codable, Equatable, Sendable {
    /// nil: no programme may accept this level.
    public private(set) var limits: [RiskLevel: ProgrammeCriticality?]

    /// A higher risk can never be acceptable to more programmes than a lower one.
    public init(_ limits: [RiskLevel: ProgrammeCriticality?]) throws(DomainError) {
        var previous: ProgrammeCriticality? = .pc4
        for level in RiskLevel.allCases {
            let limit = limits[level] ?? nil
            if let limit, previous == nil || limit > previous! {
                throw DomainError(.acceptableRiskOrder, field: "limit_\(level.rawValue)")
            }
            previous = limit
        }
        self.limits = Dictionary(uniqueKeysWithValues: RiskLevel.allCases.map { ($0, limits[$0] ?? nil) })
    }

    /// Low — all; medium — PC1–PC3; high — PC1–PC2; very high — PC1 only; unacceptable — none.
    public static let standard = try! AcceptableRisk([
        .low: .pc4, .medium: .pc3, .high: .pc2, .veryHigh: .pc1, .unacceptable: nil,
    ])

    /// Whether a programme of this criticality may go on where the residual risk is `level`.
    public func accepts(_ criticality: ProgrammeCriticality, at level: RiskLevel) -> Bool {
        guard let limit = limits[level] ?? nil else { return false }
        return criticality <= limit
    }

    enum CodingKeys: CodingKey { case limits }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.container(keyedBy: CodingKeys.self).decode([String: String].self, forKey: .limits)
        var limits: [RiskLevel: ProgrammeCriticality?] = [:]
        for (key, value) in raw {
            if let l = RiskLevel(rawValue: key) { limits[l] = ProgrammeCriticality(rawValue: value) }
        }
        try self.init(limits)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(
            Dictionary(uniqueKeysWithValues: limits.map { ($0.key.rawValue, $0.value?.rawValue ?? "none") }),
            forKey: .limits)
    }
}

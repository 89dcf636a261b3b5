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

/// A critical process whose programme criticality does not accept the residual risk where it
/// is done: the plan warns, the assessment and the dashboards show it.
public struct AcceptableRiskFinding: Equatable, Sendable {
    public var processID: UUID
    public var process: String
    public var criticality: ProgrammeCriticality
    /// The duty station whose area's residual risk it is, and that area's approved assessment.
    public var place: String
    public var residual: RiskLevel
    public var assessmentID: UUID

    /// Every process with a PC level, against every place where it is done: a finding where the
    /// place's worst residual risk is beyond what the level accepts. Places without an approved
    /// assessment give none (there is no residual risk to weigh).
    public static func findings(
        processes: [CriticalProcess], places: [(name: String, residual: RiskLevel, assessmentID: UUID)],
        guidelines: AcceptableRisk
    ) -> [AcceptableRiskFinding] {
        processes.flatMap { p -> [AcceptableRiskFinding] in
            guard let pc = p.programmeCriticality else { return [] }
            return places.filter { !guidelines.accepts(pc, at: $0.residual) }.map {
                AcceptableRiskFinding(
                    processID: p.id, process: p.name, criticality: pc, place: $0.name, residual: $0.residual,
                    assessmentID: $0.assessmentID)
            }
        }
    }
}

import Foundation

/// The categories of HQ's catalogue of security risk management measures (最低运作安保标准).
public enum MeasureCategory: String, CaseIterable, Codable, Sendable {
    case telecommunications, documentation, coordination, medical, equipment, vehicles, premises, training,
        residential
}

/// How far a duty station meets a measure it is required to meet.
public enum MeasureStatus: String, CaseIterable, Codable, Sendable {
    case compliant
    case partlyCompliant = "partly_compliant"
    case notCompliant = "not_compliant"
    /// Does not apply at this place; needs a reason.
    case notApplicable = "not_applicable"
}

/// A measure of the catalogue, as the rules need it.
public struct Measure: Equatable, Sendable {
    public var code: String
    /// From this level on, every duty station must meet it; nil: only where an assessment adds it.
    public var baselineFrom: SecurityLevel?

    public init(code: String, baselineFrom: SecurityLevel?) { self.code = code; self.baselineFrom = baselineFrom }

    /// The measures a duty station must meet: the baseline of its area's level plus what the
    /// area's approved risk assessment adds. Without a level, only what the assessment adds.
    public static func required(_ catalogue: [Measure], level: SecurityLevel?, added: Set<String>) -> Set<String> {
        Set(
            catalogue.filter { m in
                added.contains(m.code) || (level != nil && m.baselineFrom.map { $0 <= level! } == true)
            }.map(\.code))
    }
}

/// A duty station's compliance: compliant ÷ (required − not applicable). A required measure
/// nobody has rated yet counts as not compliant: what was not verified is not met.
public struct ComplianceShare: Equatable, Sendable {
    public var required: Int
    public var compliant: Int
    public var notApplicable: Int

    public init(required: Int, compliant: Int, notApplicable: Int) {
        self.required = required; self.compliant = compliant; self.notApplicable = notApplicable
    }

    /// Counts the statuses of the required measures; statuses of measures no longer required
    /// (the level went down) are kept as history but do not count.
    public init(required: Set<String>, statuses: [String: MeasureStatus]) {
        let counted = required.compactMap { statuses[$0] }
        self.init(
            required: required.count, compliant: counted.filter { $0 == .compliant }.count,
            notApplicable: counted.filter { $0 == .notApplicable }.count)
    }

    /// The measures that apply.
    public var applicable: Int { required - notApplicable }

    /// Per cent compliant, or nil when nothing applies (nothing to comply with is not 100 %).
    public var percent: Double? { applicable > 0 ? Double(compliant) * 100 / Double(applicable) : nil }

    public var fullyCompliant: Bool { applicable > 0 && compliant == applicable }
}

/// Compliance of many duty stations (a country, a region, HQ): the average of their shares and
/// the share of duty stations fully compliant, both over the stations where something applies.
public struct ComplianceRollUp: Equatable, Sendable {
    public var stations: Int
    public var averagePercent: Double?
    public var fullyCompliantPercent: Double?
    public var fullyCompliant: Int

    public init(_ shares: [ComplianceShare]) {
        let rated = shares.compactMap(\.percent)
        stations = rated.count
        averagePercent = rated.isEmpty ? nil : rated.reduce(0, +) / Double(rated.count)
        fullyCompliant = shares.filter(\.fullyCompliant).count
        fullyCompliantPercent = rated.isEmpty ? nil : Double(fullyCompliant) * 100 / Double(rated.count)
    }
}

import Foundation

/// The performance indicators the seeds list, computed from live data (DOMAIN.md "Performance
/// indicators"). Each is a share: how many of what it counts meet it.
public enum Indicator: String, CaseIterable, Codable, Sendable {
    // Seed 000: plan ready and coordinated, joint risk register, regular maintenance and exercise.
    case plansInForce = "plans_in_force"
    case plansUpdated = "plans_updated"
    case plansTested = "plans_tested"
    case riskRegisters = "risk_registers"
    // Seed 003, subprogramme 2: assessments endorsed by the regional desk and current; measures
    // implemented in the field in line with the assessments; duty stations compliant; security
    // levels reviewed and approved on time.
    case assessmentsCurrent = "assessments_current"
    case measuresImplemented = "measures_implemented"
    case stationsCompliant = "stations_compliant"
    case levelsOnTime = "levels_on_time"
    // Seed 003: the share of personnel and of their eligible dependants who can be located.
    case personnelLocatable = "personnel_locatable"
    case dependantsLocatable = "dependants_locatable"
    // Seed 003: senior officials' travel cases reviewed with their protection needs assessed; aviation
    // risk advice given on the suitability of air operators.
    case travelCasesAssessed = "travel_cases_assessed"
    case aviationAdviceGiven = "aviation_advice_given"

    /// The seed that asks for it.
    public var seed: String {
        switch self {
        case .plansInForce, .plansUpdated, .plansTested, .riskRegisters: "000"
        default: "003"
        }
    }
}

/// An indicator's value: `count` of `total` meet it, or (for averages) the share itself.
public struct IndicatorValue: Equatable, Sendable, Codable {
    public var count: Int
    public var total: Int
    /// 0…1, or nil when there is nothing to count.
    public var share: Double?

    public init(count: Int, total: Int) {
        self.count = count; self.total = total
        share = total > 0 ? Double(count) / Double(total) : nil
    }

    public init(share: Double?, count: Int, total: Int) { self.count = count; self.total = total; self.share = share }
}

/// The security management indicators, from plain values.
public enum SecurityIndicators {
    /// Senior officials' travel cases whose protection needs were assessed before the trip began,
    /// of the cases opened in the year to `now` (a case whose trip is still ahead counts once assessed).
    public static func travelCasesAssessed(_ cases: [(assessedAt: Date?, tripStarts: Date)]) -> IndicatorValue {
        let assessed = cases.filter { c in c.assessedAt.map { $0 <= c.tripStarts } ?? false }
        return IndicatorValue(count: assessed.count, total: cases.count)
    }

    /// Legs on operators not approved whose aviation advice was given, of those that asked for it.
    public static func aviationAdviceGiven(_ asked: [Date?]) -> IndicatorValue {
        IndicatorValue(count: asked.filter { $0 != nil }.count, total: asked.count)
    }

    /// Areas whose assessment is approved by the regional desk and current, of all areas.
    public static func assessmentsCurrent(_ statuses: [AssessmentStatus]) -> IndicatorValue {
        IndicatorValue(count: statuses.filter { $0 == .current }.count, total: statuses.count)
    }

    /// Areas whose level in force was reviewed and approved on time (not past its review date),
    /// of all areas; an area with no approved level is not on time.
    public static func levelsOnTime(_ areas: [[LevelRecord]], at now: Date) -> IndicatorValue {
        let onTime = areas.filter { LevelRecord.current($0, at: now).map { !$0.reviewOverdue(at: now) } ?? false }
        return IndicatorValue(count: onTime.count, total: areas.count)
    }

    /// The average share of required measures met, over duty stations with measures to meet.
    public static func measuresImplemented(_ roll: ComplianceRollUp) -> IndicatorValue {
        IndicatorValue(share: roll.averagePercent.map { $0 / 100 }, count: roll.stations, total: roll.stations)
    }

    /// Duty stations meeting every required measure, of those with measures to meet.
    public static func stationsCompliant(_ roll: ComplianceRollUp) -> IndicatorValue {
        IndicatorValue(count: roll.fullyCompliant, total: roll.stations)
    }
}

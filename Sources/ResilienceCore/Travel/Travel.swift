import Foundation

/// How a leg is travelled. Air legs name the operator and the flight (aviation risk, flight cap).
public enum TravelMeans: String, CaseIterable, Codable, Sendable {
    case air, road, other
}

/// Where a travel request stands (差旅请求信息处理过程).
public enum TravelStatus: String, CaseIterable, Codable, Sendable {
    /// Entered, advisories not yet acknowledged, not submitted.
    case draft
    /// Submitted: legs that need clearance wait for the destination's security officer.
    case submitted
    /// Every leg that needs clearance is cleared (or none needs it).
    case cleared
    /// Refused: by an officer for a leg, or at once because required training is not valid.
    case refused
    case cancelled

    /// Whether the trip still happens: the flight cap counts it and tracking follows it.
    public var isLive: Bool { self == .submitted || self == .cleared }
}

/// A leg's security clearance.
public enum LegClearance: String, CaseIterable, Codable, Sendable {
    /// Neither the destination's level nor an advisory asks for it.
    case notRequired = "not_required"
    case pending, cleared, refused
}

/// HQ's assessment of an air operator (aviation risk management, seed 003 (d)).
public enum OperatorSuitability: String, CaseIterable, Codable, Sendable {
    case approved
    case restricted = "approved_with_restrictions"
    case notApproved = "not_approved"

    /// A leg on an operator not approved waits for HQ's aviation advice before it is cleared.
    public var needsAdvice: Bool { self == .notApproved }
}

/// An advisory's severity, in the words of the Common Alerting Protocol (CAP 1.2 `severity`).
public enum AdvisorySeverity: String, CaseIterable, Codable, Sendable, Comparable {
    case minor, moderate, severe, extreme

    /// As CAP writes it.
    public var cap: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// What an advisory covers: a security area, a whole country, or one duty station.
public enum AdvisoryScope: String, CaseIterable, Codable, Sendable {
    case area, country, station
}

/// The security courses a traveller may be required to hold: Basic Security in the Field and Safe
/// and Secure Approaches in Field Environments.
public enum SecurityCourse: String, CaseIterable, Codable, Sendable {
    case bsafe, ssafe
}

/// The protective service's assessment of a senior official's trip: the threat to the person.
public enum ProtectionThreat: String, CaseIterable, Codable, Sendable {
    case low, medium, high, critical
}

/// HQ's travel rules: the level from which a destination needs clearance, how many personnel may
/// fly on one flight without HQ's approval, and from which level each course is required.
public struct TravelRules: Codable, Hashable, Sendable {
    public var clearanceLevel: Int
    public var flightCap: Int
    /// The lowest level at which the course is required; absent: never required.
    public var courses: [SecurityCourse: Int]

    public init(clearanceLevel: Int, flightCap: Int, courses: [SecurityCourse: Int]) {
        self.clearanceLevel = clearanceLevel
        self.flightCap = flightCap
        self.courses = courses
    }

    /// The defaults: clearance from level 3, 30 per flight; BSAFE everywhere, SSAFE from
    /// level 5 (high).
    public static let standard = TravelRules(clearanceLevel: 3, flightCap: 30, courses: [.bsafe: 1, .ssafe: 5])

    public static let levels = 1...6
    public static let caps = 1...1000

    /// The courses required for a trip whose highest destination level is `level`.
    public func required(atLevel level: Int?) -> [SecurityCourse] {
        guard let level else { return [] }
        return SecurityCourse.allCases.filter { course in courses[course].map { level >= $0 } ?? false }
    }

    /// Checked as a whole: levels 1–6, a cap of at least one.
    public func validated() throws(ValidationErrors) -> TravelRules {
        var errors: [DomainError] = []
        if !Self.levels.contains(clearanceLevel) {
            errors.append(DomainError(.outOfRange, field: "clearance_level", args: ["1", "6"]))
        }
        if !Self.caps.contains(flightCap) {
            errors.append(DomainError(.outOfRange, field: "flight_cap", args: ["1", "1000"]))
        }
        for (course, level) in courses where !Self.levels.contains(level) {
            errors.append(DomainError(.outOfRange, field: "course_\(course.rawValue)", args: ["1", "6"]))
        }
        if !errors.isEmpty { throw ValidationErrors(errors) }
        return self
    }
}

import Foundation

/// Where a person stands in a roll-call (人员清点) after an incident.
public enum AccountStatus: String, CaseIterable, Codable, Sendable {
    case notReached = "not_reached"
    case safe
    case needsHelp = "needs_help"
    case injured
    case missing

    /// Accounted for: someone knows where they are and how they are. Missing is not.
    public var isAccounted: Bool { self == .safe || self == .needsHelp || self == .injured }
}

/// How a status was learned.
public enum MarkMethod: String, CaseIterable, Codable, Sendable {
    /// Their own answer through the link they were e-mailed.
    case ownAnswer = "own_answer"
    case sms
    case phone
    case inPerson = "in_person"
}

/// The channels a roll-call reaches people through.
public enum ContactChannel: String, CaseIterable, Codable, Sendable {
    case sms, email
}

/// Which places a roll-call covers: areas or duty stations, or everyone within a radius of a point.
public enum RollCallReach: Hashable, Sendable {
    case stations(Set<UUID>)
    case circle(center: Coordinates, radiusKm: Double)

    /// The largest radius a roll-call takes: a country the size of the largest the organization serves.
    public static let maximumRadiusKm = 2_000.0

    public static func within(
        center: Coordinates, radiusKm: Double, field: String = "radius"
    ) throws(DomainError)
        -> RollCallReach
    {
        guard radiusKm.isFinite, radiusKm > 0 else { throw DomainError(.mustBePositive, field: field) }
        guard radiusKm <= maximumRadiusKm else {
            throw DomainError(.aboveMaximum, field: field, args: [String(Int(maximumRadiusKm))])
        }
        return .circle(center: center, radiusKm: radiusKm)
    }

    /// Whether someone at this station (or at this point) may be caught up in it.
    public func covers(stationID: UUID?, at point: Coordinates?) -> Bool {
        switch self {
        case .stations(let ids):
            guard let stationID else { return false }
            return ids.contains(stationID)
        case .circle(let center, let radius):
            guard let point else { return false }
            return GreatCircle.distanceKm(center, point) <= radius
        }
    }
}

/// Distances on the earth's surface (haversine over the mean radius): good to well under 1 %,
/// which is what "within 25 km of the blast" needs.
public enum GreatCircle {
    public static let earthRadiusKm = 6_371.0088

    public static func distanceKm(_ a: Coordinates, _ b: Coordinates) -> Double {
        let φ1 = a.latitude * .pi / 180
        let φ2 = b.latitude * .pi / 180
        let dφ = φ2 - φ1
        let dλ = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * earthRadiusKm * asin(min(1, sqrt(h)))
    }
}

/// How fast a roll-call accounted for its people: the counts and the time to each milestone.
public struct AccountingProgress: Equatable, Sendable {
    public var total: Int
    public var accounted: Int
    /// Seconds from the opening until half, nine in ten and everyone were accounted for; nil until then.
    public var toHalf: TimeInterval?
    public var toNinetyPercent: TimeInterval?
    public var toAll: TimeInterval?
    /// (seconds since the opening, accounted so far), one point per person accounted, in order.
    public var series: [(TimeInterval, Int)]

    public static func == (a: AccountingProgress, b: AccountingProgress) -> Bool {
        a.total == b.total && a.accounted == b.accounted && a.toHalf == b.toHalf
            && a.toNinetyPercent == b.toNinetyPercent && a.toAll == b.toAll
            && a.series.map(\.0) == b.series.map(\.0) && a.series.map(\.1) == b.series.map(\.1)
    }

    /// From when the roll-call opened, how many it lists, and when each accounted person was
    /// (last) marked accounted.
    public init(openedAt: Date, total: Int, accountedAt: [Date]) {
        self.total = total
        let times = accountedAt.map { max(0, $0.timeIntervalSince(openedAt)) }.sorted()
        accounted = times.count
        series = times.enumerated().map { ($0.element, $0.offset + 1) }
        func reach(_ fraction: Double) -> TimeInterval? {
            guard total > 0 else { return nil }
            // The first person whose count reaches the fraction of the total (rounded up).
            let needed = Int((Double(total) * fraction).rounded(.up))
            return needed >= 1 && needed <= times.count ? times[needed - 1] : nil
        }
        toHalf = reach(0.5)
        toNinetyPercent = reach(0.9)
        toAll = reach(1)
    }

    /// The series as at most `points` steps, for a chart: the count reached at the end of each of
    /// `points` equal spans of time (a chart of 30,000 marks would otherwise draw 30,000 steps).
    public func sampled(_ points: Int) -> [(TimeInterval, Int)] {
        guard series.count > points, points > 0, let last = series.last?.0, last > 0 else { return series }
        var out: [(TimeInterval, Int)] = []
        var reached = 0
        for k in 1...points {
            let end = last * Double(k) / Double(points)
            while reached < series.count && series[reached].0 <= end { reached += 1 }
            if reached > 0, out.last?.1 != reached { out.append((end, reached)) }
        }
        return out
    }

    /// Accounted for, in per cent of those listed; nil when nobody is listed.
    public var percent: Double? { Locatability.share(accounted, of: total) }
}

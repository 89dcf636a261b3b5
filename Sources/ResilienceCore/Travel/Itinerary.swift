import Foundation

/// When a leg leaves and arrives.
public struct LegTimes: Hashable, Sendable {
    public var departs: Date
    public var arrives: Date
    public init(departs: Date, arrives: Date) {
        self.departs = departs
        self.arrives = arrives
    }
}

/// Where an itinerary puts the traveller at a moment.
public enum ItineraryPosition: Hashable, Sendable {
    /// On the leg (by its index), bound for its destination.
    case travelling(leg: Int)
    /// At the destination of the leg, between it and the next (or after the last one of a one-way trip).
    case staying(afterLeg: Int)
}

/// The legs of a trip, in order: their checks, and where they put the traveller over time.
public enum Itinerary {
    /// Every leg that ends before it starts, starts before the one before it, or starts before the
    /// one before it has arrived, each refused on its own field (`leg<n>_arrives`, `leg<n>_departs`,
    /// n counted from 1).
    public static func problems(_ legs: [LegTimes]) -> [DomainError] {
        var errors: [DomainError] = []
        for (i, leg) in legs.enumerated() {
            let n = String(i + 1)
            if leg.arrives < leg.departs {
                errors.append(DomainError(.legEndsBeforeStart, field: "leg\(n)_arrives", args: [n]))
            }
            guard i > 0 else { continue }
            let before = legs[i - 1]
            if leg.departs < before.departs {
                errors.append(DomainError(.legsOutOfOrder, field: "leg\(n)_departs", args: [n, String(i)]))
            } else if leg.departs < before.arrives {
                errors.append(DomainError(.legsOverlap, field: "leg\(n)_departs", args: [n, String(i)]))
            }
        }
        return errors
    }

    /// Where the trip puts the traveller at `t`: nothing before the first departure, and nothing
    /// once a return trip is over (they are home again); a one-way trip keeps them at its last
    /// destination until something else says otherwise.
    public static func position(_ legs: [LegTimes], at t: Date, oneWay: Bool) -> ItineraryPosition? {
        guard let i = legs.lastIndex(where: { $0.departs <= t }) else { return nil }
        if t < legs[i].arrives { return .travelling(leg: i) }
        if i < legs.count - 1 || oneWay { return .staying(afterLeg: i) }
        return nil
    }

    /// How long the traveller is at (or bound for) each leg's destination: from the leg's
    /// departure to the next leg's, the last one to its arrival, or open-ended on a one-way trip.
    public static func stays(_ legs: [LegTimes], oneWay: Bool) -> [(start: Date, end: Date?)] {
        legs.enumerated().map { i, leg in
            if i + 1 < legs.count { return (leg.departs, legs[i + 1].departs) }
            return (leg.departs, oneWay ? nil : leg.arrives)
        }
    }

    /// Whether a period overlaps another; an open end runs forever.
    public static func overlaps(_ a: (start: Date, end: Date?), _ b: (start: Date, end: Date?)) -> Bool {
        a.start <= (b.end ?? .distantFuture) && b.start <= (a.end ?? .distantFuture)
    }
}

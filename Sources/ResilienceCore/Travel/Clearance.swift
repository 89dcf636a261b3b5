import Foundation

/// An advisory as clearance reads it: when it is valid and whether it requires clearance.
public struct AdvisoryTerms: Hashable, Sendable {
    public var id: UUID
    public var validFrom: Date
    public var validUntil: Date?
    public var requiresClearance: Bool
    public init(id: UUID, validFrom: Date, validUntil: Date?, requiresClearance: Bool) {
        self.id = id
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.requiresClearance = requiresClearance
    }
}

/// Why a leg needs security clearance.
public enum ClearanceReason: Hashable, Sendable {
    /// The destination's level is at or above HQ's threshold.
    case level(Int)
    /// An advisory in force while the traveller is there requires it.
    case advisory(UUID)
}

/// A course a traveller lacks for a trip.
public struct TrainingShortfall: Hashable, Sendable {
    public var course: SecurityCourse
    /// When it expired; nil when it was never taken.
    public var expiredOn: Date?
    public init(course: SecurityCourse, expiredOn: Date?) {
        self.course = course
        self.expiredOn = expiredOn
    }
}

/// The rules of security clearance (差旅请求信息处理过程): when a leg needs it, which training must
/// be valid, and what must happen before an officer may clear it.
public enum ClearanceRules {
    /// The advisories a traveller must see for a stay: every one whose validity crosses it.
    public static func inForce(_ advisories: [AdvisoryTerms], during stay: (start: Date, end: Date?)) -> [AdvisoryTerms]
    {
        advisories.filter { Itinerary.overlaps((start: $0.validFrom, end: $0.validUntil), stay) }
    }

    /// Why a stay at a destination of `level` needs clearance, given the advisories covering the
    /// destination; empty: it does not.
    public static func reasons(
        level: Int?, threshold: Int, advisories: [AdvisoryTerms], during stay: (start: Date, end: Date?)
    ) -> [ClearanceReason] {
        var reasons: [ClearanceReason] = []
        if let level, level >= threshold { reasons.append(.level(level)) }
        for a in inForce(advisories, during: stay) where a.requiresClearance { reasons.append(.advisory(a.id)) }
        return reasons
    }

    /// The required courses a traveller does not hold valid through `end` (the end of the trip).
    /// A course holds through the whole of its expiry day.
    public static func shortfalls(
        required: [SecurityCourse], held: [SecurityCourse: Date], through end: Date
    ) -> [TrainingShortfall] {
        required.compactMap { course in
            guard let expiry = held[course] else { return TrainingShortfall(course: course, expiredOn: nil) }
            let lastValid = SecurityCalendar.day(expiry).addingTimeInterval(86_400)
            return end < lastValid ? nil : TrainingShortfall(course: course, expiredOn: SecurityCalendar.day(expiry))
        }
    }

    /// A flight as people write it (`KQ 310`, `kq310`): the airline's two or three letters or
    /// digits and one to four digits, with an optional suffix letter; nil when it is not one.
    public static func flight(_ raw: String) -> String? {
        let text = raw.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        let chars = Array(text)
        guard (3...8).contains(chars.count), chars.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        // The airline designator is two characters (IATA) or three letters (ICAO).
        for prefix in [3, 2] where chars.count > prefix {
            let airline = chars[..<prefix]
            if prefix == 3 && !airline.allSatisfy(\.isLetter) { continue }
            var rest = Array(chars[prefix...])
            if let last = rest.last, last.isLetter { rest.removeLast() }
            if (1...4).contains(rest.count) && rest.allSatisfy(\.isNumber) && airline.contains(where: \.isLetter) {
                return text
            }
        }
        return nil
    }

    /// Whether the personnel booked on a flight are more than HQ lets fly on one without approval.
    public static func overCap(booked: Int, cap: Int) -> Bool { booked > cap }

    /// What still stands between a leg and its clearance, in the order an officer meets them.
    public static func blockers(
        suitability: OperatorSuitability?, adviceGiven: Bool, booked: Int, cap: Int, flightApproved: Bool,
        seniorOfficial: Bool, protectionAssessed: Bool
    ) -> [ClearanceBlocker] {
        var blockers: [ClearanceBlocker] = []
        if suitability?.needsAdvice == true && !adviceGiven { blockers.append(.aviationAdvice) }
        if overCap(booked: booked, cap: cap) && !flightApproved { blockers.append(.flightCap) }
        if seniorOfficial && !protectionAssessed { blockers.append(.protection) }
        return blockers
    }
}

/// What must be given before a leg can be cleared.
public enum ClearanceBlocker: String, CaseIterable, Hashable, Sendable {
    /// HQ's aviation advice on an operator not approved.
    case aviationAdvice = "aviation_advice"
    /// HQ's approval of a flight over the cap.
    case flightCap = "flight_cap"
    /// The protective service's assessment of a senior official's protection needs.
    case protection
}

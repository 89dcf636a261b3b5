import Foundation

/// Why someone cannot be located now: what the reconciliation list shows, before anything happens.
public enum UnlocatableReason: String, CaseIterable, Codable, Sendable {
    /// Nobody ever confirmed where they are.
    case neverConfirmed = "never_confirmed"
    /// Their location was confirmed longer ago than HQ's window.
    case confirmedTooLongAgo = "confirmed_too_long_ago"
    /// No phone: an SMS roll-call cannot reach them (a dependant without one is reached through the person).
    case noPhone = "no_phone"
    /// Their last trip has no return: where they are after it is a guess.
    case tripWithoutReturn = "trip_without_return"
}

/// Seed 003's indicator: the share of personnel and dependants who can be located at any time.
public enum Locatability {
    /// HQ's window by default: a location confirmed within the last 30 days counts.
    public static let defaultWindowDays = 30

    /// Whether a location confirmed at `confirmedAt` still counts at `now`.
    public static func isLocatable(confirmedAt: Date?, now: Date, windowDays: Int) -> Bool {
        guard let confirmedAt else { return false }
        return now.timeIntervalSince(confirmedAt) <= Double(windowDays) * 86_400
    }

    /// The reasons, first the one that decides, that someone cannot be relied on to be found.
    /// Empty when they are locatable and reachable.
    public static func reasons(
        confirmedAt: Date?, now: Date, windowDays: Int, hasPhone: Bool, openTrip: Bool = false
    ) -> [UnlocatableReason] {
        var reasons: [UnlocatableReason] = []
        if confirmedAt == nil {
            reasons.append(.neverConfirmed)
        } else if !isLocatable(confirmedAt: confirmedAt, now: now, windowDays: windowDays) {
            reasons.append(.confirmedTooLongAgo)
        }
        if !hasPhone { reasons.append(.noPhone) }
        if openTrip { reasons.append(.tripWithoutReturn) }
        return reasons
    }

    /// A share in per cent, rounded down to a whole number only when shown; nil when nobody is counted.
    public static func share(_ locatable: Int, of total: Int) -> Double? {
        total > 0 ? Double(locatable) * 100 / Double(total) : nil
    }
}

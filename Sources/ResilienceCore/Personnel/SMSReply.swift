import Foundation

/// What a person's SMS answer to a roll-call says: `1`, `SAFE` or `安全` for safe; `2`, `HELP` or
/// `求助` for needs help; anything else is not an answer and gets the instructions back.
public enum SMSReply: Equatable, Sendable {
    case safe
    case needsHelp
    case notUnderstood

    public init(_ text: String) {
        // Phones add punctuation, full-width digits and stray case: "Safe.", "１", " help! ".
        let folded = text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text
        let word = folded.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            .uppercased()
        switch word {
        case "1", "SAFE", "安全", "OK": self = .safe
        case "2", "HELP", "求助", "SOS": self = .needsHelp
        default: self = .notUnderstood
        }
    }

    /// The status an understood answer sets.
    public var status: AccountStatus? {
        switch self {
        case .safe: .safe
        case .needsHelp: .needsHelp
        case .notUnderstood: nil
        }
    }
}

/// The order of channels and the repeat cycle the officer sets: e.g. SMS at once, e-mail after 15
/// minutes, then everything again every hour for those not yet reached.
public struct ContactPlan: Hashable, Sendable, Codable {
    public struct Step: Hashable, Sendable, Codable {
        public var channel: ContactChannel
        /// Minutes after the roll-call opens (or after the cycle restarts).
        public var afterMinutes: Int
        public init(channel: ContactChannel, afterMinutes: Int) {
            self.channel = channel
            self.afterMinutes = afterMinutes
        }
    }
    public var steps: [Step]
    /// Minutes between cycles for those not yet reached; nil sends once.
    public var repeatMinutes: Int?

    public init(steps: [Step], repeatMinutes: Int?) throws(DomainError) {
        guard !steps.isEmpty else { throw DomainError(.required, field: "channels") }
        guard Set(steps.map(\.channel)).count == steps.count else {
            throw DomainError(.invalidChoice, field: "channels")
        }
        for (index, step) in steps.enumerated() where !(0...1_440).contains(step.afterMinutes) {
            throw DomainError(.outOfRange, field: "after-\(index)", args: ["0", "1440"])
        }
        if let repeatMinutes, !(5...1_440).contains(repeatMinutes) {
            throw DomainError(.outOfRange, field: "repeat", args: ["5", "1440"])
        }
        if let repeatMinutes, let last = steps.map(\.afterMinutes).max(), repeatMinutes <= last {
            throw DomainError(.outOfRange, field: "repeat", args: [String(last + 1), "1440"])
        }
        self.steps = steps.sorted { $0.afterMinutes < $1.afterMinutes }
        self.repeatMinutes = repeatMinutes
    }

    /// The default: SMS at once, e-mail after 15 minutes, again every hour.
    public static let standard = try! ContactPlan(
        steps: [.init(channel: .sms, afterMinutes: 0), .init(channel: .email, afterMinutes: 15)], repeatMinutes: 60)

    /// The sends due between `from` (exclusive) and `to` (inclusive) for a roll-call opened at
    /// `openedAt`, in order: (channel, when it was due). The hourly job and each answer call it
    /// with the last time it looked, so nothing is sent twice and nothing is skipped.
    public func due(openedAt: Date, from: Date?, to: Date) -> [(ContactChannel, Date)] {
        var result: [(ContactChannel, Date)] = []
        var cycleStart = openedAt
        // Cycles that ended before `from` send nothing: start at the first that may.
        if let from, let repeatMinutes, let last = steps.map(\.afterMinutes).max() {
            let skipped = (from.timeIntervalSince(openedAt) - Double(last) * 60) / (Double(repeatMinutes) * 60)
            if skipped > 1 { cycleStart = openedAt.addingTimeInterval(floor(skipped) * Double(repeatMinutes) * 60) }
        }
        while cycleStart <= to {
            for step in steps {
                let at = cycleStart.addingTimeInterval(Double(step.afterMinutes) * 60)
                if at <= to, from.map({ at > $0 }) ?? true { result.append((step.channel, at)) }
            }
            guard let repeatMinutes else { break }
            cycleStart = cycleStart.addingTimeInterval(Double(repeatMinutes) * 60)
        }
        return result
    }
}

import Foundation

/// Where a proposed security level is: proposed by the country's security officer, then approved
/// or sent back by the region's security desk (or withdrawn by the officer before that).
public enum LevelDecisionState: String, CaseIterable, Codable, Sendable {
    case proposed, approved, returned, withdrawn
}

/// A move on a proposed level.
public enum LevelMove: String, CaseIterable, Codable, Sendable {
    case approve
    case returnToOfficer = "return"
    case withdraw
}

/// Why a move on a level (or on a risk assessment) is refused, with a stable code (the catalogue
/// has `security.refused.<code>`).
public enum SecurityRefusal: String, Error, Sendable, CaseIterable {
    case notFromThisState = "not_from_this_state"
    case notYourRole = "not_your_role"
    /// Separation of duties: nobody approves what they proposed.
    case ownProposal = "own_proposal"
    /// Sending back needs a reason the officer can act on.
    case reasonRequired = "reason_required"
    /// An area has one proposal open at a time.
    case proposalOpen = "proposal_open"
    /// An assessment is submitted with at least one threat assessed.
    case nothingAssessed = "nothing_assessed"
}

/// The review of security levels: who moves a proposal where, and when a level is due again.
public enum LevelReview {
    public static func target(of move: LevelMove, from state: LevelDecisionState) -> LevelDecisionState? {
        switch (move, state) {
        case (.approve, .proposed): .approved
        case (.returnToOfficer, .proposed): .returned
        case (.withdraw, .proposed): .withdrawn
        default: nil
        }
    }

    /// The action of the policy table a move needs: the officer withdraws, the desk decides.
    public static func action(for move: LevelMove) -> Action {
        move == .withdraw ? .manageSecurity : .approveSecurity
    }

    /// The state the proposal moves to, or why it may not.
    public static func check(
        _ move: LevelMove, from state: LevelDecisionState, grants: [Grant], on country: UnitPath,
        proposedByActor: Bool, reason: String?
    ) -> Result<LevelDecisionState, SecurityRefusal> {
        guard let next = target(of: move, from: state) else { return .failure(.notFromThisState) }
        guard Access.allows(grants, action(for: move), on: country) else { return .failure(.notYourRole) }
        if move != .withdraw && proposedByActor { return .failure(.ownProposal) }
        if move == .returnToOfficer && (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(.reasonRequired)
        }
        return .success(next)
    }
}

/// How often HQ wants each level reviewed, in months. Default: six months, three for levels 5–6.
public struct LevelReviewIntervals: Codable, Equatable, Sendable {
    public private(set) var months: [Int]

    public static let allowed = 1...24

    /// Months for levels 1 to 6, in order.
    public init(months: [Int]) throws(DomainError) {
        guard months.count == SecurityLevel.allCases.count else { throw DomainError(.invalidChoice, field: "months") }
        for (i, m) in months.enumerated() where !Self.allowed.contains(m) {
            throw DomainError(
                .outOfRange, field: "months_\(i + 1)",
                args: [String(Self.allowed.lowerBound), String(Self.allowed.upperBound)])
        }
        self.months = months
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(months: c.decode([Int].self, forKey: .months))
    }

    public static let standard = try! LevelReviewIntervals(months: [6, 6, 6, 6, 3, 3])

    public func months(for level: SecurityLevel) -> Int { months[level.rawValue - 1] }

    /// The latest next review a level effective on `effective` may have.
    public func nextReview(for level: SecurityLevel, effective: Date) -> Date {
        SecurityCalendar.adding(months: months(for: level), to: effective)
    }

    /// A review date typed by the officer, checked: not before the level takes effect, and not
    /// later than the level's interval allows. Empty means the latest allowed.
    public func checkedReview(_ chosen: Date?, for level: SecurityLevel, effective: Date) throws(DomainError) -> Date {
        let latest = nextReview(for: level, effective: effective)
        guard let chosen else { return latest }
        if chosen < SecurityCalendar.day(effective) {
            throw DomainError(.reviewBeforeEffective, field: "next_review")
        }
        if chosen > latest {
            throw DomainError(.reviewAfterInterval, field: "next_review", args: [String(months(for: level))])
        }
        return chosen
    }
}

/// One approved level of an area, as its history holds it.
public struct LevelRecord: Equatable, Sendable {
    public var level: SecurityLevel
    public var effective: Date
    public var nextReview: Date
    /// When the desk approved it: of two records effective the same day, the later approval holds.
    public var approvedAt: Date

    public init(level: SecurityLevel, effective: Date, nextReview: Date, approvedAt: Date) {
        self.level = level; self.effective = effective; self.nextReview = nextReview; self.approvedAt = approvedAt
    }

    /// The level in force on `day`: the latest approved record already effective.
    public static func current(_ records: [LevelRecord], at now: Date) -> LevelRecord? {
        records.filter { $0.effective <= now }.max { ($0.effective, $0.approvedAt) < ($1.effective, $1.approvedAt) }
    }

    /// Past its review date: the day after the review date has begun.
    public func reviewOverdue(at now: Date) -> Bool { SecurityCalendar.day(now) > SecurityCalendar.day(nextReview) }
}

/// Dates of the security tools, counted in whole days and calendar months in UTC, as the review
/// dates people write are days, not instants.
public enum SecurityCalendar {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    public static func day(_ date: Date) -> Date { calendar.startOfDay(for: date) }

    public static func adding(months: Int, to date: Date) -> Date {
        calendar.date(byAdding: .month, value: months, to: day(date))!
    }

    public static func adding(days: Int, to date: Date) -> Date {
        calendar.date(byAdding: .day, value: days, to: day(date))!
    }
}

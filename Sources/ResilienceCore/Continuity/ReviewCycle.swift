import Foundation

/// Where a plan is in its review (DOMAIN.md "Review cycle"; seed 000: regional multi-functional
/// teams review country submissions and senior management approves the plan).
public enum ReviewState: String, CaseIterable, Codable, Sendable {
    /// Being written by the focal point and contributors.
    case draft
    /// Sent to the regional team; waiting for a reviewer to take it.
    case submitted
    /// A reviewer is reading it.
    case inReview = "in_review"
    /// Sent back with feedback to answer.
    case returned
    /// The regional team agrees; waiting for the senior manager.
    case endorsed
    /// Approved by the senior manager: the unit's plan, due again twelve months later.
    case inForce = "in_force"
    /// Replaced by a later plan in force.
    case superseded

    /// The states in which the plan's content may change.
    public var isEditable: Bool { self == .draft || self == .returned }

    /// A reviewer opens feedback threads while the plan is in review.
    public var opensFeedback: Bool { self == .inReview }
    /// The focal point answers threads while the plan is returned to them.
    public var takesAnswers: Bool { self == .returned }
    /// A reviewer writes in threads and resolves them from submission until the plan is endorsed.
    public var takesReviewerReplies: Bool { self == .submitted || self == .inReview || self == .returned }
    /// The plan in force and any being written or reviewed: risks link to their scenarios and
    /// critical processes. A superseded plan's items are history.
    public var isLive: Bool { self != .superseded }
}

/// A move of a plan from one state to another.
public enum ReviewMove: String, CaseIterable, Codable, Sendable {
    case submit
    /// The focal point takes a submission back before a reviewer has taken it.
    case withdraw
    case takeForReview = "take_for_review"
    case returnWithFeedback = "return"
    case endorse
    case approve
    /// Done by the system when another plan of the unit comes into force.
    case supersede
}

/// Why a move is refused, with a stable code (the catalogue has `review.refused.<code>`).
public enum ReviewRefusal: String, Error, Sendable, CaseIterable {
    /// The move does not start from this state.
    case notFromThisState = "not_from_this_state"
    /// The person's roles on the unit do not allow it.
    case notYourRole = "not_your_role"
    /// Checks that block submission are still failing.
    case blockingErrors = "blocking_errors"
    /// Feedback on the returned version is still unanswered.
    case unansweredFeedback = "unanswered_feedback"
    /// Returning needs a comment that says what to change.
    case commentRequired = "comment_required"
    /// Feedback is still open: the reviewer resolves every thread before endorsing.
    case unresolvedFeedback = "unresolved_feedback"
    /// Separation of duties: the person edited or submitted this plan in its cycle, so someone
    /// else reviews, endorses or approves it.
    case ownWork = "own_work"
}

/// The state machine of the review cycle: which move goes from which state to which, who may
/// make it, and what must hold first. Pure: the app asks it before every move.
public enum ReviewCycle {
    public static func target(of move: ReviewMove, from state: ReviewState) -> ReviewState? {
        switch (move, state) {
        case (.submit, .draft), (.submit, .returned): .submitted
        case (.withdraw, .submitted): .draft
        case (.takeForReview, .submitted): .inReview
        case (.returnWithFeedback, .inReview): .returned
        case (.endorse, .inReview): .endorsed
        case (.approve, .endorsed): .inForce
        case (.supersede, .inForce): .superseded
        default: nil
        }
    }

    /// Who makes each move (DOMAIN.md: the focal point submits, the regional team reviews, the
    /// senior manager approves). Nobody makes `supersede`: it follows an approval.
    public static func roles(for move: ReviewMove) -> Set<Role> {
        action(for: move).map(Access.roles(allowing:)) ?? []
    }

    /// The action of the policy table that a move needs.
    public static func action(for move: ReviewMove) -> Action? {
        switch move {
        case .submit, .withdraw: .submitPlans
        case .takeForReview, .returnWithFeedback, .endorse: .reviewPlans
        case .approve: .approvePlans
        case .supersede: nil
        }
    }

    /// What a move needs besides the state and the role.
    public struct Conditions: Sendable {
        public var blockingErrors: Int
        /// Threads whose last word is the reviewer's.
        public var unansweredThreads: Int
        /// Threads not yet marked resolved.
        public var unresolvedThreads: Int
        public var comment: String?
        /// The person making the move edited or submitted the plan in this cycle.
        public var tookPart: Bool
        public init(
            blockingErrors: Int = 0, unansweredThreads: Int = 0, unresolvedThreads: Int = 0, comment: String? = nil,
            tookPart: Bool = false
        ) {
            self.blockingErrors = blockingErrors; self.unansweredThreads = unansweredThreads
            self.unresolvedThreads = unresolvedThreads; self.comment = comment; self.tookPart = tookPart
        }
    }

    /// The state the plan moves to, or why it may not.
    public static func check(
        _ move: ReviewMove, from state: ReviewState, grants: [Grant], on unit: UnitPath,
        _ conditions: Conditions = Conditions()
    ) -> Result<ReviewState, ReviewRefusal> {
        guard let next = target(of: move, from: state) else { return .failure(.notFromThisState) }
        let allowed = roles(for: move)
        guard grants.contains(where: { allowed.contains($0.role) && $0.covers(unit) }) else {
            return .failure(.notYourRole)
        }
        if conditions.tookPart && Self.judges(move) { return .failure(.ownWork) }
        switch move {
        case .submit:
            if conditions.blockingErrors > 0 { return .failure(.blockingErrors) }
            if state == .returned && conditions.unansweredThreads > 0 { return .failure(.unansweredFeedback) }
        case .returnWithFeedback:
            if (conditions.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return .failure(.commentRequired)
            }
        case .endorse:
            if conditions.unresolvedThreads > 0 { return .failure(.unresolvedFeedback) }
        default:
            break
        }
        return .success(next)
    }

    /// The moves that judge someone else's plan: whoever edited or submitted it may not make them.
    public static func judges(_ move: ReviewMove) -> Bool {
        [.takeForReview, .returnWithFeedback, .endorse, .approve].contains(move)
    }

    /// The moves a person could make now, for the buttons a page shows.
    public static func available(from state: ReviewState, grants: [Grant], on unit: UnitPath) -> [ReviewMove] {
        ReviewMove.allCases.filter { move in
            target(of: move, from: state) != nil
                && grants.contains { roles(for: move).contains($0.role) && $0.covers(unit) }
        }
    }
}

/// When a plan in force is due again, and how that stands today.
public enum PlanDue {
    public static let monthsValid = 12
    public static let dueSoonDays = 30

    /// A plan's approval and due dates count only while it is in force: a plan superseded,
    /// returned or still in review has no date that makes it current or overdue.
    public static func whileInForce(_ date: Date?, inForce: Bool) -> Date? { inForce ? date : nil }

    public enum Standing: String, Codable, Sendable, CaseIterable {
        /// In force and not due within 30 days.
        case current
        case dueSoon = "due_soon"
        case overdue
        /// No plan in force.
        case none
    }

    public static func dueDate(approvedAt: Date) -> Date {
        utc.date(byAdding: .month, value: monthsValid, to: approvedAt) ?? approvedAt
    }

    public static func standing(dueAt: Date?, now: Date) -> Standing { Clock(now).standing(dueAt: dueAt) }

    /// "Now" with the dates measured from it worked out once, for deciding many units at a time
    /// (calendar arithmetic is not cheap).
    public struct Clock: Sendable {
        public let now: Date
        /// Thirty days from now: due before it is due soon.
        public let soon: Date
        /// Twelve months before now: updated or tested after it is recent.
        public let yearAgo: Date

        public init(_ now: Date) {
            self.now = now
            soon = utc.date(byAdding: .day, value: dueSoonDays, to: now) ?? now
            yearAgo = utc.date(byAdding: .month, value: -monthsValid, to: now) ?? now
        }

        public func standing(dueAt: Date?) -> Standing {
            guard let dueAt else { return .none }
            if dueAt <= now { return .overdue }
            return dueAt <= soon ? .dueSoon : .current
        }
    }

    /// The calendar due dates are counted in, made once (making one is not cheap).
    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// What the compliance report counts for one unit (seed 000's performance indicators).
public struct UnitCompliance: Sendable, Equatable {
    public var unitID: UUID
    /// When the plan now in force was approved; nil when none is in force.
    public var approvedAt: Date?
    /// When the plan in force is due again.
    public var dueAt: Date?
    /// The last exercise or test of the plan, or the close of an activation.
    public var lastExercise: Date?
    /// A joint risk register in place (issue 5 decides what "in place" means).
    public var hasRiskRegister: Bool
    public init(unitID: UUID, approvedAt: Date?, dueAt: Date?, lastExercise: Date?, hasRiskRegister: Bool) {
        self.unitID = unitID; self.approvedAt = approvedAt; self.dueAt = dueAt
        self.lastExercise = lastExercise; self.hasRiskRegister = hasRiskRegister
    }
}

/// A region's (or HQ's) figures at a date: the share of units with a plan in force, updated
/// within twelve months, tested within twelve months, with a joint risk register.
public struct ComplianceFigures: Sendable, Equatable, Codable {
    public var units: Int
    public var inForce: Int
    public var updatedWithinYear: Int
    public var testedWithinYear: Int
    public var withRiskRegister: Int
    public var overdue: Int

    public init(
        units: Int, inForce: Int, updatedWithinYear: Int, testedWithinYear: Int, withRiskRegister: Int, overdue: Int
    ) {
        self.units = units; self.inForce = inForce; self.updatedWithinYear = updatedWithinYear
        self.testedWithinYear = testedWithinYear; self.withRiskRegister = withRiskRegister; self.overdue = overdue
    }

    public static func of(_ units: [UnitCompliance], at now: Date) -> ComplianceFigures {
        let clock = PlanDue.Clock(now)
        let yearAgo = clock.yearAgo
        // One meaning of "in force" everywhere (DOMAIN.md): the unit's approved plan until the next
        // one is approved, overdue or not, as its page says "in force · overdue". Being current is
        // the next figure (updated within twelve months), and the overdue are counted apart.
        let inForce = units.filter { u in u.approvedAt.map { $0 <= now } ?? false }
        return ComplianceFigures(
            units: units.count,
            inForce: inForce.count,
            updatedWithinYear: units.filter { ($0.approvedAt.map { $0 > yearAgo && $0 <= now }) ?? false }.count,
            testedWithinYear: units.filter { ($0.lastExercise.map { $0 > yearAgo && $0 <= now }) ?? false }.count,
            withRiskRegister: units.filter(\.hasRiskRegister).count,
            overdue: units.filter { clock.standing(dueAt: $0.dueAt) == .overdue }.count)
    }

    /// A count as a share of the units, 0 when there are none.
    public func share(_ count: Int) -> Double { units == 0 ? 0 : Double(count) / Double(units) }
}

/// A feedback thread on an item of a submitted version: the reviewer writes, the focal point
/// answers, the reviewer resolves.
public enum FeedbackState: String, Codable, Sendable, CaseIterable {
    /// The reviewer's word is the last: it needs an answer.
    case open
    /// The focal point answered; the reviewer may resolve it or write again.
    case answered
    case resolved

    /// The state after a message: a reviewer's reopens, an answer answers.
    public static func after(message fromReviewer: Bool) -> FeedbackState { fromReviewer ? .open : .answered }
}

/// A yearly campaign: every unit in it updates its plan by the deadline.
public enum CampaignProgress {
    /// How far along a plan is, for ordering: the least advanced first.
    public static func rank(_ state: ReviewState?) -> Int {
        switch state {
        case nil: 0
        case .draft?: 1
        case .returned?: 2
        case .submitted?: 3
        case .inReview?: 4
        case .endorsed?: 5
        case .inForce?, .superseded?: 6
        }
    }

    /// Done once the plan is approved.
    public static func isDone(_ state: ReviewState?) -> Bool { rank(state) == 6 }

    /// Late: the deadline has passed and the plan is not approved.
    public static func isLate(_ state: ReviewState?, deadline: Date, now: Date) -> Bool {
        !isDone(state) && deadline < now
    }

    /// Late ones first, then the least advanced, then by name.
    public static func ordered<T>(
        _ rows: [T], state: (T) -> ReviewState?, name: (T) -> String, deadline: Date, now: Date
    ) -> [T] {
        rows.sorted { a, b in
            let la = isLate(state(a), deadline: deadline, now: now), lb = isLate(state(b), deadline: deadline, now: now)
            if la != lb { return la }
            let ra = rank(state(a)), rb = rank(state(b))
            if ra != rb { return ra < rb }
            return name(a).localizedStandardCompare(name(b)) == .orderedAscending
        }
    }
}

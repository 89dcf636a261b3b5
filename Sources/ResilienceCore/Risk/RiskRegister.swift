import Foundation

/// The level a cell of the risk matrix gives (DOMAIN.md "Joint risk register").
public enum RiskLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case low, medium, high
    case veryHigh = "very_high"
    /// Beyond what any programme may accept (the Guidelines for Acceptable Risk); only a matrix
    /// HQ configures so gives it.
    case unacceptable

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: RiskLevel, b: RiskLevel) -> Bool { a.rank < b.rank }
}

/// The 5×5 matrix that turns likelihood and impact into a level. HQ configures it; `standard` is
/// the default. A cell is never lower than a cell of lower likelihood or lower impact: a risk
/// does not become less serious by becoming more likely.
public struct RiskMatrix: Codable, Equatable, Sendable {
    public static let size = 5
    /// `levels[likelihood - 1][impact - 1]`.
    public private(set) var levels: [[RiskLevel]]

    public init(levels: [[RiskLevel]]) throws(DomainError) {
        guard levels.count == Self.size, levels.allSatisfy({ $0.count == Self.size }) else {
            throw DomainError(.invalidChoice, field: "matrix")
        }
        for l in 0..<Self.size {
            for i in 0..<Self.size {
                if l > 0 && levels[l][i] < levels[l - 1][i] {
                    throw DomainError(.matrixNotMonotone, field: "matrix", args: [String(l + 1), String(i + 1)])
                }
                if i > 0 && levels[l][i] < levels[l][i - 1] {
                    throw DomainError(.matrixNotMonotone, field: "matrix", args: [String(l + 1), String(i + 1)])
                }
            }
        }
        self.levels = levels
    }

    private enum CodingKeys: String, CodingKey { case levels }

    /// A stored matrix is checked like a new one.
    public init(from decoder: any Decoder) throws {
        try self.init(
            levels: try decoder.container(keyedBy: CodingKeys.self).decode([[RiskLevel]].self, forKey: .levels))
    }

    /// The level of a rating, nil when the rating is out of range.
    public func level(_ rating: RiskRating) -> RiskLevel? {
        guard RiskRating.range.contains(rating.likelihood), RiskRating.range.contains(rating.impact) else { return nil }
        return levels[rating.likelihood - 1][rating.impact - 1]
    }

    /// The usual matrix: likelihood × impact up to 4 is low, up to 9 medium, up to 16 high, above
    /// very high.
    public static let standard: RiskMatrix = {
        let levels = (1...size).map { l in
            (1...size).map { i -> RiskLevel in
                switch l * i {
                case ...4: .low
                case ...9: .medium
                case ...16: .high
                default: .veryHigh
                }
            }
        }
        return try! RiskMatrix(levels: levels)
    }()
}

/// Likelihood and impact, each 1 (rare, negligible) to 5 (almost certain, severe).
public struct RiskRating: Codable, Equatable, Hashable, Sendable {
    public static let range = 1...5
    public var likelihood: Int
    public var impact: Int
    public init(likelihood: Int, impact: Int) { self.likelihood = likelihood; self.impact = impact }
}

/// The kinds of risk every register knows; HQ may add others (codes like impact categories).
public enum RiskKind {
    public static let standard = ["protection", "programme", "security", "medical", "business_continuity"]
}

public enum RiskStatus: String, CaseIterable, Codable, Sendable {
    case open
    /// Treated; watched until the next review.
    case monitored
    case closed
}

/// Where a risk was first written down.
public enum RiskSource: String, CaseIterable, Codable, Sendable {
    case enterpriseRegister = "enterprise_register"
    case securityRiskAssessment = "security_risk_assessment"
    case own
}

/// What the "in place" rule and the review dates need of a risk.
public struct RiskSummary: Sendable, Equatable {
    public var kind: String
    public var status: RiskStatus
    public var reviewDate: Date?
    public init(kind: String, status: RiskStatus, reviewDate: Date?) {
        self.kind = kind; self.status = status; self.reviewDate = reviewDate
    }
}

public enum RegisterRules {
    /// A risk's review is due like a plan: due soon within 30 days, overdue from the date on. A
    /// closed risk is not reviewed.
    public static func review(_ risk: RiskSummary, clock: PlanDue.Clock) -> PlanDue.Standing {
        risk.status == .closed ? .none : clock.standing(dueAt: risk.reviewDate)
    }

    /// A register is in place when it has at least one risk (not closed) of each kind the unit
    /// marks relevant, and no review overdue. With no kind marked relevant, it needs at least one
    /// open or monitored risk.
    public static func isInPlace(_ risks: [RiskSummary], relevantKinds: Set<String>, clock: PlanDue.Clock) -> Bool {
        let live = risks.filter { $0.status != .closed }
        if live.contains(where: { review($0, clock: clock) == .overdue }) { return false }
        if relevantKinds.isEmpty { return !live.isEmpty }
        let covered = Set(live.map(\.kind))
        return relevantKinds.isSubset(of: covered)
    }
}

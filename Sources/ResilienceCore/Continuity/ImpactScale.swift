/// How impact is rated: the time ladder, the categories and the 1–5 scale with its tolerance.
/// HQ configures it; `standard` is the default of issue 3.
public struct ImpactScale: Codable, Equatable, Sendable {
    /// Points in time after the disruption, in hours, strictly increasing.
    public var ladderHours: [Double]
    /// Category codes, e.g. `people_served`.
    public var categories: [String]
    /// The highest rating that can still be tolerated; anything above is intolerable.
    public var tolerance: Int
    public static let minimumRating = 1
    public static let maximumRating = 5

    public init(ladderHours: [Double], categories: [String], tolerance: Int) throws(DomainError) {
        guard !ladderHours.isEmpty, zip(ladderHours, ladderHours.dropFirst()).allSatisfy({ $0 < $1 }),
              ladderHours.allSatisfy({ $0 > 0 }) else { throw DomainError(.invalidChoice, field: "ladder") }
        guard !categories.isEmpty, Set(categories).count == categories.count else {
            throw DomainError(.invalidChoice, field: "categories")
        }
        guard (Self.minimumRating..<Self.maximumRating).contains(tolerance) else {
            throw DomainError(.invalidChoice, field: "tolerance")
        }
        self.ladderHours = ladderHours
        self.categories = categories
        self.tolerance = tolerance
    }

    /// 1 h, 4 h, 8 h, 24 h, 72 h, 1 week, 2 weeks, 1 month, 3 months; five categories; ratings
    /// above 3 are intolerable.
    public static let standard = try! ImpactScale(
        ladderHours: [1, 4, 8, 24, 72, 168, 336, 720, 2160],
        categories: ["people_served", "staff_safety", "trust", "legal_compliance", "financial"],
        tolerance: 3)
}

/// Recovery tiers shown beside the analysis: how soon a process must be back.
public enum RecoveryTier: String, CaseIterable, Codable, Sendable, Comparable {
    /// Up to 4 hours.
    case immediate
    /// More than 4 hours, up to 24.
    case sameDay = "same_day"
    /// More than a day, up to a week.
    case withinWeek = "within_week"
    /// Longer than a week.
    case longer

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    public init(hours: Double) {
        self = hours <= 4 ? .immediate : hours <= 24 ? .sameDay : hours <= 168 ? .withinWeek : .longer
    }
}

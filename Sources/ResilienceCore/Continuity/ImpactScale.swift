/// How impact is rated: the time ladder, the categories and the 1–5 scale with its tolerance.
/// HQ configures it; `standard` is the default of issue 3.
public struct ImpactScale: Codable, Equatable, Sendable {
    /// Points in time after the disruption, in hours, strictly increasing.
    public var ladderHours: [Double]
    /// Category codes, e.g. `people_served`.
    public var categories: [String]
    /// The highest rating that can still be tolerated; anything above is intolerable.
    public var tolerance: Int
    /// Names of categories HQ added, per language code (`en`, `zh-Hans` …); the standard
    /// categories are named by the catalogue.
    public var labels: [String: [String: String]] = [:]
    public static let minimumRating = 1
    public static let maximumPoints = 20
    public static let maximumCategories = 12
    public static let maximumRating = 5

    public init(
        ladderHours: [Double], categories: [String], tolerance: Int,
        labels: [String: [String: String]] = [:]
    ) throws(DomainError) {
        guard !ladderHours.isEmpty, ladderHours.count <= Self.maximumPoints, ladderHours.allSatisfy(\.isFinite),
            zip(ladderHours, ladderHours.dropFirst()).allSatisfy({ $0 < $1 }),
            ladderHours.allSatisfy({ $0 > 0 })
        else { throw DomainError(.invalidChoice, field: "ladder") }
        guard ladderHours.allSatisfy({ $0 <= Bounds.maximumHours }) else {
            throw DomainError(.outOfRange, field: "ladder", args: ["0", PlanChecks.hours(Bounds.maximumHours)])
        }
        guard !categories.isEmpty, categories.count <= Self.maximumCategories,
            Set(categories).count == categories.count,
            categories.allSatisfy(Self.isCategoryCode)
        else {
            throw DomainError(.invalidChoice, field: "categories")
        }
        guard (Self.minimumRating..<Self.maximumRating).contains(tolerance) else {
            throw DomainError(.invalidChoice, field: "tolerance")
        }
        self.ladderHours = ladderHours
        self.categories = categories
        self.tolerance = tolerance
        self.labels = labels.filter { categories.contains($0.key) }
    }

    private enum CodingKeys: String, CodingKey { case ladderHours, categories, tolerance, labels }

    /// Decoding checks the same rules as the initializer: a stored or imported scale is valid.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            ladderHours: c.decode([Double].self, forKey: .ladderHours),
            categories: c.decode([String].self, forKey: .categories),
            tolerance: c.decode(Int.self, forKey: .tolerance),
            labels: c.decodeIfPresent([String: [String: String]].self, forKey: .labels) ?? [:])
    }

    /// Lower-case letters, digits and underscores, starting with a letter, at most 40.
    public static func isCategoryCode(_ code: String) -> Bool {
        guard let first = code.first, first.isLetter, first.isASCII, code.count <= 40 else { return false }
        return code.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    }

    /// The standard categories, which the catalogue names.
    public static let standardCategories: Set<String> = [
        "people_served", "staff_safety", "trust", "legal_compliance", "financial",
    ]

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

import Foundation

/// The sections of a plan, in DOMAIN.md's order.
public enum PlanSection: String, CaseIterable, Codable, Sendable {
    case team, scenarios, processes, impact, alternatives, sites, agreements, nationalStaff = "national_staff"
    case exercises, other
}

/// A finding about a plan. Errors block submission; warnings are shown but do not.
public struct PlanCheck: Equatable, Sendable {
    public enum Severity: String, Codable, Sendable { case error, warning }

    /// Stable codes: the catalogue has `check.<code>` in every language.
    public enum Code: String, CaseIterable, Codable, Sendable {
        case teamFunctionMissing = "team_function_missing"
        case processWithoutAlternative = "process_without_alternative"
        case processWithoutStaff = "process_without_staff"
        case rtoExceedsMTPD = "rto_exceeds_mtpd"
        case onSiteProcessWithoutSite = "on_site_process_without_site"
        case singlePointOfFailure = "single_point_of_failure"
        case agreementExpiring = "agreement_expiring"
        case dependencySlowerThanRTO = "dependency_slower_than_rto"
        case noRecentExercise = "no_recent_exercise"
        /// The impact analysis is the heart of the plan: a process without ratings has no MTPD.
        case processNotRated = "process_not_rated"
        case processNotClassified = "process_not_classified"
        case processWithoutRTO = "process_without_rto"
        /// Fewer people named as minimum staff than the count the process needs.
        case processShortOfStaff = "process_short_of_staff"

        public var severity: Severity {
            switch self {
            case .teamFunctionMissing, .processWithoutAlternative, .processWithoutStaff, .rtoExceedsMTPD,
                .onSiteProcessWithoutSite, .processNotRated, .processNotClassified, .processWithoutRTO,
                .processShortOfStaff:
                .error
            case .singlePointOfFailure, .agreementExpiring, .dependencySlowerThanRTO, .noRecentExercise: .warning
            }
        }
    }

    public var code: Code
    public var section: PlanSection
    /// The item the finding is about (a process, an agreement), when there is one.
    public var itemID: UUID?
    /// Values for the message, e.g. the process name and the hours.
    public var args: [String]
    /// The form field to fix it in (its name in the item's form), when there is one.
    public var field: String?
    public var severity: Severity { code.severity }

    public init(_ code: Code, _ section: PlanSection, item: UUID? = nil, field: String? = nil, args: [String] = []) {
        self.code = code; self.section = section; self.itemID = item; self.field = field; self.args = args
    }
}

import Foundation

/// Where an area's security risk assessment stands for the places it covers.
public enum AssessmentStatus: String, CaseIterable, Codable, Sendable {
    /// Approved and valid.
    case current
    /// Approved and not expired, but the area's level changed since: to be reviewed.
    case dueForReview = "due_for_review"
    /// Past its validity date.
    case expired
    /// No approved assessment.
    case none

    /// An approved assessment is valid a year by default.
    public static let standardValidityMonths = 12

    /// The status on `now` of an area's latest approved assessment (approved on `approvedAt`,
    /// valid until `validUntil`), given the level records the area had.
    public static func of(
        approvedAt: Date?, validUntil: Date?, levels: [LevelRecord], at now: Date
    ) -> AssessmentStatus {
        guard let approvedAt, let validUntil else { return .none }
        if SecurityCalendar.day(now) > SecurityCalendar.day(validUntil) { return .expired }
        // Any level that took effect since the approval and differs from the one assessed; a
        // level reviewed and confirmed unchanged does not.
        let assessed = LevelRecord.current(levels, at: approvedAt)?.level
        let changed = levels.contains { $0.effective > approvedAt && $0.effective <= now && $0.level != assessed }
        return changed ? .dueForReview : .current
    }
}

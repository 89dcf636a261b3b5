import Fluent
import Foundation
import ResilienceCore

/// HQ's settings of security management: how often each level is reviewed, and which residual
/// risk each programme criticality may accept. Each stored as a setting, audited.
enum SecuritySettings {
    static let intervalsKey = "security_level_review_intervals"
    static let acceptableRiskKey = "acceptable_risk"
    static let locatableDaysKey = "locatable_window_days"
    /// HQ's window may be a day to a year.
    static let locatableDaysAllowed = 1...366

    static func intervals(on db: any Database) async throws -> LevelReviewIntervals {
        try await SettingStore.value(intervalsKey, standard: LevelReviewIntervals.standard, on: db)
    }

    /// How recently a location must have been confirmed for the person to count as locatable.
    static func locatableDays(on db: any Database) async throws -> Int {
        try await SettingStore.value(locatableDaysKey, standard: Locatability.defaultWindowDays, on: db)
    }

    static func acceptableRisk(on db: any Database) async throws -> AcceptableRisk {
        try await SettingStore.value(acceptableRiskKey, standard: AcceptableRisk.standard, on: db)
    }
}

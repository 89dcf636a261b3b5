import Fluent
import Foundation
import ResilienceCore

/// A unit's (HQ's or a region's) figures on one day: the history HQ's charts draw.
final class ComplianceSnapshot: Model, ComplianceRecord, @unchecked Sendable {
    static let schema = "compliance_snapshots"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    /// YYYY-MM-DD (UTC).
    @Field(key: "day") var day: String
    @Field(key: "units") var units: Int
    @Field(key: "in_force") var inForce: Int
    @Field(key: "updated_within_year") var updatedWithinYear: Int
    @Field(key: "tested_within_year") var testedWithinYear: Int
    @Field(key: "with_risk_register") var withRiskRegister: Int
    @Field(key: "overdue") var overdue: Int

    var properties: [any AnyProperty] {
        [$id, $unitID, $day, $units, $inForce, $updatedWithinYear, $testedWithinYear, $withRiskRegister, $overdue]
    }

    init() {}
}

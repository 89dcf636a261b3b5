import Fluent
import Foundation
import ResilienceCore

/// A region's compliance report to HQ: its figures at a date with the regional team's comments.
final class ComplianceReport: Model, ComplianceRecord, @unchecked Sendable {
    static let schema = "compliance_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "units") var units: Int
    @Field(key: "in_force") var inForce: Int
    @Field(key: "updated_within_year") var updatedWithinYear: Int
    @Field(key: "tested_within_year") var testedWithinYear: Int
    @Field(key: "with_risk_register") var withRiskRegister: Int
    @Field(key: "overdue") var overdue: Int
    @Field(key: "comments") var comments: String
    @OptionalField(key: "submitted_by_id") var submittedByID: UUID?
    @Field(key: "submitted_by_name") var submittedByName: String

    var properties: [any AnyProperty] {
        [
            $id, $unitID, $at, $units, $inForce, $updatedWithinYear, $testedWithinYear, $withRiskRegister, $overdue,
            $comments, $submittedByID, $submittedByName,
        ]
    }

    init() {}
}

import Fluent
import Foundation
import ResilienceCore

/// How far a duty station meets one measure, with the evidence, who verified it and when. One
/// row per station and measure; earlier states are in the audit trail.
final class MeasureComplianceRecord: Model, @unchecked Sendable {
    static let schema = "measure_compliance"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "status") var status: MeasureStatus
    /// Why the measure does not apply here (required for `not_applicable`).
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "evidence") var evidence: String?
    @OptionalField(key: "verified_by_id") var verifiedByID: UUID?
    @Field(key: "verified_by_name") var verifiedByName: String
    @Field(key: "verified_at") var verifiedAt: Date

    // Relationships
    @Parent(key: "duty_station_id") var station: DutyStation
    @Parent(key: "measure_id") var measure: SecurityMeasure

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $status, $reason, $evidence, $verifiedByID, $verifiedByName, $verifiedAt,
            $station, $measure,
        ]
    }

    init() {}
}

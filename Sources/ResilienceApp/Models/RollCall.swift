import Fluent
import Foundation
import ResilienceCore

/// A roll-call (人员清点) after an incident: everyone who may be in the places it covers, each to
/// be accounted for.
final class RollCall: Model, @unchecked Sendable {
    static let schema = "roll_calls"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    /// The incident, in the officer's words.
    @Field(key: "title") var title: String
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "opened_at") var openedAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// The duty stations it covers (comma-separated ids), from the areas or stations chosen; empty
    /// for a circle.
    @Field(key: "station_ids") var stationIDs: String
    @OptionalField(key: "center_latitude") var centerLatitude: Double?
    @OptionalField(key: "center_longitude") var centerLongitude: Double?
    @OptionalField(key: "radius_km") var radiusKm: Double?
    /// The contact plan: "sms:0,email:15".
    @Field(key: "channels") var channels: String
    @OptionalField(key: "repeat_minutes") var repeatMinutes: Int?
    /// Messages were sent for every step of the plan due up to this time.
    @OptionalField(key: "sent_until") var sentUntil: Date?

    // Relationships
    /// The unit whose security officer opened it (and keeps it).
    @Parent(key: "unit_id") var unit: Unit
    @OptionalParent(key: "opened_by_id") var openedBy: User?

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $title, $occurredAt, $openedAt, $closedAt, $stationIDs, $centerLatitude,
            $centerLongitude, $radiusKm, $channels, $repeatMinutes, $sentUntil, $unit, $openedBy,
        ]
    }

    init() {}
}

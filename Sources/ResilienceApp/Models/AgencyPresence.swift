import Fluent
import Foundation
import ResilienceCore

/// An agency at a duty station, with its headcount: the figures the duty-station database shows
/// and the security budget is shared by.
final class AgencyPresence: Model, @unchecked Sendable {
    static let schema = "agency_presences"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "international_staff") var internationalStaff: Int
    @Field(key: "national_staff") var nationalStaff: Int
    @Field(key: "dependants") var dependants: Int

    // Relationships
    @Parent(key: "duty_station_id") var station: DutyStation
    @Parent(key: "agency_id") var agency: Agency

    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $internationalStaff, $nationalStaff, $dependants, $station, $agency]
    }

    init() {}
}

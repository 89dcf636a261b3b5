import Fluent
import Foundation

/// A warden of a roll-call's zone (a duty station): marks its people on their behalf.
final class RollCallWarden: Model, @unchecked Sendable {
    static let schema = "roll_call_wardens"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // Relationships
    @Parent(key: "roll_call_id") var rollCall: RollCall
    @Parent(key: "user_id") var user: User
    @Parent(key: "station_id") var station: DutyStation

    var properties: [any AnyProperty] { [$id, $createdAt, $rollCall, $user, $station] }

    init() {}
}

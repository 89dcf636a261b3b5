import Fluent
import Foundation
import ResilienceCore

/// One person or dependant listed in a roll-call, and how they are.
final class RollCallEntry: Model, @unchecked Sendable {
    static let schema = "roll_call_entries"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "status") var status: AccountStatus
    @OptionalField(key: "method") var method: MarkMethod?
    @OptionalField(key: "marked_at") var markedAt: Date?
    @OptionalField(key: "note") var note: String?

    // Relationships
    @Parent(key: "roll_call_id") var rollCall: RollCall
    @Parent(key: "personnel_id") var personnel: Personnel
    /// Set for a dependant's row; the person's row has none.
    @OptionalParent(key: "dependant_id") var dependant: Dependant?
    /// The duty station they were listed at: the zone of its wardens.
    @OptionalParent(key: "station_id") var station: DutyStation?
    @OptionalParent(key: "marked_by_id") var markedBy: User?

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $status, $method, $markedAt, $note, $rollCall, $personnel,
            $dependant, $station, $markedBy,
        ]
    }

    init() {}
}

import Fluent
import Foundation
import ResilienceCore

/// A yearly campaign: HQ or a region asks a set of units to update their plan by a deadline.
final class Campaign: Model, @unchecked Sendable {
    static let schema = "campaigns"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// HQ or the region that opened it: the campaign's units are below it.
    @Field(key: "scope_unit_id") var scopeUnitID: UUID
    @Field(key: "cycle") var cycle: Int
    @Field(key: "deadline") var deadline: Date
    @OptionalField(key: "note") var note: String?
    @Field(key: "opened_by_name") var openedByName: String

    var properties: [any AnyProperty] { [$id, $createdAt, $scopeUnitID, $cycle, $deadline, $note, $openedByName] }

    init() {}
}

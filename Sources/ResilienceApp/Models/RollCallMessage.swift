import Fluent
import Foundation
import ResilienceCore

/// A message a roll-call sent to a person, and what the gateway said of its delivery.
final class RollCallMessage: Model, @unchecked Sendable {
    static let schema = "roll_call_messages"

    /// What the SMS gateway (or the mail server) reported.
    enum Delivery: String, Codable, CaseIterable {
        case sent, delivered, failed
    }

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // Data fields
    @Field(key: "channel") var channel: ContactChannel
    /// The phone number or e-mail address it went to.
    @Field(key: "address") var address: String
    @Field(key: "sent_at") var sentAt: Date
    @Field(key: "delivery") var delivery: Delivery
    @OptionalField(key: "delivery_at") var deliveryAt: Date?

    // Relationships
    @Parent(key: "roll_call_id") var rollCall: RollCall
    @Parent(key: "entry_id") var entry: RollCallEntry

    var properties: [any AnyProperty] {
        [$id, $createdAt, $channel, $address, $sentAt, $delivery, $deliveryAt, $rollCall, $entry]
    }

    init() {}
}

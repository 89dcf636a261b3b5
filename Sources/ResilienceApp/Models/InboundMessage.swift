import Fluent
import Foundation

/// An SMS that came in through the gateway, and what it did: kept whether or not it was understood.
final class InboundMessage: Model, @unchecked Sendable {
    static let schema = "inbound_messages"

    enum Outcome: String, Codable, CaseIterable {
        case safe
        case needsHelp = "needs_help"
        /// Not an answer: the instructions went back.
        case instructions
        /// From a number no open roll-call lists: logged, nothing changed.
        case unknownSender = "unknown_sender"
    }

    // Managed fields
    @ID(key: .id) var id: UUID?

    // Data fields
    /// The sender's number, as the gateway gave it.
    @Field(key: "sender") var sender: String
    @Field(key: "text") var text: String
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "outcome") var outcome: Outcome

    // Relationships
    @OptionalParent(key: "entry_id") var entry: RollCallEntry?

    var properties: [any AnyProperty] { [$id, $sender, $text, $receivedAt, $outcome, $entry] }

    init() {}
}

import Fluent
import Foundation
import ResilienceCore

/// One line of an activation's log. Never changed.
final class ActivationEntry: Model, @unchecked Sendable {
    static let schema = "activation_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @OptionalField(key: "process_id") var processID: UUID?
    @OptionalField(key: "process_name") var processName: String?
    @OptionalField(key: "state") var state: String?
    @Field(key: "note") var note: String
    @Parent(key: "activation_id") var activation: Activation

    var properties: [any AnyProperty] {
        [$id, $at, $actorID, $actorName, $processID, $processName, $state, $note, $activation]
    }

    init() {}
}

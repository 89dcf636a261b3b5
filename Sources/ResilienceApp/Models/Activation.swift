import Fluent
import Foundation
import ResilienceCore

/// A plan activated for a disruptive event: while open, each critical process has a state, and
/// everything said and done is in its log.
final class Activation: Model, @unchecked Sendable {
    static let schema = "activations"

    enum Status: String, Codable, Sendable, CaseIterable { case open, closed }

    /// A critical process as the plan had it when the activation started.
    struct Process: Codable, Sendable { var id: UUID; var name: String; var rtoHours: Double? }

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "kind") var kind: String
    @Field(key: "started_at") var startedAt: Date
    /// The places affected, as the person wrote them.
    @Field(key: "places") var places: String
    @Enum(key: "status") var status: Status
    /// `[Process]` as JSON, in recovery order.
    @Field(key: "processes") var processes: String
    /// `[process id: ProcessState]` as JSON.
    @Field(key: "process_states") var processStates: String
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "after_action") var afterAction: String?
    @Field(key: "started_by_name") var startedByName: String

    // Relationships
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "plan_id") var plan: Plan

    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $kind, $startedAt, $places, $status, $processes, $processStates, $closedAt, $afterAction,
         $startedByName, $unit, $plan]
    }

    init() {}
}

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

    var properties: [any AnyProperty] { [$id, $at, $actorID, $actorName, $processID, $processName, $state, $note, $activation] }

    init() {}
}

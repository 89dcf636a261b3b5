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
        [
            $id, $createdAt, $updatedAt, $kind, $startedAt, $places, $status, $processes, $processStates, $closedAt,
            $afterAction,
            $startedByName, $unit, $plan,
        ]
    }

    init() {}
}

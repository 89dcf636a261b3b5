import Fluent
import Foundation
import ResilienceCore

/// An immutable snapshot of a plan, made when it is submitted for review. Never updated or deleted.
final class PlanVersion: Model, @unchecked Sendable {
    static let schema = "plan_versions"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // Data fields
    /// 1, 2, 3 … within the plan.
    @Field(key: "number") var number: Int
    @Field(key: "content") var content: String
    @Field(key: "scale") var scale: String
    @OptionalField(key: "note") var note: String?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Field(key: "created_by_name") var createdByName: String
    /// The unit, kept here too so that a unit's last final version is one indexed read.
    @Field(key: "unit_id") var unitID: UUID

    // Relationships
    @Parent(key: "plan_id") var plan: Plan

    var properties: [any AnyProperty] {
        [$id, $createdAt, $number, $content, $scale, $note, $createdByID, $createdByName, $unitID, $plan]
    }

    init() {}
}

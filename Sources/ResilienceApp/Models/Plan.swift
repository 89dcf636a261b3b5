import Fluent
import Foundation
import ResilienceCore

/// The business continuity plan of a unit for one yearly cycle: the working copy that the focal
/// point and contributors edit. Its content is one JSON document (`PlanContent`), written with a
/// revision number so that two people saving at once never overwrite each other.
final class Plan: Model, @unchecked Sendable {
    static let schema = "plans"

    enum Status: String, Codable, Sendable, CaseIterable {
        /// Being edited; differs from (or has no) final version.
        case draft
        /// Marked final and unchanged since: the working copy equals the last version.
        case final
    }

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    /// The yearly cycle, e.g. 2026.
    @Field(key: "cycle") var cycle: Int
    @Enum(key: "status") var status: Status
    /// `PlanContent` as JSON.
    @Field(key: "content") var content: String
    /// The `ImpactScale` the plan is rated on, as JSON: taken from HQ's scale when the plan starts.
    @Field(key: "scale") var scale: String
    /// Goes up by one with every saved change.
    @Field(key: "revision") var revision: Int
    /// The number of the last version (0 before the first).
    @Field(key: "latest_version") var latestVersion: Int
    @OptionalField(key: "updated_by_name") var updatedByName: String?

    // Relationships
    @Parent(key: "unit_id") var unit: Unit

    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $cycle, $status, $content, $scale, $revision, $latestVersion, $updatedByName, $unit]
    }

    init() {}
}

/// An immutable snapshot of a plan, made when it is marked final. Never updated or deleted.
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

/// A setting of the whole organization that HQ configures (the impact scale …), as JSON.
final class Setting: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "key") var key: String
    @Field(key: "value") var value: String

    var properties: [any AnyProperty] { [$id, $updatedAt, $key, $value] }

    init() {}
}

import Fluent
import Foundation
import ResilienceCore

/// The business continuity plan of a unit for one yearly cycle: the working copy that the focal
/// point and contributors edit. Its content is one JSON document (`PlanContent`), written with a
/// revision number so that two people saving at once never overwrite each other.
final class Plan: Model, @unchecked Sendable {
    static let schema = "plans"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    /// The yearly cycle, e.g. 2026.
    @Field(key: "cycle") var cycle: Int
    /// Where the plan is in its review cycle (the column kept its first name, `status`).
    @Field(key: "status") var state: ReviewState
    /// `PlanContent` as JSON.
    @Field(key: "content") var content: String
    /// The `ImpactScale` the plan is rated on, as JSON: taken from HQ's scale when the plan starts.
    @Field(key: "scale") var scale: String
    /// Goes up by one with every saved change.
    @Field(key: "revision") var revision: Int
    /// The number of the last version (0 before the first).
    @Field(key: "latest_version") var latestVersion: Int
    @OptionalField(key: "updated_by_name") var updatedByName: String?
    /// When the senior manager approved it (it came into force).
    @OptionalField(key: "approved_at") var approvedAt: Date?
    /// Twelve months after the approval.
    @OptionalField(key: "due_at") var dueAt: Date?
    /// When a later plan of the unit came into force.
    @OptionalField(key: "superseded_at") var supersededAt: Date?
    /// The version last submitted for review (the one approved, once in force).
    @OptionalField(key: "submitted_version") var submittedVersion: Int?
    /// The version last returned with feedback: reviewers compare the next submission with it.
    @OptionalField(key: "returned_version") var returnedVersion: Int?
    /// The latest exercise or test the content records, up to today.
    @OptionalField(key: "last_exercise") var lastExercise: Date?
    /// The campaign that asked for this plan, if one did.
    @OptionalField(key: "campaign_id") var campaignID: UUID?

    // Relationships
    @Parent(key: "unit_id") var unit: Unit

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $cycle, $state, $content, $scale, $revision, $latestVersion, $updatedByName,
            $approvedAt, $dueAt, $supersededAt, $submittedVersion, $returnedVersion, $lastExercise, $campaignID, $unit,
        ]
    }

    init() {}
}

extension Plan {
    /// When this plan falls due, if it is the one in force (see `PlanDue.whileInForce`).
    var dueInForce: Date? { PlanDue.whileInForce(dueAt, inForce: state == .inForce) }
}

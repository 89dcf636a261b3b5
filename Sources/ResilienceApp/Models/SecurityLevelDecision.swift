import Fluent
import Foundation
import ResilienceCore

/// A security level proposed for an area, and what became of it: the area's level history is
/// the approved ones.
final class SecurityLevelDecision: Model, @unchecked Sendable {
    static let schema = "security_levels"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "level") var level: Int
    /// The five threat categories' ratings (JSON, `ThreatRatings`).
    @Field(key: "ratings") var ratings: String
    @Field(key: "reason") var reason: String
    /// The same level and ratings as the one in force: a review that confirms it.
    @Field(key: "unchanged") var unchanged: Bool
    @Field(key: "effective_on") var effectiveOn: Date
    @Field(key: "next_review") var nextReview: Date
    @Field(key: "state") var state: LevelDecisionState
    @OptionalField(key: "proposed_by_id") var proposedByID: UUID?
    @Field(key: "proposed_by_name") var proposedByName: String
    @Field(key: "proposed_at") var proposedAt: Date
    @OptionalField(key: "decided_by_id") var decidedByID: UUID?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_note") var decisionNote: String?

    // Relationships
    @Parent(key: "area_id") var area: SecurityArea

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $level, $ratings, $reason, $unchanged, $effectiveOn, $nextReview, $state,
            $proposedByID, $proposedByName, $proposedAt, $decidedByID, $decidedByName, $decidedAt, $decisionNote,
            $area,
        ]
    }

    init() {}

    var securityLevel: SecurityLevel { SecurityLevel(rawValue: level) ?? .minimal }
    var threatRatings: ThreatRatings? { try? PlanCodec.decode(ThreatRatings.self, ratings) }

    /// The approved record as the core's rules read it.
    var record: LevelRecord? {
        guard state == .approved, let decidedAt else { return nil }
        return LevelRecord(level: securityLevel, effective: effectiveOn, nextReview: nextReview, approvedAt: decidedAt)
    }
}

import Fluent
import Foundation
import ResilienceCore

/// A security risk assessment (安全风险评估) of an area, at one version: written by the country's
/// security officer, approved or returned by the regional security desk. An approved version is
/// never changed; the next review starts a new version from it.
final class RiskAssessmentRecord: Model, @unchecked Sendable {
    static let schema = "risk_assessments"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    /// 1, 2, … per area.
    @Field(key: "version") var version: Int
    @Field(key: "state") var state: AssessmentState
    /// The threats and the measures added (JSON, `AssessmentContent`).
    @Field(key: "content") var content: String
    @OptionalField(key: "valid_until") var validUntil: Date?
    @OptionalField(key: "submitted_by_id") var submittedByID: UUID?
    @OptionalField(key: "submitted_by_name") var submittedByName: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_note") var decisionNote: String?

    // Relationships
    @Parent(key: "area_id") var area: SecurityArea

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $version, $state, $content, $validUntil, $submittedByID, $submittedByName,
            $submittedAt, $decidedByName, $decidedAt, $decisionNote, $area,
        ]
    }

    init() {}

    var assessment: AssessmentContent {
        (try? PlanCodec.decode(AssessmentContent.self, content)) ?? AssessmentContent()
    }
}

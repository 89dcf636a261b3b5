import Fluent
import Foundation
import ResilienceCore

/// A message in the thread of one threat of an assessment (or of the whole assessment): the
/// regional desk's questions while it reviews, the officer's answers.
final class AssessmentComment: Model, @unchecked Sendable {
    static let schema = "assessment_comments"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // Data fields
    /// The threat the thread is about; nil: the assessment as a whole.
    @OptionalField(key: "threat_id") var threatID: UUID?
    @Field(key: "body") var body: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "at") var at: Date

    // Relationships
    @Parent(key: "assessment_id") var assessment: RiskAssessmentRecord

    var properties: [any AnyProperty] { [$id, $createdAt, $threatID, $body, $authorID, $authorName, $at, $assessment] }

    init() {}
}

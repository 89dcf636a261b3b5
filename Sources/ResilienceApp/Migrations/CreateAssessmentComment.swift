import Fluent

/// The threads on the threats of security risk assessments.
struct CreateAssessmentComment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("assessment_comments")
            .id()
            .field("assessment_id", .uuid, .required, .references("risk_assessments", "id"))
            .field("threat_id", .uuid)
            .field("body", .string, .required)
            .field("author_id", .uuid)
            .field("author_name", .string, .required)
            .field("at", .datetime, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index("assessment_comments_assessment", on: "assessment_comments", ["assessment_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("assessment_comments").delete()
    }
}

import Fluent

/// Security risk assessments of areas, a row per version.
struct CreateRiskAssessment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("risk_assessments")
            .id()
            .field("area_id", .uuid, .required, .references("security_areas", "id"))
            .field("version", .int, .required)
            .field("state", .string, .required)
            .field("content", .string, .required)
            .field("valid_until", .datetime)
            .field("submitted_by_id", .uuid)
            .field("submitted_by_name", .string)
            .field("submitted_at", .datetime)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "area_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("risk_assessments").delete()
    }
}

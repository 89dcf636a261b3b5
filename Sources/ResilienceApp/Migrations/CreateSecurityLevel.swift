import Fluent

/// Proposed and approved security levels of areas: the history of each area's level.
struct CreateSecurityLevel: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("security_levels")
            .id()
            .field("area_id", .uuid, .required, .references("security_areas", "id"))
            .field("level", .int, .required)
            .field("ratings", .string, .required)
            .field("reason", .string, .required)
            .field("unchanged", .bool, .required)
            .field("effective_on", .datetime, .required)
            .field("next_review", .datetime, .required)
            .field("state", .string, .required)
            .field("proposed_by_id", .uuid)
            .field("proposed_by_name", .string, .required)
            .field("proposed_at", .datetime, .required)
            .field("decided_by_id", .uuid)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("security_levels_area", on: "security_levels", ["area_id", "state", "effective_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("security_levels").delete()
    }
}

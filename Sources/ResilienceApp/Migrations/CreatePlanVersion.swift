import Fluent

struct CreatePlanVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_versions")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("unit_id", .uuid, .required)
            .field("number", .int, .required)
            .field("content", .string, .required)
            .field("scale", .string, .required)
            .field("note", .string)
            .field("created_by_id", .uuid)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "plan_id", "number")
            .create()
        try await database.index("plan_versions_unit", on: "plan_versions", ["unit_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_versions").delete()
    }
}

import Fluent

struct CreatePlan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plans")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("cycle", .int, .required)
            .field("status", .string, .required)
            .field("content", .string, .required)
            .field("scale", .string, .required)
            .field("revision", .int, .required)
            .field("latest_version", .int, .required)
            .field("updated_by_name", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "unit_id", "cycle")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plans").delete()
    }
}

import Fluent

struct CreateUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("units")
            .id()
            .field("name", .string, .required)
            .field("code", .string)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references("units", "id"))
            .field("path", .string, .required)
            .field("depth", .int, .required)
            .field("retired_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "path")
            .unique(on: "code")
            .create()
        try await database.index("units_parent_name", on: "units", ["parent_id", "name"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("units").delete()
    }
}

import Fluent

struct CreateRoleGrant: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("role_grants")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("role", .string, .required)
            .field("granted_by_id", .uuid, .references("users", "id"))
            .field("revoked_by_id", .uuid, .references("users", "id"))
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.index("role_grants_user", on: "role_grants", ["user_id"])
        try await database.index("role_grants_unit", on: "role_grants", ["unit_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("role_grants").delete()
    }
}

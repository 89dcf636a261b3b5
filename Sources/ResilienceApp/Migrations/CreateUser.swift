import Fluent

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("email", .string)
            .field("password_hash", .string, .required)
            .field("language", .string)
            .field("is_active", .bool, .required)
            .field("last_sign_in_at", .datetime)
            .field("home_unit_id", .uuid, .required, .references("units", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.index("users_home_unit", on: "users", ["home_unit_id", "username"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}

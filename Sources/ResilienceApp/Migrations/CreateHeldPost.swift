import Fluent

/// Posts that arrived after their sender's session had ended, kept a day to be sent at sign-in.
struct CreateHeldPost: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("held_posts")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("path", .string, .required)
            .field("fields", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("held_posts").delete()
    }
}

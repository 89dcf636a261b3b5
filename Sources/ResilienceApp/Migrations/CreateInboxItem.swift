import Fluent

struct CreateInboxItem: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("inbox_items")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("kind", .string, .required)
            .field("args", .string, .required)
            .field("link", .string, .required)
            .field("unit_id", .uuid)
            .field("read_at", .datetime)
            .field("emailed_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.index("inbox_items_user", on: "inbox_items", ["user_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("inbox_items").delete()
    }
}

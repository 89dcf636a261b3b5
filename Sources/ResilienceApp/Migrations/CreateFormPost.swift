import Fluent

/// One row per form post that saved something, for a day: a repeat of it (a double click, a reload
/// on a slow link) is answered with where the first one led instead of saving twice.
struct CreateFormPost: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("form_posts")
            .field("key", .string, .identifier(auto: false))
            .field("location", .string)
            .field("at", .datetime, .required)
            .create()
        try await database.index("form_posts_at", on: "form_posts", ["at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("form_posts").delete()
    }
}

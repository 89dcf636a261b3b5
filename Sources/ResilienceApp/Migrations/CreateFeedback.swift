import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Feedback threads on items of submitted versions, and their messages.
struct CreateFeedback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("feedback_threads")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("version", .int, .required)
            .field("section", .string, .required)
            .field("item_id", .uuid)
            .field("field", .string)
            .field("label", .string, .required)
            .field("state", .string, .required)
            .field("opened_by_name", .string, .required)
            .field("resolved_by_name", .string)
            .field("resolved_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("feedback_threads_plan", on: "feedback_threads", ["plan_id", "state"])
        try await database.schema("feedback_messages")
            .id()
            .field("thread_id", .uuid, .required, .references("feedback_threads", "id"))
            .field("from_reviewer", .bool, .required)
            .field("body", .string, .required)
            .field("author_id", .uuid)
            .field("author_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index("feedback_messages_thread", on: "feedback_messages", ["thread_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("feedback_messages").delete()
        try await database.schema("feedback_threads").delete()
    }
}

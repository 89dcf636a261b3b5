import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Each move of a plan through its review, with who made it and the comment.
struct CreatePlanMove: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_moves")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("move", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("version", .int)
            .field("comment", .string)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.index("plan_moves_plan", on: "plan_moves", ["plan_id", "at"])
    }

    func revert(on database: any Database) async throws { try await database.schema("plan_moves").delete() }
}

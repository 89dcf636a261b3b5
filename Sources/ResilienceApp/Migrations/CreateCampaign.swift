import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Yearly campaigns and the units they ask to update their plan.
struct CreateCampaign: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("campaigns")
            .id()
            .field("scope_unit_id", .uuid, .required, .references("units", "id"))
            .field("cycle", .int, .required)
            .field("deadline", .datetime, .required)
            .field("note", .string)
            .field("opened_by_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema("campaign_units")
            .id()
            .field("campaign_id", .uuid, .required, .references("campaigns", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .unique(on: "campaign_id", "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("campaign_units").delete()
        try await database.schema("campaigns").delete()
    }
}

import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Where each unit's plans stand, one row per unit, kept with every change to its plans: the
/// dashboards read it instead of every plan's history.
struct CreatePlanStanding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_standings")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("current_plan_id", .uuid)
            .field("current_cycle", .int)
            .field("current_state", .string)
            .field("in_force_plan_id", .uuid)
            .field("approved_at", .datetime)
            .field("due_at", .datetime)
            .field("last_exercise", .datetime)
            .field("open_threads", .int, .required)
            .field("has_risk_register", .bool, .required)
            .field("reminded_due_soon", .datetime)
            .field("reminded_overdue", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "unit_id")
            .create()
        // Every unit that already has plans gets its row.
        let units = try await Plan.query(on: database).field(\.$unit.$id).unique().all(\.$unit.$id)
        for unit in Set(units) { try await PlanStanding.refresh(unit, on: database) }
    }

    func revert(on database: any Database) async throws { try await database.schema("plan_standings").delete() }
}

import Fluent
import ResilienceCore
import Foundation
import SQLKit

/// The review cycle on plans: their state (the `status` column now holds a `ReviewState`),
/// approval and due dates, the version under review, and the date of their last exercise.
/// Plans marked final before the review cycle existed become the unit's plan in force (the newest
/// cycle's) or superseded (older ones), approved when their last version was made.
struct AddPlanReview: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds them one at a time.
        for (name, type) in [("approved_at", DatabaseSchema.DataType.datetime), ("due_at", .datetime), ("superseded_at", .datetime),
                             ("submitted_version", .int), ("returned_version", .int), ("last_exercise", .datetime),
                             ("campaign_id", .uuid)] {
            try await database.schema("plans").field(.definition(name: .key(.init(stringLiteral: name)), dataType: type, constraints: [])).update()
        }
        guard let sql = database as? any SQLDatabase else { return }
        struct Row: Decodable { var id: UUID; var unit_id: UUID; var cycle: Int; var latest_version: Int }
        let finals = try await sql.select().columns("id", "unit_id", "cycle", "latest_version").from("plans")
            .where("status", .equal, "final").all(decoding: Row.self)
        let newest = Dictionary(grouping: finals, by: \.unit_id).mapValues { $0.max { $0.cycle < $1.cycle }!.id }
        for row in finals {
            struct Made: Decodable { var created_at: Date? }
            let made = try await sql.select().column("created_at").from("plan_versions")
                .where("plan_id", .equal, row.id).where("number", .equal, row.latest_version).first(decoding: Made.self)
            let approved = made?.created_at ?? Date()
            let inForce = newest[row.unit_id] == row.id
            try await sql.update("plans")
                .set("status", to: inForce ? "in_force" : "superseded")
                .set("approved_at", to: approved).set("due_at", to: PlanDue.dueDate(approvedAt: approved))
                .set("submitted_version", to: row.latest_version)
                .where("id", .equal, row.id).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.update("plans").set("status", to: "final").where("status", .in, ["in_force", "superseded", "endorsed"]).run()
        try await sql.update("plans").set("status", to: "draft").where("status", .notEqual, "final").run()
        for name in ["approved_at", "due_at", "superseded_at", "submitted_version", "returned_version", "last_exercise", "campaign_id"] {
            try await database.schema("plans").deleteField(.key(.init(stringLiteral: name))).update()
        }
    }
}

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

/// Regional compliance reports to HQ (dated records) and the daily figures behind the history.
struct CreateCompliance: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("compliance_reports")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("at", .datetime, .required)
            .field("units", .int, .required)
            .field("in_force", .int, .required)
            .field("updated_within_year", .int, .required)
            .field("tested_within_year", .int, .required)
            .field("with_risk_register", .int, .required)
            .field("overdue", .int, .required)
            .field("comments", .string, .required)
            .field("submitted_by_id", .uuid)
            .field("submitted_by_name", .string, .required)
            .create()
        try await database.index("compliance_reports_unit", on: "compliance_reports", ["unit_id", "at"])
        try await database.schema("compliance_snapshots")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("day", .string, .required)
            .field("units", .int, .required)
            .field("in_force", .int, .required)
            .field("updated_within_year", .int, .required)
            .field("tested_within_year", .int, .required)
            .field("with_risk_register", .int, .required)
            .field("overdue", .int, .required)
            .unique(on: "unit_id", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("compliance_snapshots").delete()
        try await database.schema("compliance_reports").delete()
    }
}

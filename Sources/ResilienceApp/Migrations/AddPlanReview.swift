import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// The review cycle on plans: their state (the `status` column now holds a `ReviewState`),
/// approval and due dates, the version under review, and the date of their last exercise.
/// Plans marked final before the review cycle existed become the unit's plan in force (the newest
/// cycle's) or superseded (older ones), approved when their last version was made.
struct AddPlanReview: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds them one at a time.
        for (name, type) in [
            ("approved_at", DatabaseSchema.DataType.datetime), ("due_at", .datetime), ("superseded_at", .datetime),
            ("submitted_version", .int), ("returned_version", .int), ("last_exercise", .datetime),
            ("campaign_id", .uuid),
        ] {
            try await database.schema("plans").field(
                .definition(name: .key(.init(stringLiteral: name)), dataType: type, constraints: [])
            ).update()
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
        try await sql.update("plans").set("status", to: "final").where(
            "status", .in, ["in_force", "superseded", "endorsed"]
        ).run()
        try await sql.update("plans").set("status", to: "draft").where("status", .notEqual, "final").run()
        for name in [
            "approved_at", "due_at", "superseded_at", "submitted_version", "returned_version", "last_exercise",
            "campaign_id",
        ] {
            try await database.schema("plans").deleteField(.key(.init(stringLiteral: name))).update()
        }
    }
}

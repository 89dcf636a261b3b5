import Fluent
import SQLKit

/// Treatment actions with due dates on each risk, and the links from risks to the scenarios and
/// critical processes of the unit's plans.
struct AddRiskTreatment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds them one at a time.
        try await database.schema("risks").field("actions", .string).update()
        try await database.schema("risks").field("next_action_due", .datetime).update()
        try await database.schema("risk_links")
            .id()
            .field("risk_id", .uuid, .required, .references("risks", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            // `scenario` or `process`: the plan's item the risk leads to or threatens.
            .field("target", .string, .required)
            .field("item_id", .uuid, .required)
            // The item's name when it was linked, for when a later plan no longer has it.
            .field("label", .string, .required)
            .unique(on: "risk_id", "target", "item_id")
            .create()
        // A plan's section reads the links of its unit.
        try await database.index("risk_links_unit", on: "risk_links", ["unit_id", "target"])
        // A register page is kept until a unit is renamed, among other changes; the latest is read by this index.
        try await database.index("units_updated", on: "units", ["updated_at"])
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "units_updated").run() }
        try await database.schema("risk_links").delete()
        try await database.schema("risks").deleteField("next_action_due").update()
        try await database.schema("risks").deleteField("actions").update()
    }
}

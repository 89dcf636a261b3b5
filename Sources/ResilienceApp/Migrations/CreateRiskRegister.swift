import Fluent
import SQLKit

/// The joint risk register: each unit's risks, and which kinds the unit marks relevant.
struct CreateRiskRegister: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("risks")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("cause", .string)
            .field("consequence", .string)
            .field("inherent_likelihood", .int, .required)
            .field("inherent_impact", .int, .required)
            .field("residual_likelihood", .int)
            .field("residual_impact", .int)
            .field("owner", .string)
            .field("treatment", .string)
            .field("status", .string, .required)
            .field("review_date", .datetime)
            .field("source", .string, .required)
            .field("updated_by_name", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("risks_unit", on: "risks", ["unit_id", "kind"])
        // The register lists by title a page at a time: walking this index finds a page without sorting them all.
        try await database.index("risks_title", on: "risks", ["title"])
        // The register's heat maps are kept until a risk changes; the latest change is read by this index.
        try await database.index("risks_updated", on: "risks", ["updated_at"])
        try await database.schema("risk_registers")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("relevant_kinds", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("risk_registers").delete()
        try await database.schema("risks").delete()
    }
}

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

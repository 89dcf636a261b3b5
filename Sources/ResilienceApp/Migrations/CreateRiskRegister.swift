import Fluent

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

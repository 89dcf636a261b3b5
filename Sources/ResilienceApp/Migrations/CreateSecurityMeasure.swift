import Fluent

/// HQ's catalogue of security risk management measures, and each duty station's compliance.
struct CreateSecurityMeasure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("security_measures")
            .id()
            .field("code", .string, .required)
            .field("category", .string, .required)
            .field("baseline_from", .int)
            .field("names", .string, .required)
            .field("retired_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema("measure_compliance")
            .id()
            .field("duty_station_id", .uuid, .required, .references("duty_stations", "id"))
            .field("measure_id", .uuid, .required, .references("security_measures", "id"))
            .field("status", .string, .required)
            .field("reason", .string)
            .field("evidence", .string)
            .field("verified_by_id", .uuid)
            .field("verified_by_name", .string, .required)
            .field("verified_at", .datetime, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "duty_station_id", "measure_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("measure_compliance").delete()
        try await database.schema("security_measures").delete()
    }
}

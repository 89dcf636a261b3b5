import Fluent

/// The agencies HQ lists, and their headcounts at each duty station.
struct CreateAgency: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agencies")
            .id()
            .field("short_names", .string, .required)
            .field("full_names", .string, .required)
            .field("retired_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("agency_presences")
            .id()
            .field("duty_station_id", .uuid, .required, .references("duty_stations", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("international_staff", .int, .required)
            .field("national_staff", .int, .required)
            .field("dependants", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "duty_station_id", "agency_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agency_presences").delete()
        try await database.schema("agencies").delete()
    }
}

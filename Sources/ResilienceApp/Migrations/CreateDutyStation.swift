import Fluent

struct CreateDutyStation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("duty_stations")
            .id()
            .field("name", .string, .required)
            .field("country", .string, .required)
            .field("area", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("retired_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("duty_stations_unit", on: "duty_stations", ["unit_id"])
        try await database.index("duty_stations_country_name", on: "duty_stations", ["country", "name"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("duty_stations").delete()
    }
}

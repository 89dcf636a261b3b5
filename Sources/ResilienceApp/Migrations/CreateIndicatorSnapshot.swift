import Fluent

/// The daily history of the security indicators of HQ and the regions.
struct CreateIndicatorSnapshot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("indicator_snapshots")
            .id()
            .field("unit_id", .uuid, .required)
            .field("day", .string, .required)
            .field("indicator", .string, .required)
            .field("value", .double, .required)
            .create()
        try await database.index("indicator_snapshots_unit_day", on: "indicator_snapshots", ["unit_id", "day"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("indicator_snapshots").delete()
    }
}

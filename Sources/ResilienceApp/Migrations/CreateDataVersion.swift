import Fluent

/// A counter per kind of data and scope, bumped in the transaction of every write (see
/// `DataVersions`): what kept pages are valid for.
struct CreateDataVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("data_versions")
            .field("scope", .string, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("data_versions").delete()
    }
}

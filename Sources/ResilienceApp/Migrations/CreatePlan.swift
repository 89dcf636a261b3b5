import Fluent

struct CreatePlan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plans")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("cycle", .int, .required)
            .field("status", .string, .required)
            .field("content", .string, .required)
            .field("scale", .string, .required)
            .field("revision", .int, .required)
            .field("latest_version", .int, .required)
            .field("updated_by_name", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "unit_id", "cycle")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plans").delete()
    }
}

struct CreatePlanVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_versions")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("unit_id", .uuid, .required)
            .field("number", .int, .required)
            .field("content", .string, .required)
            .field("scale", .string, .required)
            .field("note", .string)
            .field("created_by_id", .uuid)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "plan_id", "number")
            .create()
        try await database.index("plan_versions_unit", on: "plan_versions", ["unit_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_versions").delete()
    }
}

struct CreateSetting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("settings")
            .id()
            .field("key", .string, .required)
            .field("value", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("settings").delete()
    }
}

import Fluent

struct CreateAuditEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .id()
            .field("at", .datetime, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .uuid)
            .field("summary", .string, .required)
            .field("before", .string, .required)
            .field("after", .string, .required)
            .field("actor_name", .string)
            .field("actor_id", .uuid)
            .field("unit_id", .uuid)
            .field("subject_user_id", .uuid)
            .create()
        try await database.index("audit_entries_unit_at", on: "audit_entries", ["unit_id", "at"])
        try await database.index("audit_entries_actor_at", on: "audit_entries", ["actor_id", "at"])
        try await database.index("audit_entries_subject_at", on: "audit_entries", ["subject_user_id", "at"])
        try await database.index("audit_entries_at", on: "audit_entries", ["at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").delete()
    }
}

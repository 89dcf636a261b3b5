import Fluent

struct CreateActivation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("activations")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("kind", .string, .required)
            .field("started_at", .datetime, .required)
            .field("places", .string, .required)
            .field("status", .string, .required)
            .field("processes", .string, .required)
            .field("process_states", .string, .required)
            .field("closed_at", .datetime)
            .field("after_action", .string)
            .field("started_by_name", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("activations_unit", on: "activations", ["unit_id", "started_at"])
        try await database.schema("activation_entries")
            .id()
            .field("activation_id", .uuid, .required, .references("activations", "id"))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("process_id", .uuid)
            .field("process_name", .string)
            .field("state", .string)
            .field("note", .string, .required)
            .create()
        try await database.index("activation_entries_activation", on: "activation_entries", ["activation_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("activation_entries").delete()
        try await database.schema("activations").delete()
    }
}

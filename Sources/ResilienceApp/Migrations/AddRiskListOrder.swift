import Fluent
import SQLKit

/// The register's lists go by title, then id (titles repeat): an index in that order serves a
/// page, and a page after a key (`(title, id) > (…)`), by walking it, and replaces the index on
/// the title alone.
struct AddRiskListOrder: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.index("risks_title_id", on: "risks", ["title", "id"])
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "risks_title").run() }
    }

    func revert(on database: any Database) async throws {
        try await database.index("risks_title", on: "risks", ["title"])
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "risks_title_id").run() }
    }
}

import Fluent
import SQLKit

/// Indexes that answer "how many can be located" from the index alone: per unit, the people
/// still there with when they were located (and their ids, to reach their dependants), and per
/// person, when each dependant was.
struct AddPersonnelIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.index(
            "personnel_unit_located", on: "personnel", ["unit_id", "left_at", "location_confirmed_at", "id"])
        try await database.index(
            "dependants_personnel_located", on: "dependants", ["personnel_id", "location_confirmed_at"])
        try await database.index(
            "roll_call_entries_marked", on: "roll_call_entries", ["roll_call_id", "marked_at", "status"])
        // A roll-call's list of everyone, by key.
        try await database.index("roll_call_entries_order", on: "roll_call_entries", ["roll_call_id", "id"])
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for name in [
            "roll_call_entries_order", "roll_call_entries_marked", "dependants_personnel_located",
            "personnel_unit_located",
        ] {
            try await sql.drop(index: name).run()
        }
    }
}

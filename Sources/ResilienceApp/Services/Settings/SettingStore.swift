import Fluent
import Foundation
import ResilienceCore

/// HQ's organization-wide settings (the impact scale, the risk matrix), each a value stored as
/// JSON under its key; every change audited with the value before and after.
enum SettingStore {
    /// The stored value, or `standard` until one is set (or when the stored one no longer reads).
    static func value<T: Decodable>(_ key: String, standard: T, on db: any Database) async throws -> T {
        guard let setting = try await Setting.query(on: db).filter(\.$key == key).first() else { return standard }
        return (try? PlanCodec.decode(T.self, setting.value)) ?? standard
    }

    static func set<T: Encodable>(
        _ key: String, to value: T, by context: AuditContext, on db: any Database
    ) async throws {
        let encoded = PlanCodec.encode(value)
        try await db.transaction { db in
            let setting = try await Setting.query(on: db).filter(\.$key == key).first() ?? Setting()
            let before = setting.id == nil ? [:] : ["value": setting.value]
            setting.key = key
            setting.value = encoded
            try await setting.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, entity: "setting", id: setting.id, unitID: nil,
                summary: key, change: AuditChange(before: before, after: ["value": setting.value]))
        }
    }
}

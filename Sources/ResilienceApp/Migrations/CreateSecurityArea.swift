import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Security areas, and every duty station in exactly one: each distinct area name a country's
/// duty stations carried becomes an area of that country, kept by the country operation above
/// the first such station (or by that station's unit where there is none).
struct CreateSecurityArea: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("security_areas")
            .id()
            .field("country", .string, .required)
            .field("names", .string, .required)
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("security_areas_unit", on: "security_areas", ["unit_id"])
        try await database.index("security_areas_country", on: "security_areas", ["country"])
        try await database.schema("duty_stations").field("area_id", .uuid, .references("security_areas", "id"))
            .update()
        guard let sql = database as? any SQLDatabase else { return }
        struct Row: Decodable { var id: UUID; var country: String; var area: String; var unit_id: UUID }
        struct UnitRow: Decodable { var id: UUID; var kind: String; var path: String }
        let stations = try await sql.raw("SELECT id, country, area, unit_id FROM duty_stations ORDER BY created_at, id")
            .all(decoding: Row.self)
        let units = try await sql.raw("SELECT id, kind, path FROM units").all(decoding: UnitRow.self)
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func keeper(_ unitID: UUID) -> UUID {
            let ids = byID[unitID].flatMap { UnitPath(encoded: $0.path) }?.ids ?? [unitID]
            return ids.last { byID[$0]?.kind == UnitKind.countryOperation.rawValue } ?? unitID
        }
        var areas: [String: UUID] = [:]
        let now = Date()
        for s in stations {
            let key = "\(s.country)\u{1F}\(s.area)"
            let areaID: UUID
            if let known = areas[key] {
                areaID = known
            } else {
                areaID = UUID()
                areas[key] = areaID
                try await sql.insert(into: "security_areas")
                    .columns("id", "country", "names", "unit_id", "created_at", "updated_at")
                    .values(
                        SQLBind(areaID), SQLBind(s.country), SQLBind(PlanCodec.encode(["en": s.area])),
                        SQLBind(keeper(s.unit_id)), SQLBind(now), SQLBind(now)
                    ).run()
            }
            try await sql.update("duty_stations").set("area_id", to: SQLBind(areaID)).where("id", .equal, SQLBind(s.id))
                .run()
        }
        try await database.schema("duty_stations").deleteField("area").update()
        try await database.index("duty_stations_area", on: "duty_stations", ["area_id"])
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "duty_stations_area").run() }
        try await database.schema("duty_stations").field("area", .string).update()
        if let sql = database as? any SQLDatabase {
            struct Area: Decodable { var id: UUID; var names: String }
            for a in try await sql.raw("SELECT id, names FROM security_areas").all(decoding: Area.self) {
                let names = (try? PlanCodec.decode([String: String].self, a.names)) ?? [:]
                try await sql.update("duty_stations").set("area", to: SQLBind(names["en"] ?? names.values.first ?? ""))
                    .where("area_id", .equal, SQLBind(a.id)).run()
            }
        }
        try await database.schema("duty_stations").deleteField("area_id").update()
        try await database.schema("security_areas").delete()
    }
}

import Fluent
import Foundation
import SQLKit
import Vapor

/// A duty station as its list shows it, with the name of its unit.
struct DutyStationRow: Decodable, Sendable {
    var id: UUID, name: String, country: String, areaID: UUID, areaNames: String, latitude: Double, longitude: Double
    var unitID: UUID, unitName: String, retiredAt: Date?
    enum CodingKeys: String, CodingKey {
        case id, name, country, latitude, longitude, unitID = "unit_id", unitName = "unit_name", retiredAt =
            "retired_at", areaID = "area_id", areaNames = "area_names"
    }
    /// The area's name in a language.
    func area(_ code: String) -> String { NameSet.pick(areaNames, code) }
}

/// An account as its list shows it, with the name of its unit.
struct UserRow: Decodable, Sendable {
    var id: UUID, username: String, displayName: String, email: String?, language: String?, isActive: Bool
    var lastSignInAt: Date?, homeUnitID: UUID, unitName: String
    enum CodingKeys: String, CodingKey {
        case id, username, email, language, displayName = "display_name", isActive = "is_active"
        case lastSignInAt = "last_sign_in_at", homeUnitID = "home_unit_id", unitName = "unit_name"
    }
}

/// The two long lists, read as flat rows in one statement each. At UN scale (2,000 stations,
/// 120,000 accounts) building Fluent models for every row and counting through Fluent's
/// `COUNT(column)` were most of a page's time.
enum ListReads {
    /// Duty stations of any of `units` (nil: anywhere), matching a text.
    static func dutyStations(
        in units: [UUID]?, matching text: String, page: (page: Int, per: Int),
        on db: any Database
    ) async throws -> ([DutyStationRow], PageInfo) {
        let sql = try sqlDatabase(db)
        var conditions: [SQLQueryString] = []
        if let units { conditions.append(units.isEmpty ? "1 = 0" : "d.unit_id IN (\(binds: units))") }
        if !text.isEmpty {
            let like = sql.caseInsensitiveLike
            conditions.append(
                "(d.name \(unsafeRaw: like) \(bind: "%\(text)%") OR d.country = \(bind: text.uppercased()) OR a.names \(unsafeRaw: like) \(bind: "%\(text)%"))"
            )
        }
        let filter = whereClause(conditions)
        let total =
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM duty_stations d JOIN security_areas a ON a.id = d.area_id" + filter
            ).first(
                decodingColumn: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            SELECT d.id, d.name, d.country, d.area_id, a.names AS area_names, d.latitude, d.longitude, d.unit_id,
                d.retired_at, u.name AS unit_name
            FROM duty_stations d JOIN units u ON u.id = d.unit_id JOIN security_areas a ON a.id = d.area_id
            """ + filter
                + " ORDER BY d.country, d.name LIMIT \(bind: page.per) OFFSET \(bind: (page.page - 1) * page.per)"
        )
        .all(decoding: DutyStationRow.self)
        return (rows, PageInfo(page: page.page, per: page.per, total: total, hasMore: page.page * page.per < total))
    }

    /// Accounts posted in any of `units` (nil: anywhere), matching a text. Without a total: an
    /// exact count of 120,000 rows costs more than the page itself, so the pager only knows
    /// whether there is a next page.
    /// With `after` (a user name) the page starts just after it, with `before` it ends just
    /// before it; no row is skipped by offset, so deep pages cost what the first one does.
    static func users(
        in units: [UUID]?, matching text: String, page: (page: Int, per: Int), after: String? = nil,
        before: String? = nil, on db: any Database
    ) async throws -> ([UserRow], PageInfo) {
        let sql = try sqlDatabase(db)
        var conditions: [SQLQueryString] = []
        if let after { conditions.append("u.username > \(bind: after)") }
        let backwards = after == nil && before != nil
        if backwards, let before { conditions.append("u.username < \(bind: before)") }
        let keyed = after != nil || backwards
        if let units { conditions.append(units.isEmpty ? "1 = 0" : "u.home_unit_id IN (\(binds: units))") }
        if !text.isEmpty {
            conditions.append(
                "(u.username LIKE \(bind: "%\(text.lowercased())%") OR u.display_name \(unsafeRaw: sql.caseInsensitiveLike) \(bind: "%\(text)%"))"
            )
        }
        // The page's user names first, from the index in their order (an offset steps over
        // names there, not over joined rows: page 500 of 120,000 accounts cost 90 ms joined),
        // then their rows.
        let order: SQLQueryString = backwards ? " ORDER BY u.username DESC" : " ORDER BY u.username"
        let names: SQLQueryString =
            "SELECT u.username FROM users u" + whereClause(conditions) + order
            + " LIMIT \(unsafeRaw: String(page.per + 1)) OFFSET \(unsafeRaw: String(keyed ? 0 : (page.page - 1) * page.per))"
        let rows = try await sql.raw(
            """
            SELECT u.id, u.username, u.display_name, u.email, u.language, u.is_active, u.last_sign_in_at, u.home_unit_id,
                   n.name AS unit_name
            FROM users u JOIN units n ON n.id = u.home_unit_id
            WHERE u.username IN (
            """ + names + ")" + order
        )
        .all(decoding: UserRow.self)
        let extra = rows.count > page.per
        var items = Array(rows.prefix(page.per))
        if backwards { items.reverse() }
        // Reading forwards, rows exist before the page when it started after a key (or past page 1);
        // reading backwards, when one row more than the page came back.
        let earlier = backwards ? extra : (after != nil || page.page > 1)
        let later = backwards ? true : extra
        return (
            items,
            PageInfo(
                page: keyed ? 1 : page.page, per: page.per, total: nil, hasMore: later,
                nextAfter: later ? items.last?.username : nil,
                previousBefore: earlier ? items.first?.username : nil)
        )
    }

    private static func whereClause(_ conditions: [SQLQueryString]) -> SQLQueryString {
        conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    }

    private static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "an SQL database is required")
        }
        return sql
    }
}

extension SQLDatabase {
    /// The operator that matches text whatever its case: LIKE does so on SQLite, ILIKE on
    /// PostgreSQL, where LIKE tells case apart (a search for "bangla" found nothing there).
    var caseInsensitiveLike: String { dialect.name == "postgresql" ? "ILIKE" : "LIKE" }
}

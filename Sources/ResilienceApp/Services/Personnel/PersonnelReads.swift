import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// What the personnel pages read: lists of a unit's subtree, the locatable shares and the
/// reconciliation list.
enum PersonnelReads {
    /// `personnel.unit_id` within the subtree, as one statement.
    static func inSubtree(_ unit: Unit, column: String = "personnel.unit_id") -> SQLQueryString {
        "\(unsafeRaw: column) IN (SELECT id FROM units WHERE path LIKE \(bind: unit.path + "%"))"
    }

    /// Located within the window by `now`, of those counted: personnel, then dependants.
    struct Located: Sendable, Equatable {
        var personnel: (Int, Int)
        var dependants: (Int, Int)

        /// Counts of several units together.
        static func sum(_ all: some Sequence<Located>) -> Located {
            all.reduce(Located(personnel: (0, 0), dependants: (0, 0))) {
                Located(
                    personnel: ($0.personnel.0 + $1.personnel.0, $0.personnel.1 + $1.personnel.1),
                    dependants: ($0.dependants.0 + $1.dependants.0, $0.dependants.1 + $1.dependants.1))
            }
        }
        static func == (a: Located, b: Located) -> Bool {
            a.personnel == b.personnel && a.dependants == b.dependants
        }
    }

    static func locatable(under unit: Unit, at now: Date, on db: any Database) async throws -> Located {
        let days = try await SecuritySettings.locatableDays(on: db)
        return try await locatable(under: unit, since: now.addingTimeInterval(-Double(days) * 86_400), on: db)
    }

    /// The same, kept until the subtree's personnel or HQ's window change, or the minute turns
    /// (a location ages out of the window with time alone).
    static func locatable(
        under unit: Unit, at now: Date, kept: KeptCache, on db: any Database
    ) async throws
        -> Located
    {
        let unitID = try unit.requireID()
        let version = try await DataVersions.version(of: [.under(.personnel, unitID), .all(.settings)], on: db)
        let key = KeptCache.Key<Located>(
            .locatable, [unitID.uuidString, version, String(Int(now.timeIntervalSince1970 / 60))])
        return try await kept.value(key, cost: { _ in 64 }) { try await locatable(under: unit, at: now, on: db) }
    }

    /// Counts by unit of the subtree (personnel and dependants, located and all), in two statements.
    static func countsByUnit(
        under unit: Unit, since cutoff: Date, on db: any Database
    ) async throws
        -> [UUID: Located]
    {
        guard let sql = db as? any SQLDatabase else { return [:] }
        var out: [UUID: Located] = [:]
        let people: SQLQueryString = """
            SELECT unit_id, COUNT(*) AS total,
              SUM(CASE WHEN location_confirmed_at >= \(bind: cutoff) THEN 1 ELSE 0 END) AS located
            FROM personnel WHERE left_at IS NULL AND \(inSubtree(unit)) GROUP BY unit_id
            """
        for row in try await sql.raw(people).all() {
            let id = try row.decode(column: "unit_id", as: UUID.self)
            let total = try row.decode(column: "total", as: Int.self)
            let located = try row.decode(column: "located", as: Int?.self) ?? 0
            out[id, default: Located(personnel: (0, 0), dependants: (0, 0))].personnel = (located, total)
        }
        let dependants: SQLQueryString = """
            SELECT personnel.unit_id AS unit_id, COUNT(*) AS total,
              SUM(CASE WHEN dependants.location_confirmed_at >= \(bind: cutoff) THEN 1 ELSE 0 END) AS located
            FROM dependants JOIN personnel ON personnel.id = dependants.personnel_id
            WHERE personnel.left_at IS NULL AND \(inSubtree(unit)) GROUP BY personnel.unit_id
            """
        for row in try await sql.raw(dependants).all() {
            let id = try row.decode(column: "unit_id", as: UUID.self)
            let total = try row.decode(column: "total", as: Int.self)
            let located = try row.decode(column: "located", as: Int?.self) ?? 0
            out[id, default: Located(personnel: (0, 0), dependants: (0, 0))].dependants = (located, total)
        }
        return out
    }

    static func locatable(under unit: Unit, since cutoff: Date, on db: any Database) async throws -> Located {
        Located.sum(try await countsByUnit(under: unit, since: cutoff, on: db).values)
    }

    /// The unit's figures and those of each unit right below it (whose subtrees they sum).
    static func shares(
        under unit: Unit, at now: Date, on db: any Database
    ) async throws
        -> (all: Located, rows: [(Unit, Located)])
    {
        let days = try await SecuritySettings.locatableDays(on: db)
        let counts = try await countsByUnit(under: unit, since: now.addingTimeInterval(-Double(days) * 86_400), on: db)
        let units = try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), unit.path + "%").all()
        let children = units.filter { $0.$parent.id == unit.id && $0.retiredAt == nil }.sorted { $0.name < $1.name }
        func sum(_ prefix: String) -> Located {
            units.filter { $0.path.hasPrefix(prefix) }.compactMap { counts[$0.id!] }.reduce(
                Located(personnel: (0, 0), dependants: (0, 0))
            ) {
                Located(
                    personnel: ($0.personnel.0 + $1.personnel.0, $0.personnel.1 + $1.personnel.1),
                    dependants: ($0.dependants.0 + $1.dependants.0, $0.dependants.1 + $1.dependants.1))
            }
        }
        return (sum(unit.path), children.map { ($0, sum($0.path)) }.filter { $0.1.personnel.1 > 0 })
    }

    /// Counts by the security area of the duty station each person is posted at (their
    /// dependants with them), for the areas kept in the subtree.
    static func byArea(under unit: Unit, at now: Date, on db: any Database) async throws -> [UUID: Located] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        let days = try await SecuritySettings.locatableDays(on: db)
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        var out: [UUID: Located] = [:]
        for (dependants, query) in [
            (
                false,
                SQLQueryString(
                    """
                    SELECT duty_stations.area_id AS area_id, COUNT(*) AS total,
                      SUM(CASE WHEN personnel.location_confirmed_at >= \(bind: cutoff) THEN 1 ELSE 0 END) AS located
                    FROM personnel JOIN duty_stations ON duty_stations.id = personnel.duty_station_id
                    WHERE personnel.left_at IS NULL AND \(inSubtree(unit)) GROUP BY duty_stations.area_id
                    """)
            ),
            (
                true,
                SQLQueryString(
                    """
                    SELECT duty_stations.area_id AS area_id, COUNT(*) AS total,
                      SUM(CASE WHEN dependants.location_confirmed_at >= \(bind: cutoff) THEN 1 ELSE 0 END) AS located
                    FROM dependants JOIN personnel ON personnel.id = dependants.personnel_id
                    JOIN duty_stations ON duty_stations.id = personnel.duty_station_id
                    WHERE personnel.left_at IS NULL AND \(inSubtree(unit)) GROUP BY duty_stations.area_id
                    """)
            ),
        ] {
            for row in try await sql.raw(query).all() {
                let id = try row.decode(column: "area_id", as: UUID.self)
                let pair = (
                    try row.decode(column: "located", as: Int?.self) ?? 0, try row.decode(column: "total", as: Int.self)
                )
                var value = out[id] ?? Located(personnel: (0, 0), dependants: (0, 0))
                if dependants { value.dependants = pair } else { value.personnel = pair }
                out[id] = value
            }
        }
        return out
    }

    /// One line of the reconciliation list: a person or a dependant, and why they cannot be relied on.
    struct Unlocated: Sendable {
        var personnelID: UUID
        var name: String
        var dependantName: String?
        var stationID: UUID
        var confirmedAt: Date?
        var reasons: [UnlocatableReason]
    }

    /// Who in the subtree cannot be located now, and why: personnel first by name, then dependants.
    static func reconciliation(
        under unit: Unit, at now: Date, limit: Int, on db: any Database
    ) async throws
        -> [Unlocated]
    {
        let days = try await SecuritySettings.locatableDays(on: db)
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        guard let sql = db as? any SQLDatabase else { return [] }
        // Read as values: decoding 400 records and their joined people as models was nine tenths
        // of the page (60 requests/s).
        struct Row: Decodable {
            var personnel_id: UUID, name: String, dependant_name: String?, duty_station_id: UUID
            var confirmed_at: Date?, has_phone: Int
        }
        let people = try await sql.raw(
            """
            SELECT p.id AS personnel_id, p.name, NULL AS dependant_name, p.duty_station_id,
                   p.location_confirmed_at AS confirmed_at, CASE WHEN p.phone IS NULL THEN 0 ELSE 1 END AS has_phone
            FROM personnel p
            WHERE p.left_at IS NULL AND \(inSubtree(unit, column: "p.unit_id"))
              AND (p.location_confirmed_at IS NULL OR p.location_confirmed_at < \(bind: cutoff) OR p.phone IS NULL)
            ORDER BY p.name, p.id LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: Row.self)
        let dependants = try await sql.raw(
            """
            SELECT p.id AS personnel_id, p.name, d.name AS dependant_name, p.duty_station_id,
                   d.location_confirmed_at AS confirmed_at,
                   CASE WHEN d.phone IS NULL AND p.phone IS NULL THEN 0 ELSE 1 END AS has_phone
            FROM dependants d JOIN personnel p ON p.id = d.personnel_id
            WHERE p.left_at IS NULL AND \(inSubtree(unit, column: "p.unit_id"))
              AND (d.location_confirmed_at IS NULL OR d.location_confirmed_at < \(bind: cutoff))
            ORDER BY p.name, d.id LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: Row.self)
        return (people + dependants).map { r in
            Unlocated(
                personnelID: r.personnel_id, name: r.name, dependantName: r.dependant_name,
                stationID: r.duty_station_id,
                confirmedAt: r.confirmed_at,
                reasons: Locatability.reasons(
                    confirmedAt: r.confirmed_at, now: now, windowDays: days, hasPhone: r.has_phone != 0))
        }
    }

    /// A record as the list shows it.
    struct ListRow: Decodable, Sendable {
        var id: UUID, name: String, indexNumber: String, category: PersonnelCategory, agencyID: UUID?, stationID: UUID
        enum CodingKeys: String, CodingKey {
            case id, name, category, indexNumber = "index_number", agencyID = "agency_id",
                stationID = "duty_station_id"
        }
    }

    /// A page of the subtree's personnel by name (a key after the last row), filtered by text;
    /// read as values (a record decoded as a model was a fifth of the page).
    static func list(
        under unit: Unit, text: String, after: (String, UUID)?, per: Int, on db: any Database
    ) async throws -> [ListRow] {
        guard let sql = db as? any SQLDatabase else { return [] }
        var conditions: [SQLQueryString] = ["p.left_at IS NULL", inSubtree(unit, column: "p.unit_id")]
        if !text.isEmpty {
            conditions.append(
                "(p.name LIKE \(bind: "%\(text)%") OR p.index_number LIKE \(bind: "%\(text.uppercased())%"))")
        }
        if let (name, id) = after {
            conditions.append("(p.name > \(bind: name) OR (p.name = \(bind: name) AND p.id > \(bind: id)))")
        }
        return try await sql.raw(
            "SELECT p.id, p.name, p.index_number, p.category, p.agency_id, p.duty_station_id FROM personnel p WHERE "
                + conditions.joined(separator: " AND ")
                + " ORDER BY p.name, p.id LIMIT \(unsafeRaw: String(per + 1))"
        ).all(decoding: ListRow.self)
    }
}

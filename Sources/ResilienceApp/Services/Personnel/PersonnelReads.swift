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
        try await countsByUnit(under: unit, since: cutoff, on: db).values.reduce(
            Located(personnel: (0, 0), dependants: (0, 0))
        ) {
            Located(
                personnel: ($0.personnel.0 + $1.personnel.0, $0.personnel.1 + $1.personnel.1),
                dependants: ($0.dependants.0 + $1.dependants.0, $0.dependants.1 + $1.dependants.1))
        }
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
        let people = try await Personnel.query(on: db).filter(\.$leftAt == nil)
            .filter(.sql(inSubtree(unit))).group(.or) {
                $0.filter(\.$locationConfirmedAt == nil).filter(\.$locationConfirmedAt < cutoff).filter(\.$phone == nil)
            }
            .sort(\.$name).sort(\.$id).limit(limit).all()
        var out = people.map { p in
            Unlocated(
                personnelID: p.id!, name: p.name, dependantName: nil, stationID: p.$station.id,
                confirmedAt: p.locationConfirmedAt,
                reasons: Locatability.reasons(
                    confirmedAt: p.locationConfirmedAt, now: now, windowDays: days, hasPhone: p.phone != nil))
        }
        let dependants = try await Dependant.query(on: db).join(
            Personnel.self, on: \Dependant.$personnel.$id == \Personnel.$id
        )
        .filter(Personnel.self, \.$leftAt == nil).filter(.sql(inSubtree(unit)))
        .group(.or) { $0.filter(\.$locationConfirmedAt == nil).filter(\.$locationConfirmedAt < cutoff) }
        .sort(Personnel.self, \.$name).sort(\.$id).limit(limit).all()
        for d in dependants {
            let p = try d.joined(Personnel.self)
            out.append(
                Unlocated(
                    personnelID: p.id!, name: p.name, dependantName: d.name, stationID: p.$station.id,
                    confirmedAt: d.locationConfirmedAt,
                    reasons: Locatability.reasons(
                        confirmedAt: d.locationConfirmedAt, now: now, windowDays: days,
                        hasPhone: d.phone != nil || p.phone != nil)))
        }
        return out
    }

    /// A page of the subtree's personnel by name (a key after the last row), filtered by text.
    static func list(
        under unit: Unit, text: String, after: (String, UUID)?, per: Int, on db: any Database
    ) async throws -> [Personnel] {
        var query = Personnel.query(on: db).filter(\.$leftAt == nil).filter(.sql(inSubtree(unit)))
        if !text.isEmpty {
            query = query.group(.or) {
                $0.filter(\.$name, .custom("LIKE"), "%\(text)%").filter(
                    \.$indexNumber, .custom("LIKE"), "%\(text.uppercased())%")
            }
        }
        if let (name, id) = after {
            query = query.group(.or) { g in
                g.filter(\.$name > name).group(.and) { $0.filter(\.$name == name).filter(\.$id > id) }
            }
        }
        return try await query.sort(\.$name).sort(\.$id).limit(per + 1).all()
    }
}

import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// The lists of travel: an officer's queue, a person's trips, HQ's aviation advice and travel
/// cases. Each reads a page by key from an index.
enum TravelReads {
    /// A leg as a list shows it, with its request and the names around it, read as values.
    struct LegRow: Sendable {
        var legID: UUID
        var requestID: UUID
        var position: Int
        var purpose: String
        var traveller: String
        var fromID: UUID
        var from: String
        var toID: UUID
        var to: String
        var toPlace: String?
        var departs: Date
        var arrives: Date
        var means: TravelMeans
        var operatorID: UUID?
        var flight: String?
        var clearance: LegClearance
        var reasons: String
        var adviceRequestedAt: Date?
    }

    /// The columns of a `LegRow`, from `travel_legs l`, `travel_requests r`, `personnel p` and the
    /// stations `fs` and `ts`.
    private static var legColumns: SQLQueryString {
        SQLQueryString(
            "SELECT l.id, l.request_id, l.position, r.purpose, p.name AS traveller, l.from_station_id, "
                + "fs.name AS from_name, l.to_station_id, ts.name AS to_name, l.to_place, l.departs_at, l.arrives_at, "
                + "l.means, l.operator_id, l.flight, l.clearance, l.reasons, l.advice_requested_at "
                + "FROM travel_legs l JOIN travel_requests r ON r.id = l.request_id "
                + "JOIN personnel p ON p.id = r.personnel_id JOIN duty_stations fs ON fs.id = l.from_station_id "
                + "JOIN duty_stations ts ON ts.id = l.to_station_id")
    }

    private static func legRow(_ row: any SQLRow) throws -> LegRow {
        LegRow(
            legID: try row.decode(column: "id", as: UUID.self),
            requestID: try row.decode(column: "request_id", as: UUID.self),
            position: try row.decode(column: "position", as: Int.self),
            purpose: try row.decode(column: "purpose", as: String.self),
            traveller: try row.decode(column: "traveller", as: String.self),
            fromID: try row.decode(column: "from_station_id", as: UUID.self),
            from: try row.decode(column: "from_name", as: String.self),
            toID: try row.decode(column: "to_station_id", as: UUID.self),
            to: try row.decode(column: "to_name", as: String.self),
            toPlace: try row.decode(column: "to_place", as: String?.self),
            departs: try row.decode(column: "departs_at", as: Date.self),
            arrives: try row.decode(column: "arrives_at", as: Date.self),
            means: TravelMeans(rawValue: try row.decode(column: "means", as: String.self)) ?? .other,
            operatorID: try row.decode(column: "operator_id", as: UUID?.self),
            flight: try row.decode(column: "flight", as: String?.self),
            clearance: LegClearance(rawValue: try row.decode(column: "clearance", as: String.self)) ?? .pending,
            reasons: try row.decode(column: "reasons", as: String.self),
            adviceRequestedAt: try row.decode(column: "advice_requested_at", as: Date?.self))
    }

    /// Legs waiting for clearance at units inside `roots` (nil: everywhere), soonest first, a page
    /// after the key `(departs, id)`; one statement, read as values (decoding the legs and
    /// requests as models was most of the page's time).
    static func queue(
        within roots: [Unit]?, after: (Date, UUID)?, per: Int, on db: any Database
    ) async throws -> [LegRow] {
        // HQ's queue, a page at a time: prepared once per connection (PostgreSQL spent twice as long
        // planning it as running it).
        if roots == nil && per <= 100 {
            let (departs, id) = after ?? (Date(timeIntervalSince1970: 0), AppPath.any)
            let parameters: [PreparedParameter] = [
                .string(LegClearance.pending.rawValue), .string(TravelStatus.submitted.rawValue), .date(departs),
                .uuid(id),
            ]
            let rows =
                per <= 50
                ? try await QueueRead(parameters: parameters).all(on: db)
                : try await LongQueueRead(parameters: parameters).all(on: db)
            return Array(try rows.map(legRow).prefix(per + 1))
        }
        guard let sql = db as? any SQLDatabase else { return [] }
        var query = legColumns
        if roots != nil { query.appendLiteral(" JOIN units u ON u.id = l.to_unit_id") }
        query.appendLiteral(" WHERE l.clearance = ")
        query.appendInterpolation(bind: LegClearance.pending.rawValue)
        query.appendLiteral(" AND r.status = ")
        query.appendInterpolation(bind: TravelStatus.submitted.rawValue)
        if let roots {
            query.appendLiteral(" AND (1 = 0")
            for root in roots {
                query.appendLiteral(" OR u.path LIKE ")
                query.appendInterpolation(bind: root.path + "%")
            }
            query.appendLiteral(")")
        }
        if let (departs, id) = after {
            query.appendLiteral(" AND (l.departs_at > ")
            query.appendInterpolation(bind: departs)
            query.appendLiteral(" OR (l.departs_at = ")
            query.appendInterpolation(bind: departs)
            query.appendLiteral(" AND l.id > ")
            query.appendInterpolation(bind: id)
            query.appendLiteral("))")
        }
        query.appendLiteral(" ORDER BY l.departs_at, l.id LIMIT ")
        query.appendInterpolation(bind: per + 1)
        return try await sql.raw(query).all().map(legRow)
    }

    /// The legs waiting for clearance everywhere after a key, soonest first: a page of 50 and the
    /// one that tells whether there is more. The limit is written in: given as a parameter,
    /// PostgreSQL's generic plan for it scanned in parallel workers (8 ms instead of 1).
    struct QueueRead: PreparedRead {
        static let sql = queueSQL + " LIMIT 51"
        var parameters: [PreparedParameter]
    }

    /// The same for pages of up to 100.
    struct LongQueueRead: PreparedRead {
        static let sql = queueSQL + " LIMIT 101"
        var parameters: [PreparedParameter]
    }

    private static let queueSQL =
        "SELECT l.id, l.request_id, l.position, r.purpose, p.name AS traveller, l.from_station_id, "
        + "fs.name AS from_name, l.to_station_id, ts.name AS to_name, l.to_place, l.departs_at, l.arrives_at, "
        + "l.means, l.operator_id, l.flight, l.clearance, l.reasons, l.advice_requested_at "
        + "FROM travel_legs l JOIN travel_requests r ON r.id = l.request_id "
        + "JOIN personnel p ON p.id = r.personnel_id JOIN duty_stations fs ON fs.id = l.from_station_id "
        + "JOIN duty_stations ts ON ts.id = l.to_station_id "
        + "WHERE l.clearance = $1 AND r.status = $2 AND (l.departs_at, l.id) > ($3, $4) ORDER BY l.departs_at, l.id"

    /// How many legs wait for clearance inside `roots` (nil: everywhere), counted up to `limit`.
    static func waiting(within roots: [Unit]?, upTo limit: Int, on db: any Database) async throws -> Int {
        let query = TravelLeg.query(on: db).filter(\.$clearance == .pending)
            .join(TravelRequest.self, on: \TravelLeg.$request.$id == \TravelRequest.$id)
            .filter(TravelRequest.self, \.$status == .submitted)
        if let roots {
            query.join(Unit.self, on: \TravelLeg.$toUnit.$id == \Unit.$id)
            query.group(.or) { group in
                if roots.isEmpty { group.filter(\.$id == UUID()) }
                for root in roots { group.filter(Unit.self, \.$path, .custom("LIKE"), root.path + "%") }
            }
        }
        return try await query.field(\.$id).limit(limit).all().count
    }

    /// Aviation advice given in the year to `now`, and the median time HQ took to answer.
    static func adviceGiven(at now: Date, on db: any Database) async throws -> (count: Int, median: TimeInterval?) {
        let legs = try await TravelLeg.query(on: db).filter(\.$advisedAt >= now.addingTimeInterval(-365 * 86_400))
            .filter(\.$advisedAt <= now).field(\.$id).field(\.$adviceRequestedAt).field(\.$advisedAt).all()
        let times = legs.compactMap { leg in
            leg.advisedAt.flatMap { a in leg.adviceRequestedAt.map { a.timeIntervalSince($0) } }
        }.sorted()
        return (times.count, times.isEmpty ? nil : times[times.count / 2])
    }

    /// Names of the rows with these ids, read as two columns.
    static func names<M: Model>(
        _ type: M.Type, _ ids: Set<UUID>, _ name: KeyPath<M, FieldProperty<M, String>>, on db: any Database
    ) async throws -> [UUID: String] where M.IDValue == UUID {
        var out: [UUID: String] = [:]
        for chunk in Array(ids).chunked(400) {
            for row in try await M.query(on: db).filter(\._$id ~~ Array(chunk)).field(\._$id).field(name).all() {
                out[row.id!] = row[keyPath: name].value
            }
        }
        return out
    }

    /// A person's trips, latest first, a page before the key `(starts, id)`.
    static func trips(
        of personnelID: UUID, before: (Date, UUID)?, per: Int, on db: any Database
    ) async throws -> [TravelRequest] {
        let query = TravelRequest.query(on: db).filter(\.$personnel.$id == personnelID)
        if let (starts, id) = before {
            query.group(.or) { or in
                or.filter(\.$startsAt < starts)
                or.group(.and) { $0.filter(\.$startsAt == starts).filter(\.$id < id) }
            }
        }
        return try await query.sort(\.$startsAt, .descending).sort(\.$id, .descending).limit(per + 1).all()
    }

    /// Legs on operators not approved still waiting for HQ's aviation advice, oldest first.
    static func adviceQueue(on db: any Database, limit: Int = 200) async throws -> [LegRow] {
        guard let sql = db as? any SQLDatabase else { return [] }
        var query = legColumns
        query.appendLiteral(" WHERE l.advice_requested_at IS NOT NULL AND l.advised_at IS NULL AND r.status = ")
        query.appendInterpolation(bind: TravelStatus.submitted.rawValue)
        query.appendLiteral(" ORDER BY l.advice_requested_at LIMIT ")
        query.appendInterpolation(bind: limit)
        return try await sql.raw(query).all().map(legRow)
    }

    /// Senior officials' travel cases, newest first.
    static func cases(on db: any Database, limit: Int = 200) async throws -> [(TravelCase, TravelRequest, String)] {
        let cases = try await TravelCase.query(on: db)
            .join(TravelRequest.self, on: \TravelCase.$request.$id == \TravelRequest.$id)
            .filter(TravelRequest.self, \.$status != .cancelled)
            .sort(\.$openedAt, .descending).limit(limit).all()
        let requests = try cases.map { try $0.joined(TravelRequest.self) }
        let people = try await names(Personnel.self, Set(requests.map(\.$personnel.id)), \Personnel.$name, on: db)
        return zip(cases, requests).map { ($0, $1, people[$1.$personnel.id] ?? "") }
    }
}

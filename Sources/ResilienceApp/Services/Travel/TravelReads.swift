import Fluent
import Foundation
import ResilienceCore

/// The lists of travel: an officer's queue, a person's trips, HQ's aviation advice and travel
/// cases. Each reads a page by key from an index.
enum TravelReads {
    /// A leg as a list shows it, with its request and the names around it.
    struct LegRow: Sendable {
        var leg: TravelLeg
        var request: TravelRequest
        var traveller: String
        var from: String
        var to: String
    }

    /// Legs waiting for clearance at units inside `roots` (nil: everywhere), soonest first, a page
    /// after the key `(departs, id)`.
    static func queue(
        within roots: [Unit]?, after: (Date, UUID)?, per: Int, on db: any Database
    ) async throws -> [LegRow] {
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
        if let (departs, id) = after {
            query.group(.or) { or in
                or.filter(\.$departsAt > departs)
                or.group(.and) { $0.filter(\.$departsAt == departs).filter(\.$id > id) }
            }
        }
        let legs = try await query.sort(\.$departsAt).sort(\.$id).limit(per + 1).all()
        return try await rows(legs, requests: legs.map { try $0.joined(TravelRequest.self) }, on: db)
    }

    /// The legs with their requests and the names of travellers and stations, read for those only.
    static func rows(_ legs: [TravelLeg], requests: [TravelRequest], on db: any Database) async throws -> [LegRow] {
        guard !legs.isEmpty else { return [] }
        let people = try await names(
            Personnel.self, Set(requests.map(\.$personnel.id)), \Personnel.$name, on: db)
        let stations = try await names(
            DutyStation.self, Set(legs.flatMap { [$0.$fromStation.id, $0.$toStation.id] }), \DutyStation.$name, on: db)
        return zip(legs, requests).map { leg, request in
            LegRow(
                leg: leg, request: request, traveller: people[request.$personnel.id] ?? "",
                from: stations[leg.$fromStation.id] ?? "", to: stations[leg.$toStation.id] ?? "")
        }
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
        let legs = try await TravelLeg.query(on: db).filter(\.$adviceRequestedAt != nil).filter(\.$advisedAt == nil)
            .join(TravelRequest.self, on: \TravelLeg.$request.$id == \TravelRequest.$id)
            .filter(TravelRequest.self, \.$status == .submitted)
            .sort(\.$adviceRequestedAt).limit(limit).all()
        return try await rows(legs, requests: legs.map { try $0.joined(TravelRequest.self) }, on: db)
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

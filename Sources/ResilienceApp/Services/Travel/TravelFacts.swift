import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Everything a decision on a trip rests on, read in a few statements: each leg's places, the
/// destination's level and advisories, the operator, who else is on the flight; the training of
/// everyone travelling. The request page shows it in one place; submitting and clearing act on it.
struct TripFacts: Sendable {
    struct Leg: Sendable {
        var leg: TravelLeg
        var from: DutyStation
        var to: DutyStation
        var area: SecurityArea?
        var level: Int?
        /// Every advisory in force while the traveller is there, most severe first.
        var advisories: [Advisory]
        var reasons: [ClearanceReason]
        var airOperator: AirOperator?
        /// Personnel on live requests booked on the same flight the same day (this one included).
        var booked: Int
        var blockers: [ClearanceBlocker]
    }

    /// A traveller (the person, or a dependant with them) and the courses they lack.
    struct Traveller: Sendable {
        var name: String
        var shortfalls: [TrainingShortfall]
    }

    var rules: TravelRules
    var legs: [Leg]
    var travellers: [Traveller]
    var companions: [Dependant]
    var travelCase: TravelCase?
    /// Others booked on each leg's flight that day, by leg id.
    var onFlight: [UUID: [String]]

    /// The highest level of any destination.
    var highestLevel: Int? { legs.compactMap(\.level).max() }
    var shortfalls: Bool { travellers.contains { !$0.shortfalls.isEmpty } }
    /// Every advisory of the trip, once.
    var advisories: [Advisory] {
        var seen = Set<UUID>()
        return legs.flatMap(\.advisories).filter { seen.insert($0.id!).inserted }
    }
}

enum TravelFacts {
    /// The facts of a request's legs as they stand at `now`.
    static func of(
        _ request: TravelRequest, legs: [TravelLeg], traveller: Personnel? = nil, at now: Date, on db: any Database
    ) async throws -> TripFacts {
        let rules = try await TravelSettings.rules(on: db)
        let stationIDs = Set(legs.flatMap { [$0.$fromStation.id, $0.$toStation.id] })
        let stations = try await DutyStation.query(on: db).filter(\.$id ~~ Array(stationIDs)).all()
        let byID = Dictionary(stations.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let areaIDs = Array(Set(legs.map(\.$toArea.id)))
        let areas = Dictionary(
            try await SecurityArea.query(on: db).filter(\.$id ~~ areaIDs).all().map { ($0.id!, $0) },
            uniquingKeysWith: { a, _ in a })
        let history = try await SecurityLevelService.history(of: areaIDs, on: db)
        let advisories = try await covering(
            stations: Array(stationIDs), areas: areaIDs, countries: Array(Set(stations.map(\.country))), on: db)
        let operatorIDs = Array(Set(legs.compactMap(\.$airOperator.id)))
        let operators =
            operatorIDs.isEmpty
            ? [:]
            : Dictionary(
                try await AirOperator.query(on: db).filter(\.$id ~~ operatorIDs).all().map { ($0.id!, $0) },
                uniquingKeysWith: { a, _ in a })
        let travelCase = try await TravelCase.query(on: db).filter(\.$request.$id == request.id!).first()
        let stays = Itinerary.stays(legs.map(\.times), oneWay: request.oneWay)
        let flights = try await Self.flights(of: legs, request: request, on: db)
        var facts: [TripFacts.Leg] = []
        for (i, leg) in legs.enumerated() {
            guard let from = byID[leg.$fromStation.id], let to = byID[leg.$toStation.id] else { continue }
            let level = SecurityLevelService.current(history[leg.$toArea.id] ?? [], at: now)?.level
            let here = advisories.filter { $0.covers(stationID: to.id!, areaID: to.$area.id, country: to.country) }
            let inForce = Set(ClearanceRules.inForce(here.map(\.terms), during: stays[i]).map(\.id))
            let shown = here.filter { inForce.contains($0.id!) }.sorted { $0.severity > $1.severity }
            let op = leg.$airOperator.id.flatMap { operators[$0] }
            // A draft is not booked yet, but it is about to be: it counts itself.
            let booked =
                (flights[leg.id!]?.booked ?? 0)
                + (!request.status.isLive && leg.means == .air && leg.flight != nil ? 1 : 0)
            facts.append(
                TripFacts.Leg(
                    leg: leg, from: from, to: to, area: areas[leg.$toArea.id], level: level, advisories: shown,
                    reasons: ClearanceRules.reasons(
                        level: level, threshold: rules.clearanceLevel, advisories: here.map(\.terms), during: stays[i]),
                    airOperator: op, booked: booked,
                    blockers: ClearanceRules.blockers(
                        suitability: op?.suitability, adviceGiven: leg.advisedAt != nil, booked: booked,
                        cap: rules.flightCap, flightApproved: leg.flightApprovedAt != nil,
                        seniorOfficial: request.seniorOfficial, protectionAssessed: travelCase?.assessedAt != nil)))
        }
        let required = rules.required(atLevel: facts.compactMap(\.level).max())
        var person = traveller
        if person == nil { person = try await Personnel.find(request.$personnel.id, on: db) }
        var travellers: [TripFacts.Traveller] = []
        if let person {
            travellers.append(
                .init(
                    name: person.name,
                    shortfalls: ClearanceRules.shortfalls(
                        required: required, held: person.courses, through: request.endsAt)
                ))
        }
        let companions = try await companions(of: request, on: db)
        for d in companions {
            travellers.append(
                .init(
                    name: d.name,
                    shortfalls: ClearanceRules.shortfalls(required: required, held: d.courses, through: request.endsAt))
            )
        }
        return TripFacts(
            rules: rules, legs: facts, travellers: travellers, companions: companions, travelCase: travelCase,
            onFlight: flights.compactMapValues { $0.others.isEmpty ? nil : $0.others })
    }

    /// The advisories not withdrawn that cover any of the stations, areas or countries.
    static func covering(
        stations: [UUID], areas: [UUID], countries: [String], on db: any Database
    ) async throws -> [Advisory] {
        guard !stations.isEmpty || !areas.isEmpty || !countries.isEmpty else { return [] }
        return try await Advisory.query(on: db).filter(\.$withdrawnAt == nil).group(.or) { or in
            if !stations.isEmpty { or.filter(\.$stationID ~~ stations.map { Optional($0) }) }
            if !areas.isEmpty { or.filter(\.$areaID ~~ areas.map { Optional($0) }) }
            if !countries.isEmpty { or.filter(\.$country ~~ countries) }
        }.all()
    }

    static func companions(of request: TravelRequest, on db: any Database) async throws -> [Dependant] {
        try await Dependant.query(on: db).join(
            TravelCompanion.self, on: \Dependant.$id == \TravelCompanion.$dependant.$id
        )
        .filter(TravelCompanion.self, \.$request.$id == request.id!).all()
    }

    /// The UTC day of a departure, as a range.
    static func day(of date: Date) -> (Date, Date) {
        let start = SecurityCalendar.day(date)
        return (start, start.addingTimeInterval(86_400))
    }

    /// For each air leg with a flight: how many personnel on live requests are booked on that flight
    /// that day (this trip included, when live), and the names of the others; one statement for
    /// all the legs.
    static func flights(
        of legs: [TravelLeg], request: TravelRequest, on db: any Database
    ) async throws -> [UUID: (booked: Int, others: [String])] {
        let flown = legs.filter { $0.means == .air && $0.flight != nil }
        guard !flown.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        var query = SQLQueryString(
            "SELECT l.flight, l.departs_at, l.request_id, p.name FROM travel_legs l "
                + "JOIN travel_requests r ON r.id = l.request_id JOIN personnel p ON p.id = r.personnel_id "
                + "WHERE r.status IN (")
        query.appendInterpolation(bind: TravelStatus.submitted.rawValue)
        query.appendLiteral(", ")
        query.appendInterpolation(bind: TravelStatus.cleared.rawValue)
        query.appendLiteral(") AND (1 = 0")
        for leg in flown {
            let (start, end) = day(of: leg.departsAt)
            query.appendLiteral(" OR (l.flight = ")
            query.appendInterpolation(bind: leg.flight!)
            query.appendLiteral(" AND l.departs_at >= ")
            query.appendInterpolation(bind: start)
            query.appendLiteral(" AND l.departs_at < ")
            query.appendInterpolation(bind: end)
            query.appendLiteral(")")
        }
        query.appendLiteral(")")
        let rows = try await sql.raw(query).all().map { row in
            (
                flight: try row.decode(column: "flight", as: String.self),
                departs: try row.decode(column: "departs_at", as: Date.self),
                request: try row.decode(column: "request_id", as: UUID.self),
                name: try row.decode(column: "name", as: String.self)
            )
        }
        var out: [UUID: (booked: Int, others: [String])] = [:]
        for leg in flown {
            let (start, end) = day(of: leg.departsAt)
            let same = rows.filter { $0.flight == leg.flight && $0.departs >= start && $0.departs < end }
            out[leg.id!] = (same.count, same.filter { $0.request != request.id }.map(\.name).sorted())
        }
        return out
    }
}

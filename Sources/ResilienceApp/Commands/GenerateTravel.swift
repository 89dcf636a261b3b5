import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Travel for the benchmark's organization: 400,000 trips of the generated personnel over two
/// years (the last month still ahead), each out and back by air; the trips ahead mostly waiting for
/// clearance, the past ones cleared (some cancelled or refused); 40 air operators, three not
/// approved; 60 advisories; a senior official's travel case every 500 trips. Written in batches
/// through SQL.
extension GenerateCommand {
    static func generateTravel(trips count: Int = 400_000, now: Date, on db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase else { return "" }
        struct Station: Decodable { var id: UUID; var area_id: UUID; var unit_id: UUID }
        struct Person: Decodable { var id: UUID; var unit_id: UUID; var duty_station_id: UUID }
        struct Area: Decodable { var id: UUID; var unit_id: UUID; var country: String }
        let stations = try await sql.raw("SELECT id, area_id, unit_id FROM duty_stations ORDER BY name, id").all(
            decoding: Station.self)
        let people = try await sql.raw("SELECT id, unit_id, duty_station_id FROM personnel ORDER BY index_number").all(
            decoding: Person.self)
        let areas = try await sql.raw("SELECT id, unit_id, country FROM security_areas ORDER BY id").all(
            decoding: Area.self)
        guard !stations.isEmpty, !people.isEmpty, !areas.isEmpty else { return "" }
        let keeper = Dictionary(areas.map { ($0.id, $0.unit_id) }, uniquingKeysWith: { a, _ in a })
        let stationByID = Dictionary(stations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let day = 86_400.0
        // Operators: every thirteenth not approved, every seventh with restrictions.
        var operators: [(id: UUID, code: String, notApproved: Bool)] = []
        let insertOperators = sql.insert(into: "air_operators").columns(
            "id", "name", "country", "suitability", "restrictions", "assessed_on", "created_at", "updated_at")
        for i in 0..<40 {
            let id = UUID()
            let suitability: OperatorSuitability =
                i % 13 == 5 ? .notApproved : (i % 7 == 3 ? .restricted : .approved)
            let code = String(UnicodeScalar(UInt8(65 + i % 26))) + String(UnicodeScalar(UInt8(65 + (i * 7) % 26)))
            operators.append((id, code, suitability == .notApproved))
            insertOperators.values(
                SQLBind(id), SQLBind("Air operator \(i)"), SQLBind("KE"), SQLBind(suitability.rawValue),
                SQLBind(suitability == .restricted ? "Daylight only" : nil),
                SQLBind(now.addingTimeInterval(-Double(i) * 9 * day)),
                SQLBind(now), SQLBind(now))
        }
        try await insertOperators.run()
        // Advisories over the areas, one in three requiring clearance.
        let insertAdvisories = sql.insert(into: "advisories").columns(
            "id", "scope", "country", "area_id", "severity", "titles", "texts", "valid_from", "valid_until",
            "requires_clearance", "published_by_name", "published_at", "unit_id", "created_at", "updated_at")
        for i in 0..<min(60, areas.count) {
            let area = areas[(i * 37) % areas.count]
            insertAdvisories.values(
                SQLBind(UUID()), SQLBind(AdvisoryScope.area.rawValue), SQLBind(area.country), SQLBind(area.id),
                SQLBind(AdvisorySeverity.allCases[i % 4].rawValue),
                SQLBind(NameSet.encode(["en": "Advisory \(i)", "zh-Hans": "差旅咨询 \(i)"])),
                SQLBind(NameSet.encode(["en": "Road travel in convoys only.", "zh-Hans": "公路出行仅限车队。"])),
                SQLBind(now.addingTimeInterval(-Double(i) * day)),
                SQLBind(now.addingTimeInterval(Double(90 - i) * day)),
                SQLBind(i % 3 == 0), SQLBind("bench.security"), SQLBind(now.addingTimeInterval(-Double(i) * day)),
                SQLBind(area.unit_id), SQLBind(now), SQLBind(now))
        }
        try await insertAdvisories.run()
        let span = 760.0 * day
        let first = now.addingTimeInterval(-730 * day)
        var pending = 0
        var cases = 0
        for batch in Array(0..<count).chunked(250) {
            let requests = sql.insert(into: "travel_requests").columns(
                "id", "purpose", "status", "acknowledged_at", "submitted_at", "decided_at", "starts_at", "ends_at",
                "one_way", "senior_official", "requested_by_name", "personnel_id", "unit_id", "created_at", "updated_at"
            )
            let legs = sql.insert(into: "travel_legs").columns(
                "id", "position", "departs_at", "arrives_at", "means", "flight", "clearance", "reasons",
                "decided_by_name", "decided_at", "advice_requested_at", "advice", "advised_by_name", "advised_at",
                "tracked_at", "request_id", "from_station_id", "to_station_id", "to_area_id", "to_unit_id",
                "operator_id")
            let travelCases = sql.insert(into: "travel_cases").columns(
                "id", "opened_at", "threat", "protection", "assessed_by_name", "assessed_at", "request_id")
            var anyCase = false
            for i in batch {
                let person = people[(i * 7919) % people.count]
                let home = stationByID[person.duty_station_id]!
                let destination = stations[(i * 31 + 7) % stations.count]
                let starts = first.addingTimeInterval(span * Double(i) / Double(count) + Double(i % 24) * 3600)
                let back = starts.addingTimeInterval(Double(2 + i % 12) * day)
                let ahead = starts > now
                let status: TravelStatus =
                    ahead
                    ? (i % 5 < 3 ? .submitted : .cleared)
                    : (i % 20 == 3 ? .cancelled : (i % 33 == 4 ? .refused : .cleared))
                let id = UUID()
                let senior = i % 500 == 17
                let created = starts.addingTimeInterval(-Double(3 + i % 20) * day)
                requests.values(
                    SQLBind(id), SQLBind("Mission \(i)"), SQLBind(status.rawValue), SQLBind(created), SQLBind(created),
                    SQLBind(status == .submitted ? nil : created.addingTimeInterval(day)), SQLBind(starts),
                    SQLBind(back.addingTimeInterval(3 * 3600)), SQLBind(false), SQLBind(senior), SQLBind("bench.admin"),
                    SQLBind(person.id), SQLBind(person.unit_id), SQLBind(created), SQLBind(created))
                let op = operators[i % operators.count]
                for (position, from, to, departs) in [(1, home, destination, starts), (2, destination, home, back)] {
                    let needs = position == 1 && i % 2 == 0
                    let clearance: LegClearance =
                        !needs
                        ? .notRequired
                        : status == .submitted ? .pending : status == .refused ? .refused : .cleared
                    if clearance == .pending { pending += 1 }
                    let asked = op.notApproved && position == 1 ? created : nil
                    let advised =
                        asked != nil && status != .submitted
                        ? created.addingTimeInterval(Double(1 + i % 30) * 3600) : nil
                    let tracked = departs <= now && status != .submitted ? now : nil
                    legs.values(
                        SQLBind(UUID()), SQLBind(position), SQLBind(departs),
                        SQLBind(departs.addingTimeInterval(3 * 3600)),
                        SQLBind(TravelMeans.air.rawValue), SQLBind("\(op.code)\(100 + i % 800)"),
                        SQLBind(clearance.rawValue),
                        SQLBind(needs ? "level:4" : ""),
                        SQLBind(clearance == .cleared || clearance == .refused ? "bench.security" : nil),
                        SQLBind(clearance == .cleared || clearance == .refused ? created.addingTimeInterval(day) : nil),
                        SQLBind(asked), SQLBind(advised == nil ? nil : "Use another operator where you can."),
                        SQLBind(advised == nil ? nil : "bench.security"), SQLBind(advised), SQLBind(tracked),
                        SQLBind(id),
                        SQLBind(from.id), SQLBind(to.id), SQLBind(to.area_id),
                        SQLBind(keeper[to.area_id] ?? to.unit_id),
                        SQLBind(op.id))
                }
                if senior {
                    anyCase = true
                    cases += 1
                    let assessed = i % 5 != 0 ? created.addingTimeInterval(2 * day) : nil
                    travelCases.values(
                        SQLBind(UUID()), SQLBind(created),
                        SQLBind(assessed == nil ? nil : ProtectionThreat.medium.rawValue),
                        SQLBind(assessed == nil ? nil : "Close protection officer"),
                        SQLBind(assessed == nil ? nil : "bench.security"), SQLBind(assessed), SQLBind(id))
                }
            }
            try await requests.run()
            try await legs.run()
            if anyCase { try await travelCases.run() }
        }
        return
            "\(count) trips (\(pending) legs waiting for clearance, \(cases) travel cases), 40 air operators, 60 advisories"
    }
}

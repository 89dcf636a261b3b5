import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Personnel for the benchmark's organization, at the UN system's size: 180,000 people and 400,000
/// eligible dependants over the duty stations (the first 10,000 people at the first stations), most
/// located within HQ's window, and an open roll-call over those 10,000 and their dependants, about
/// two thirds accounted for. Phones are `+2547` and the person's number in eight digits, so a
/// benchmark can answer for them by SMS. Written in batches through SQL.
extension GenerateCommand {
    static let rollCallPeople = 10_000

    static func generatePersonnel(
        count: Int = 180_000, dependants: Int = 400_000, now: Date, on db: any Database
    ) async throws -> String {
        guard let sql = db as? any SQLDatabase else { return "" }
        struct Station: Decodable { var id: UUID; var unit_id: UUID }
        let stations = try await sql.raw("SELECT id, unit_id FROM duty_stations ORDER BY name, id").all(
            decoding: Station.self)
        guard !stations.isEmpty else { return "" }
        let day = 86_400.0
        let categories = PersonnelCategory.allCases
        var people: [(id: UUID, station: Int)] = []
        people.reserveCapacity(count)
        for batch in Array(0..<count).chunked(500) {
            let insert = sql.insert(into: "personnel").columns(
                "id", "index_number", "name", "category", "phone", "email", "language", "location_station_id",
                "location_confirmed_at", "location_source", "unit_id", "duty_station_id", "created_at", "updated_at")
            for i in batch {
                let id = UUID()
                // In blocks: the first people share the first stations.
                let s = i * stations.count / count
                people.append((id, s))
                let station = stations[s]
                // Four in five confirmed within the last 30 days, the rest up to half a year ago;
                // every twentieth never.
                let confirmed: Date? =
                    i % 20 == 7 ? nil : now.addingTimeInterval(-Double(i % 5 == 4 ? 31 + i % 150 : i % 29) * day)
                insert.values(
                    SQLBind(id), SQLBind(String(format: "GEN-%06d", i)), SQLBind("Person \(i)"),
                    SQLBind(categories[i % categories.count].rawValue), SQLBind(phone(i)),
                    SQLBind(String(format: "person%06d@example.org", i)), SQLBind(i % 3 == 0 ? "zh-Hans" : "en"),
                    SQLBind(confirmed == nil ? nil : station.id), SQLBind(confirmed),
                    SQLBind(confirmed == nil ? nil : LocationSource.themselves.rawValue), SQLBind(station.unit_id),
                    SQLBind(station.id), SQLBind(now), SQLBind(now))
            }
            try await insert.run()
        }
        // The roll-call's stations: those of the first 10,000 people.
        let callStations = Set(people.prefix(rollCallPeople).map { stations[$0.station].id })
        let relationships = Relationship.allCases
        var dependantOf: [Int: [UUID]] = [:]
        for batch in Array(0..<dependants).chunked(500) {
            let insert = sql.insert(into: "dependants").columns(
                "id", "name", "relationship", "location_station_id", "location_confirmed_at", "location_source",
                "personnel_id", "created_at", "updated_at")
            for j in batch {
                let owner = (j * 7919) % count
                let id = UUID()
                if callStations.contains(stations[people[owner].station].id) {
                    dependantOf[owner, default: []].append(id)
                }
                let confirmed: Date? = j % 6 == 5 ? nil : now.addingTimeInterval(-Double(j % 40) * day)
                insert.values(
                    SQLBind(id), SQLBind("Dependant \(j)"), SQLBind(relationships[j % relationships.count].rawValue),
                    SQLBind(confirmed == nil ? nil : stations[people[owner].station].id), SQLBind(confirmed),
                    SQLBind(confirmed == nil ? nil : LocationSource.themselves.rawValue), SQLBind(people[owner].id),
                    SQLBind(now), SQLBind(now))
            }
            try await insert.run()
        }
        // The roll-call, opened two hours ago.
        let listed = people.enumerated().filter { callStations.contains(stations[$0.element.station].id) }
        let hq = try await sql.raw("SELECT id FROM units WHERE code = 'HQ'").first()?.decode(
            column: "id", as: UUID.self)
        let call = UUID()
        let opened = now.addingTimeInterval(-2 * 3600)
        try await sql.insert(into: "roll_calls").columns(
            "id", "title", "occurred_at", "opened_at", "station_ids", "channels", "repeat_minutes", "sent_until",
            "unit_id", "created_at", "updated_at"
        ).values(
            SQLBind(call), SQLBind("Earthquake (benchmark)"), SQLBind(opened.addingTimeInterval(-900)), SQLBind(opened),
            SQLBind(callStations.map { $0.uuidString.lowercased() }.sorted().joined(separator: ",")),
            SQLBind("sms:0,email:15"), SQLBind(60), SQLBind(now), SQLBind(hq), SQLBind(now), SQLBind(now)
        ).run()
        let statuses: [AccountStatus] = [
            .safe, .safe, .safe, .notReached, .safe, .needsHelp, .notReached, .injured, .safe,
        ]
        var entries: [[any SQLExpression]] = []
        var messages: [[any SQLExpression]] = []
        func entry(_ k: Int, person: UUID, dependant: UUID?, station: UUID) {
            let status = statuses[k % statuses.count]
            let marked = status == .notReached ? nil : opened.addingTimeInterval(Double(k % 7000))
            let id = UUID()
            entries.append([
                SQLBind(id), SQLBind(status.rawValue), SQLBind(marked == nil ? nil : MarkMethod.sms.rawValue),
                SQLBind(marked), SQLBind(station), SQLBind(call), SQLBind(person), SQLBind(dependant), SQLBind(now),
                SQLBind(now),
            ])
            if dependant == nil {
                messages.append([
                    SQLBind(UUID()), SQLBind(ContactChannel.sms.rawValue), SQLBind(phone(k)), SQLBind(opened),
                    SQLBind("delivered"), SQLBind(call), SQLBind(id), SQLBind(now),
                ])
            }
        }
        for (i, p) in listed {
            let station = stations[p.station].id
            entry(i, person: p.id, dependant: nil, station: station)
            for d in dependantOf[i] ?? [] { entry(i + 1, person: p.id, dependant: d, station: station) }
        }
        for batch in entries.chunked(500) {
            let insert = sql.insert(into: "roll_call_entries").columns(
                "id", "status", "method", "marked_at", "station_id", "roll_call_id", "personnel_id", "dependant_id",
                "created_at", "updated_at")
            for row in batch { insert.values(row) }
            try await insert.run()
        }
        for batch in messages.chunked(500) {
            let insert = sql.insert(into: "roll_call_messages").columns(
                "id", "channel", "address", "sent_at", "delivery", "roll_call_id", "entry_id", "created_at")
            for row in batch { insert.values(row) }
            try await insert.run()
        }
        return
            "\(count) personnel, \(dependants) dependants, a roll-call of \(listed.count) people (\(entries.count) listed)"
    }

    /// The generated person's phone: `+2547` and the number in eight digits.
    static func phone(_ i: Int) -> String { String(format: "+2547%08d", i) }
}

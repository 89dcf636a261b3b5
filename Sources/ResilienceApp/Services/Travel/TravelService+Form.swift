import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Reading a trip as a form (or the API, in the same names) gives it.
extension TravelService {
    // MARK: Reading a form

    /// A request as a form (or the API, in the same names) gives it: `purpose`, `accommodation`,
    /// `companion-<dependant id>`, and per leg n = 1… `legN_from`, `legN_to` (duty stations by
    /// name), `legN_to_place`, `legN_to_latitude`, `legN_to_longitude`, `legN_departs`,
    /// `legN_arrives`, `legN_means`, `legN_operator`, `legN_flight`. Rows left empty are no legs.
    static func draft(_ form: [String: String], for traveller: Personnel, on db: any Database) async throws -> Draft {
        var stations: [String: Result<DutyStation, DomainError>] = [:]
        for n in 1...maxLegs {
            for end in ["from", "to"] {
                let typed = (form["leg\(n)_\(end)"] ?? "").trimmingCharacters(in: .whitespaces)
                guard !typed.isEmpty, stations[typed] == nil else { continue }
                do {
                    stations[typed] = .success(try await station(typed, field: "", on: db))
                } catch let e as DomainError {
                    stations[typed] = .failure(e)
                }
            }
        }
        let dependants = try await Dependant.query(on: db).filter(\.$personnel.$id == traveller.requireID()).all()
        let operators = Set(try await AirOperator.query(on: db).all().compactMap(\.id))
        return try read(form, stations: stations, operators: operators, dependants: Set(dependants.compactMap(\.id)))
    }

    /// The form read against the stations it names (looked up before), the operators and the
    /// traveller's dependants.
    private static func read(
        _ form: [String: String], stations: [String: Result<DutyStation, DomainError>], operators: Set<UUID>,
        dependants: Set<UUID>
    ) throws -> Draft {
        var v = ValidationCollector()
        func check<T>(_ body: () throws(DomainError) -> T) -> T? {
            do { return try body() } catch { v.add(error); return nil }
        }
        let purpose = check { () throws(DomainError) in try TextRules.name(form["purpose"], field: "purpose", max: 500)
        }
        let accommodation = check { () throws(DomainError) in
            try TextRules.optional(form["accommodation"], field: "accommodation", max: 500)
        }
        let companions = dependants.filter { form["companion-\($0.uuidString)"] == "true" }.sorted {
            $0.uuidString < $1.uuidString
        }
        var legs: [LegDraft] = []
        var times: [LegTimes] = []
        var rows: [Int] = []
        for n in 1...maxLegs {
            func value(_ name: String) -> String {
                (form["leg\(n)_\(name)"] ?? "").trimmingCharacters(in: .whitespaces)
            }
            let typed = ["from", "to", "departs", "arrives", "to_place", "flight"].contains { !value($0).isEmpty }
            guard typed else { continue }
            func place(_ end: String) -> DutyStation? {
                let field = "leg\(n)_\(end)"
                guard !value(end).isEmpty else {
                    v.add(DomainError(.required, field: field))
                    return nil
                }
                switch stations[value(end)] {
                case .success(let s): return s
                case .failure(let e): v.add(DomainError(e.problem, field: field, args: [value(end)]))
                case nil: v.add(DomainError(.notFound, field: field, args: [value(end)]))
                }
                return nil
            }
            let from = place("from")
            let to = place("to")
            let departs = check { () throws(DomainError) in
                try TextRules.dateTime(value("departs"), field: "leg\(n)_departs")
            }
            let arrives = check { () throws(DomainError) in
                try TextRules.dateTime(value("arrives"), field: "leg\(n)_arrives")
            }
            let toPlace =
                check { () throws(DomainError) in
                    try TextRules.optional(value("to_place"), field: "leg\(n)_to_place", max: 200)
                } ?? nil
            let fromPlace =
                check { () throws(DomainError) in
                    try TextRules.optional(value("from_place"), field: "leg\(n)_from_place", max: 200)
                } ?? nil
            var coordinates: Coordinates?
            if !value("to_latitude").isEmpty || !value("to_longitude").isEmpty {
                let la = check { () throws(DomainError) in
                    try TextRules.decimal(value("to_latitude"), field: "leg\(n)_to_latitude")
                }
                let lo = check { () throws(DomainError) in
                    try TextRules.decimal(value("to_longitude"), field: "leg\(n)_to_longitude")
                }
                if let la, let lo {
                    do {
                        coordinates = try Coordinates(latitude: la, longitude: lo)
                    } catch {
                        v.add(DomainError(error.problem, field: "leg\(n)_to_\(error.field ?? "latitude")"))
                    }
                }
            }
            let means = TravelMeans(rawValue: value("means").isEmpty ? "air" : value("means"))
            if means == nil { v.add(DomainError(.invalidChoice, field: "leg\(n)_means")) }
            var operatorID: UUID?
            var flight: String?
            if means == .air {
                if !value("operator").isEmpty {
                    operatorID = UUID(uuidString: value("operator")).flatMap { operators.contains($0) ? $0 : nil }
                    if operatorID == nil { v.add(DomainError(.invalidChoice, field: "leg\(n)_operator")) }
                }
                if !value("flight").isEmpty {
                    flight = ClearanceRules.flight(value("flight"))
                    if flight == nil { v.add(DomainError(.flightFormat, field: "leg\(n)_flight")) }
                }
            }
            guard let from, let to, let departs, let arrives, let means else { continue }
            let t = LegTimes(departs: departs, arrives: arrives)
            times.append(t)
            rows.append(n)
            legs.append(
                LegDraft(
                    from: from, fromPlace: fromPlace, to: to, toPlace: toPlace, toCoordinates: coordinates, times: t,
                    means: means, operatorID: operatorID, flight: flight))
        }
        if legs.isEmpty && v.errors.isEmpty { v.add(DomainError(.noLegs, field: "leg1_to")) }
        // The order checks count the legs read; the fields name the rows as typed.
        for e in Itinerary.problems(times) {
            var e = e
            if let field = e.field, let i = Int(field.dropFirst(3).prefix { $0.isNumber }) {
                e.field = "leg\(rows[i - 1])_" + field.split(separator: "_", maxSplits: 1)[1]
                e.args = e.args.compactMap { Int($0) }.map { String(rows[$0 - 1]) }
            }
            v.add(e)
        }
        try v.finish()
        return Draft(purpose: purpose!, accommodation: accommodation ?? nil, legs: legs, companions: companions)
    }

    /// A duty station typed by name, or as `Name (CC)` where several share the name.
    static func station(_ typed: String, field: String, on db: any Database) async throws -> DutyStation {
        var name = typed.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw DomainError(.required, field: field) }
        var country: String?
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let code = name[name.index(after: open)..<name.index(before: name.endIndex)]
            if code.count == 2 {
                country = code.uppercased()
                name = name[..<open].trimmingCharacters(in: .whitespaces)
            }
        }
        let query = DutyStation.query(on: db).filter(\.$name == name).filter(\.$retiredAt == nil)
        if let country { query.filter(\.$country == country) }
        let found = try await query.sort(\.$createdAt).sort(\.$id).limit(20).all()
        guard let first = found.first else { throw DomainError(.notFound, field: field, args: [typed]) }
        // Two stations of one name in one area (a bureau and an office in one city) are one place
        // for travel: the level and the officer who clears it are the area's.
        guard Set(found.map(\.$area.id)).count == 1 else {
            throw DomainError(.ambiguousUnit, field: field, args: [typed])
        }
        return first
    }
}

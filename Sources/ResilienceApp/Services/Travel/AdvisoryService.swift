import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Travel advisories (差旅咨询): published by the security officer of the place they cover,
/// changed, withdrawn; every change audited. Also HQ's air operators.
enum AdvisoryService {
    struct Place {
        var scope: AdvisoryScope
        var country: String
        var areaID: UUID?
        var stationID: UUID?
        /// The unit whose officer keeps it.
        var unitID: UUID
    }

    /// The place an advisory form names: `scope` with `area` (an area id), `country` (ISO code) or
    /// `station` (a duty station by name).
    static func place(_ form: [String: String], on db: any Database) async throws -> Place {
        guard let scope = AdvisoryScope(rawValue: form["scope"] ?? "") else {
            throw DomainError(.invalidChoice, field: "scope")
        }
        switch scope {
        case .area:
            guard let id = UUID(uuidString: form["area"] ?? ""), let area = try await SecurityArea.find(id, on: db)
            else {
                throw DomainError(.required, field: "area")
            }
            return Place(scope: .area, country: area.country, areaID: id, unitID: area.$unit.id)
        case .country:
            let code = (form["country"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            guard code.count == 2, let area = try await SecurityArea.query(on: db).filter(\.$country == code).first()
            else { throw DomainError(.notFound, field: "country", args: [code]) }
            return Place(scope: .country, country: code, unitID: area.$unit.id)
        case .station:
            let station = try await TravelService.station(form["station"] ?? "", field: "station", on: db)
            return Place(scope: .station, country: station.country, stationID: station.id, unitID: station.$unit.id)
        }
    }

    struct Terms {
        var severity: AdvisorySeverity
        var titles: [String: String]
        var texts: [String: String]
        var validFrom: Date
        var validUntil: Date?
        var requiresClearance: Bool
    }

    /// The rest of the form, every wrong field at once: `severity`, `title-<language>`,
    /// `text-<language>`, `valid_from`, `valid_until` (days), `requires_clearance`.
    static func terms(_ form: [String: String]) throws -> Terms {
        var v = ValidationCollector()
        func check<T>(_ body: () throws(DomainError) -> T) -> T? {
            do { return try body() } catch { v.add(error); return nil }
        }
        let severity = AdvisorySeverity(rawValue: form["severity"] ?? "")
        if severity == nil { v.add(DomainError(.invalidChoice, field: "severity")) }
        let titles = check { () throws(DomainError) in
            try NameSet.checked(NameSet.fromForm(form, prefix: "title"), field: "title")
        }
        var texts: [String: String] = [:]
        for language in Catalogue.shared.languages {
            if let text = check({ () throws(DomainError) in
                try TextRules.optional(form["text-\(language.code)"], field: "text-\(language.code)", max: 4000)
            }) ?? nil {
                texts[language.code] = text
            }
        }
        if texts.isEmpty { v.add(DomainError(.required, field: "text-\(Catalogue.fallbackCode)")) }
        let from = check { () throws(DomainError) in try TextRules.requiredDay(form["valid_from"], field: "valid_from")
        }
        let until =
            check { () throws(DomainError) in try TextRules.day(form["valid_until"], field: "valid_until") } ?? nil
        if let from, let until, until < from { v.add(DomainError(.dateOrder, field: "valid_until")) }
        try v.finish()
        return Terms(
            severity: severity!, titles: titles!, texts: texts, validFrom: from!,
            // Valid through the whole of its last day.
            validUntil: until.map { $0.addingTimeInterval(86_399) },
            requiresClearance: form["requires_clearance"] == "true")
    }

    static func publish(
        _ place: Place, _ terms: Terms, by context: AuditContext, on db: any Database
    ) async throws -> Advisory {
        let a = Advisory()
        a.id = UUID()
        apply(place, terms, to: a)
        a.publishedAt = context.at
        a.publishedByName = context.actorName
        try await db.transaction { db in
            try await a.create(on: db)
            try await Audit.record(
                on: db, by: context, .create, a, unitID: a.$unit.id, summary: a.title(Catalogue.fallbackCode))
        }
        return a
    }

    static func update(
        _ a: Advisory, _ place: Place, _ terms: Terms, by context: AuditContext, on db: any Database
    ) async throws {
        guard a.withdrawnAt == nil else { throw DomainError(.retired, field: "severity") }
        let before = a.auditFields
        apply(place, terms, to: a)
        try await db.transaction { db in
            try await a.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, a, before: before, unitID: a.$unit.id,
                summary: a.title(Catalogue.fallbackCode))
        }
    }

    static func withdraw(_ a: Advisory, by context: AuditContext, on db: any Database) async throws {
        guard a.withdrawnAt == nil else { throw DomainError(.alreadyRetired, field: "withdraw") }
        let before = a.auditFields
        a.withdrawnAt = context.at
        try await db.transaction { db in
            try await a.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, a, before: before, unitID: a.$unit.id,
                summary: a.title(Catalogue.fallbackCode))
        }
    }

    private static func apply(_ place: Place, _ terms: Terms, to a: Advisory) {
        a.scope = place.scope
        a.country = place.country
        a.areaID = place.areaID
        a.stationID = place.stationID
        a.$unit.id = place.unitID
        a.severity = terms.severity
        a.titles = NameSet.encode(terms.titles)
        a.texts = NameSet.encode(terms.texts)
        a.validFrom = terms.validFrom
        a.validUntil = terms.validUntil
        a.requiresClearance = terms.requiresClearance
    }

    /// The advisories in force at `now` (or starting later), most severe first.
    static func current(at now: Date, on db: any Database) async throws -> [Advisory] {
        try await Advisory.query(on: db).filter(\.$withdrawnAt == nil)
            .group(.or) { $0.filter(\.$validUntil == nil).filter(\.$validUntil >= now) }
            .sort(\.$validFrom, .descending).limit(500).all()
            .sorted { ($0.severity, $0.validFrom) > ($1.severity, $1.validFrom) }
    }

    // MARK: Air operators

    /// An operator as a form gives it: `name`, `country`, `suitability`, `restrictions`, `assessed_on`.
    static func saveOperator(
        _ existing: AirOperator?, _ form: [String: String], by context: AuditContext, on db: any Database
    ) async throws -> AirOperator {
        var v = ValidationCollector()
        func check<T>(_ body: () throws(DomainError) -> T) -> T? {
            do { return try body() } catch { v.add(error); return nil }
        }
        let name = check { () throws(DomainError) in try TextRules.name(form["name"], field: "name", max: 200) }
        let country =
            check { () throws(DomainError) in try TextRules.optional(form["country"], field: "country", max: 2) } ?? nil
        if let country, country.count != 2 || !country.allSatisfy(\.isLetter) {
            v.add(DomainError(.countryCode, field: "country"))
        }
        let suitability = OperatorSuitability(rawValue: form["suitability"] ?? "")
        if suitability == nil { v.add(DomainError(.invalidChoice, field: "suitability")) }
        let restrictions =
            check { () throws(DomainError) in
                try TextRules.optional(form["restrictions"], field: "restrictions", max: 2000)
            } ?? nil
        let assessed = check { () throws(DomainError) in
            try TextRules.requiredDay(form["assessed_on"], field: "assessed_on")
        }
        if let assessed, assessed > context.at { v.add(DomainError(.dateInFuture, field: "assessed_on")) }
        try v.finish()
        if let name,
            try await AirOperator.query(on: db).filter(\.$name == name).all().contains(where: { $0.id != existing?.id })
        {
            throw DomainError(.taken, field: "name")
        }
        let op = existing ?? AirOperator()
        let before = existing.map(\.auditFields) ?? [:]
        op.name = name!
        op.country = country?.uppercased()
        op.suitability = suitability!
        op.restrictions = restrictions
        op.assessedOn = assessed!
        try await db.transaction { db in
            try await op.save(on: db)
            try await Audit.record(
                on: db, by: context, existing == nil ? .create : .update, op, before: before, unitID: nil,
                summary: op.name)
        }
        return op
    }
}

extension Advisory: Auditable {
    static let auditEntity = "advisory"
    var auditFields: [String: String] {
        [
            "scope": scope.rawValue, "country": country, "area_id": areaID?.uuidString.lowercased() ?? "",
            "station_id": stationID?.uuidString.lowercased() ?? "", "severity": severity.rawValue, "titles": titles,
            "texts": texts, "valid_from": ISO8601DateFormatter().string(from: validFrom),
            "valid_until": validUntil.map { ISO8601DateFormatter().string(from: $0) } ?? "",
            "requires_clearance": String(requiresClearance),
            "withdrawn_at": withdrawnAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
        ]
    }
}

extension AirOperator: Auditable {
    static let auditEntity = "air_operator"
    var auditFields: [String: String] {
        [
            "name": name, "country": country ?? "", "suitability": suitability.rawValue,
            "restrictions": restrictions ?? "", "assessed_on": ISO8601DateFormatter().string(from: assessedOn),
        ]
    }
}

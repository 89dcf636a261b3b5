import Fluent
import Foundation
import ResilienceCore

/// What a person fills in for a security area: its names by language, and on creation its country.
struct SecurityAreaInput: Codable, Sendable {
    var country: String?
    var names: [String: String]?
}

/// Security areas: created and renamed by the country's security officer, who puts the
/// country's duty stations in them (every duty station in exactly one area of its country).
enum SecurityAreaService {
    static func create(
        in unit: Unit, _ input: SecurityAreaInput, by context: AuditContext, on db: any Database
    ) async throws -> SecurityArea {
        if unit.isRetired { throw DomainError(.retired) }
        var validator = ValidationCollector()
        let country = try validator.check { try TextRules.countryCode(input.country) }
        let names = try validator.check { try NameSet.checked(input.names ?? [:], field: "name") }
        try validator.finish()
        let area = SecurityArea()
        area.country = country!
        area.names = NameSet.encode(names!)
        area.$unit.id = try unit.requireID()
        try await db.transaction { db in
            try await area.create(on: db)
            try await Audit.record(
                on: db, by: context, .create, area, unitID: unit.id, summary: area.name(in: Catalogue.fallbackCode))
        }
        return area
    }

    static func rename(
        _ area: SecurityArea, _ input: SecurityAreaInput, by context: AuditContext, on db: any Database
    ) async throws {
        let names = try NameSet.checked(input.names ?? [:], field: "name")
        let before = area.auditFields
        area.names = NameSet.encode(names)
        try await db.transaction { db in
            try await area.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, area, before: before, unitID: area.$unit.id,
                summary: area.name(in: Catalogue.fallbackCode))
        }
    }

    /// Puts a duty station in an area of its own country.
    static func assign(
        _ station: DutyStation, to area: SecurityArea, by context: AuditContext, on db: any Database
    ) async throws {
        guard station.country == area.country else {
            throw DomainError(
                .areaOfOtherCountry, field: "station", args: [station.name, station.country, area.country])
        }
        if station.retiredAt != nil { throw DomainError(.retired, field: "station") }
        guard station.$area.id != area.id else { return }
        let before = station.auditFields
        station.$area.id = try area.requireID()
        try await db.transaction { db in
            try await station.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, station, before: before, unitID: station.$unit.id, summary: station.name)
            // The area's pages list their stations: both areas' keepers see the move.
            try await DataVersions.bump(.security, unitID: area.$unit.id, on: db)
        }
    }

    /// The area a duty station typed in a form goes in: the area of `country` named `name` (in
    /// any language, ignoring case); when the country has no area yet, its first one, named so,
    /// kept by the country operation at or above `unit` (a country starts with one area).
    static func resolve(
        name: String, country: String, for unit: Unit, by context: AuditContext, on db: any Database
    ) async throws -> SecurityArea {
        let areas = try await SecurityArea.query(on: db).filter(\.$country == country).all()
        let wanted = name.lowercased()
        if let found = areas.first(where: { $0.nameByLanguage.values.contains { $0.lowercased() == wanted } }) {
            return found
        }
        guard areas.isEmpty else {
            let known = areas.map { $0.name(in: Catalogue.fallbackCode) }.sorted()
            throw DomainError(.unknownArea, field: "area", args: [country, known.joined(separator: ", ")])
        }
        let keeper = try await countryOperation(at: unit, on: db) ?? unit
        return try await create(
            in: keeper, SecurityAreaInput(country: country, names: [Catalogue.fallbackCode: name]), by: context, on: db)
    }

    /// The country operation at or above a unit, if there is one.
    static func countryOperation(at unit: Unit, on db: any Database) async throws -> Unit? {
        if unit.kind == .countryOperation { return unit }
        return try await Unit.query(on: db).filter(\.$id ~~ unit.unitPath.ids).filter(\.$kind == .countryOperation)
            .first()
    }
}

extension SecurityArea: Auditable {
    static let auditEntity = "security_area"
    var auditFields: [String: String] {
        var fields = ["country": country, "unit_id": $unit.id.uuidString.lowercased()]
        for (code, name) in nameByLanguage { fields["name_\(code)"] = name }
        return fields
    }
}

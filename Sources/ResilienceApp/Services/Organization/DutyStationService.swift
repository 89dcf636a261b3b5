import Fluent
import Foundation
import ResilienceCore

/// What a person fills in for a duty station. Coordinates come as text from forms and as
/// numbers from JSON; both arrive here as text.
struct DutyStationInput: Codable, Sendable {
    var name: String?
    var country: String?
    var area: String?
    var latitude: String?
    var longitude: String?
}

enum DutyStationService {
    struct Values {
        var name: String, country: String, area: String, coordinates: Coordinates
    }

    static func validate(_ input: DutyStationInput) throws -> Values {
        var validator = ValidationCollector()
        let name = try validator.check { try TextRules.name(input.name, field: "name") }
        let country = try validator.check { try TextRules.countryCode(input.country) }
        let area = try validator.check { try TextRules.name(input.area, field: "area") }
        let latitude = try validator.check { try TextRules.decimal(input.latitude, field: "latitude") }
        let longitude = try validator.check { try TextRules.decimal(input.longitude, field: "longitude") }
        var coordinates: Coordinates?
        if let latitude, let longitude {
            coordinates = try validator.check { try Coordinates(latitude: latitude, longitude: longitude) }
        }
        try validator.finish()
        return Values(name: name!, country: country!, area: area!, coordinates: coordinates!)
    }

    static func create(
        at unit: Unit, _ input: DutyStationInput, by context: AuditContext,
        on db: any Database
    ) async throws -> DutyStation {
        if unit.isRetired { throw DomainError(.retired) }
        let values = try validate(input)
        let station = DutyStation()
        apply(values, to: station)
        station.$unit.id = try unit.requireID()
        let area = try await SecurityAreaService.resolve(
            name: values.area, country: values.country, for: unit, by: context, on: db)
        station.$area.id = try area.requireID()
        station.$area.value = area
        try await db.transaction { db in
            try await station.create(on: db)
            try await Audit.record(on: db, by: context, .create, station, unitID: unit.id, summary: station.name)
        }
        return station
    }

    static func update(
        _ station: DutyStation, _ input: DutyStationInput, by context: AuditContext,
        on db: any Database
    ) async throws {
        let values = try validate(input)
        let before = station.auditFields
        apply(values, to: station)
        guard let unit = try await Unit.find(station.$unit.id, on: db) else { throw DomainError(.notFound) }
        let area = try await SecurityAreaService.resolve(
            name: values.area, country: values.country, for: unit, by: context, on: db)
        station.$area.id = try area.requireID()
        station.$area.value = area
        try await db.transaction { db in
            try await station.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, station, before: before,
                unitID: station.$unit.id, summary: station.name)
        }
    }

    static func retire(_ station: DutyStation, by context: AuditContext, on db: any Database) async throws {
        if station.retiredAt != nil { throw DomainError(.alreadyRetired) }
        let before = station.auditFields
        station.retiredAt = context.at
        try await db.transaction { db in
            try await station.save(on: db)
            try await Audit.record(
                on: db, by: context, .retire, station, before: before,
                unitID: station.$unit.id, summary: station.name)
        }
    }

    private static func apply(_ values: Values, to station: DutyStation) {
        station.name = values.name
        station.country = values.country
        station.latitude = values.coordinates.latitude
        station.longitude = values.coordinates.longitude
    }
}

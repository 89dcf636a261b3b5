import Fluent
import ResilienceCore
import Vapor

/// A personnel record in the API: what everyone sees, and the protected part for those who may.
struct PersonnelDTO: Content {
    struct Contacts: Content {
        var phone: String?; var otherPhone: String?; var email: String?; var language: String
        var emergencyContact: String?
    }
    struct Location: Content {
        var dutyStationID: UUID?; var latitude: Double?; var longitude: Double?; var confirmedAt: Date?
        var source: String?; var locatable: Bool
    }
    struct DependantDTO: Content {
        var id: UUID; var name: String; var relationship: String; var dateOfBirth: String?; var residence: String?
        var phone: String?; var location: Location
    }
    var id: UUID
    var name: String
    var indexNumber: String
    var category: String
    var agencyID: UUID?
    var dutyStationID: UUID
    var unitID: UUID
    var contacts: Contacts?
    var location: Location?
    var dependants: [DependantDTO]?

    init(_ p: Personnel) {
        id = p.id!; name = p.name; indexNumber = p.indexNumber; category = p.category.rawValue
        agencyID = p.$agency.id; dutyStationID = p.$station.id; unitID = p.$unit.id
    }

    static func location(
        station: UUID?, lat: Double?, lon: Double?, at: Date?, source: LocationSource?, now: Date, days: Int
    ) -> Location {
        Location(
            dutyStationID: station, latitude: lat, longitude: lon, confirmedAt: at, source: source?.rawValue,
            locatable: Locatability.isLocatable(confirmedAt: at, now: now, windowDays: days))
    }

    /// With contacts, whereabouts and dependants.
    static func full(_ p: Personnel, on db: any Database, now: Date) async throws -> PersonnelDTO {
        var dto = PersonnelDTO(p)
        let days = try await SecuritySettings.locatableDays(on: db)
        dto.contacts = Contacts(
            phone: p.phone, otherPhone: p.otherPhone, email: p.email, language: p.language,
            emergencyContact: p.emergencyContact)
        dto.location = location(
            station: p.$locationStation.id, lat: p.locationLatitude, lon: p.locationLongitude,
            at: p.locationConfirmedAt, source: p.locationSource, now: now, days: days)
        dto.dependants = try await Dependant.query(on: db).filter(\.$personnel.$id == p.requireID()).sort(\.$name).all()
            .map { d in
                DependantDTO(
                    id: d.id!, name: d.name, relationship: d.relationship.rawValue, dateOfBirth: d.dateOfBirth,
                    residence: d.residence, phone: d.phone,
                    location: location(
                        station: d.$locationStation.id, lat: d.locationLatitude, lon: d.locationLongitude,
                        at: d.locationConfirmedAt, source: d.locationSource, now: now, days: days))
            }
        return dto
    }
}

/// A record as the API takes it; every field a form has, by the same names in camel case.
struct PersonnelInput: Content {
    var name: String?; var indexNumber: String?; var category: String?; var dutyStationID: String?
    var agencyID: String?; var phone: String?; var otherPhone: String?; var email: String?; var language: String?
    var emergencyContact: String?; var account: String?

    /// As the form names them; a field left out keeps `base`'s value.
    func fields(over base: [String: String]) -> [String: String] {
        var f = base
        let pairs: [(String, String?)] = [
            ("name", name), ("index_number", indexNumber), ("category", category), ("duty_station", dutyStationID),
            ("agency", agencyID), ("phone", phone), ("other_phone", otherPhone), ("email", email),
            ("language", language), ("emergency_contact", emergencyContact), ("account", account),
        ]
        for (key, value) in pairs { if let value { f[key] = value } }
        return f
    }
}

struct DependantInput: Content {
    var name: String?; var relationship: String?; var dateOfBirth: String?; var residence: String?; var phone: String?
}

struct LocationInput: Content {
    var dutyStationID: String?; var latitude: Double?; var longitude: Double?; var withDependants: Bool?
}

extension PersonnelController {
    @Sendable func apiList(_ req: Request) async throws -> Paged<PersonnelDTO> {
        let unit = try await req.unitParameter()
        let (page, per) = req.pageRequest
        let query = Personnel.query(on: req.db).filter(\.$leftAt == nil).filter(.sql(PersonnelReads.inSubtree(unit)))
            .sort(\.$name).sort(\.$id)
        let rows = try await query.range((page - 1) * per..<page * per + 1).all()
        return Paged(
            items: rows.prefix(per).map(PersonnelDTO.init),
            metadata: PageInfo(page: page, per: per, total: nil, hasMore: rows.count > per))
    }

    @Sendable func apiCreate(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let body = try req.decodeJSON(PersonnelInput.self)
        let record = try await PersonnelService.create(
            body.fields(over: [:]), within: unit, by: req.auditContext, on: req.db)
        return try await PersonnelDTO.full(record, on: req.db, now: req.now).encodeResponse(status: .created, for: req)
    }

    @Sendable func apiShow(_ req: Request) async throws -> PersonnelDTO {
        let record = try await req.personnelParameter()
        guard try await Self.seesProtected(record, req) else { return PersonnelDTO(record) }
        try await PersonnelService.logView(of: record, by: req.requireActor().id, at: req.now, app: req.application)
        return try await PersonnelDTO.full(record, on: req.db, now: req.now)
    }

    @Sendable func apiUpdate(_ req: Request) async throws -> PersonnelDTO {
        let record = try await req.personnelParameter()
        let body = try req.decodeJSON(PersonnelInput.self)
        let account = try await PersonnelController.accountName(of: record, on: req.db)
        let fields = try await Self.fields(
            body.fields(over: PersonnelForm.values(record, account: account)), for: record, req)
        try await PersonnelService.update(record, fields, by: req.auditContext, on: req.db)
        return try await PersonnelDTO.full(record, on: req.db, now: req.now)
    }

    @Sendable func apiAddDependant(_ req: Request) async throws -> Response {
        let record = try await req.personnelParameter()
        let b = try req.decodeJSON(DependantInput.self)
        let fields = [
            "name": b.name, "relationship": b.relationship, "date_of_birth": b.dateOfBirth, "residence": b.residence,
            "phone": b.phone,
        ].compactMapValues { $0 }
        _ = try await PersonnelService.saveDependant(nil, of: record, fields, by: req.auditContext, on: req.db)
        return try await PersonnelDTO.full(record, on: req.db, now: req.now).encodeResponse(status: .created, for: req)
    }

    @Sendable func apiLocate(_ req: Request) async throws -> PersonnelDTO {
        let record = try await req.personnelParameter()
        let b = try req.decodeJSON(LocationInput.self)
        var form = ["location_station": b.dutyStationID ?? ""]
        if let lat = b.latitude { form["latitude"] = String(lat) }
        if let lon = b.longitude { form["longitude"] = String(lon) }
        let w = try Self.whereabouts(form, req, record: record)
        let dependants =
            b.withDependants ?? true
            ? try await Dependant.query(on: req.db).filter(\.$personnel.$id == record.requireID()).all() : []
        try await PersonnelService.confirmLocation(
            of: record, at: w, dependants: dependants, by: req.auditContext, on: req.db)
        return try await PersonnelDTO.full(record, on: req.db, now: req.now)
    }
}

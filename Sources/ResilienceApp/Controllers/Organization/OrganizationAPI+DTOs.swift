import Foundation
import ResilienceCore
import Vapor

/// What the API returns: explicit shapes, never the database models.
struct UnitDTO: Content {
    var id: UUID; var name: String; var code: String?; var kind: String; var parentID: UUID?
    var depth: Int; var retiredAt: Date?
    init(_ u: Unit) {
        id = u.id!; name = u.name; code = u.code; kind = u.kind.rawValue; parentID = u.$parent.id
        depth = u.depth; retiredAt = u.retiredAt
    }
}

struct DutyStationDTO: Content {
    var id: UUID; var name: String; var country: String
    /// The security area's name (in the fallback language) and identifier.
    var area: String; var areaID: UUID
    var latitude: Double; var longitude: Double; var unitID: UUID; var retiredAt: Date?
    /// The station with its area loaded.
    init(_ s: DutyStation) {
        id = s.id!; name = s.name; country = s.country; area = s.areaName(Catalogue.fallbackCode); areaID = s.$area.id
        latitude = s.latitude; longitude = s.longitude; unitID = s.$unit.id; retiredAt = s.retiredAt
    }
    init(_ r: DutyStationRow) {
        id = r.id; name = r.name; country = r.country; area = r.area(Catalogue.fallbackCode); areaID = r.areaID
        latitude = r.latitude; longitude = r.longitude; unitID = r.unitID; retiredAt = r.retiredAt
    }
}

/// Bodies the API accepts.
struct DutyStationBody: Content {
    var name: String?; var country: String?; var area: String?; var latitude: Double?; var longitude: Double?
    var input: DutyStationInput {
        DutyStationInput(
            name: name, country: country, area: area, latitude: latitude.map { String($0) },
            longitude: longitude.map { String($0) })
    }
}

struct MoveBody: Content { var parentID: UUID }

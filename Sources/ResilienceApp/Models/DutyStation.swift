import Fluent
import Foundation

/// A place where units work (工作地点): coordinates, a country and an area.
final class DutyStation: Model, @unchecked Sendable {
    static let schema = "duty_stations"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "name") var name: String
    /// ISO 3166-1 alpha-2.
    @Field(key: "country") var country: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    @OptionalField(key: "retired_at") var retiredAt: Date?

    // Relationships
    /// The unit that works at and answers for this place.
    @Parent(key: "unit_id") var unit: Unit
    /// The security area the place is in: its level, risk assessment and measures are the area's.
    @Parent(key: "area_id") var area: SecurityArea

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it decodes, which
    /// was most of the CPU of a list page (see `ModelPropertiesTests`, which holds this list to
    /// what reflection finds).
    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $name, $country, $latitude, $longitude, $retiredAt, $unit, $area]
    }

    init() {}

    /// The area's name in a language; the area must have been loaded.
    func areaName(_ code: String) -> String { $area.value?.name(in: code) ?? "" }
}

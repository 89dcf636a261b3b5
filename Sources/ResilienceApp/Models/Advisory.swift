import Fluent
import Foundation
import ResilienceCore

/// A travel advisory (差旅咨询) for an area, a country or a duty station: what travellers must
/// know, and whether travel there needs security clearance.
final class Advisory: Model, @unchecked Sendable {
    static let schema = "advisories"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "scope") var scope: AdvisoryScope
    /// ISO 3166-1 alpha-2 of the place it covers, whatever the scope.
    @Field(key: "country") var country: String
    @OptionalField(key: "area_id") var areaID: UUID?
    @OptionalField(key: "station_id") var stationID: UUID?
    @Field(key: "severity") var severity: AdvisorySeverity
    /// Title and text by language (JSON, language code → text).
    @Field(key: "titles") var titles: String
    @Field(key: "texts") var texts: String
    @Field(key: "valid_from") var validFrom: Date
    @OptionalField(key: "valid_until") var validUntil: Date?
    @Field(key: "requires_clearance") var requiresClearance: Bool
    @Field(key: "published_by_name") var publishedByName: String
    @Field(key: "published_at") var publishedAt: Date
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?

    // Relationships
    /// The unit whose security officer published it and keeps it.
    @Parent(key: "unit_id") var unit: Unit

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $scope, $country, $areaID, $stationID, $severity, $titles, $texts,
            $validFrom, $validUntil, $requiresClearance, $publishedByName, $publishedAt, $withdrawnAt, $unit,
        ]
    }

    init() {}

    func title(_ code: String) -> String { NameSet.pick(titles, code) }
    func text(_ code: String) -> String { NameSet.pick(texts, code) }

    var terms: AdvisoryTerms {
        AdvisoryTerms(id: id!, validFrom: validFrom, validUntil: validUntil, requiresClearance: requiresClearance)
    }

    /// Whether it covers a duty station of `country` in `areaID`.
    func covers(stationID: UUID, areaID: UUID, country: String) -> Bool {
        switch scope {
        case .station: self.stationID == stationID
        case .area: self.areaID == areaID
        case .country: self.country == country
        }
    }
}

/// An air operator and HQ's assessment of its suitability (航空运营人的适合性).
final class AirOperator: Model, @unchecked Sendable {
    static let schema = "air_operators"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "name") var name: String
    /// ISO 3166-1 alpha-2 of the operator's state, when known.
    @OptionalField(key: "country") var country: String?
    @Field(key: "suitability") var suitability: OperatorSuitability
    @OptionalField(key: "restrictions") var restrictions: String?
    @Field(key: "assessed_on") var assessedOn: Date

    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $name, $country, $suitability, $restrictions, $assessedOn]
    }

    init() {}
}

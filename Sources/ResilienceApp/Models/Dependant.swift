import Fluent
import Foundation
import ResilienceCore

/// An eligible dependant (合格受抚养人) of a person: counted, located and accounted for with them.
final class Dependant: Model, @unchecked Sendable {
    static let schema = "dependants"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "name") var name: String
    @Field(key: "relationship") var relationship: Relationship
    /// yyyy-mm-dd.
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    /// Where they live, in words.
    @OptionalField(key: "residence") var residence: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalParent(key: "location_station_id") var locationStation: DutyStation?
    @OptionalField(key: "location_latitude") var locationLatitude: Double?
    @OptionalField(key: "location_longitude") var locationLongitude: Double?
    @OptionalField(key: "location_confirmed_at") var locationConfirmedAt: Date?
    @OptionalField(key: "location_source") var locationSource: LocationSource?
    /// When each security course expires, for a dependant who travels (midnight UTC of the day).
    @OptionalField(key: "bsafe_expires") var bsafeExpires: Date?
    @OptionalField(key: "ssafe_expires") var ssafeExpires: Date?

    // Relationships
    @Parent(key: "personnel_id") var personnel: Personnel

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $name, $relationship, $dateOfBirth, $residence, $phone, $locationStation,
            $locationLatitude, $locationLongitude, $locationConfirmedAt, $locationSource, $bsafeExpires, $ssafeExpires,
            $personnel,
        ]
    }

    init() {}

    /// The security courses held, by when each expires.
    var courses: [SecurityCourse: Date] {
        var held: [SecurityCourse: Date] = [:]
        held[.bsafe] = bsafeExpires
        held[.ssafe] = ssafeExpires
        return held
    }
}

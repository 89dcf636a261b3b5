import Fluent
import Foundation
import ResilienceCore

/// A person at one of the organization's duty stations, with or without an account: what the
/// security management system must be able to find and reach.
final class Personnel: Model, @unchecked Sendable {
    static let schema = "personnel"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    /// The agency's index number: unique across the organization.
    @Field(key: "index_number") var indexNumber: String
    @Field(key: "name") var name: String
    @Field(key: "category") var category: PersonnelCategory
    /// Mobile, in the international form (E.164): where roll-call SMS go.
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "other_phone") var otherPhone: String?
    @OptionalField(key: "email") var email: String?
    /// The language messages to them are written in.
    @Field(key: "language") var language: String
    @OptionalField(key: "emergency_contact") var emergencyContact: String?
    @OptionalParent(key: "location_station_id") var locationStation: DutyStation?
    @OptionalField(key: "location_latitude") var locationLatitude: Double?
    @OptionalField(key: "location_longitude") var locationLongitude: Double?
    @OptionalField(key: "location_confirmed_at") var locationConfirmedAt: Date?
    @OptionalField(key: "location_source") var locationSource: LocationSource?
    /// When they left and the record was anonymized: kept so past roll-calls and figures stay right.
    @OptionalField(key: "left_at") var leftAt: Date?
    /// A senior official: their trips open a travel case for the protective service.
    @Field(key: "senior_official") var seniorOfficial: Bool
    /// Until training records exist: when each security course expires (midnight UTC of the day).
    @OptionalField(key: "bsafe_expires") var bsafeExpires: Date?
    @OptionalField(key: "ssafe_expires") var ssafeExpires: Date?

    // Relationships
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "duty_station_id") var station: DutyStation
    @OptionalParent(key: "agency_id") var agency: Agency?
    /// Their account, when they have one.
    @OptionalParent(key: "user_id") var user: User?
    @Children(for: \.$personnel) var dependants: [Dependant]

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $indexNumber, $name, $category, $phone, $otherPhone, $email, $language,
            $emergencyContact, $locationStation, $locationLatitude, $locationLongitude, $locationConfirmedAt,
            $locationSource, $leftAt, $seniorOfficial, $bsafeExpires, $ssafeExpires, $unit, $station, $agency, $user,
        ]
    }

    init() { seniorOfficial = false }

    /// The security courses held, by when each expires.
    var courses: [SecurityCourse: Date] {
        var held: [SecurityCourse: Date] = [:]
        held[.bsafe] = bsafeExpires
        held[.ssafe] = ssafeExpires
        return held
    }
}

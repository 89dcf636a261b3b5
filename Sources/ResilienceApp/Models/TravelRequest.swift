import Fluent
import Foundation
import ResilienceCore

/// A travel request (差旅请求): a person's trip, its legs and who travels with them, submitted for
/// security clearance.
final class TravelRequest: Model, @unchecked Sendable {
    static let schema = "travel_requests"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "purpose") var purpose: String
    /// Where they stay, in words (hotel, guest house, compound).
    @OptionalField(key: "accommodation") var accommodation: String?
    @Field(key: "status") var status: TravelStatus
    /// Why it was refused (the officer's words), or empty when the training check refused it.
    @OptionalField(key: "refusal") var refusal: String?
    /// When the traveller acknowledged the advisories of every place on the trip.
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// When it was cleared or refused.
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// The first departure and the last arrival: the lists and the calendar read these.
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    /// The last destination is not where the trip began.
    @Field(key: "one_way") var oneWay: Bool
    /// The traveller was a senior official when it was entered: a travel case goes with it.
    @Field(key: "senior_official") var seniorOfficial: Bool
    @Field(key: "requested_by_name") var requestedByName: String

    // Relationships
    @Parent(key: "personnel_id") var personnel: Personnel
    /// The traveller's unit, for lists and access.
    @Parent(key: "unit_id") var unit: Unit
    @OptionalParent(key: "requested_by_id") var requestedBy: User?

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $purpose, $accommodation, $status, $refusal, $acknowledgedAt, $submittedAt,
            $decidedAt, $startsAt, $endsAt, $oneWay, $seniorOfficial, $requestedByName, $personnel, $unit,
            $requestedBy,
        ]
    }

    init() {}
}

/// A leg of a trip: from a duty station (or a place near one) to another, when, how, and its
/// clearance by the destination's security officer.
final class TravelLeg: Model, @unchecked Sendable {
    static let schema = "travel_legs"

    // Managed fields
    @ID(key: .id) var id: UUID?

    // Data fields
    /// 1, 2, 3 … in the order travelled.
    @Field(key: "position") var position: Int
    @OptionalField(key: "from_place") var fromPlace: String?
    @OptionalField(key: "to_place") var toPlace: String?
    @OptionalField(key: "to_latitude") var toLatitude: Double?
    @OptionalField(key: "to_longitude") var toLongitude: Double?
    @Field(key: "departs_at") var departsAt: Date
    @Field(key: "arrives_at") var arrivesAt: Date
    @Field(key: "means") var means: TravelMeans
    /// The flight as written on the ticket, normalized (`KQ310`).
    @OptionalField(key: "flight") var flight: String?
    @Field(key: "clearance") var clearance: LegClearance
    /// Why it needs clearance: `level:5`, `advisory:<id>`, comma-separated.
    @Field(key: "reasons") var reasons: String
    @OptionalField(key: "conditions") var conditions: String?
    @OptionalField(key: "refusal_reason") var refusalReason: String?
    @OptionalField(key: "decided_by_id") var decidedByID: UUID?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// HQ's aviation advice on an operator not approved: asked when the request was submitted.
    @OptionalField(key: "advice_requested_at") var adviceRequestedAt: Date?
    @OptionalField(key: "advice") var advice: String?
    @OptionalField(key: "advised_by_name") var advisedByName: String?
    @OptionalField(key: "advised_at") var advisedAt: Date?
    /// HQ's approval of a flight over the cap.
    @OptionalField(key: "flight_approved_by_name") var flightApprovedByName: String?
    @OptionalField(key: "flight_approved_at") var flightApprovedAt: Date?
    /// When tracking put the traveller at this leg's destination.
    @OptionalField(key: "tracked_at") var trackedAt: Date?

    // Relationships
    @Parent(key: "request_id") var request: TravelRequest
    @Parent(key: "from_station_id") var fromStation: DutyStation
    @Parent(key: "to_station_id") var toStation: DutyStation
    /// The destination's area, and the unit keeping it: its security officer clears the leg.
    @Parent(key: "to_area_id") var toArea: SecurityArea
    @Parent(key: "to_unit_id") var toUnit: Unit
    @OptionalParent(key: "operator_id") var airOperator: AirOperator?

    var properties: [any AnyProperty] {
        [
            $id, $position, $fromPlace, $toPlace, $toLatitude, $toLongitude, $departsAt, $arrivesAt, $means, $flight,
            $clearance, $reasons, $conditions, $refusalReason, $decidedByID, $decidedByName, $decidedAt,
            $adviceRequestedAt, $advice, $advisedByName, $advisedAt, $flightApprovedByName, $flightApprovedAt,
            $trackedAt, $request, $fromStation, $toStation, $toArea, $toUnit, $airOperator,
        ]
    }

    init() {}

    var times: LegTimes { LegTimes(departs: departsAt, arrives: arrivesAt) }
}

/// A dependant travelling with the person.
final class TravelCompanion: Model, @unchecked Sendable {
    static let schema = "travel_companions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: TravelRequest
    @Parent(key: "dependant_id") var dependant: Dependant

    var properties: [any AnyProperty] { [$id, $request, $dependant] }

    init() {}
}

/// A senior official's travel case (旅行案例): the protective service's assessment of protection
/// needs before the trip.
final class TravelCase: Model, @unchecked Sendable {
    static let schema = "travel_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "opened_at") var openedAt: Date
    @OptionalField(key: "threat") var threat: ProtectionThreat?
    /// The protection assigned, in words (close protection officers, armoured vehicle …).
    @OptionalField(key: "protection") var protection: String?
    @OptionalField(key: "assessed_by_name") var assessedByName: String?
    @OptionalField(key: "assessed_at") var assessedAt: Date?
    @Parent(key: "request_id") var request: TravelRequest

    var properties: [any AnyProperty] {
        [$id, $openedAt, $threat, $protection, $assessedByName, $assessedAt, $request]
    }

    init() {}
}

import Foundation

/// How a person is employed, as the UN's personnel figures count them.
public enum PersonnelCategory: String, CaseIterable, Codable, Sendable {
    case international
    case national
    /// Consultants, contractors, volunteers: covered by the security management system too.
    case affiliate
}

/// How an eligible dependant (合格受抚养人) is related to the person.
public enum Relationship: String, CaseIterable, Codable, Sendable {
    case spouse, child, parent, other
}

/// How a location was last confirmed: what the locatable share can trust.
public enum LocationSource: String, CaseIterable, Codable, Sendable {
    /// The person said where they (or their dependants) are.
    case themselves = "self"
    /// A security officer or personnel focal point recorded it.
    case officer
    /// An answer to a roll-call (their own answer, SMS, a warden or the officer marking them).
    case rollCall = "roll_call"
    /// A travel itinerary puts them there.
    case travel
}

/// Where a person or a dependant is, at the level the person chose: a duty station (and so its
/// area) by default, coordinates only when the person gives them or a roll-call asks.
public struct Whereabouts: Hashable, Sendable {
    public var stationID: UUID?
    public var place: Coordinates?
    public var confirmedAt: Date?
    public var source: LocationSource?

    public init(stationID: UUID?, place: Coordinates? = nil, confirmedAt: Date?, source: LocationSource?) {
        self.stationID = stationID
        self.place = place
        self.confirmedAt = confirmedAt
        self.source = source
    }
}

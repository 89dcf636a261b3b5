import Foundation
import Testing

@testable import ResilienceCore

/// 2027-01-10 00:00 UTC, and hours from it.
private let day0 = Date(timeIntervalSince1970: 1_799_539_200)
private func hours(_ h: Double) -> Date { day0.addingTimeInterval(h * 3600) }
private func leg(_ from: Double, _ to: Double) -> LegTimes { LegTimes(departs: hours(from), arrives: hours(to)) }

@Suite struct TravelTests {
    // MARK: When a leg needs clearance (the issue: at or above HQ's threshold, default 3, or an
    // advisory that says so while the traveller is there)

    @Test(arguments: [(1, false), (2, false), (3, true), (4, true), (5, true), (6, true)])
    func aDestinationAtOrAboveTheThresholdNeedsClearance(level: Int, needed: Bool) {
        let reasons = ClearanceRules.reasons(
            level: level, threshold: TravelRules.standard.clearanceLevel, advisories: [],
            during: (hours(0), hours(48)))
        #expect(reasons.isEmpty == !needed)
        #expect(reasons.contains(.level(level)) == needed)
    }

    @Test func hqsThresholdDecides() {
        #expect(ClearanceRules.reasons(level: 3, threshold: 4, advisories: [], during: (hours(0), hours(1))).isEmpty)
        #expect(
            ClearanceRules.reasons(level: 4, threshold: 4, advisories: [], during: (hours(0), hours(1))) == [.level(4)])
    }

    /// A stay from hour 0 to hour 48; an advisory requiring clearance counts when its validity
    /// crosses the stay, however little.
    @Test(
        arguments: [
            (-100.0, -1.0, false),  // ended before the traveller arrives
            (-100.0, 0.0, true),  // ends the moment they arrive
            (-100.0, nil, true),  // open-ended, already in force
            (10.0, 20.0, true),  // within the stay
            (47.0, 200.0, true),  // starts before they leave
            (48.0, 200.0, true),  // starts the moment they leave
            (49.0, 200.0, false),  // starts after they left
        ] as [(Double, Double?, Bool)])
    func anAdvisoryRequiringClearanceCountsWhenItsValidityCrossesTheStay(from: Double, until: Double?, counts: Bool) {
        let id = UUID()
        let advisory = AdvisoryTerms(
            id: id, validFrom: hours(from), validUntil: until.map(hours), requiresClearance: true)
        let reasons = ClearanceRules.reasons(
            level: 1, threshold: 3, advisories: [advisory], during: (hours(0), hours(48)))
        #expect(reasons == (counts ? [.advisory(id)] : []))
    }

    @Test func anAdvisoryNotRequiringClearanceIsShownButAsksForNothing() {
        let a = AdvisoryTerms(id: UUID(), validFrom: hours(-1), validUntil: nil, requiresClearance: false)
        #expect(ClearanceRules.reasons(level: 2, threshold: 3, advisories: [a], during: (hours(0), hours(4))).isEmpty)
        #expect(ClearanceRules.inForce([a], during: (hours(0), hours(4))) == [a])
    }

    @Test func aOneWayStayRunsOnSoAnAdvisoryLongAfterArrivalStillCounts() {
        let stays = Itinerary.stays([leg(0, 2)], oneWay: true)
        let later = AdvisoryTerms(id: UUID(), validFrom: hours(24 * 90), validUntil: nil, requiresClearance: true)
        #expect(ClearanceRules.reasons(level: 1, threshold: 3, advisories: [later], during: stays[0]).count == 1)
        let returnStays = Itinerary.stays([leg(0, 2), leg(48, 50)], oneWay: false)
        #expect(ClearanceRules.reasons(level: 1, threshold: 3, advisories: [later], during: returnStays[0]).isEmpty)
    }

    // MARK: Training valid on the travel dates (BSAFE everywhere, SSAFE from level 5 by default)

    @Test(arguments: [(1, [SecurityCourse.bsafe]), (4, [.bsafe]), (5, [.bsafe, .ssafe]), (6, [.bsafe, .ssafe])])
    func theCoursesRequiredFollowTheHighestLevel(level: Int, courses: [SecurityCourse]) {
        #expect(TravelRules.standard.required(atLevel: level) == courses)
    }

    /// The trip ends on 2027-01-12 at 18:00; a course holds through the whole of its expiry day.
    @Test(
        arguments: [
            ("2027-01-12", true), ("2027-01-13", true), ("2028-01-01", true), ("2027-01-11", false),
            ("2026-06-30", false),
        ])
    func aCourseMustBeValidUntilTheTripEnds(expires: String, valid: Bool) throws {
        let end = hours(2 * 24 + 18)
        let expiry = try TextRules.requiredDay(expires, field: "x")
        let short = ClearanceRules.shortfalls(required: [.bsafe], held: [.bsafe: expiry], through: end)
        #expect(short.isEmpty == valid)
        if !valid { #expect(short == [TrainingShortfall(course: .bsafe, expiredOn: expiry)]) }
    }

    @Test func aCourseNeverTakenIsAShortfallWithoutADate() {
        let short = ClearanceRules.shortfalls(
            required: [.bsafe, .ssafe], held: [.bsafe: hours(24 * 400)], through: hours(5))
        #expect(short == [TrainingShortfall(course: .ssafe, expiredOn: nil)])
    }

    // MARK: The itinerary

    @Test func legsEndingBeforeTheyStartOutOfOrderOrOverlappingAreEachRefusedOnTheirField() {
        #expect(Itinerary.problems([leg(0, 2), leg(5, 7), leg(7, 9)]).isEmpty)
        #expect(
            Itinerary.problems([leg(3, 2)]) == [DomainError(.legEndsBeforeStart, field: "leg1_arrives", args: ["1"])])
        #expect(
            Itinerary.problems([leg(10, 12), leg(5, 6)]) == [
                DomainError(.legsOutOfOrder, field: "leg2_departs", args: ["2", "1"])
            ])
        #expect(
            Itinerary.problems([leg(0, 5), leg(4, 8)]) == [
                DomainError(.legsOverlap, field: "leg2_departs", args: ["2", "1"])
            ])
    }

    /// Nairobi → Mogadishu (hours 0–2), Mogadishu → Baidoa (24–25), Baidoa → Nairobi (72–75).
    @Test(
        arguments: [
            (-1.0, nil), (0.0, ItineraryPosition.travelling(leg: 0)), (1.0, .travelling(leg: 0)),
            (2.0, .staying(afterLeg: 0)), (23.9, .staying(afterLeg: 0)), (24.5, .travelling(leg: 1)),
            (30.0, .staying(afterLeg: 1)), (74.0, .travelling(leg: 2)), (75.0, nil), (500.0, nil),
        ] as [(Double, ItineraryPosition?)])
    func aReturnTripPutsTheTravellerOnTheLegOrAtItsDestinationThenHome(at: Double, position: ItineraryPosition?) {
        let legs = [leg(0, 2), leg(24, 25), leg(72, 75)]
        #expect(Itinerary.position(legs, at: hours(at), oneWay: false) == position)
    }

    @Test func aOneWayTripKeepsTheTravellerAtTheLastDestination() {
        let legs = [leg(0, 2), leg(24, 25)]
        #expect(Itinerary.position(legs, at: hours(25), oneWay: true) == .staying(afterLeg: 1))
        #expect(Itinerary.position(legs, at: hours(24 * 365), oneWay: true) == .staying(afterLeg: 1))
    }

    // MARK: Flights, the cap and what blocks a clearance

    @Test(arguments: [("KQ 310", "KQ310"), ("kq310", "KQ310"), ("ET-308", "ET308"), ("UNH 123A", "UNH123A")])
    func flightsAreReadAsPeopleWriteThem(typed: String, flight: String) {
        #expect(ClearanceRules.flight(typed) == flight)
    }

    @Test(arguments: ["", "310", "KQ", "KQ 31000", "飞机 1", "K 1"])
    func whatIsNotAFlightIsNotRead(typed: String) { #expect(ClearanceRules.flight(typed) == nil) }

    /// HQ's cap of 30: the 31st traveller on one flight needs HQ's approval.
    @Test(arguments: [(29, false), (30, false), (31, true)])
    func aFlightOverTheCapNeedsApproval(booked: Int, over: Bool) {
        #expect(ClearanceRules.overCap(booked: booked, cap: 30) == over)
        let blockers = ClearanceRules.blockers(
            suitability: .approved, adviceGiven: false, booked: booked, cap: 30, flightApproved: false,
            seniorOfficial: false, protectionAssessed: false)
        #expect(blockers == (over ? [.flightCap] : []))
    }

    @Test(arguments: [
        (OperatorSuitability.approved, false, [ClearanceBlocker]()), (.restricted, false, []),
        (.notApproved, false, [.aviationAdvice]), (.notApproved, true, []),
    ])
    func anOperatorNotApprovedWaitsForAviationAdvice(
        suitability: OperatorSuitability, advised: Bool, blockers: [ClearanceBlocker]
    ) {
        #expect(
            ClearanceRules.blockers(
                suitability: suitability, adviceGiven: advised, booked: 1, cap: 30, flightApproved: false,
                seniorOfficial: false, protectionAssessed: false) == blockers)
    }

    @Test func aSeniorOfficialsTripWaitsForTheAssessmentOfProtectionNeeds() {
        func blockers(_ assessed: Bool) -> [ClearanceBlocker] {
            ClearanceRules.blockers(
                suitability: nil, adviceGiven: false, booked: 0, cap: 30, flightApproved: false, seniorOfficial: true,
                protectionAssessed: assessed)
        }
        #expect(blockers(false) == [.protection])
        #expect(blockers(true).isEmpty)
    }

    // MARK: What other systems read

    @Test func iCalendarTextIsEscapedAndLongLinesFoldedWithinSeventyFiveOctets() {
        let event = CalendarEvent(
            uid: "leg-1@resilience", start: hours(0), end: hours(2), summary: "Nairobi → Mogadishu; KQ 310, cleared",
            location: "Mogadishu", description: String(repeating: "安全", count: 40))
        let text = FeedText.calendar([event], name: "Trips", stamp: hours(-5))
        #expect(text.contains("SUMMARY:Nairobi → Mogadishu\\; KQ 310\\, cleared\r\n"))
        #expect(text.contains("DTSTART:20270110T000000Z\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        // Unfolded, the description is whole again.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:" + String(repeating: "安全", count: 40) + "\r\n"))
    }

    @Test func capTimesUseMinusZeroForUTC() {
        #expect(FeedText.cap(hours(13.25)) == "2027-01-10T13:15:00-00:00")
        #expect(FeedText.atom(hours(13.25)) == "2027-01-10T13:15:00Z")
        #expect(FeedText.xml("<a & \"b\">\u{1}") == "&lt;a &amp; &quot;b&quot;&gt;")
    }
}

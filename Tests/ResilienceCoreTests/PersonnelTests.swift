import Foundation
import Testing

@testable import ResilienceCore

private let opened = Date(timeIntervalSince1970: 1_800_000_000)
private func minutes(_ m: Double) -> Date { opened.addingTimeInterval(m * 60) }
private func place(_ lat: Double, _ lon: Double) -> Coordinates { try! Coordinates(latitude: lat, longitude: lon) }

@Suite struct PersonnelTests {
    /// International numbers as people type them, and what an SMS gateway must be handed.
    @Test(arguments: [
        ("+254 722 000 111", "+254722000111"), ("+86 (10) 6532-1234", "+861065321234"),
        ("0041 22 917 12 34", "+41229171234"), ("+1.212.963.1234", "+12129631234"),
    ])
    func phoneNumbersTypedWithSpacesAndBracketsAreKeptInTheInternationalForm(typed: String, e164: String) throws {
        #expect(try PhoneNumber(typed).e164 == e164)
    }

    @Test(arguments: ["0722 000 111", "+254", "+2547220001112223", "phone", "+254 722 x00", "+0 123 456 789", ""])
    func aNumberThatCannotBeDialledInternationallyIsRefused(typed: String) {
        #expect(throws: DomainError(.phoneFormat, field: "phone")) { try PhoneNumber(typed) }
    }

    @Test func kannelsSenderWithoutThePlusIsTheSameNumber() {
        #expect(PhoneNumber.normalized("254722000111")?.e164 == "+254722000111")
        #expect(PhoneNumber.normalized("+254722000111")?.e164 == "+254722000111")
        #expect(PhoneNumber.normalized("hello") == nil)
    }

    /// HQ's window: confirmed within 30 days counts (DOMAIN.md, the issue).
    @Test(
        arguments: [(nil, false), (0.0, true), (29.9, true), (30.0, true), (30.1, false), (200.0, false)]
            as [(
                Double?, Bool
            )])
    func aPersonIsLocatableWhenConfirmedWithinTheWindow(daysAgo: Double?, locatable: Bool) {
        let now = opened
        let confirmed = daysAgo.map { now.addingTimeInterval(-$0 * 86_400) }
        #expect(Locatability.isLocatable(confirmedAt: confirmed, now: now, windowDays: 30) == locatable)
    }

    @Test func theReconciliationListSaysWhySomeoneCannotBeLocated() {
        let now = opened
        #expect(
            Locatability.reasons(confirmedAt: nil, now: now, windowDays: 30, hasPhone: false) == [
                .neverConfirmed, .noPhone,
            ])
        #expect(
            Locatability.reasons(
                confirmedAt: now.addingTimeInterval(-40 * 86_400), now: now, windowDays: 30, hasPhone: true,
                openTrip: true) == [.confirmedTooLongAgo, .tripWithoutReturn])
        #expect(
            Locatability.reasons(
                confirmedAt: now.addingTimeInterval(-40 * 86_400), now: now, windowDays: 60, hasPhone: true
            ).isEmpty)
    }

    @Test func theLocatableShareIsOfThoseCounted() {
        #expect(Locatability.share(3, of: 4) == 75)
        #expect(Locatability.share(0, of: 0) == nil)
    }

    /// Published distances: one degree of a meridian is 111.2 km; London–Paris 343.5 km;
    /// Nairobi–Mombasa about 440 km.
    @Test func greatCircleDistancesAreThoseOfTheAtlas() {
        #expect(abs(GreatCircle.distanceKm(place(0, 36), place(1, 36)) - 111.2) < 0.1)
        #expect(abs(GreatCircle.distanceKm(place(51.5074, -0.1278), place(48.8566, 2.3522)) - 343.5) < 1)
        #expect(abs(GreatCircle.distanceKm(place(-1.2921, 36.8219), place(-4.0435, 39.6682)) - 440) < 5)
    }

    @Test func aCircleCoversThoseInsideItsRadiusAndNobodyWithoutAPlace() throws {
        let nairobi = place(-1.2921, 36.8219)
        let reach = try RollCallReach.within(center: nairobi, radiusKm: 25)
        #expect(reach.covers(stationID: nil, at: place(-1.3, 36.9)))  // about 9 km
        #expect(!reach.covers(stationID: nil, at: place(-1.0, 37.1)))  // about 45 km
        #expect(!reach.covers(stationID: UUID(), at: nil))
    }

    @Test func stationsCoverThoseAtThemOnly() {
        let gambella = UUID()
        let reach = RollCallReach.stations([gambella])
        #expect(reach.covers(stationID: gambella, at: nil))
        #expect(!reach.covers(stationID: UUID(), at: place(0, 0)))
    }

    @Test(arguments: [-5.0, 0, .nan, 2_001])
    func aRadiusThatIsNotAPositiveDistanceIsRefused(radius: Double) {
        #expect(throws: DomainError.self) { try RollCallReach.within(center: place(0, 0), radiusKm: radius) }
    }

    /// The answers the issue lists, in both languages, and what phones add to them.
    @Test(arguments: [
        ("1", SMSReply.safe), ("SAFE", .safe), ("safe.", .safe), ("安全", .safe), (" 安全 ", .safe), ("１", .safe),
        ("2", .needsHelp), ("HELP", .needsHelp), ("help!", .needsHelp), ("求助", .needsHelp),
        ("hello", .notUnderstood), ("12", .notUnderstood), ("", .notUnderstood), ("3", .notUnderstood),
    ])
    func smsAnswersAreReadInBothLanguages(text: String, reply: SMSReply) {
        #expect(SMSReply(text) == reply)
    }

    /// Accounted for means someone knows how they are: safe, needs help, injured; not missing.
    @Test func onlyKnownStatesAreAccounted() {
        let accounted: [AccountStatus: Bool] = [
            .notReached: false, .safe: true, .needsHelp: true, .injured: true, .missing: false,
        ]
        for status in AccountStatus.allCases { #expect(status.isAccounted == accounted[status]) }
    }

    /// Ten people: the fifth accounted at 20 min makes 50 %, the ninth at 2 h 90 %, the tenth at
    /// 3 h 10 min everyone (the demo's closed roll-call in Kenya).
    @Test func theTimeToHalfNineTenthsAndEveryoneIsWhenThatManyWereAccounted() {
        let at: [Double] = [5, 8, 12, 15, 20, 40, 60, 90, 120, 190]
        let progress = AccountingProgress(openedAt: opened, total: 10, accountedAt: at.reversed().map(minutes))
        #expect(progress.toHalf == 20.0 * 60)
        #expect(progress.toNinetyPercent == 120.0 * 60)
        #expect(progress.toAll == 190.0 * 60)
        #expect(progress.percent == 100)
        #expect(progress.series.map(\.1) == Array(1...10))
        let partial = AccountingProgress(openedAt: opened, total: 10, accountedAt: at.prefix(6).map(minutes))
        #expect(partial.toHalf == 20.0 * 60)
        #expect(partial.toNinetyPercent == nil && partial.toAll == nil)
        #expect(partial.percent == 60)
    }

    /// 1,000 marks, one a minute: drawn as 10 steps, each the count at the end of its tenth.
    @Test func aLongSeriesIsDrawnAsTheCountAtTheEndOfEachSpan() {
        let progress = AccountingProgress(
            openedAt: opened, total: 1000, accountedAt: (1...1000).map { minutes(Double($0)) })
        let steps = progress.sampled(10)
        #expect(steps.map(\.1) == [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000])
        #expect(steps.map(\.0) == (1...10).map { Double($0) * 100 * 60 })
        #expect(AccountingProgress(openedAt: opened, total: 3, accountedAt: [minutes(1)]).sampled(10).count == 1)
    }

    @Test func anOddListReachesHalfWhenMoreThanHalfAreAccounted() {
        // 3 listed: half is 1.5, so the second person makes it.
        let progress = AccountingProgress(openedAt: opened, total: 3, accountedAt: [minutes(1), minutes(4)])
        #expect(progress.toHalf == 4.0 * 60)
    }

    /// SMS at once, e-mail after 15 minutes, again every hour: the sends of the first two hours.
    @Test func theContactPlanSendsEachChannelInOrderAndRepeats() throws {
        let plan = ContactPlan.standard
        let due = plan.due(openedAt: opened, from: nil, to: minutes(120))
        let expected: [(ContactChannel, Double)] = [(.sms, 0), (.email, 15), (.sms, 60), (.email, 75), (.sms, 120)]
        #expect(due.map(\.0) == expected.map(\.0))
        #expect(due.map(\.1) == expected.map { minutes($0.1) })
        // Asked again later, only what became due since.
        let later = plan.due(openedAt: opened, from: minutes(120), to: minutes(200))
        #expect(later.map(\.1) == [minutes(135), minutes(180), minutes(195)])
        let once = try ContactPlan(steps: [.init(channel: .email, afterMinutes: 0)], repeatMinutes: nil)
        #expect(once.due(openedAt: opened, from: minutes(0), to: minutes(500)).isEmpty)
    }

    @Test func aContactPlanThatRepeatsBeforeItsLastStepIsRefused() {
        #expect(throws: DomainError.self) {
            try ContactPlan(
                steps: [.init(channel: .sms, afterMinutes: 0), .init(channel: .email, afterMinutes: 30)],
                repeatMinutes: 20)
        }
        #expect(throws: DomainError.self) { try ContactPlan(steps: [], repeatMinutes: nil) }
    }
}

@Suite struct PersonnelRecordTests {
    /// A person changes how to reach them; who they are and where they are posted stay as HR keeps them.
    @Test func aPersonsOwnChangeKeepsWhatHumanResourcesKeep() {
        let current = [
            "name": "Grace", "index_number": "KE-1", "category": "national", "duty_station": "A", "agency": "",
            "phone": "+254700000001", "email": "", "language": "en", "emergency_contact": "",
        ]
        let typed = [
            "name": "Queen Grace", "index_number": "KE-9", "category": "international", "duty_station": "B",
            "phone": "+254700000002", "email": "grace@example.org", "language": "zh-Hans", "account": "admin",
        ]
        let saved = PersonnelRules.ownChange(typed, over: current)
        let expected = [
            "name": "Grace", "index_number": "KE-1", "category": "national", "duty_station": "A", "agency": "",
            "phone": "+254700000002", "email": "grace@example.org", "language": "zh-Hans", "emergency_contact": "",
        ]
        #expect(saved == expected)
    }

    @Test func whereaboutsNeedAStationAndTakeCoordinatesOnlyWhenGiven() throws {
        let station = UUID()
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let plain = try PersonnelRules.whereabouts(
            ["location_station": station.uuidString], confirmedAt: at, by: .themselves
        )
        .get()
        #expect(plain.stationID == station && plain.place == nil && plain.source == .themselves)
        let placed = try PersonnelRules.whereabouts(
            ["location_station": station.uuidString, "latitude": "-1,29", "longitude": "36.82"], confirmedAt: at,
            by: .officer
        ).get()
        #expect(placed.place?.latitude == -1.29)
        guard case .failure(let refused) = PersonnelRules.whereabouts(["latitude": "95"], confirmedAt: at, by: .officer)
        else {
            Issue.record("no station and a latitude beyond 90 are refused")
            return
        }
        // No station; a latitude without a longitude is a longitude missing.
        #expect(Set(refused.errors.compactMap(\.field)) == ["location_station", "longitude"])
    }
}

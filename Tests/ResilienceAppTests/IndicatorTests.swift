import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// The indicators page: every indicator of the seeds for a unit, from live data, with history.
@Suite struct IndicatorPageTests {
    @Test func theEastAfricaRegionsSecurityIndicatorsAreCountedFromItsAreasAndStations() async throws {
        try await withTestApp { app in
            let region = try await unit("RB-EHAGL", app)
            let values = try await IndicatorService.values(of: region, at: app.clock.now, kept: app.kept, on: app.db)
            // Six areas (Kenya's three, Ethiopia's three): Garissa's and Gambella's assessments are
            // current; every level but Nairobi's is within its review date.
            #expect(values[.assessmentsCurrent] == IndicatorValue(count: 2, total: 6))
            #expect(values[.levelsOnTime] == IndicatorValue(count: 5, total: 6))
            // Seven duty stations with measures; Nairobi (Kenya's) and Addis Ababa fully compliant.
            #expect(values[.stationsCompliant] == IndicatorValue(count: 2, total: 7))
            let desk = try await Browser(app).signedIn("desk.ehagl")
            let page = try await desk.get(AppPath.indicators.path).body.string
            #expect(page.contains("Risk assessments endorsed and current") && page.contains("2 of 6 areas"))
            #expect(page.contains("5 of 6 areas") && page.contains("2 of 7 duty stations"))
            // The history of the levels was rebuilt for the months before today.
            #expect(page.contains("<polyline"))
            // Staff do not read the indicators; a desk does not read another region's.
            let staff = try await Browser(app).signedIn("staff.coxsbazar")
            #expect(try await staff.get(AppPath.indicators.path).status == .forbidden)
            let asia = try await unit("RB-AP", app)
            #expect(try await desk.get(AppPath.indicators.with([("unit", asia.id!.uuidString)])).status == .notFound)
        }
    }

    @Test func theKeptPageCountsAnAssessmentApprovedAMinuteAgo() async throws {
        try await withTestApp { app in
            let desk = try await Browser(app).signedIn("desk.ehagl")
            #expect(try await desk.get(AppPath.indicators.path).body.string.contains("2 of 6 areas"))
            // Turkana's draft is submitted by the officer and approved by the desk.
            let turkana = try #require(
                try await SecurityArea.query(on: app.db).all().first { $0.name(in: "en") == "Turkana" })
            let draft = try #require(
                try await RiskAssessmentRecord.query(on: app.db).filter(\.$area.$id == turkana.requireID()).first())
            let officer = try await Browser(app).signedIn("security.kenya")
            #expect(
                try await officer.post(AppPath.riskAssessmentMove(draft.id!).path, ["move": "submit"]).status
                    == .seeOther)
            #expect(
                try await desk.post(AppPath.riskAssessmentMove(draft.id!).path, ["move": "approve"]).status == .seeOther
            )
            #expect(try await desk.get(AppPath.indicators.path).body.string.contains("3 of 6 areas"))
        }
    }

    /// The hourly record counts who can be located for HQ and each region from one count of the
    /// whole organization, each region its own subtree. The demo's personnel (DemoPersonnel):
    /// Kenya nine, three confirmed within 30 days; Bangladesh three, one confirmed. One more is
    /// added in Kenya, confirmed now: East Africa 4 of 10, Asia 1 of 3, HQ 5 of 13, and the Middle
    /// East's region, without personnel, nothing.
    @Test func theHourlyRecordCountsWhoCanBeLocatedForEachRegionsOwnSubtree() async throws {
        try await withTestApp { app in
            let kenya = try await unit("KEN", app)
            let nairobi = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Nairobi").first())
            let record = try await PersonnelService.create(
                [
                    "name": "Mercy Wambui", "index_number": "KE-0301", "category": "national",
                    "duty_station": nairobi.id!.uuidString,
                ], within: kenya, by: app.systemContext, on: app.db)
            try await PersonnelService.confirmLocation(
                of: record, at: Whereabouts(stationID: nairobi.id!, confirmedAt: app.clock.now, source: .officer),
                dependants: [], by: app.systemContext, on: app.db)
            try await IndicatorService.record(at: app.clock.now, on: app.db)
            func recorded(_ code: String) async throws -> Double? {
                let unit = try await unit(code, app)
                return try await IndicatorSnapshot.query(on: app.db).filter(\.$unitID == unit.id!)
                    .filter(\.$indicator == Indicator.personnelLocatable.rawValue).first()?.value
            }
            for (code, share) in [("RB-EHAGL", 4.0 / 10), ("RB-AP", 1.0 / 3), ("HQ", 5.0 / 13)] {
                let value = try await recorded(code)
                #expect(value.map { abs($0 - share) < 0.0001 } == true, "\(code): \(String(describing: value))")
            }
            let middleEast = try await recorded("RB-MENA")
            #expect(middleEast == nil)
        }
    }
}

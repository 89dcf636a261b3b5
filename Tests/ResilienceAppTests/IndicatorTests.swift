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
}

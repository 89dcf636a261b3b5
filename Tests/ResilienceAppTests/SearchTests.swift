import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Searching finds names whatever the case typed, on SQLite and PostgreSQL alike.
@Suite struct SearchTests {
    @Test func unitsStationsAndPeopleAreFoundInLowerCaseOnEitherDatabase() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("admin"))
            // (page, typed, a name the demo has): written from the demo organization.
            let table: [(AppPath, String, String)] = [
                (.units, "bangla", "Bangladesh"), (.units, "SUB-OFFICE COX", "Sub-Office Cox&#39;s Bazar"),
                (.dutyStations, "dadaab", "Dadaab"), (.users, "chen", "Chen Ming"),
            ]
            for (page, typed, expected) in table {
                let html = try await browser.get(page.with([("q", typed)])).body.string
                #expect(html.contains(expected), "\(page.path)?q=\(typed)")
            }
            let headers = try await apiHeaders("admin", app)
            let api = try await app.testing().sendRequest(
                .GET, AppPath.apiUnits.with([("q", "kenya")]), headers: headers)
            #expect(api.body.string.contains("\"Kenya\""))
        }
    }
}

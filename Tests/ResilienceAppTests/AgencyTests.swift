import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// The agencies HQ lists and their headcounts at a duty station, kept by the country's officer.
@Suite struct AgencyTests {
    @Test func theOfficerSetsHeadcountsAndANegativeNumberIsRefusedBesideItsField() async throws {
        try await withTestApp { app in
            let kakuma = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Kakuma").first())
            let iom = try #require(try await Agency.query(on: app.db).all().first { $0.shortName(in: "en") == "IOM" })
            let key = iom.id!.uuidString.lowercased()
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let refused = try await officer.post(
                AppPath.dutyStationAgencies(kakuma.id!).path,
                ["international-\(key)": "-2", "national-\(key)": "12", "dependants-\(key)": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains("id=\"f-international-\(key)-error\"")
                    && refused.body.string.contains("Must be 0 or more."))
            #expect(
                try await AgencyPresence.query(on: app.db).filter(\.$agency.$id == iom.requireID())
                    .filter(\.$station.$id == kakuma.requireID()).count() == 0)
            let saved = try await officer.post(
                AppPath.dutyStationAgencies(kakuma.id!).path,
                ["international-\(key)": "2", "national-\(key)": "12", "dependants-\(key)": ""])
            #expect(saved.status == .seeOther)
            let page = try await officer.get(AppPath.dutyStationAgencies(kakuma.id!).path).body.string
            #expect(page.contains(">IOM<") && page.contains(">12<"))
            // Through the API, in both directions; HQ cannot be bypassed for the list itself.
            let headers = try await apiHeaders("security.kenya", app)
            let counts = try await app.testing().sendRequest(
                .GET, AppPath.apiDutyStationAgencies(kakuma.id!).path, headers: headers)
            let list = try JSONDecoder().decode([HeadcountDTO].self, from: Data(buffer: counts.body))
            #expect(list.first { $0.agencyID == iom.id }?.nationalStaff == 12)
            let add = try await app.testing().sendRequest(
                .POST, AppPath.apiAgencies.path, headers: headers,
                body: ByteBuffer(string: #"{"shortNames": {"en": "UNFPA"}, "fullNames": {"en": "UN Population Fund"}}"#)
            )
            #expect(add.status == .forbidden)
        }
    }
}

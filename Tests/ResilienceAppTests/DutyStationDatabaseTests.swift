import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// The duty-station database: filters, order, CSV and API, and a kept list that is never stale.
@Suite struct DutyStationDatabaseTests {
    static func names(_ html: String) -> [String] {
        html.matches(of: #/<td><a href="/duty-stations/[0-9a-f-]+">([^<]+)</a></td>/#).map {
            String($0.output.1).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(
                of: "&apos;", with: "'")
        }
    }

    @Test func theFiltersKeepExactlyTheStationsThatMatch() async throws {
        try await withTestApp { app in
            let hq = try await Browser(app).signedIn("hq.oversight")
            // Demo levels: Garissa 5 (Dadaab), Turkana 3 (Kakuma), Nairobi 2; Gambella 4, Somali 3
            // (Jijiga), Addis Ababa 2. Compliance: Kakuma 70 %, Dadaab 75 %, Gambella 78.6 % (11 of 14), Jijiga 80 %.
            #expect(Self.names(try await hq.get("/duty-stations?level=5").body.string) == ["Dadaab"])
            #expect(Set(Self.names(try await hq.get("/duty-stations?level=3").body.string)) == ["Kakuma", "Jijiga"])
            #expect(
                Self.names(try await hq.get("/duty-stations?below=78&sort=compliance").body.string) == [
                    "Kakuma", "Dadaab",
                ])
            #expect(
                Set(Self.names(try await hq.get("/duty-stations?assessment=current").body.string)) == [
                    "Dadaab", "Gambella",
                ])
            #expect(
                Set(Self.names(try await hq.get("/duty-stations?country=KE").body.string)) == [
                    "Nairobi", "Dadaab", "Kakuma",
                ])
            let region = try await unit("RB-MENA", app)
            let mena = Self.names(
                try await hq.get("/duty-stations?region=\(region.id!.uuidString.lowercased())").body.string)
            #expect(Set(mena) == ["Amman", "Mafraq", "Zaatari", "Beirut", "Zahle", "Tyre"])
            // Sorted by level, highest first; the map shows every station kept.
            let sorted = try await hq.get("/duty-stations?sort=level&dir=desc&country=KE").body.string
            #expect(Self.names(sorted) == ["Dadaab", "Kakuma", "Nairobi", "Nairobi"])
            #expect(sorted.matches(of: #/<circle /#).count == 4)
        }
    }

    @Test func theCSVAndTheAPIGiveTheSameRowsAsThePage() async throws {
        try await withTestApp { app in
            let hq = try await Browser(app).signedIn("hq.oversight")
            let csv = try await hq.get(AppPath.dutyStationsCSV.with([("country", "KE"), ("sort", "name")])).body.string
            let lines = csv.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter {
                !$0.isEmpty
            }
            #expect(lines.count == 5 && lines[0].hasPrefix("Name,Country,Area"))
            #expect(lines[1].hasPrefix("Dadaab,KE,Garissa,Sub-Office Dadaab,") && lines[1].contains(",5,"))
            let headers = try await apiHeaders("hq.oversight", app)
            let api = try await app.testing().sendRequest(
                .GET, AppPath.apiDutyStationDatabase.with([("below", "78")]), headers: headers)
            let page = try JSONDecoder.iso.decode(Paged<StationFacts>.self, from: Data(buffer: api.body))
            #expect(Set(page.items.map(\.name)) == ["Kakuma", "Dadaab"] && page.metadata.total == 2)
            #expect(page.items.first { $0.name == "Kakuma" }?.compliancePercent == 70)
            // A staff member sees only the stations of their office.
            let staff = try await Browser(app).signedIn("staff.coxsbazar")
            #expect(Self.names(try await staff.get("/duty-stations").body.string) == ["Cox's Bazar"])
        }
    }

    /// The list is kept; every input it shows changes it at once.
    @Test func theKeptListChangesWithEveryInputItShows() async throws {
        try await withTestApp { app in
            let hq = try await Browser(app).signedIn("hq.oversight")
            func row(_ name: String) async throws -> String {
                let html = try await hq.get("/duty-stations?q=\(name)").body.string
                return String(html[html.range(of: "<tbody>")!.lowerBound...])
            }
            let first = try await row("Kakuma")
            #expect(first.contains("3 – Moderate") && first.contains(">70%<"))
            let turkana = try #require(
                try await SecurityArea.query(on: app.db).all().first { $0.name(in: "en") == "Turkana" })
            // A level approved.
            let proposal = try await SecurityLevelService.propose(
                for: turkana,
                LevelProposalInput(
                    threats: [
                        "armed_conflict": "4", "terrorism": "1", "crime": "3", "civil_unrest": "2", "hazards": "3",
                    ],
                    reason: "Clashes", effectiveOn: PlanChecks.isoDay(app.clock.now)), by: app.systemContext, on: app.db
            )
            let desk = try await user("desk.ehagl", app)
            let region = try await unit("RB-EHAGL", app)
            try await SecurityLevelService.decide(
                proposal, .approve, reason: nil,
                by: Actor(
                    id: desk.id!, username: desk.username, displayName: desk.displayName, language: nil,
                    homeUnitID: region.id!, grants: [Grant(role: .regionalSecurityDesk, unitID: region.id!)]),
                context: app.systemContext, on: app.db)
            #expect(try await row("Kakuma").contains("4 – Substantial"))
            // Compliance recorded (level 4 now asks 14 measures, of which 7 met: 50 %).
            let kakuma = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Kakuma").first())
            #expect(try await row("Kakuma").contains(">50%<"))
            try await ComplianceService.record(
                kakuma, ["TEL-02": ComplianceEntry(status: "compliant")], by: app.systemContext, on: app.db)
            #expect(try await row("Kakuma").contains(">57%<"))
            // Headcounts: UNHCR 84, WFP 35, UNICEF 22 staff and 6 dependants, and now IOM's two.
            let iom = try #require(try await Agency.query(on: app.db).all().first { $0.shortName(in: "en") == "IOM" })
            try await AgencyService.setHeadcounts(
                at: kakuma, [iom.id!: HeadcountInput(internationalStaff: "1", nationalStaff: "1", dependants: "0")],
                by: app.systemContext, on: app.db)
            #expect(try await row("Kakuma").contains(">143 / 6<"))
            // The station renamed.
            try await DutyStationService.update(
                kakuma,
                DutyStationInput(
                    name: "Kakuma Camp", country: "KE", area: "Turkana", latitude: "3.7167", longitude: "34.8667"),
                by: app.systemContext, on: app.db)
            #expect(try await row("Kakuma").contains(">Kakuma Camp<"))
        }
    }
}

import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Advisories as CAP and Atom, trips as iCalendar, and the kept directory.
@Suite struct TravelFeedTests: TravelTesting {
    @Test func advisoriesAreCAPAlertsAndAnAtomFeedAndTripsACalendar() async throws {
        try await withTestApp { app in
            let api = try await apiHeaders("security.kenya", app)
            let list = try await app.testing().sendRequest(.GET, AppPath.apiAdvisories.path, headers: api)
            let advisories = try JSONDecoder.iso.decode([AdvisoryDTO].self, from: Data(buffer: list.body))
            let garissa = try #require(advisories.first { $0.requiresClearance })
            let cap = try await app.testing().sendRequest(.GET, AppPath.apiAdvisoryCAP(garissa.id).path, headers: api)
            #expect(cap.headers.contentType?.description.hasPrefix("application/cap+xml") == true)
            let xml = cap.body.string
            #expect(xml.contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"))
            for element in [
                "<status>Actual</status>", "<msgType>Alert</msgType>", "<scope>Restricted</scope>",
                "<severity>Severe</severity>", "<language>zh-CN</language>", "<language>en-US</language>",
                "<areaDesc>Garissa</areaDesc>", "<areaDesc>加里萨</areaDesc>", "<value>KE</value>",
                "<instruction>Security clearance is required before travelling here.</instruction>",
            ] {
                #expect(xml.contains(element), "\(element)")
            }
            // CAP's times carry -00:00 for UTC, never Z.
            #expect(!xml.contains("Z</sent>") && xml.contains("-00:00</sent>"))
            let atom = try await app.testing().sendRequest(.GET, AppPath.apiAdvisoriesAtom.path, headers: api)
            #expect(atom.body.string.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
            #expect(atom.body.string.contains(AppPath.apiAdvisoryCAP(garissa.id).path))
            // Publishing one changes the feed (kept until an advisory changes).
            let published = try await app.testing().sendRequest(
                .POST, AppPath.apiAdvisories.path, headers: api,
                body: ByteBuffer(
                    string:
                        #"{"scope":"country","country":"KE","severity":"extreme","titles":{"en":"Curfew in Garissa county"},"texts":{"en":"18:00 to 06:00."},"validFrom":"2026-01-01","requiresClearance":true}"#
                ))
            #expect(published.status == .created)
            let again = try await app.testing().sendRequest(.GET, AppPath.apiAdvisoriesAtom.path, headers: api)
            #expect(again.body.string.contains("Curfew in Garissa county"))
            // Another country's officer cannot publish for Kenya.
            let other = try await app.testing().sendRequest(
                .POST, AppPath.apiAdvisories.path, headers: try await apiHeaders("desk.ehagl", app),
                body: ByteBuffer(
                    string:
                        #"{"scope":"country","country":"KE","severity":"minor","titles":{"en":"x"},"texts":{"en":"y"},"validFrom":"2026-01-01"}"#
                ))
            #expect(other.status == .forbidden)
            // A cleared trip is in the traveller's calendar, a pending one is not.
            let hassan = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0101").first())
            let trip = try await TravelService.create(
                [
                    "purpose": "Workshop; budget, and more", "leg1_from": "Dadaab", "leg1_to": "Nairobi (KE)",
                    "leg1_departs": at(app, 30), "leg1_arrives": at(app, 32), "leg1_means": "road",
                ], for: hassan, by: app.systemContext, on: app.db)
            hassan.bsafeExpires = Date().addingTimeInterval(400 * 86_400)
            try await hassan.save(on: app.db)
            // The curfew just published asks for clearance of Nairobi too: Kenya's officer gives it.
            let toRead = try await TravelFacts.of(
                trip, legs: try await TravelService.legs(of: trip, on: app.db), at: app.clock.now, on: app.db
            ).advisories
            #expect(
                try await TravelService.submit(
                    trip, acknowledged: Set(toRead.compactMap(\.id)), by: app.systemContext, app: app, on: app.db)
                    == .waiting)
            let peter = try await user("security.kenya", app)
            try await TravelService.decide(
                try #require(try await TravelService.legs(of: trip, on: app.db).first), of: trip, clear: true,
                text: nil,
                by: AuditContext(actorID: peter.id, actorName: peter.username, at: app.clock.now), app: app, on: app.db)
            #expect(trip.status == .cleared)
            let hr = Browser(app)
            #expect(try await hr.signIn("hr.kenya"))
            let ics = try await hr.get(AppPath.personnelTripsCalendar(hassan.id!).path)
            #expect(ics.headers.contentType?.description.hasPrefix("text/calendar") == true)
            #expect(ics.body.string.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(ics.body.string.contains("SUMMARY:Dadaab → Nairobi (Road)"))
            #expect(ics.body.string.contains("DESCRIPTION:Workshop\\; budget\\, and more"))
            let nusrat = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "BD-0001").first())
            let staff = Browser(app)
            #expect(try await staff.signIn("staff.coxsbazar"))
            let pending = try await staff.get(AppPath.personnelTripsCalendar(nusrat.id!).path)
            #expect(pending.status == .ok && !pending.body.string.contains("BEGIN:VEVENT"))
        }
    }

    /// The directory is kept until something it shows changes: an advisory, a level, an officer,
    /// an officer's phone.
    @Test func theDirectoryChangesWithEachThingItShows() async throws {
        try await withTestApp { app in
            let b = Browser(app)
            #expect(try await b.signIn("staff.coxsbazar"))
            let path = AppPath.travelDirectory.with([("country", "KE")])
            var page = try await b.get(path).body.string
            #expect(page.contains("Peter Otieno") && page.contains("+254700100001") && page.contains("Level 5"))
            // An advisory published.
            let officer = try await apiHeaders("security.kenya", app)
            _ = try await app.testing().sendRequest(
                .POST, AppPath.apiAdvisories.path, headers: officer,
                body: ByteBuffer(
                    string:
                        #"{"scope":"country","country":"KE","severity":"moderate","titles":{"en":"Fuel shortage"},"texts":{"en":"Keep tanks full."},"validFrom":"2026-01-01"}"#
                ))
            page = try await b.get(path).body.string
            #expect(page.contains("Fuel shortage"))
            // The officer's phone changed.
            let peter = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0001").first())
            try await PersonnelService.update(
                peter,
                PersonnelForm.values(peter, account: "security.kenya").merging(["phone": "+254711999888"]) { _, n in n
                },
                by: app.systemContext, on: app.db)
            page = try await b.get(path).body.string
            #expect(page.contains("+254711999888"))
            // Another officer granted on Kenya.
            let kenya = try await unit("KEN", app)
            let hr = try await user("hr.kenya", app)
            let granted = try await app.testing().sendRequest(
                .POST, AppPath.apiUserGrants(hr.id!).path, headers: try await apiHeaders("admin", app),
                body: ByteBuffer(string: #"{"role":"security_officer","unitID":"\#(kenya.id!.uuidString)"}"#))
            #expect(granted.status == .created)
            page = try await b.get(path).body.string
            #expect(page.contains("Wanjiku Kamau"))
            // A level changed: Nairobi from 2 to 4.
            let nairobi = try #require(
                try await SecurityArea.query(on: app.db).filter(\.$country == "KE").all().first {
                    $0.name(in: "en") == "Nairobi"
                })
            let proposal = try await SecurityLevelService.propose(
                for: nairobi,
                LevelProposalInput(
                    threats: Dictionary(uniqueKeysWithValues: ThreatCategory.allCases.map { ($0.rawValue, "4") }),
                    reason: "Unrest", effectiveOn: PlanChecks.isoDay(app.clock.now)), by: app.systemContext, on: app.db)
            let desk = try await user("desk.ehagl", app)
            let region = try await unit("RB-EHAGL", app)
            try await SecurityLevelService.decide(
                proposal, .approve, reason: nil,
                by: Actor(
                    id: desk.id!, username: desk.username, displayName: desk.displayName, language: nil,
                    homeUnitID: region.id!, grants: [Grant(role: .regionalSecurityDesk, unitID: region.id!)]),
                context: app.systemContext, on: app.db)
            page = try await b.get(path).body.string
            #expect(page.contains("Level 4"))
        }
    }
}

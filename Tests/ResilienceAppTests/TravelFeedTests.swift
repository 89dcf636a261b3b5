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
            // Publishing one changes the feed and the page (kept until an advisory changes).
            let reader = Browser(app)
            #expect(try await reader.signIn("staff.coxsbazar"))
            #expect(!(try await reader.get(AppPath.advisories.path).body.string.contains("Curfew in Garissa county")))
            let published = try await app.testing().sendRequest(
                .POST, AppPath.apiAdvisories.path, headers: api,
                body: ByteBuffer(
                    string:
                        #"{"scope":"country","country":"KE","severity":"extreme","titles":{"en":"Curfew in Garissa county"},"texts":{"en":"18:00 to 06:00."},"validFrom":"2026-01-01","requiresClearance":true}"#
                ))
            #expect(published.status == .created)
            let again = try await app.testing().sendRequest(.GET, AppPath.apiAdvisoriesAtom.path, headers: api)
            #expect(again.body.string.contains("Curfew in Garissa county"))
            #expect(try await reader.get(AppPath.advisories.path).body.string.contains("Curfew in Garissa county"))
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
            try await approveLevel(4, of: "Nairobi", app)
            page = try await b.get(path).body.string
            #expect(page.contains("Level 4"))
        }
    }

    /// A trip's page is kept until something it shows changes: another booking on its flight, an
    /// advisory, the destination's level, the traveller's training, a decision on it.
    @Test func aTripsPageChangesWithEachThingItShows() async throws {
        try await withTestApp { app in
            let nusrat = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "BD-0001").first())
            let trip = try await latest(nusrat, app)
            let path = AppPath.travelRequest(trip.id!).path
            let hq = Browser(app)
            #expect(try await hq.signIn("security.hq"))
            var page = try await hq.get(path).body.string
            #expect(!page.contains("Hassan Abdi") && page.contains("at security level 5"))
            // Hassan books the same flight that day (Jubba Airways 3J 410, Nairobi → Dadaab).
            let legs = try await TravelService.legs(of: trip, on: app.db)
            let flown = try #require(legs.first { $0.flight == "3J410" })
            let hassan = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0101").first())
            let other = try await TravelService.create(
                [
                    "purpose": "Return to post", "leg1_from": "Nairobi (KE)", "leg1_to": "Dadaab",
                    "leg1_departs": TravelPages.local(flown.departsAt),
                    "leg1_arrives": TravelPages.local(flown.arrivesAt),
                    "leg1_means": "air", "leg1_operator": flown.$airOperator.id!.uuidString, "leg1_flight": "3J 410",
                ], for: hassan, by: app.systemContext, on: app.db)
            hassan.bsafeExpires = Date().addingTimeInterval(900 * 86_400); hassan.ssafeExpires = hassan.bsafeExpires
            try await hassan.save(on: app.db)
            let toRead = try await TravelFacts.of(
                other, legs: try await TravelService.legs(of: other, on: app.db), at: app.clock.now, on: app.db
            ).advisories
            _ = try await TravelService.submit(
                other, acknowledged: Set(toRead.compactMap(\.id)), by: app.systemContext, app: app, on: app.db)
            page = try await hq.get(path).body.string
            #expect(page.contains("Also booked on 3J410 that day: Hassan Abdi"))
            // An advisory for Dadaab.
            let officer = try await apiHeaders("security.kenya", app)
            let published = try await app.testing().sendRequest(
                .POST, AppPath.apiAdvisories.path, headers: officer,
                body: ByteBuffer(
                    string:
                        #"{"scope":"station","dutyStation":"Dadaab","severity":"moderate","titles":{"en":"Camp closed at night"},"texts":{"en":"From 19:00."},"validFrom":"2026-01-01"}"#
                ))
            #expect(published.status == .created)
            page = try await hq.get(path).body.string
            #expect(page.contains("Camp closed at night"))
            // Her BSAFE, recorded as expired.
            try await PersonnelService.saveTraining(
                nusrat, ["bsafe_expires": "2020-01-01", "ssafe_expires": "2030-01-01"], seniorOfficial: nil,
                by: app.systemContext, on: app.db)
            page = try await hq.get(path).body.string
            #expect(page.contains("Nusrat Jahan: BSAFE (Basic Security in the Field) expired on"))
            // Garissa's level from 5 to 4.
            try await approveLevel(4, of: "Garissa", app)
            page = try await hq.get(path).body.string
            #expect(page.contains("at security level 4"))
            // HQ's advice on the operator: the trip's own change.
            #expect(
                try await hq.post(AppPath.travelLegAdvice(trip.id!, flown.id!).path, ["advice": "Take UNHAS."]).status
                    == .seeOther)
            page = try await hq.get(path).body.string
            #expect(
                page.contains("HQ&#39;s aviation advice: Take UNHAS.")
                    || page.contains("HQ's aviation advice: Take UNHAS."))
        }
    }
}

import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Travel requests and clearance: a trip from entry to a roll-call, bad input, who may clear.
@Suite struct TravelAppTests: TravelTesting {
    @Test func aTripToALevelFiveAreaIsRefusedForExpiredTrainingThenClearedAndFollowedIntoARollCall() async throws {
        try await withTestApp { app in
            let chen = try await chen(app)
            let traveller = Browser(app)
            traveller.language = "zh-Hans"
            #expect(try await traveller.signIn("focal.bangladesh"))
            // Under way for an hour already: tracking follows it as soon as it is cleared.
            #expect(
                try await traveller.post(AppPath.personnelTripNew(chen.id!).path, form(app, from: -1)).status
                    == .seeOther)
            let trip = try await latest(chen, app)
            #expect(trip.status == .draft)
            let page = try await traveller.get(AppPath.travelRequest(trip.id!).path).body.string
            // The advisory on Garissa, in Chinese, and why the leg needs clearance (level 5 ≥ 3).
            #expect(page.contains("达达布—加里萨公路发现爆炸装置"))
            #expect(page.contains("安全等级为 5；3 级及以上需要安保许可"))
            // Not acknowledged: refused beside the advisories, nothing submitted.
            let unread = try await traveller.post(AppPath.travelRequestSubmit(trip.id!).path, [:])
            #expect(unread.status == .unprocessableEntity)
            #expect(unread.body.string.contains("id=\"f-acknowledge-error\""))
            #expect(unread.body.string.contains("提交前请确认所有差旅咨询"))
            #expect(try await latest(chen, app).status == .draft)
            // Acknowledged, but his BSAFE expired 20 days ago (the demo): refused at once, with the reason.
            let ack = try await acknowledgements(trip, app)
            #expect(ack.count == 2)
            #expect(try await traveller.post(AppPath.travelRequestSubmit(trip.id!).path, ack).status == .seeOther)
            #expect(try await latest(chen, app).status == .refused)
            let refused = try await traveller.get(AppPath.travelRequest(trip.id!).path).body.string
            #expect(refused.contains("已立即拒绝"))
            #expect(refused.contains("BSAFE（外地基本安全） 已于"))
            // He renews it, and submits again: now it waits for Kenya's security officer.
            let renewed = try await traveller.post(
                AppPath.personnelTraining(chen.id!).path,
                ["bsafe_expires": "2029-06-30", "ssafe_expires": "2029-06-30"])
            #expect(renewed.status == .seeOther)
            #expect(try await traveller.post(AppPath.travelRequestSubmit(trip.id!).path, ack).status == .seeOther)
            let waiting = try await latest(chen, app)
            #expect(waiting.status == .submitted)
            let legs = try await TravelService.legs(of: waiting, on: app.db)
            #expect(legs.map(\.clearance) == [.pending, .notRequired])
            // The officer's home page counts the legs waiting in Kenya's areas (the demo's two and
            // this one); he sees it in the queue and clears the leg to Dadaab.
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let kenyaAreas = try await SecurityArea.query(on: app.db).filter(\.$country == "KE").all().compactMap(\.id)
            let inKenya = try await TravelLeg.query(on: app.db).filter(\.$clearance == .pending)
                .filter(\.$toArea.$id ~~ kenyaAreas)
                .join(TravelRequest.self, on: \TravelLeg.$request.$id == \TravelRequest.$id)
                .filter(TravelRequest.self, \.$status == .submitted).count()
            #expect(inKenya == 3)
            #expect(
                try await officer.get(AppPath.home.path).body.string.contains(
                    "3 legs of trips wait for your clearance."))
            #expect(try await officer.get(AppPath.travelClearances.path).body.string.contains("陈明 Chen Ming"))
            let cleared = try await officer.post(
                AppPath.travelLegDecision(trip.id!, legs[0].id!).path,
                ["decision": "clear", "conditions": "UN convoy from Garissa only"])
            #expect(cleared.status == .seeOther)
            #expect(try await latest(chen, app).status == .cleared)
            // He, and the senior manager of his unit, are told.
            let told = try await InboxItem.query(on: app.db).filter(\.$kind == "travel_cleared").with(\.$user).all()
            #expect(Set(told.map(\.user.username)) == ["focal.bangladesh", "manager.bangladesh"])
            // While travelling he is where the itinerary says: at Dadaab, locatable, by the trip.
            let moved = try await self.chen(app)
            let dadaab = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Dadaab").first())
            #expect(moved.$locationStation.id == dadaab.id && moved.locationSource == .travel)
            // A roll-call at Dadaab lists him.
            let kenya = try await unit("KEN", app)
            var opening = RollCallService.Opening(form: ["station-\(dadaab.id!.uuidString)": "true"])
            opening.title = "Shooting near the camp"
            opening.occurredAt = at(app, 0)
            let call = try await RollCallService.open(opening, for: kenya, by: app.systemContext, on: app.db)
            let listed = try await RollCallEntry.query(on: app.db).filter(\.$rollCall.$id == call.requireID())
                .filter(\.$personnel.$id == chen.requireID()).filter(\.$dependant.$id == nil).count()
            #expect(listed == 1)
        }
    }

    @Test func legsOutOfOrderOverlappingEndingBeforeTheyStartOrToNowhereAreRefusedBesideTheirFieldsWithNothingSaved()
        async throws
    {
        try await withTestApp { app in
            let chen = try await chen(app)
            let b = Browser(app)
            #expect(try await b.signIn("focal.bangladesh"))
            let before = try await TravelRequest.query(on: app.db).count()
            // Leg 1 leaves at hour 24 and arrives at 34: the first change arrives before it departs, the
            // second leaves before leg 1, the third before leg 1 has arrived.
            for (change, field) in [
                (["leg1_arrives": at(app, 20)], "leg1_arrives"),
                (["leg2_departs": at(app, 10), "leg2_arrives": at(app, 12)], "leg2_departs"),
                (["leg2_departs": at(app, 30), "leg2_arrives": at(app, 40)], "leg2_departs"),
                (["leg1_to": "Atlantis"], "leg1_to"),
                (["leg1_departs": "tomorrow"], "leg1_departs"),
                (["leg1_means": "air", "leg1_flight": "310"], "leg1_flight"),
            ] {
                let response = try await b.post(
                    AppPath.personnelTripNew(chen.id!).path, form(app).merging(change) { _, new in new })
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(response.body.string.contains("id=\"f-\(field)-error\""), "\(field)")
            }
            #expect(try await TravelRequest.query(on: app.db).count() == before)
            // A trip for someone with no personnel record: there is no such record to enter it for.
            let api = try await apiHeaders("admin", app)
            let stray = try await app.testing().sendRequest(
                .POST, AppPath.apiPersonnelTrips(UUID()).path, headers: api,
                body: ByteBuffer(
                    string:
                        #"{"purpose":"x","legs":[{"from":"Dhaka","to":"Dadaab","departs":"2027-01-05T06:00:00Z","arrives":"2027-01-05T09:00:00Z"}]}"#
                ))
            #expect(stray.status == .notFound)
            #expect(try await TravelRequest.query(on: app.db).count() == before)
        }
    }

    @Test func noOneClearsTheirOwnTripNorACancelledOneAndAChangedClearedLegNeedsClearanceAgain() async throws {
        try await withTestApp { app in
            // Kenya's officer travels to Dadaab himself: he cannot clear it.
            let peter = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0001").first())
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            var f = form(app)
            f["leg1_from"] = "Nairobi (KE)"; f["leg2_to"] = "Nairobi (KE)"
            #expect(try await officer.post(AppPath.personnelTripNew(peter.id!).path, f).status == .seeOther)
            let own = try await latest(peter, app)
            peter.bsafeExpires = Date().addingTimeInterval(400 * 86_400); peter.ssafeExpires = peter.bsafeExpires
            try await peter.save(on: app.db)
            #expect(
                try await officer.post(AppPath.travelRequestSubmit(own.id!).path, try await acknowledgements(own, app))
                    .status == .seeOther)
            let ownLeg = try #require(try await TravelService.legs(of: own, on: app.db).first)
            let refused = try await officer.post(
                AppPath.travelLegDecision(own.id!, ownLeg.id!).path, ["decision": "clear"])
            #expect(refused.status == .forbidden || refused.status == .unprocessableEntity)
            #expect(try await latest(peter, app).status == .submitted)
            // Nusrat's demo trip, through the API: cancelled, then cleared: refused, nothing changes.
            let nusrat = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "BD-0001").first())
            let trip = try await latest(nusrat, app)
            let staff = try await apiHeaders("staff.coxsbazar", app)
            #expect(
                try await app.testing().sendRequest(
                    .POST, AppPath.apiTravelRequestCancel(trip.id!).path, headers: staff
                ).status == .ok)
            let leg = try #require(
                try await TravelService.legs(of: trip, on: app.db).first { $0.clearance == .pending })
            let late = try await app.testing().sendRequest(
                .POST, AppPath.apiTravelLegDecision(trip.id!, leg.id!).path,
                headers: try await apiHeaders("security.kenya", app),
                body: ByteBuffer(string: #"{"decision":"clear"}"#))
            #expect(late.status == .unprocessableEntity)
            #expect(late.body.string.contains("no longer waiting"))
            #expect(try await latest(nusrat, app).status == .cancelled)
            // HR's colleague at Dadaab goes to Nairobi and back by road; cleared (level 2: nothing
            // needed); then the return is moved a day: Nairobi is level 2, so still no clearance; the
            // change to the Dadaab leg instead needs it again.
            let hassan = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0101").first())
            hassan.bsafeExpires = Date().addingTimeInterval(400 * 86_400); hassan.ssafeExpires = hassan.bsafeExpires
            try await hassan.save(on: app.db)
            let hr = Browser(app)
            #expect(try await hr.signIn("hr.kenya"))
            var g = form(app, purpose: "Workshop")
            g["leg1_from"] = "Dadaab"; g["leg1_to"] = "Nairobi (KE)"; g["leg2_from"] = "Nairobi (KE)";
            g["leg2_to"] = "Dadaab"
            #expect(try await hr.post(AppPath.personnelTripNew(hassan.id!).path, g).status == .seeOther)
            let workshop = try await latest(hassan, app)
            #expect(
                try await hr.post(
                    AppPath.travelRequestSubmit(workshop.id!).path, try await acknowledgements(workshop, app)
                ).status == .seeOther)
            var legs = try await TravelService.legs(of: workshop, on: app.db)
            #expect(legs.map(\.clearance) == [.notRequired, .pending])
            #expect(
                try await officer.post(AppPath.travelLegDecision(workshop.id!, legs[1].id!).path, ["decision": "clear"])
                    .status == .seeOther)
            #expect(try await latest(hassan, app).status == .cleared)
            g["leg2_departs"] = at(app, 24 + 96); g["leg2_arrives"] = at(app, 24 + 106)
            #expect(try await hr.post(AppPath.travelRequestEdit(workshop.id!).path, g).status == .seeOther)
            legs = try await TravelService.legs(of: workshop, on: app.db)
            #expect(legs.map(\.clearance) == [.notRequired, .pending])
            #expect(try await latest(hassan, app).status == .submitted)
        }
    }
}

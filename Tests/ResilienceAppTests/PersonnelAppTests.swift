import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Personnel records, their protection, and a roll-call answered by SMS and by the e-mailed link.
@Suite struct PersonnelAppTests {
    private func kenya(_ app: Application) async throws -> (ResilienceApp.Unit, DutyStation) {
        let kenya = try await unit("KEN", app)
        let nairobi = try #require(
            try await DutyStation.query(on: app.db).filter(\.$unit.$id == kenya.requireID()).filter(
                \.$name == "Nairobi"
            )
            .first())
        return (kenya, nairobi)
    }

    @Test func theOfficerAddsAPersonAndBadInputIsRefusedBesideItsFieldsWithNothingSaved() async throws {
        try await withTestApp { app in
            let (kenya, nairobi) = try await kenya(app)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let path = AppPath.unitPersonnel(kenya.id!).path
            let ok = try await officer.post(
                path,
                [
                    "name": "Achieng Odhiambo", "index_number": "ke-1001", "category": "national",
                    "duty_station": nairobi.id!.uuidString, "phone": "+254 722 000 111", "language": "en",
                ])
            #expect(ok.status == .seeOther)
            let saved = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-1001").first())
            #expect(saved.phone == "+254722000111")
            // A phone that is not one, the same index number again, a dependant without a relationship.
            let bad = try await officer.post(
                path,
                [
                    "name": "Other", "index_number": "KE-1001", "category": "national",
                    "duty_station": nairobi.id!.uuidString, "phone": "0722 000", "language": "en",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("id=\"f-phone-error\""))
            let again = try await officer.post(
                path,
                [
                    "name": "Other", "index_number": "KE-1001", "category": "national",
                    "duty_station": nairobi.id!.uuidString, "language": "en",
                ])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("id=\"f-index_number-error\""))
            #expect(try await Personnel.query(on: app.db).filter(\.$name == "Other").count() == 0)
            let dependant = try await officer.post(
                AppPath.personnelDependants(saved.id!).path, ["name": "Baraka", "relationship": ""])
            #expect(dependant.status == .unprocessableEntity)
            #expect(dependant.body.string.contains("id=\"f-relationship-error\""))
            #expect(try await Dependant.query(on: app.db).filter(\.$personnel.$id == saved.requireID()).count() == 0)
        }
    }

    @Test func contactsAreSeenOnlyByThoseAllowedAndEveryLookIsLogged() async throws {
        try await withTestApp { app in
            let (kenya, nairobi) = try await kenya(app)
            let record = try await PersonnelService.create(
                [
                    "name": "Achieng Odhiambo", "index_number": "KE-1002", "category": "national",
                    "duty_station": nairobi.id!.uuidString, "phone": "+254722000112",
                ], within: kenya, by: app.systemContext, on: app.db)
            // The regional reviewer sees the name, not the phone.
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.ehagl"))
            let seen = try await reviewer.get(AppPath.personnel(record.id!).path)
            #expect(seen.status == .ok)
            #expect(seen.body.string.contains("Achieng Odhiambo") && !seen.body.string.contains("+254722000112"))
            #expect(try await RecordView.query(on: app.db).count() == 0)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            #expect(try await officer.get(AppPath.personnel(record.id!).path).body.string.contains("+254722000112"))
            #expect(try await RecordView.query(on: app.db).count() == 1)
        }
    }

    @Test func aRollCallListsThoseThereAndSMSAnswersMarkThemAndUnknownNumbersChangeNothing() async throws {
        try await withTestApp { app in
            app.appConfig.sms = SMSConfig(
                sendURL: "http://127.0.0.1:9/cgi-bin/sendsms", username: "u", password: "p", sender: nil,
                secret: "s3cret")
            let (kenya, nairobi) = try await kenya(app)
            func person(_ index: String, _ phone: String, language: String) async throws -> Personnel {
                try await PersonnelService.create(
                    [
                        "name": "P \(index)", "index_number": index, "category": "national",
                        "duty_station": nairobi.id!.uuidString, "phone": phone, "language": language,
                    ], within: kenya, by: app.systemContext, on: app.db)
            }
            let a = try await person("KE-1", "+254700000001", language: "en")
            let b = try await person("KE-2", "+254700000002", language: "zh-Hans")
            _ = try await person("KE-3", "+254700000003", language: "en")
            _ = try await PersonnelService.saveDependant(
                nil, of: a, ["name": "Baraka", "relationship": "child"], by: app.systemContext, on: app.db)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let opened = try await officer.post(
                AppPath.unitRollCalls(kenya.id!).path,
                [
                    "title": "Blast", "occurred_at": "2026-01-05T06:00", "station-\(nairobi.id!.uuidString)": "true",
                    "first": "sms", "second": "", "repeat": "",
                ])
            #expect(opened.status == .seeOther)
            let call = try #require(try await RollCall.query(on: app.db).first())
            // Three people and one dependant (others posted at Nairobi by the demo count too).
            let listed = try await RollCallEntry.query(on: app.db).filter(\.$rollCall.$id == call.requireID()).all()
            #expect(listed.filter { $0.$dependant.id != nil }.count >= 1)
            func sms(_ from: String, _ text: String, secret: String = "s3cret") async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .GET,
                    AppPath.apiSMSInbound.with([("secret", secret), ("from", from), ("text", text)]))
            }
            #expect(try await sms("+254700000001", "1", secret: "wrong").status == .forbidden)
            let safe = try await sms("254700000001", "1")
            #expect(safe.status == .ok && safe.body.string.contains("safe"))
            let help = try await sms("+254700000002", "求助")
            #expect(help.body.string.contains("需要帮助"))
            let hello = try await sms("+254700000003", "hello")
            #expect(hello.body.string.contains("reply 1"))
            let stranger = try await sms("+254799999999", "1")
            #expect(stranger.status == .ok && stranger.body.string.isEmpty)
            func status(_ p: Personnel) async throws -> AccountStatus? {
                try await RollCallEntry.query(on: app.db).filter(\.$personnel.$id == p.requireID())
                    .filter(\.$dependant.$id == nil).first()?.status
            }
            #expect(try await status(a) == .safe)
            #expect(try await status(b) == .needsHelp)
            #expect(try await InboundMessage.query(on: app.db).filter(\.$outcome == .unknownSender).count() == 1)
            // Safe by SMS confirms where they are.
            let located = try #require(try await Personnel.find(a.id, on: app.db))
            #expect(located.locationSource == .rollCall && located.$locationStation.id == nairobi.id)
        }
    }

    @Test func thePersonalLinkAnswersForItsOwnPersonAndAForgedOneSaysNothing() async throws {
        try await withTestApp { app in
            let (kenya, nairobi) = try await kenya(app)
            let a = try await PersonnelService.create(
                [
                    "name": "Achieng Odhiambo", "index_number": "KE-9", "category": "national",
                    "duty_station": nairobi.id!.uuidString, "email": "grace@example.org",
                ], within: kenya, by: app.systemContext, on: app.db)
            let child = try await PersonnelService.saveDependant(
                nil, of: a, ["name": "Baraka", "relationship": "child"], by: app.systemContext, on: app.db)
            var opening = RollCallService.Opening(form: ["station-\(nairobi.id!.uuidString)": "true"])
            opening.title = "Blast"
            opening.occurredAt = "2026-01-05T06:00"
            let call = try await RollCallService.open(opening, for: kenya, by: app.systemContext, on: app.db)
            let entry = try #require(
                try await RollCallEntry.query(on: app.db).filter(\.$personnel.$id == a.requireID())
                    .filter(\.$dependant.$id == nil).first())
            let childEntry = try #require(
                try await RollCallEntry.query(on: app.db).filter(\.$dependant.$id == child.requireID()).first())
            let token = AnswerLinks.token(for: entry.id!, key: try await AnswerLinks.key(on: app.db))
            let browser = Browser(app)
            let page = try await browser.get(AppPath.answer(token).path)
            #expect(page.status == .ok && page.body.string.contains("Baraka"))
            let answered = try await browser.post(
                AppPath.answer(token).path,
                ["status": "safe", "dependant-\(childEntry.id!.uuidString.lowercased())": "injured"])
            #expect(answered.status == .ok)
            #expect(try await RollCallEntry.find(entry.id, on: app.db)?.status == .safe)
            #expect(try await RollCallEntry.find(childEntry.id, on: app.db)?.status == .injured)
            // An altered link, and the right one once the roll-call is closed: the same page.
            var forged = Array(token)
            forged[forged.count - 2] = forged[forged.count - 2] == "A" ? "B" : "A"
            let refused = try await browser.get(AppPath.answer(String(forged)).path)
            #expect(refused.status == .notFound)
            try await RollCallService.close(call, by: app.systemContext, on: app.db)
            let closed = try await browser.get(AppPath.answer(token).path)
            #expect(closed.status == .notFound && closed.body.string.contains("This link does not work"))
            #expect(refused.body.string.contains("This link does not work") && !refused.body.string.contains("Achieng"))
        }
    }

    /// A warden named for Kakuma marks Kakuma's people on their behalf, and no one else's.
    @Test func aWardenMarksThePeopleOfTheirZoneOnly() async throws {
        try await withTestApp { app in
            let kenya = try await unit("KEN", app)
            let kakuma = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Kakuma").first())
            let dadaab = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Dadaab").first())
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let opened = try await officer.post(
                AppPath.unitRollCalls(kenya.id!).path,
                [
                    "title": "Floods", "occurred_at": "2026-01-05T06:00", "first": "sms",
                    "station-\(kakuma.id!.uuidString.lowercased())": "true",
                    "station-\(dadaab.id!.uuidString.lowercased())": "true",
                ])
            #expect(opened.status == .seeOther)
            let call = try #require(try await RollCall.query(on: app.db).filter(\.$title == "Floods").first())
            let unknown = try await officer.post(
                AppPath.rollCallWardens(call.id!).path, ["warden": "nobody.here", "zone": kakuma.id!.uuidString])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("id=\"f-warden-error\""))
            #expect(
                try await officer.post(
                    AppPath.rollCallWardens(call.id!).path, ["warden": "hr.kenya", "zone": kakuma.id!.uuidString]
                ).status == .seeOther)
            let entries = try await RollCallEntry.query(on: app.db).filter(\.$rollCall.$id == call.requireID()).all()
            let atKakuma = try #require(entries.first { $0.$station.id == kakuma.id })
            let atDadaab = try #require(entries.first { $0.$station.id == dadaab.id })
            let warden = Browser(app)
            #expect(try await warden.signIn("hr.kenya"))
            let page = try await warden.get(AppPath.rollCall(call.id!).with([("status", "all")]))
            #expect(page.status == .ok)
            #expect(
                try await warden.post(
                    AppPath.rollCallEntry(call.id!, atKakuma.id!).path, ["status": "safe", "method": "in_person"]
                ).status == .seeOther)
            #expect(try await RollCallEntry.find(atKakuma.id, on: app.db)?.status == .safe)
            #expect(
                try await warden.post(AppPath.rollCallEntry(call.id!, atDadaab.id!).path, ["status": "safe"]).status
                    == .forbidden)
            #expect(try await RollCallEntry.find(atDadaab.id, on: app.db)?.status == .notReached)
            // Closed through the API: nothing is marked after, and the refusal says why.
            let headers = try await apiHeaders("security.kenya", app)
            let closed = try await app.testing().sendRequest(
                .POST, AppPath.apiRollCallClose(call.id!).path, headers: headers)
            #expect(closed.status == .ok && closed.body.string.contains("closedAt"))
            let late = try await app.testing().sendRequest(
                .POST, AppPath.apiRollCallEntry(call.id!, atDadaab.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"status": "safe"}"#))
            #expect(late.status == .unprocessableEntity && late.body.string.contains("closed"))
        }
    }

    /// A file with a wrong row saves nothing; the right one saves every row at once.
    @Test func anImportPreviewsEveryRowAndSavesAllOrNothing() async throws {
        try await withTestApp { app in
            let kenya = try await unit("KEN", app)
            let hr = Browser(app)
            #expect(try await hr.signIn("hr.kenya"))
            let path = AppPath.unitPersonnelImport(kenya.id!).path
            let bad =
                "name,index_number,category,duty_station,phone\nAmos Kiprono,KE-7001,national,Kakuma,+254711000001\nBad Phone,KE-7002,national,Dadaab,0711\nTwice,KE-7001,affiliate,Nairobi,\n"
            let preview = try await hr.upload(path, file: bad)
            #expect(preview.status == .ok)
            let text = preview.body.string
            #expect(text.contains("2 rows have errors") && text.contains("Enter the number in the international form"))
            #expect(!text.contains("name=\"confirm\""))
            #expect(try await hr.post(path, ["csv": bad, "confirm": "1"]).status == .unprocessableEntity)
            #expect(
                try await Personnel.query(on: app.db).filter(\.$indexNumber ~~ ["KE-7001", "KE-7002"]).count() == 0)
            // Columns named in Chinese, a station by name, a category by its Chinese name.
            let good = "姓名,索引号,类别,工作地点,手机\nAmos Kiprono,KE-7001,本国人员,Kakuma,+254 711 000 001\n"
            #expect(try await hr.upload(path, file: good).body.string.contains("name=\"confirm\""))
            #expect(try await hr.post(path, ["csv": good, "confirm": "1"]).status == .seeOther)
            let saved = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-7001").first())
            #expect(saved.category == .national && saved.phone == "+254711000001")
        }
    }

    /// A person who left is anonymized: nothing of them remains readable, and the roll-call they
    /// were in keeps its count.
    @Test func anonymizingKeepsTheFiguresAndRemovesThePerson() async throws {
        try await withTestApp { app in
            let call = try #require(try await RollCall.query(on: app.db).first())
            let before = try await RollCallService.figures(of: call, on: app.db)
            let hassan = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0101").first())
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let unticked = try await officer.post(AppPath.personnelAnonymize(hassan.id!).path, [:])
            #expect(unticked.status == .unprocessableEntity && unticked.body.string.contains("id=\"f-confirm-error\""))
            #expect(
                try await officer.post(AppPath.personnelAnonymize(hassan.id!).path, ["confirm": "true"]).status
                    == .seeOther)
            let gone = try #require(try await Personnel.find(hassan.id, on: app.db))
            #expect(gone.name == "—" && gone.phone == nil && gone.email == nil && gone.leftAt != nil)
            let dependants = try await Dependant.query(on: app.db).filter(\.$personnel.$id == hassan.requireID()).all()
            #expect(!dependants.isEmpty && dependants.allSatisfy { $0.name == "—" })
            let after = try await RollCallService.figures(of: call, on: app.db)
            #expect(after.total == before.total && after.progress.accounted == before.progress.accounted)
            #expect(!(try await officer.get(AppPath.unitPersonnel(gone.$unit.id).path).body.string.contains("Hassan")))
        }
    }

    /// A plan's minimum staff typed as a personnel record's name link to the record.
    @Test func minimumStaffArePickedFromThePersonnelRecords() async throws {
        try await withTestApp { app in
            let kenya = try await unit("KEN", app)
            let plan = try #require(try await Plan.query(on: app.db).filter(\.$unit.$id == kenya.requireID()).first())
            let li = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0003").first())
            let keys = try await PlansController().people(named: ["staff-0-name": li.name], plan: plan, on: app.db)
            #expect(keys[li.name] == StaffAssignment.personnel(li.id!))
            // A record linked to an account is the account.
            let peter = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0001").first())
            let officer = try await user("security.kenya", app)
            let linked = try await PlansController().people(
                named: ["staff-0-name": peter.name], plan: plan, on: app.db)
            #expect(linked[peter.name] == StaffAssignment.account(officer.id!))
        }
    }

    /// The roll-call's figures are kept: a mark, the messages sent and an SMS answer each show at once.
    @Test func theRollCallPageShowsEveryMarkMessageAndAnswer() async throws {
        try await withTestApp { app in
            app.appConfig.sms = SMSConfig(
                sendURL: "http://127.0.0.1:9/cgi-bin/sendsms", username: "u", password: "p", sender: nil,
                secret: "s3cret")
            let (kenya, nairobi) = try await kenya(app)
            var opening = RollCallService.Opening(form: ["station-\(nairobi.id!.uuidString)": "true"])
            opening.title = "Blast"
            opening.occurredAt = "2026-01-05T06:00"
            opening.first = "sms"
            let call = try await RollCallService.open(opening, for: kenya, by: app.systemContext, on: app.db)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let page = AppPath.rollCall(call.id!).with([("status", "all")])
            // Nairobi: Peter Otieno and his spouse, Wanjiku Kamau, Li Na and her child (DemoPersonnel).
            #expect(try await officer.get(page).body.string.contains("accounted for: 0 of 5"))
            let wanjiku = try #require(
                try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0002").first())
            let entry = try #require(
                try await RollCallEntry.query(on: app.db).filter(\.$rollCall.$id == call.requireID())
                    .filter(\.$personnel.$id == wanjiku.requireID()).filter(\.$dependant.$id == nil).first())
            try await RollCallService.mark(
                entry, in: call, as: .safe, method: .phone, note: nil, by: app.systemContext, on: app.db)
            #expect(try await officer.get(page).body.string.contains("accounted for: 1 of 5"))
            // The two not yet accounted for with a phone are messaged.
            try await RollCallMessenger.sendDue(call, now: app.clock.now, app: app)
            #expect(try await officer.get(page).body.string.contains("<td>SMS</td><td>2</td>"))
            let liNa = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0003").first())
            _ = try await app.testing().sendRequest(
                .GET, AppPath.apiSMSInbound.with([("secret", "s3cret"), ("from", liNa.phone!), ("text", "2")]))
            let after = try await officer.get(page).body.string
            #expect(after.contains("accounted for: 2 of 5") && after.contains("<td>1 (50%)</td>"))
            // A name changed on the record shows on the list.
            var fields = PersonnelForm.values(liNa, account: nil)
            fields["name"] = "李娜 Li Na (Nairobi)"
            try await PersonnelService.update(liNa, fields, by: app.systemContext, on: app.db)
            #expect(try await officer.get(page).body.string.contains("李娜 Li Na (Nairobi)"))
            // HQ reads it too, everyone listed (a warden sees only their zone).
            let hq = Browser(app)
            #expect(try await hq.signIn("hq.oversight"))
            #expect(try await hq.get(AppPath.rollCall(call.id!).path).body.string.contains("Li Na"))
        }
    }

    /// The personnel migrations (and travel's, which names personnel) go back and forth on both
    /// databases.
    @Test func thePersonnelMigrationsRevertAndPrepareAgain() async throws {
        try await withTestApp(demo: false) { app in
            try await CreateTravel().revert(on: app.db)
            try await AddPersonnelIndexes().revert(on: app.db)
            try await CreateRollCall().revert(on: app.db)
            try await CreatePersonnel().revert(on: app.db)
            try await CreatePersonnel().prepare(on: app.db)
            try await CreateRollCall().prepare(on: app.db)
            try await AddPersonnelIndexes().prepare(on: app.db)
            try await CreateTravel().prepare(on: app.db)
            #expect(try await Personnel.query(on: app.db).count() == 0)
            #expect(try await TravelRequest.query(on: app.db).count() == 0)
            #expect(try await RollCallEntry.query(on: app.db).count() == 0)
        }
    }
}

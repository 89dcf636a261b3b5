import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Every kept page, read again after each kind of data it shows is changed through the service
/// that changes it, shows the change. The clock stands still throughout, so that only the data's
/// versions can tell the page anew (a page is also kept per minute or per day).
@Suite struct KeptPageTests {
    /// A new country of the Asia region, Laos, with a draft plan imported from Bangladesh's.
    static func laos(_ app: Application) async throws -> (ResilienceApp.Unit, Plan) {
        let region = try await unit("RB-AP", app)
        let laos = try await UnitService.create(
            under: region, UnitInput(name: "Laos", code: "LAO", kind: UnitKind.countryOperation.rawValue),
            by: app.systemContext, on: app.db)
        let bangladesh = try await newestPlan("BGD", app)
        let document = try await PlanService.document(
            bangladesh, unit: try await unit("BGD", app), version: nil, now: app.clock.now, on: app.db)
        let plan = try await PlanService.importDocument(
            Data(PlanCodec.encode(document).utf8), into: laos, cycle: String(bangladesh.cycle),
            by: app.systemContext, on: app.db)
        return (laos, plan)
    }

    static func move(_ plan: Plan, to state: ReviewState, _ unit: ResilienceApp.Unit, _ app: Application) async throws {
        let fresh = try #require(try await PlanService.find(plan.requireID(), on: app.db))
        try await ReviewService.runThrough(fresh, to: state, unit: unit, at: (app.clock.now, app.clock.now), on: app.db)
    }

    static func json(_ path: String, as username: String, _ app: Application) async throws -> [String: Any] {
        let response = try await app.testing().sendRequest(.GET, path, headers: try await apiHeaders(username, app))
        #expect(response.status == .ok, "\(path): \(response.body.string)")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
    }

    static func risk(_ title: String, at unit: ResilienceApp.Unit, _ app: Application) async throws {
        let later = PlanChecks.isoDay(app.clock.now.addingTimeInterval(90 * 86_400))
        _ = try await RiskService.save(
            nil, at: unit,
            ["kind": "security", "title": title, "likelihood": "4", "impact": "5", "review_date": later],
            by: app.systemContext, on: app.db)
    }

    /// A region's dashboard, as a page and through the API: the tree, the plans' states, their
    /// feedback, activations (exercises) and risk registers.
    @Test func aDashboardShowsEveryChangeOfItsUnits() async throws {
        try await withTestApp { app in
            let (laos, plan) = try await Self.laos(app)
            let region = try await unit("RB-AP", app)
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.asia"))
            let page = AppPath.unitDashboard(region.id!).path
            let api = AppPath.apiUnitDashboard(region.id!).path
            func row() async throws -> [String: Any] {
                let items = try #require(
                    try await Self.json(api, as: "reviewer.asia", app)["items"] as? [[String: Any]])
                return try #require(
                    items.first { ($0["unitID"] as? String)?.lowercased() == laos.id!.uuidString.lowercased() })
            }
            #expect(try await reviewer.get(page).body.string.contains("Laos"))
            #expect(try await row()["state"] as? String == "draft")

            try await UnitService.update(
                laos, UnitInput(name: "Laos 老挝", code: "LAO", kind: UnitKind.countryOperation.rawValue),
                by: app.systemContext, on: app.db)
            #expect(try await reviewer.get(page).body.string.contains("Laos 老挝"))
            #expect(try await row()["name"] as? String == "Laos 老挝")

            try await Self.move(plan, to: .inReview, laos, app)
            #expect(try await row()["state"] as? String == "in_review")
            #expect(try await reviewer.get(page + "?state=in_review").body.string.contains("Laos 老挝"))

            #expect(try await row()["openFeedback"] as? Int == 0)
            var headers = try await apiHeaders("reviewer.asia", app)
            headers.contentType = .json
            let thread = try await app.testing().sendRequest(
                .POST, AppPath.apiPlanFeedback(plan.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"item":"scenarios","body":"Add the flood scenario."}"#))
            #expect(thread.status == .created || thread.status == .ok, "\(thread.body.string)")
            #expect(try await row()["openFeedback"] as? Int == 1)

            let exercised = try await row()["lastExercise"] as? String
            let activation = try await ActivationService.start(
                at: laos, ActivationInput(kind: "flood", startedAt: "2026-01-05T06:00", places: "Vientiane"),
                by: app.systemContext, now: app.clock.now, on: app.db)
            try await ActivationService.close(
                activation, note: "Offices reopened.", by: app.systemContext, now: app.clock.now, on: app.db)
            let closed = try #require(try await row()["lastExercise"] as? String)
            #expect(closed != exercised)

            // Laos keeps a register of security risks only; it has none yet.
            try await RiskService.setRelevantKinds(["security"], of: laos, by: app.systemContext, on: app.db)
            #expect(try await row()["hasRiskRegister"] as? Bool == false)
            try await Self.risk("Flooding of the Vientiane office", at: laos, app)
            #expect(try await row()["hasRiskRegister"] as? Bool == true)

            // Its review falls overdue by the clock alone: the hourly run takes the register out
            // of place, and the dashboard says so.
            app.clock.advance(by: 91 * 86_400)
            try await OversightService.hourly(app)
            #expect(try await row()["hasRiskRegister"] as? Bool == false)
        }
    }

    /// HQ's overview of every region, as a page and through the API: the tree, plans in force,
    /// exercises, risk registers, the regions' reports, and the daily history.
    @Test func theOverviewShowsEveryChangeOfTheRegions() async throws {
        try await withTestApp { app in
            let region = try await unit("RB-AP", app)
            // Today's history is recorded again below: none of it before the first read.
            try await ComplianceSnapshot.query(on: app.db).filter(\.$day == OversightService.day(app.clock.now))
                .delete()
            let hq = Browser(app)
            #expect(try await hq.signIn("hq.oversight"))
            let page = AppPath.oversight.path
            func asia() async throws -> [String: Any] {
                let regions = try #require(
                    try await Self.json(AppPath.apiOversight.path, as: "hq.oversight", app)["regions"]
                        as? [[String: Any]])
                return try #require(
                    regions.first { ($0["unitID"] as? String)?.lowercased() == region.id!.uuidString.lowercased() })
            }
            func figure(_ name: String) async throws -> Int {
                try #require((try await asia()["figures"] as? [String: Any])?[name] as? Int)
            }
            let units = try await figure("units"), inForce = try await figure("inForce")
            let tested = try await figure("testedWithinYear"), registers = try await figure("withRiskRegister")
            #expect(try await hq.get(page).status == .ok)

            let (laos, plan) = try await Self.laos(app)
            #expect(try await figure("units") == units + 1)
            try await UnitService.update(
                region, UnitInput(name: "亚太区域局 Asia-Pacific", code: "RB-AP", kind: UnitKind.region.rawValue),
                by: app.systemContext, on: app.db)
            #expect(try await hq.get(page).body.string.contains("亚太区域局 Asia-Pacific"))
            #expect(try await asia()["name"] as? String == "亚太区域局 Asia-Pacific")

            try await Self.move(plan, to: .inForce, laos, app)
            #expect(try await figure("inForce") == inForce + 1)

            let activation = try await ActivationService.start(
                at: laos, ActivationInput(kind: "flood", startedAt: "2026-01-05T06:00", places: "Vientiane"),
                by: app.systemContext, now: app.clock.now, on: app.db)
            try await ActivationService.close(
                activation, note: "Offices reopened.", by: app.systemContext, now: app.clock.now, on: app.db)
            #expect(try await figure("testedWithinYear") == tested + 1)

            try await RiskService.setRelevantKinds(["security"], of: laos, by: app.systemContext, on: app.db)
            #expect(try await figure("withRiskRegister") == registers)
            try await Self.risk("Flooding of the Vientiane office", at: laos, app)
            #expect(try await figure("withRiskRegister") == registers + 1)

            let reports = try await ComplianceReport.query(on: app.db).filter(\.$unitID == region.requireID()).count()
            _ = try await OversightService.submitReport(
                for: region, at: OversightService.day(app.clock.now), comments: "Laos joined the region.",
                by: app.systemContext, now: app.clock.now, app: nil, on: app.db)
            #expect(
                try await ComplianceReport.query(on: app.db).filter(\.$unitID == region.requireID()).count() == reports
                    + 1)
            #expect(try await asia()["lastReport"] as? String != nil)

            let today = OversightService.day(app.clock.now)
            func days() async throws -> [String] {
                (try await asia()["history"] as? [[String: Any]] ?? []).compactMap { $0["day"] as? String }
            }
            #expect(!(try await days().contains(today)))
            try await OversightService.recordSnapshots(now: app.clock.now, on: app.db)
            #expect(try await days().contains(today))
        }
    }

    /// A unit's joint risk register: its risks (and the heat maps' counts), the kinds it marks
    /// relevant, HQ's risk scale, the names of the units below, and the add form's plan items.
    @Test func theRiskRegisterShowsEveryChangeOfWhatItLists() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            let page = AppPath.unitRisks(bangladesh.id!).path
            let heat = AppPath.apiUnitRiskHeat(bangladesh.id!).path
            func high() async throws -> Int {
                let inherent = try #require(
                    try await Self.json(heat, as: "focal.bangladesh", app)["inherent"] as? [[Int]])
                return inherent[3][4]
            }
            let before = try await high()
            #expect(!(try await focal.get(page).body.string.contains("Cyclone damage to the Dhaka warehouse")))

            try await Self.risk("Cyclone damage to the Dhaka warehouse", at: bangladesh, app)
            #expect(try await focal.get(page).body.string.contains("Cyclone damage to the Dhaka warehouse"))
            #expect(try await high() == before + 1)

            let office = try await unit("BGD-CXB", app)
            try await Self.risk("Landslides on the camp roads", at: office, app)
            try await UnitService.update(
                office, UnitInput(name: "科克斯巴扎尔 Cox's Bazar office", code: "BGD-CXB", kind: UnitKind.office.rawValue),
                by: app.systemContext, on: app.db)
            #expect(try await focal.get(page).body.string.contains(HTMLEscape.escape("科克斯巴扎尔 Cox's Bazar office")))

            var scale = try await RiskService.scale(on: app.db)
            scale.addedKinds.append("pandemic")
            scale.kindNames["pandemic"] = ["en": "Pandemic disease", "zh-Hans": "大流行病"]
            try await RiskService.setScale(scale, by: app.systemContext, on: app.db)
            #expect(try await focal.get(page).body.string.contains("Pandemic disease"))

            try await RiskService.setRelevantKinds(["pandemic"], of: bangladesh, by: app.systemContext, on: app.db)
            // A relevant kind without a live risk: the register is no longer in place.
            #expect(try await focal.get(page).body.string.contains(Localizer(code: "en")("risk.not_in_place")))

            let draft = try await newestPlan("BGD", app)
            let focalPoint = try await user("focal.bangladesh", app)
            try await PlanService.change(
                draft, by: AuditContext(actorID: focalPoint.id, actorName: focalPoint.username, at: app.clock.now),
                on: app.db
            ) { content in
                content.scenarios[0].title = "Flash floods in the Rohingya camps"
                return ("scenarios", "", "")
            }
            #expect(try await focal.get(page).body.string.contains("Flash floods in the Rohingya camps"))
        }
    }

    /// A plan's pages kept per revision (overview, impact, comparison with the version returned,
    /// pocket plan, API) after a save, and the API's plan after a review move, which changes no
    /// revision.
    @Test func aPlansKeptPagesShowASaveAndAMove() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let draft = try await newestPlan("BGD", app)
            // Submitted (version 1), taken for review and returned: editable, with a version to compare.
            try await Self.move(draft, to: .inReview, bangladesh, app)
            let reviewer = try await user("reviewer.asia", app)
            _ = try await ReviewService.move(
                try #require(try await PlanService.find(draft.requireID(), on: app.db)),
                ReviewMove.returnWithFeedback.rawValue, comment: "Name the processes as staff know them.",
                by: Reviewer(
                    grants: [Grant(role: .regionalReviewer, unitID: bangladesh.id!)],
                    context: AuditContext(actorID: reviewer.id, actorName: reviewer.username, at: app.clock.now)),
                unit: bangladesh, now: app.clock.now, app: nil, on: app.db)
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            let pages = [
                AppPath.plan(draft.id!).path, AppPath.planSection(draft.id!, .impact).path,
                AppPath.planCompare(draft.id!).path, AppPath.planPocket(draft.id!).path,
            ]
            let title = "Power cut at the Dhaka office for a week"
            for path in pages { #expect(!(try await focal.get(path).body.string.contains(title)), "\(path)") }
            let api = AppPath.apiPlan(draft.id!).path
            func apiText() async throws -> String {
                try await app.testing().sendRequest(.GET, api, headers: try await apiHeaders("focal.bangladesh", app))
                    .body.string
            }
            #expect(!(try await apiText().contains(title)))

            let focalPoint = try await user("focal.bangladesh", app)
            let context = AuditContext(actorID: focalPoint.id, actorName: focalPoint.username, at: app.clock.now)
            try await PlanService.change(
                try #require(try await PlanService.find(draft.requireID(), on: app.db)), by: context, on: app.db
            ) { content in
                content.processes[0].name = title
                return ("processes", "", "")
            }
            for path in pages { #expect(try await focal.get(path).body.string.contains(title), "\(path)") }
            #expect(try await apiText().contains(title))

            #expect(
                (try await Self.json(api, as: "focal.bangladesh", app)["plan"] as? [String: Any])?["state"] as? String
                    == "returned")
            _ = try await ReviewService.move(
                try #require(try await PlanService.find(draft.requireID(), on: app.db)), ReviewMove.submit.rawValue,
                comment: nil,
                by: Reviewer(grants: [Grant(role: .focalPoint, unitID: bangladesh.id!)], context: context),
                unit: bangladesh, now: app.clock.now, app: nil, on: app.db)
            #expect(
                (try await Self.json(api, as: "focal.bangladesh", app)["plan"] as? [String: Any])?["state"] as? String
                    == "submitted")
        }
    }

    /// The indicators page and the security overview count who can be located: a location confirmed, a person added, and
    /// one who left each change it. Kenya's demo personnel (DemoPersonnel): nine, three confirmed
    /// within 30 days (Peter Otieno, Wanjiku Kamau, Lokwang Ekai).
    @Test func theIndicatorsShowEveryChangeOfWhoCanBeLocated() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            #expect(try await admin.signIn("admin"))
            let kenya = try await unit("KEN", app)
            let page = AppPath.indicators.with([("unit", kenya.id!.uuidString)])
            #expect(try await admin.get(page).body.string.contains("3 of 9 personnel"))
            // The security overview of Kenya counts them too, for the country and each area.
            let security = AppPath.unitSecurity(kenya.id!).path
            #expect(try await admin.get(security).body.string.contains("3 of 9 personnel locatable (33%)"))
            let liNa = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0003").first())
            try await PersonnelService.confirmLocation(
                of: liNa, at: Whereabouts(stationID: liNa.$station.id, confirmedAt: app.clock.now, source: .officer),
                dependants: [], by: app.systemContext, on: app.db)
            #expect(try await admin.get(page).body.string.contains("4 of 9 personnel"))
            #expect(try await admin.get(security).body.string.contains("4 of 9 personnel locatable (44%)"))
            _ = try await PersonnelService.create(
                [
                    "name": "New Person", "index_number": "KE-0999", "category": "national",
                    "duty_station": liNa.$station.id.uuidString,
                ], within: kenya, by: app.systemContext, on: app.db)
            #expect(try await admin.get(page).body.string.contains("4 of 10 personnel"))
            try await PersonnelService.anonymize(liNa, by: app.systemContext, on: app.db)
            #expect(try await admin.get(page).body.string.contains("3 of 9 personnel"))
        }
    }

    /// The page frame kept per person: their name, and their navigation from the roles granted.
    @Test func theFrameShowsAPersonsNewNameAndRoles() async throws {
        try await withTestApp { app in
            let staff = Browser(app)
            #expect(try await staff.signIn("staff.coxsbazar"))
            let home = AppPath.home.path
            let oversight = Localizer(code: "en")("nav.oversight")
            #expect(!(try await staff.get(home).body.string.contains(">\(oversight)<")))

            let account = try await user("staff.coxsbazar", app)
            try await AccountService.updateProfile(
                account, AccountInput(displayName: "努斯拉特 Nusrat J."),
                by: app.systemContext, on: app.db)
            #expect(try await staff.get(home).body.string.contains("努斯拉特 Nusrat J."))

            let administrator = try await user("admin", app)
            let hq = try await unit("HQ", app)
            let admin = Actor(
                id: administrator.id!, username: administrator.username, displayName: administrator.displayName,
                homeUnitID: hq.id!, grants: [Grant(role: .administrator, unitID: hq.id!)])
            _ = try await GrantService.grant(
                GrantInput(role: Role.hqOversight.rawValue, unitID: hq.id!.uuidString),
                to: account, by: admin, at: app.clock.now, on: app.db)
            #expect(try await staff.get(home).body.string.contains(">\(oversight)<"))
        }
    }

    /// The register's add form offers the items of the unit's live plans (every state but
    /// superseded). An approval supersedes last cycle's plan without changing any plan's revision,
    /// which was all the kept page's version read: its items stayed on offer for the day.
    @Test func afterAnApprovalTheRegistersAddFormNoLongerOffersTheSupersededPlansItems() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let draft = try await newestPlan("BGD", app)
            let focal = try await user("focal.bangladesh", app)
            let context = AuditContext(actorID: focal.id, actorName: focal.username, at: app.clock.now)
            // The draft drops a scenario, which last cycle's plan in force still has.
            var dropped = ""
            try await PlanService.change(draft, by: context, on: app.db) { content in
                dropped = content.scenarios.removeFirst().title
                return ("scenarios", "", "")
            }
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let register = AppPath.unitRisks(bangladesh.id!).path
            #expect(try await browser.get(register).body.string.contains(HTMLEscape.escape(dropped)))

            var people: [Role: AuditContext] = [:]
            for (role, name) in [
                (Role.focalPoint, "focal.bangladesh"), (.regionalReviewer, "reviewer.asia"),
                (.seniorManager, "manager.bangladesh"),
            ] {
                let account = try await user(name, app)
                people[role] = AuditContext(actorID: account.id, actorName: account.username, at: app.clock.now)
            }
            try await ReviewService.runThrough(
                draft, to: .inForce, unit: bangladesh, people: people, at: (app.clock.now, app.clock.now), on: app.db)
            #expect(
                try await Plan.query(on: app.db).filter(\.$unit.$id == bangladesh.requireID())
                    .filter(\.$state == .superseded).count() >= 1)
            #expect(!(try await browser.get(register).body.string.contains(HTMLEscape.escape(dropped))))
        }
    }
}

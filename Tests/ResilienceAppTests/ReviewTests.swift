import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// The review cycle as the three people involved use it, and what oversight sees of it.
@Suite struct ReviewTests {
    func current(_ app: Application) async throws -> Plan {
        let bangladesh = try await unit("BGD", app)
        return try #require(
            try await Plan.query(on: app.db).filter(\.$unit.$id == bangladesh.requireID()).sort(\.$cycle, .descending)
                .first())
    }

    func reload(_ plan: Plan, _ app: Application) async throws -> Plan {
        try #require(try await Plan.find(plan.id, on: app.db))
    }

    func inbox(_ username: String, kind: String, _ app: Application) async throws -> Int {
        try await InboxItem.query(on: app.db).filter(\.$user.$id == user(username, app).requireID()).filter(
            \.$kind == kind
        ).count()
    }

    @Test func submitReturnWithTwoThreadsAnswerResubmitEndorseApprove() async throws {
        try await withTestApp { app in
            let plan = try await current(app)
            let bangladesh = try await unit("BGD", app)
            let previous = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == bangladesh.requireID()).filter(
                    \.$state == .inForce
                ).first())
            let focal = Browser(app), reviewer = Browser(app), manager = Browser(app), contributor = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            #expect(try await reviewer.signIn("reviewer.asia"))
            #expect(try await manager.signIn("manager.bangladesh"))
            #expect(try await contributor.signIn("contributor.bangladesh"))
            let review = AppPath.planReview(plan.id!).path

            // Only the focal point submits; the submission is version 1, frozen.
            #expect(try await contributor.post(review, ["move": "submit"]).status == .forbidden)
            #expect(try await reviewer.post(review, ["move": "take_for_review"]).status == .unprocessableEntity)
            #expect(
                try await focal.post(review, ["move": "submit", "comment": "This year's update"]).status == .seeOther)
            var p = try await reload(plan, app)
            #expect(p.state == .submitted && p.submittedVersion == 1 && p.latestVersion == 1)
            #expect(try await inbox("reviewer.asia", kind: "plan_submitted", app) == 1)
            #expect(try await inbox("reviewer.mena", kind: "plan_submitted", app) == 0)

            // The reviewer takes it and opens two threads: a field of a process, and a section.
            #expect(try await reviewer.post(review, ["move": "take_for_review"]).status == .seeOther)
            let content = try PlanCodec.decode(PlanContent.self, try await reload(plan, app).content)
            let process = try #require(content.processes.first)
            let feedback = AppPath.planFeedback(plan.id!).path
            var response = try await reviewer.post(
                feedback, ["item": "processes:\(process.id.uuidString.lowercased())", "field": "nonsense", "body": "x"])
            #expect(
                response.status == .unprocessableEntity && response.body.string.contains("not part of the chosen item"))
            #expect(
                try await reviewer.post(
                    feedback,
                    [
                        "item": "processes:\(process.id.uuidString.lowercased())", "field": "rtoHours",
                        "body": "Why 48 hours?",
                    ]
                ).status == .seeOther)
            #expect(
                try await reviewer.post(feedback, ["item": "team", "body": "Who stands in for the head of office?"])
                    .status == .seeOther)
            // Another region's reviewer may not.
            let mena = Browser(app)
            #expect(try await mena.signIn("reviewer.mena"))
            #expect(try await mena.post(feedback, ["item": "team", "body": "x"]).status == .forbidden)
            let threads = try await FeedbackThread.query(on: app.db).filter(\.$plan.$id == plan.requireID()).sort(
                \.$createdAt
            ).all()
            #expect(threads.count == 2 && threads.allSatisfy { $0.state == .open && $0.version == 1 })
            #expect(
                threads[0].field == "rtoHours" && threads[0].itemID == process.id
                    && threads[0].label.contains(process.name))

            // Returning needs a comment; then the focal point is told.
            response = try await reviewer.post(review, ["move": "return", "comment": " "])
            #expect(response.status == .unprocessableEntity && response.body.string.contains("needs a comment"))
            #expect(
                try await reviewer.post(review, ["move": "return", "comment": "Answer both threads"]).status
                    == .seeOther)
            p = try await reload(plan, app)
            #expect(p.state == .returned && p.returnedVersion == 1)
            #expect(try await inbox("focal.bangladesh", kind: "plan_returned", app) == 1)

            // Not resubmitted while a thread is unanswered; the reviewer cannot answer for them.
            response = try await focal.post(review, ["move": "submit"])
            #expect(
                response.status == .unprocessableEntity
                    && response.body.string.contains("2 feedback threads still need an answer"))
            #expect(
                try await reviewer.post(AppPath.planFeedbackAnswer(plan.id!, threads[0].id!).path, ["body": "x"]).status
                    == .forbidden)
            #expect(
                try await focal.post(AppPath.planFeedbackAnswer(plan.id!, threads[0].id!).path, ["body": ""]).status
                    == .unprocessableEntity)
            for thread in threads {
                #expect(
                    try await focal.post(
                        AppPath.planFeedbackAnswer(plan.id!, thread.id!).path, ["body": "Answered in the plan"]
                    ).status == .seeOther)
            }
            try await PlanService.change(try await reload(plan, app), by: app.systemContext, on: app.db) { c in
                c.processes[0].rtoHours = 4; return ("processes", "8", "4")
            }
            let resubmit = try await focal.post(review, ["move": "submit", "comment": "Both answered"])
            #expect(
                resubmit.status == .seeOther,
                "\(resubmit.body.string.components(separatedBy: "role=\"alert\">").dropFirst().first?.prefix(300) ?? "")"
            )
            #expect(try await reload(plan, app).submittedVersion == 2)

            // The reviewer sees what changed since the version returned, and must resolve first.
            #expect(try await reviewer.post(review, ["move": "take_for_review"]).status == .seeOther)
            let page = try await reviewer.get(review).body.string
            #expect(page.contains("What changed since version 1") && page.contains("Recovery time objective"))
            response = try await reviewer.post(review, ["move": "endorse"])
            #expect(response.status == .unprocessableEntity && response.body.string.contains("not resolved"))
            for thread in threads {
                #expect(
                    try await reviewer.post(AppPath.planFeedbackResolve(plan.id!, thread.id!).path, ["body": ""]).status
                        == .seeOther)
            }
            #expect(try await focal.post(review, ["move": "endorse"]).status == .forbidden)
            #expect(try await reviewer.post(review, ["move": "endorse", "comment": "Good"]).status == .seeOther)
            #expect(try await inbox("manager.bangladesh", kind: "plan_to_approve", app) == 1)

            // The senior manager approves: in force, due in twelve months, the old one superseded.
            #expect(try await manager.post(review, ["move": "approve"]).status == .seeOther)
            p = try await reload(plan, app)
            let approved = try #require(p.approvedAt)
            #expect(
                p.state == .inForce && abs(approved.timeIntervalSinceNow) < 60
                    && p.dueAt == PlanDue.dueDate(approvedAt: approved))
            let old = try await reload(previous, app)
            #expect(old.state == .superseded && old.supersededAt != nil)
            // Nothing more can be written into it.
            #expect(
                try await focal.post(AppPath.planSection(plan.id!, .other).path, ["recordsManagement": "x"]).status
                    == .unprocessableEntity)

            // Every move is kept with its comment, and audited.
            let moves = try await PlanMove.query(on: app.db).filter(\.$plan.$id == plan.requireID()).sort(\.$at).all()
            #expect(
                moves.map(\.move) == [
                    .submit, .takeForReview, .returnWithFeedback, .submit, .takeForReview, .endorse, .approve,
                ])
            #expect(moves[2].comment == "Answer both threads" && moves[3].version == 2)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entityID == plan.id).filter(
                \.$action == .review
            ).count()
            #expect(audited == 7)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == plan.id).filter(\.$action == .feedback)
                    .count() == 6)

            // The unit's standing: in force, due next year, nothing open.
            let standing = try #require(
                try await PlanStanding.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first())
            #expect(standing.currentState == .inForce && standing.inForcePlanID == plan.id && standing.openThreads == 0)
        }
    }

    @Test func theAPITakesAPlanThroughItsReviewToo() async throws {
        try await withTestApp { app in
            let plan = try await current(app)
            let base = "/api/v1/plans/\(plan.id!.uuidString)"
            func post(_ path: String, _ body: String, as username: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, base + path, headers: try await apiHeaders(username, app), body: ByteBuffer(string: body))
            }
            var r = try await post("/moves", #"{"move":"submit"}"#, as: "focal.bangladesh")
            #expect(r.status == .ok)
            #expect(try r.content.decode(ReviewController.ReviewDTO.self).state == "submitted")
            r = try await post("/moves", #"{"move":"fly"}"#, as: "focal.bangladesh")
            #expect(r.status == .unprocessableEntity)
            #expect(try await post("/moves", #"{"move":"take_for_review"}"#, as: "reviewer.asia").status == .ok)
            r = try await post("/feedback", #"{"item":"team","body":"Name a deputy"}"#, as: "reviewer.asia")
            #expect(r.status == .created)
            let dto = try r.content.decode(ReviewController.ReviewDTO.self)
            let thread = try #require(dto.threads.first)
            #expect(thread.state == "open" && dto.availableMoves == ["return", "endorse"])
            #expect(
                try await post("/moves", #"{"move":"return","comment":"See the thread"}"#, as: "reviewer.asia").status
                    == .ok)
            #expect(
                try await post("/feedback/\(thread.id)/answer", #"{"body":"Done"}"#, as: "focal.bangladesh").status
                    == .ok)
            let got = try await app.testing().sendRequest(
                .GET, base + "/review", headers: try await apiHeaders("focal.bangladesh", app))
            let after = try got.content.decode(ReviewController.ReviewDTO.self)
            #expect(
                after.state == "returned" && after.threads[0].state == "answered" && after.availableMoves == ["submit"])
            #expect(after.history.count == 3)
        }
    }

    @Test func aDueSoonAndAnOverduePlanAreRemindedOnceEachAndEMailed() async throws {
        try await withTestApp { app in
            let sink = try SMTPSink()
            defer { sink.stop() }
            app.appConfig.smtp = SMTPConfig(host: "127.0.0.1", port: sink.port, from: "resilience@example.org")
            // Demo: Bangladesh's and Jordan's plans in force are overdue, Kenya's due within 30 days.
            #expect(try await OversightService.remind(now: app.clock.now, app: app, on: app.db) == 3)
            #expect(try await OversightService.remind(now: app.clock.now, app: app, on: app.db) == 0)
            #expect(try await inbox("focal.bangladesh", kind: "plan_overdue", app) == 1)
            #expect(try await inbox("manager.bangladesh", kind: "plan_overdue", app) == 1)
            let mail = await sink.wait(for: 2)
            #expect(mail.contains { $0.to.contains("<focal.bangladesh@example.org>") && $0.data.contains("/plans/") })
            #expect(mail.contains { $0.to.contains("<manager.bangladesh@example.org>") })
            // Thirty days on, Kenya's is overdue too: one more reminder.
            let later = Date().addingTimeInterval(31 * 86_400)
            #expect(try await OversightService.remind(now: later, app: app, on: app.db) == 1)
        }
    }

    @Test func theRegionalDashboardFiltersExportsAndShowsDueDates() async throws {
        try await withTestApp { app in
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.mena"))
            let region = try await unit("RB-MENA", app)
            var page = try await reviewer.get(AppPath.unitDashboard(region.id!).path)
            #expect(page.status == .ok)
            let html = page.body.string
            // Jordan's plan is overdue and listed first; Lebanon's is submitted.
            #expect(html.contains("Jordan") && html.contains("Overdue") && html.contains("Submitted"))
            #expect(html.range(of: "Jordan")!.lowerBound < html.range(of: "Lebanon")!.lowerBound)
            page = try await reviewer.get(AppPath.unitDashboard(region.id!).with([("standing", "overdue")]))
            #expect(page.body.string.contains("Showing 1 of 6 units."))
            page = try await reviewer.get(
                AppPath.unitDashboard(region.id!).with([("state", "none"), ("kind", "office")]))
            #expect(page.body.string.contains("Showing 4 of 6 units."))
            let csv = try await reviewer.get(AppPath.unitDashboardCSV(region.id!).with([("state", "submitted")]))
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.count == 2 && lines[1].hasPrefix("Lebanon,LBN"))
            // Another region's dashboard is not theirs; the API gives the same rows.
            #expect(
                try await reviewer.get(AppPath.unitDashboard(try await unit("RB-AP", app).id!).path).status
                    == .forbidden)
            let api = try await app.testing().sendRequest(
                .GET, AppPath.apiUnitDashboard(region.id!).with([("standing", "overdue")]),
                headers: try await apiHeaders("reviewer.mena", app))
            let dto = try api.content.decode(OversightController.DashboardDTO.self)
            #expect(dto.total == 6 && dto.items.map(\.name) == ["Jordan"] && dto.figures.overdue == 1)
        }
    }

    /// A reviewer reads each item as a document, in their language, and opens a thread on the
    /// field they are reading; the list of fields is the item's, by their labels, never keys.
    @Test func aReviewerReadsAnItemAsADocumentAndOpensAThreadOnAField() async throws {
        try await withTestApp { app in
            let plan = try await newestPlan("MMR", app)
            #expect(plan.state == .inReview)
            let content = try PlanCodec.decode(PlanContent.self, plan.content)
            let site = try #require(content.sites.first)
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.asia"))
            let page = try await reviewer.get(AppPath.planItem(plan.id!, .sites, site.id).path).body.string
            let item = String(try #require(page.range(of: "<main").map { page[$0.lowerBound...] }))
            #expect(!item.contains("disabled") && !item.contains("<input") && !item.contains("One per line."))
            #expect(item.contains("<dt>Assets to move there") && item.contains("<dd><ul><li>"))
            let link = PlanPages.commentLink(plan.id!, .sites, site.id, field: "assetsToMove")
            #expect(item.contains(link.replacingOccurrences(of: "&", with: "&amp;")))
            let form = try await reviewer.get(link).body.string
            #expect(
                form.contains(
                    #"<option value="assetsToMove" data-sections="sites" selected="selected">Assets to move there</option>"#
                ))
            #expect(form.contains(#"<option value>The whole item</option>"#))
            // Only the site's fields, by their labels.
            #expect(!form.contains(#"value="rtoHours""#) && !form.contains(">assetsToMove<"))
            #expect(form.contains("Comment with your move") && form.contains("Your feedback on the item"))
            let opened = try await reviewer.post(
                AppPath.planFeedback(plan.id!).path,
                [
                    "item": "sites:\(site.id.uuidString.lowercased())", "field": "assetsToMove",
                    "body": "Fuel for the generator?",
                ])
            #expect(opened.status == .seeOther)
            let thread = try #require(
                try await FeedbackThread.query(on: app.db).filter(\.$plan.$id == plan.id!).first())
            #expect(thread.field == "assetsToMove" && thread.itemID == site.id)
            // In Chinese, the same field by its Chinese label.
            reviewer.language = "zh-Hans"
            #expect(try await reviewer.get(link).body.string.contains(">需转移的资产</option>"))
        }
    }

    /// Every field of every kind of item has a label in every language: nothing on screen is a key.
    @Test func everyFieldOfEveryItemHasALabel() throws {
        var content = PlanContent()
        content.team = [TeamMember(name: "A", function: .security, isLead: true, contact: "x")]
        content.scenarios = [Scenario(kind: .fire, title: "T", description: "D")]
        var process = CriticalProcess(name: "P")
        process.criteria = [.vitalLiaison]; process.programmeCriticality = .pc1; process.minimumStaffCount = 1
        process.staff = [StaffAssignment(person: "name:X", name: "X", role: "R", briefed: true)]
        process.resources = [.vehicles];
        process.dependencies = [Dependency(kind: .partner, name: "N", recoveryHours: 1)]
        process.classification = .remoteInCountry; process.rtoHours = 4; process.alternatives = ["A"]
        process.siteIDs = [UUID()]; process.impact = ["people_served": [1]]; process.minimumCapacity = [50]
        content.processes = [process]
        var site = AlternateSite(name: "S")
        site.address = "A"; site.workstations = 1; site.equipment = "E"; site.contact = "C"; site.assetsToMove = ["X"]
        content.sites = [site]
        content.agreements = [Agreement(partner: "P", kind: .officeSpace, validFrom: Date(), validUntil: Date())]
        var exercise = Exercise(date: Date(), kind: .tabletop)
        exercise.scope = "S"; exercise.findings = "F"; exercise.followUp = "U"; exercise.nextDate = Date()
        content.exercises = [exercise]
        content.nationalStaff.seniorStaffMember = "A"; content.nationalStaff.safetyMeasures = "B"
        content.nationalStaff.salaryAndCosts = "C"; content.nationalStaff.logisticsSupport = "D"
        content.nationalStaff.communicationProtocol = "E"
        content.other.emergencyManagement = "A"; content.other.securityManagement = "B"
        content.other.recordsManagement = "C"
        let names = FeedbackTarget.fields(content, chosen: "").map(\.name)
        #expect(names.count > 35)
        for language in Catalogue.shared.languages {
            for name in names {
                #expect(
                    Catalogue.shared.keys(of: language.code).contains("plan.field.\(name)"), "\(language.code): \(name)"
                )
            }
        }
    }

    /// One meaning of "in force": Jordan's plan, approved 400 days ago, is in force and overdue on
    /// its unit's page, and the region's figures count it in force and overdue alike.
    @Test func aPlanInForceButOverdueCountsInForceAndOverdueAsItsPageSays() async throws {
        try await withTestApp { app in
            let region = try await unit("RB-MENA", app), jordan = try await unit("JOR", app)
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.mena"))
            let plans = try await reviewer.get(AppPath.unitPlans(jordan.id!).path).body.string
            #expect(plans.contains("badge in_force") && plans.contains("badge overdue"))
            #expect(
                try await reviewer.post(AppPath.unitCompliance(region.id!).path, ["at": "", "comments": "MENA"])
                    .status == .seeOther)
            let report = try #require(
                try await ComplianceReport.query(on: app.db).filter(\.$comments == "MENA").first())
            #expect(report.inForce == 1 && report.overdue == 1 && report.updatedWithinYear == 0)
        }
    }

    @Test func aRegionReportsItsComplianceToHQAsADatedRecord() async throws {
        try await withTestApp { app in
            let region = try await unit("RB-EHAGL", app)
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.ehagl"))
            var response = try await reviewer.post(
                AppPath.unitCompliance(region.id!).path,
                ["at": OversightService.day(Date().addingTimeInterval(2 * 86_400)), "comments": ""])
            #expect(
                response.status == .unprocessableEntity
                    && response.body.string.contains("the figures are as of today or an earlier day")
                    && !response.body.string.contains("event began"),
                "\(response.body.string.components(separatedBy: "class=\"error\"").dropFirst().map { $0.prefix(200) })")
            response = try await reviewer.post(
                AppPath.unitCompliance(region.id!).path, ["at": "", "comments": "Kenya's plan is due next month."])
            #expect(response.status == .seeOther)
            let report = try #require(
                try await ComplianceReport.query(on: app.db).filter(\.$unitID == region.requireID()).first())
            // Kenya and Ethiopia in force out of six units.
            #expect(report.units == 6 && report.inForce == 2 && report.comments == "Kenya's plan is due next month.")
            #expect(try await inbox("hq.oversight", kind: "compliance_report", app) == 1)
            // Figures at an earlier date are rebuilt from the plans' dates: a year ago only
            // Jordan's (another region) and nothing here … Kenya's was approved 345 days ago.
            let yearAgo = OversightService.day(Date().addingTimeInterval(-360 * 86_400))
            #expect(
                try await reviewer.post(AppPath.unitCompliance(region.id!).path, ["at": yearAgo, "comments": "Then"])
                    .status == .seeOther)
            let earlier = try #require(
                try await ComplianceReport.query(on: app.db).filter(\.$comments == "Then").first())
            #expect(earlier.inForce == 0)
            // HQ sees the region with its last report; a reviewer only their own region.
            let hq = Browser(app)
            #expect(try await hq.signIn("hq.oversight"))
            let overview = try await hq.get(AppPath.oversight.path).body.string
            #expect(
                overview.contains("Regional Bureau for East and Horn") && overview.contains("All regions")
                    && overview.contains("<svg"))
            let own = try await reviewer.get(AppPath.oversight.path).body.string
            #expect(
                own.contains("East and Horn") && !own.contains("Asia and the Pacific") && !own.contains("All regions"))
            // The focal point does not see oversight at all.
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            #expect(try await focal.get(AppPath.oversight.path).status == .forbidden)
        }
    }

    @Test func aCampaignGivesEveryUnitADraftFromItsPlanInForceAndShowsLateOnesFirst() async throws {
        try await withTestApp { app in
            let region = try await unit("RB-EHAGL", app)
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.ehagl"))
            let path = AppPath.unitCampaigns(region.id!).path
            var response = try await reviewer.post(path, ["cycle": "2027", "deadline": "2001-01-01"])
            #expect(
                response.status == .unprocessableEntity && response.body.string.contains("in the past")
                    && response.body.string.contains("at least one level"))
            let deadline = OversightService.day(Date().addingTimeInterval(20 * 86_400))
            response = try await reviewer.post(
                path,
                [
                    "cycle": "2027", "deadline": deadline, "kinds-country_operation": "true",
                    "note": "Update by the deadline",
                ])
            #expect(response.status == .seeOther)
            let campaign = try #require(try await Campaign.query(on: app.db).first())
            let links = try await CampaignUnit.query(on: app.db).filter(\.$campaignID == campaign.requireID()).all()
            #expect(links.count == 2)  // Kenya and Ethiopia
            let kenya = try await unit("KEN", app)
            let draft = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == kenya.requireID()).filter(\.$cycle == 2027)
                    .first())
            let approved = try #require(try await PlanService.approvedVersion(of: kenya.requireID(), on: app.db))
            #expect(draft.state == .draft && draft.campaignID == campaign.id && draft.content == approved.content)
            // Kenya has no focal point in the demo; nobody in another region is told.
            #expect(try await inbox("focal.bangladesh", kind: "campaign_opened", app) == 0)
            // The progress page: after the deadline both are late; a submitted one comes after a draft.
            let ethiopia = try await unit("ETH", app)
            let ethDraft = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == ethiopia.requireID()).filter(\.$cycle == 2027)
                    .first())
            try await ReviewService.runThrough(
                ethDraft, to: .submitted, unit: ethiopia, at: (Date(), Date()), on: app.db)
            let progress = try await CampaignService.progress(
                campaign, now: Date().addingTimeInterval(30 * 86_400), on: app.db)
            #expect(progress.rows.map(\.name) == ["Kenya", "Ethiopia"] && progress.late == 2 && progress.done == 0)
            let page = try await reviewer.get(AppPath.campaign(campaign.id!).path)
            #expect(page.status == .ok && page.body.string.contains("Units, late ones first"))
            // The region's reviewer may not open one for another region.
            #expect(
                try await reviewer.post(AppPath.unitCampaigns(try await unit("RB-AP", app).id!).path, ["cycle": "2027"])
                    .status == .forbidden)
        }
    }

    @Test func plansMarkedFinalBeforeTheReviewCycleBecomeTheUnitsPlanInForceOrSuperseded() async throws {
        try await withTestApp(demo: false) { app in
            let root = try await UnitService.create(
                under: nil, UnitInput(name: "Headquarters", code: "HQ", kind: UnitKind.headquarters.rawValue),
                by: app.systemContext, on: app.db)
            // The schema as the previous release had it, with two cycles marked final. On one
            // connection: a shared in-memory SQLite database's other connections may still hold
            // the schema from before the columns were dropped.
            let old = UUID(), last = UUID()
            let made = ISO8601DateFormatter().date(from: "2025-06-01T08:00:00Z")!
            try await app.db.transaction { db in
                try await AddPlanReview().revert(on: db)
                let sql = try #require(db as? any SQLDatabase)
                for (id, cycle) in [(old, 2024), (last, 2025)] {
                    try await sql.insert(into: "plans").columns(
                        "id", "unit_id", "cycle", "status", "content", "scale", "revision", "latest_version"
                    )
                    .values(
                        SQLBind(id), SQLBind(root.id!), SQLBind(cycle), SQLBind("final"), SQLBind("{}"), SQLBind("{}"),
                        SQLBind(3), SQLBind(1)
                    ).run()
                    try await sql.insert(into: "plan_versions").columns(
                        "id", "plan_id", "unit_id", "number", "content", "scale", "created_by_name", "created_at"
                    )
                    .values(
                        SQLBind(UUID()), SQLBind(id), SQLBind(root.id!), SQLBind(1), SQLBind("{}"), SQLBind("{}"),
                        SQLBind("x"),
                        SQLBind(cycle == 2025 ? made : made.addingTimeInterval(-365 * 86_400))
                    ).run()
                }
                try await AddPlanReview().prepare(on: db)
            }
            let inForce = try #require(try await Plan.find(last, on: app.db))
            #expect(inForce.state == .inForce && inForce.submittedVersion == 1)
            #expect(inForce.approvedAt.map { abs($0.timeIntervalSince(made)) < 1 } == true)
            #expect(inForce.dueAt == PlanDue.dueDate(approvedAt: inForce.approvedAt!))
            #expect(try await Plan.find(old, on: app.db)?.state == .superseded)
            // A new cycle copies the plan in force.
            #expect(try await PlanService.approvedVersion(of: root.requireID(), on: app.db)?.$plan.id == last)
        }
    }
}

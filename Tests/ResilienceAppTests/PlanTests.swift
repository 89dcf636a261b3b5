import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Business continuity plans as their users work them: start, fill in, check, version, compare,
/// print and export.
@Suite struct PlanTests {
    func plan(_ code: String, _ app: Application) async throws -> Plan {
        let u = try await unit(code, app)
        return try #require(
            try await Plan.query(on: app.db).filter(\.$unit.$id == u.requireID()).sort(\.$cycle, .descending).first())
    }

    func reload(_ plan: Plan, _ app: Application) async throws -> Plan {
        try #require(try await Plan.find(plan.id, on: app.db))
    }

    func content(_ plan: Plan, _ app: Application) async throws -> PlanContent {
        try PlanCodec.decode(PlanContent.self, try await reload(plan, app).content)
    }

    @Test func aFocalPointStartsAPlanOncePerCycleAndTheStartIsAudited() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let kenya = try await unit("BGD-CXB", app)
            var response = try await browser.post(
                AppPath.unitPlans(kenya.id!).path, ["cycle": "2031", "start": "empty"])
            #expect(response.status == .seeOther)
            let created = try await plan("BGD-CXB", app)
            #expect(created.cycle == 2031 && created.state == .draft && created.revision == 1)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == created.id).filter(\.$action == .create)
                    .count() == 1)
            response = try await browser.post(AppPath.unitPlans(kenya.id!).path, ["cycle": "2031", "start": "empty"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("already has a plan for 2031"))
            response = try await browser.post(AppPath.unitPlans(kenya.id!).path, ["cycle": "1999", "start": "empty"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("from 2000 to 2100"))
            // No final plan at the office yet: copying one is refused with what to do instead.
            response = try await browser.post(
                AppPath.unitPlans(kenya.id!).path, ["cycle": "2032", "start": "in_force"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("start from an empty plan"))
        }
    }

    @Test func aNewPlanStartsFromACopyOfTheLastFinalVersionNotALink() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let bangladesh = try await unit("BGD", app)
            let response = try await browser.post(
                AppPath.unitPlans(bangladesh.id!).path, ["cycle": "2040", "start": "in_force"])
            #expect(response.status == .seeOther)
            let copy = try await plan("BGD", app)
            let final = try #require(try await PlanService.approvedVersion(of: bangladesh.id!, on: app.db))
            #expect(copy.content == final.content)
            // Editing the copy leaves the version alone.
            try await PlanService.change(copy, by: app.systemContext, on: app.db) {
                $0.team.removeAll(); return ("t", "", "")
            }
            #expect(try await PlanVersion.find(final.id, on: app.db)?.content == final.content)
        }
    }

    @Test func badInputInASectionComesBackWithMessagesAndNothingIsSaved() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("contributor.bangladesh"))
            let p = try await plan("BGD", app)
            let before = try await reload(p, app).revision
            var response = try await browser.post(
                AppPath.planSection(p.id!, .team).path, ["name": "", "function": "nonsense", "contact": "x"])
            #expect(response.status == .unprocessableEntity)
            let page = response.body.string
            #expect(page.contains("This field is required.") && page.contains("Choose one of the listed options."))
            #expect(page.contains("value=\"x\""))
            #expect(try await reload(p, app).revision == before)
            response = try await browser.post(
                AppPath.planSection(p.id!, .agreements).path,
                ["partner": "UNICEF", "kind": "transport", "validFrom": "2026-05-01", "validUntil": "2026-02-30"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("YYYY-MM-DD"))
            browser.language = "zh-Hans"
            response = try await browser.post(
                AppPath.planSection(p.id!, .exercises).path, ["date": "", "kind": "tabletop"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("此项为必填。"))
            #expect(try await reload(p, app).revision == before)
        }
    }

    @Test func listsAreAddedToEditedReorderedAndRemovedWithEachChangeAudited() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let p = try await plan("BGD", app)
            var response = try await browser.post(
                AppPath.planSection(p.id!, .scenarios).path,
                ["kind": "fire", "title": "Fire in the Dhaka office", "description": ""])
            #expect(response.status == .seeOther)
            var c = try await content(p, app)
            let fire = try #require(c.scenarios.last)
            #expect(fire.title == "Fire in the Dhaka office" && fire.kind == .fire)
            response = try await browser.post(
                AppPath.planItem(p.id!, .scenarios, fire.id).path,
                ["kind": "fire", "title": "Fire in the Dhaka office building"])
            #expect(response.status == .seeOther)
            response = try await browser.post(
                AppPath.planItemMove(p.id!, .scenarios, fire.id).path, ["direction": "up"])
            #expect(response.status == .seeOther)
            c = try await content(p, app)
            #expect(c.scenarios[c.scenarios.count - 2].title == "Fire in the Dhaka office building")
            response = try await browser.post(AppPath.planItemRemove(p.id!, .scenarios, fire.id).path)
            #expect(response.status == .seeOther)
            #expect(try await content(p, app).scenarios.contains { $0.id == fire.id } == false)
            let lines = try await AuditEntry.query(on: app.db).filter(\.$entityID == p.id).filter(\.$action == .update)
                .all()
            #expect(lines.filter { $0.summary.contains("Fire in the Dhaka office") }.count == 4)
            #expect(
                lines.contains {
                    $0.before.contains("Fire in the Dhaka office\\\"") || $0.before.contains("Fire in the Dhaka office")
                })
            response = try await browser.post(
                AppPath.planItemMove(p.id!, .scenarios, fire.id).path, ["direction": "up"])
            #expect(response.status == .notFound)
            // Removing an alternate site removes the processes' links to it too.
            let site = try #require(try await content(p, app).sites.first)
            #expect(try await browser.post(AppPath.planItemRemove(p.id!, .sites, site.id).path).status == .seeOther)
            #expect(try await content(p, app).processes.allSatisfy { !$0.siteIDs.contains(site.id) })
        }
    }

    @Test func minimumStaffLinkToAccountsOfTheUnitAndOthersAreKeptByName() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let p = try await plan("BGD", app)
            let response = try await browser.post(
                AppPath.planSection(p.id!, .processes).path,
                [
                    "name": "Fuel distribution", "criteria-enabling_functions": "true",
                    "classification": "remote_in_country", "minimumStaffCount": "2",
                    "staff-0-name": "Nusrat Jahan", "staff-0-role": "Monitor", "staff-0-briefed": "true",
                    "staff-1-name": "Jamal Uddin", "staff-1-role": "Driver",
                    "dependencies-0-kind": "logistics_supplier", "dependencies-0-name": "Fuel supplier",
                    "dependencies-0-recoveryHours": "48",
                    "alternatives": "Second supplier in Chittagong\n\n",
                ])
            #expect(response.status == .seeOther)
            let process = try #require(try await content(p, app).processes.last)
            let nusrat = try await user("staff.coxsbazar", app)
            #expect(process.staff.map(\.person) == ["user:\(nusrat.id!.uuidString.lowercased())", "name:Jamal Uddin"])
            #expect(process.staff[0].briefed && !process.staff[1].briefed)
            #expect(process.alternatives == ["Second supplier in Chittagong"])
            #expect(process.dependencies.first?.recoveryHours == 48)
            // The form offers the unit's people to pick from.
            let form = try await browser.get(AppPath.planItem(p.id!, .processes, process.id).path).body.string
            #expect(form.contains("<datalist id=\"people\">") && form.contains("value=\"Nusrat Jahan\""))
        }
    }

    @Test func impactRatingsGiveTheMTPDAndABlockingErrorDisappearsWhenTheRTOIsFixed() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let p = try await plan("BGD", app)
            let process = try #require(try await content(p, app).processes.first { $0.name.hasPrefix("Cash") })
            var response = try await browser.post(
                AppPath.planImpact(p.id!, process.id).path, ["impact-people_served-0": "7", "rtoHours": "abc"])
            #expect(response.status == .unprocessableEntity)
            #expect(
                response.body.string.contains("Rate from 1 (negligible) to 5 (severe).")
                    && response.body.string.contains("Enter a number"))
            // Intolerable (4 > 3) from 24 h; an RTO of 72 h is too long and blocks marking final.
            response = try await browser.post(
                AppPath.planImpact(p.id!, process.id).path,
                [
                    "impact-people_served-0": "2", "impact-people_served-2": "3", "impact-people_served-3": "4",
                    "rtoHours": "72",
                ])
            #expect(response.status == .seeOther)
            // The form that saved it says so at once, beside the field, and says it was saved.
            let saved = try await browser.get(try #require(response.headers.first(name: .location))).body.string
            #expect(saved.contains("Saved."))
            #expect(
                saved.contains(#"id="f-rtoHours-warning""#)
                    && saved.contains("The RTO (3 d) is longer than the MTPD (1 d)"))
            var snapshot = try await PlanService.snapshot(try await reload(p, app), now: app.clock.now, on: app.db)
            let analysis = ImpactAnalysis.analyse(
                try #require(snapshot.content.processes.first { $0.id == process.id }), scale: snapshot.scale)
            #expect(analysis.mtpdHours == 24 && analysis.rtoExceedsMTPD)
            #expect(snapshot.checks.contains { $0.code == .rtoExceedsMTPD && $0.itemID == process.id })
            // The finding names the process in words (no code) and links to the RTO field of its form.
            let atField = AppPath.planImpact(p.id!, process.id).path + "#f-rtoHours"
            let overview = try await browser.get(AppPath.plan(p.id!).path).body.string
            #expect(overview.contains("the RTO (3 d) is longer than the MTPD (1 d)"))
            #expect(overview.contains(atField) && !overview.contains("rto_exceeds_mtpd"))
            // The refusal lists the blocking error with its link, on the page and in the API.
            response = try await browser.post(AppPath.planReview(p.id!).path, ["move": "submit", "comment": "try"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("1 error blocks this"))
            #expect(response.body.string.contains(atField))
            let api = try await app.testing().sendRequest(
                .POST, AppPath.apiPlanMoves(p.id!).path, headers: try await apiHeaders("focal.bangladesh", app),
                body: ByteBuffer(string: #"{"move":"submit"}"#))
            #expect(api.status == .unprocessableEntity)
            let finding = try #require(
                (try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any])
                    .flatMap { ($0["error"] as? [String: Any])?["findings"] as? [[String: Any]] }?.first)
            #expect(finding["link"] as? String == atField && finding["code"] as? String == "rto_exceeds_mtpd")
            #expect(finding["item"] as? String == process.id.uuidString && finding["field"] as? String == "rtoHours")
            response = try await browser.post(
                AppPath.planImpact(p.id!, process.id).path,
                [
                    "impact-people_served-0": "2", "impact-people_served-2": "3", "impact-people_served-3": "4",
                    "rtoHours": "12",
                ])
            #expect(response.status == .seeOther)
            #expect(
                !(try await browser.get(try #require(response.headers.first(name: .location))).body.string
                    .contains("f-rtoHours-warning")))
            snapshot = try await PlanService.snapshot(try await reload(p, app), now: app.clock.now, on: app.db)
            #expect(!snapshot.checks.contains { $0.code == .rtoExceedsMTPD })
            response = try await browser.post(AppPath.planReview(p.id!).path, ["move": "submit", "comment": "Ready"])
            #expect(response.status == .seeOther)
            #expect(try await reload(p, app).state == .submitted)
        }
    }

    /// The benchmark's plan of 60 processes goes through the whole review cycle, its revision
    /// included, under the same checks as any plan (a check added later must not stop it).
    @Test func theBenchmarksLargePlanPassesItsChecksThroughTheReviewCycle() async throws {
        try await withTestApp { app in
            let office = try await unit("KEN-DAD", app)
            let plan = try await DemoPlan.loadLarge(at: office, now: app.clock.now, on: app.db)
            #expect(try await reload(plan, app).state == .inForce)
        }
    }

    /// This year's draft compared with last year's approved plan, not with itself: the demo's draft
    /// added an earthquake scenario to the plan in force.
    @Test func theDraftComparesWithThePlanInForce() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let draft = try await plan("BGD", app)
            let bangladesh = try await unit("BGD", app)
            let inForce = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == bangladesh.id!).filter(\.$state == .inForce)
                    .first())
            let link = AppPath.planCompare(draft.id!).with([("from", "in_force"), ("to", "draft")])
            let overview = try await browser.get(AppPath.plan(draft.id!).path).body.string
            #expect(overview.contains("What changed since the plan in force (plan \(inForce.cycle))"))
            #expect(overview.contains(link.replacingOccurrences(of: "&", with: "&amp;")))
            let page = try await browser.get(link).body.string
            #expect(
                page.contains("Plan in force (\(inForce.cycle))") && page.contains("Earthquake in Chittagong division"))
            #expect(!page.contains("No differences."))
            // The plan in force itself offers no such comparison.
            #expect(
                !(try await browser.get(AppPath.plan(inForce.id!).path).body.string.contains("since the plan in force"))
            )
        }
    }

    @Test func versionsAreImmutableAndTwoVersionsCompareSideBySide() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let p = try await plan("BGD", app)
            #expect(
                try await browser.post(AppPath.planReview(p.id!).path, ["move": "submit", "comment": "v1"]).status
                    == .seeOther)
            // Submitted: neither submitted again nor edited until it is withdrawn or returned.
            #expect(
                try await browser.post(AppPath.planReview(p.id!).path, ["move": "submit", "comment": "again"]).status
                    == .unprocessableEntity)
            let locked = try await browser.post(
                AppPath.planSection(p.id!, .team).path, ["name": "Someone", "function": "it", "contact": "x"])
            #expect(locked.status == .unprocessableEntity && locked.body.string.contains("it is read-only"))
            // The page offers no form while it is submitted.
            #expect(
                !(try await browser.get(AppPath.planSection(p.id!, .team).path).body.string.contains(
                    "action=\"\(AppPath.planSection(p.id!, .team).path)\"")))
            await #expect(throws: ValidationErrors.self) {
                try await PlanService.change(try await reload(p, app), by: app.systemContext, on: app.db) { c in
                    c.other.recordsManagement = "x"; return ("t", "", "")
                }
            }
            #expect(try await browser.post(AppPath.planReview(p.id!).path, ["move": "withdraw"]).status == .seeOther)
            let v1 = try #require(
                try await PlanVersion.query(on: app.db).filter(\.$plan.$id == p.requireID()).filter(\.$number == 1)
                    .first())
            try await PlanService.change(try await reload(p, app), by: app.systemContext, on: app.db) { c in
                c.processes[0].name = "Renamed process"; c.sites.removeLast(); c.processes[0].siteIDs = [c.sites[0].id]
                for i in c.processes.indices {
                    c.processes[i].siteIDs.removeAll { id in !c.sites.contains { $0.id == id } }
                }
                return ("t", "", "")
            }
            #expect(try await reload(p, app).state == .draft)
            #expect(
                try await browser.post(AppPath.planReview(p.id!).path, ["move": "submit", "comment": "v2"]).status
                    == .seeOther)
            #expect(try await PlanVersion.find(v1.id, on: app.db)?.content == v1.content)
            let page = try await browser.get(AppPath.planCompare(p.id!).with([("from", "1"), ("to", "2")]))
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Renamed process") && html.contains("<del>") && html.contains("<ins>"))
            #expect(html.contains("Removed") && html.contains("Partner compound, Ukhia"))
            let api = try await browser.get(AppPath.planCompare(p.id!).with([("from", "9"), ("to", "2")]))
            #expect(api.status == .notFound)
        }
    }

    @Test func thePocketPlanIsSelfContainedAndListsProcessesInRecoveryOrder() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("manager.bangladesh"))
            let p = try await plan("BGD", app)
            let response = try await browser.get(AppPath.planPocketDownload(p.id!).path)
            #expect(response.status == .ok)
            #expect(
                response.headers.first(name: .contentDisposition)?.contains("attachment; filename=\"bcp-BGD-") == true)
            let html = response.body.string
            #expect(
                !html.contains("<link") && !html.contains("<script") && !html.contains("src=") && !html.contains("url(")
            )
            #expect(!html.contains("href=\"http") && !html.contains("href=\"/"))
            #expect(html.contains("@page{size:A4") && html.contains("break-before:page"))
            // The list of critical processes is headed by the plan's own name for the section.
            #expect(html.contains("<h2>Critical processes, in order of recovery</h2>"))
            browser.language = "zh-Hans"
            let chinese = try await browser.get(AppPath.planPocketDownload(p.id!).path).body.string
            #expect(chinese.contains("<h2>关键流程（按恢复顺序）</h2>"))
            let order = [
                "Security communications and staff tracking", "Registration and protection of new arrivals",
                "Liaison with the Refugee Relief", "Cash assistance payments",
            ]
            let positions = order.map { html.range(of: "<h2>\(order.firstIndex(of: $0)! + 1). \($0)")?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        }
    }

    @Test func anExportImportsBackIntoANewDraftUnchanged() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let p = try await plan("BGD", app)
            let exported = try await browser.get(AppPath.planExport(p.id!).path)
            #expect(exported.status == .ok)
            let office = try await unit("BGD-CXB", app)
            let boundary = "----resilience"
            let body =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"cycle\"\r\n\r\n2033\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.json\"\r\nContent-Type: application/json\r\n\r\n\(exported.body.string)\r\n"
                + "--\(boundary)--\r\n"
            let response = try await browser.send(
                .POST, AppPath.unitPlansImport(office.id!).path, body: body,
                contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(response.status == .seeOther)
            let imported = try await plan("BGD-CXB", app)
            #expect(imported.cycle == 2033)
            #expect(try PlanCodec.decode(PlanContent.self, imported.content) == (try await content(p, app)))
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == imported.id).filter(
                    \.$action == .importFile
                ).count() == 1)
            // A file that is not a plan is refused with what is wrong.
            let bad =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.json\"\r\n\r\n{\"hello\": 1}\r\n--\(boundary)--\r\n"
            let refused = try await browser.send(
                .POST, AppPath.unitPlansImport(office.id!).path, body: bad,
                contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("not a plan file"))
        }
    }

    @Test func theCSVHasOneRowPerProcessInRecoveryOrderWithItsAnalysis() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("reviewer.asia"))
            let p = try await plan("BGD", app)
            let response = try await browser.get(AppPath.planCSV(p.id!).path)
            #expect(response.status == .ok)
            let lines = response.body.string.split(separator: "\r\n")
            #expect(lines.count == 5)
            #expect(lines[0].hasPrefix("\u{FEFF}recovery_order,process,"))
            #expect(
                lines[1].hasPrefix("1,Security communications and staff tracking,enabling_functions,,on_site_office,3,")
            )
            #expect(lines[0].split(separator: ",").count == 14 + 45)
        }
    }

    @Test func contributorsEditButOnlyTheFocalPointMarksFinalAndOthersOnlyRead() async throws {
        try await withTestApp { app in
            let p = try await plan("BGD", app)
            let contributor = Browser(app)
            #expect(try await contributor.signIn("contributor.bangladesh"))
            #expect(
                try await contributor.post(
                    AppPath.planSection(p.id!, .scenarios).path, ["kind": "flood", "title": "River flood"]
                ).status == .seeOther)
            #expect(try await contributor.post(AppPath.planReview(p.id!).path, ["move": "submit"]).status == .forbidden)
            // The senior manager reads; the office's staff, below the country, do not.
            let below = Browser(app)
            #expect(try await below.signIn("staff.coxsbazar"))
            #expect(try await below.get(AppPath.plan(p.id!).path).status == .forbidden)
            let staff = Browser(app)
            #expect(try await staff.signIn("manager.bangladesh"))
            #expect(try await staff.get(AppPath.plan(p.id!).path).status == .ok)
            #expect(
                try await staff.post(AppPath.planSection(p.id!, .scenarios).path, ["kind": "flood", "title": "x"])
                    .status == .forbidden)
            let page = try await staff.get(AppPath.planSection(p.id!, .team).path).body.string
            #expect(!page.contains("<form action=\"/plans/"))
            // An item reads as a document: its labelled fields, in the reader's language, no form.
            let process = try #require(try await content(p, app).processes.first)
            let item = try await staff.get(AppPath.planItem(p.id!, .processes, process.id).path).body.string
            #expect(item.contains(#"<dl class="reading">"#) && item.contains("<dt>Minimum number of staff</dt>"))
            #expect(!item.contains("<fieldset") && !item.contains("minimumStaffCount</dt>"))
            let otherRegion = Browser(app)
            #expect(try await otherRegion.signIn("reviewer.mena"))
            #expect(try await otherRegion.get(AppPath.plan(p.id!).path).status == .forbidden)
        }
    }

    @Test func theAPIReplacesContentOnlyAtTheRevisionTheWriterRead() async throws {
        try await withTestApp { app in
            let p = try await plan("BGD", app)
            let headers = try await apiHeaders("focal.bangladesh", app)
            let got = try await app.testing().sendRequest(.GET, AppPath.apiPlan(p.id!).path, headers: headers)
            #expect(got.status == .ok)
            let detail = try PlanCodec.decode(PlansAPIController.Detail.self, got.body.string)
            var edited = detail.content
            edited.scenarios.append(Scenario(kind: .cyber, title: "Ransomware"))
            let body = PlanCodec.encode(PlansAPIController.ContentBody(revision: detail.plan.revision, content: edited))
            let put = try await app.testing().sendRequest(
                .PUT, AppPath.apiPlanContent(p.id!).path, headers: headers, body: ByteBuffer(string: body))
            #expect(put.status == .ok)
            let stale = try await app.testing().sendRequest(
                .PUT, AppPath.apiPlanContent(p.id!).path, headers: headers, body: ByteBuffer(string: body))
            #expect(stale.status == .unprocessableEntity)
            #expect(stale.body.string.contains("plan_changed"))
            var invalid = edited
            invalid.processes[0].impact["people_served"] = [9]
            let refused = try await app.testing().sendRequest(
                .PUT, AppPath.apiPlanContent(p.id!).path, headers: headers,
                body: ByteBuffer(
                    string: PlanCodec.encode(
                        PlansAPIController.ContentBody(revision: detail.plan.revision + 1, content: invalid))))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("processes[0].impact.people_served[0]"))
            #expect(try await content(p, app).scenarios.last?.title == "Ransomware")
            // The export imports through the API too, unchanged.
            let export = try await app.testing().sendRequest(.GET, AppPath.apiPlanExport(p.id!).path, headers: headers)
            let office = try await unit("BGD-CXB", app)
            let imported = try await app.testing().sendRequest(
                .POST, AppPath.apiUnitPlansImport(office.id!).path + "?cycle=2035", headers: headers, body: export.body)
            #expect(imported.status == .created)
            #expect(
                try PlanCodec.decode(PlansAPIController.Detail.self, imported.body.string).content
                    == (try await content(p, app)))
        }
    }

    @Test func headquartersConfiguresTheScaleAndOnlyNewPlansUseIt() async throws {
        try await withTestApp { app in
            let hq = Browser(app)
            #expect(try await hq.signIn("hq.oversight"))
            var response = try await hq.post(
                AppPath.impactScale.path, ["ladder": "4, 1", "categories": "people_served", "tolerance": "3"])
            #expect(response.status == .unprocessableEntity)
            response = try await hq.post(
                AppPath.impactScale.path,
                ["ladder": "1, 24, 168", "categories": "people_served\nreputation | Reputation | 声誉", "tolerance": "2"])
            #expect(response.status == .seeOther)
            let scale = try await PlanService.currentScale(on: app.db)
            #expect(
                scale.ladderHours == [1, 24, 168] && scale.categories == ["people_served", "reputation"]
                    && scale.labels["reputation"]?["zh-Hans"] == "声誉")
            let old = try await plan("BGD", app)
            #expect(try PlanCodec.decode(ImpactScale.self, old.scale) == .standard)
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            let office = try await unit("BGD-CXB", app)
            #expect(
                try await focal.post(AppPath.unitPlans(office.id!).path, ["cycle": "2030", "start": "empty"]).status
                    == .seeOther)
            #expect(try PlanCodec.decode(ImpactScale.self, try await plan("BGD-CXB", app).scale) == scale)
            #expect(try await focal.get(AppPath.impactScale.path).status == .forbidden)
        }
    }
}

@Suite struct PlanPageTests {
    @Test func everyListSectionHasOneHeadingPerColumn() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let u = try await unit("BGD", app)
            let p = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == u.requireID()).sort(\.$cycle, .descending)
                    .first())
            for section in [PlanSection.team, .scenarios, .processes, .sites, .agreements, .exercises] {
                let html = try await browser.get(AppPath.planSection(p.id!, section).path).body.string
                let head = try #require(
                    html.range(of: "<thead>").flatMap { start in
                        html.range(of: "</thead>", range: start.upperBound..<html.endIndex).map {
                            html[start.upperBound..<$0.lowerBound]
                        }
                    })
                // The first row (rows carry their item's anchor as id).
                let body = try #require(
                    html.range(of: #"<tbody><tr[^>]*>"#, options: .regularExpression).flatMap { start in
                        html.range(of: "</tr>", range: start.upperBound..<html.endIndex).map {
                            html[start.upperBound..<$0.lowerBound]
                        }
                    })
                #expect(
                    head.components(separatedBy: "<th").count == body.components(separatedBy: "<td").count, "\(section)"
                )
            }
        }
    }
}

import Fluent
import Foundation
import NIOCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Numbers from outside are held to their domain's range where they enter, and numbers stored
/// before that was so never stop the server when a page shows them.
@Suite struct NumberRangeTests {
    func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, _ headers: HTTPHeaders, _ body: String
    ) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func hoursBeyondTenYearsAreRefusedWithTheirRangeThroughTheAPIImportAndHQsScale() async throws {
        try await withTestApp { app in
            let plan = try await newestPlan("BGD", app)
            let headers = try await apiHeaders("focal.bangladesh", app)
            let detail = try PlanCodec.decode(
                PlansAPIController.Detail.self,
                try await app.testing().sendRequest(.GET, AppPath.apiPlan(plan.id!).path, headers: headers).body.string)
            var content = detail.content
            content.processes[0].rtoHours = 1e300
            var put = try await send(
                app, .PUT, AppPath.apiPlanContent(plan.id!).path, headers,
                PlanCodec.encode(PlansAPIController.ContentBody(revision: detail.plan.revision, content: content)))
            #expect(put.status == .unprocessableEntity)
            #expect(put.body.string.contains("\"field\":\"processes[0].rtoHours\""))
            #expect(put.body.string.contains("from 0 to 87600"))
            content = detail.content
            content.processes[0].dependencies = [Dependency(kind: .itSystem, name: "Server", recoveryHours: 1e19)]
            content.sites = content.sites.map {
                var s = $0; s.workstations = -5; return s
            }
            put = try await send(
                app, .PUT, AppPath.apiPlanContent(plan.id!).path, headers,
                PlanCodec.encode(PlansAPIController.ContentBody(revision: detail.plan.revision, content: content)))
            #expect(put.status == .unprocessableEntity)
            #expect(put.body.string.contains("processes[0].dependencies[0].recoveryHours"))
            if !content.sites.isEmpty { #expect(put.body.string.contains("sites[0].workstations")) }

            // The same document through the import: refused, nothing made.
            let export = try await app.testing().sendRequest(
                .GET, AppPath.apiPlanExport(plan.id!).path, headers: headers
            ).body.string
            let hostile = export.replacingOccurrences(
                of: "\"rtoHours\":", with: "\"rtoHours\":1e19,\"was\":", options: [], range: nil)
            let office = try await unit("BGD-CXB", app)
            let before = try await Plan.query(on: app.db).count()
            let imported = try await send(
                app, .POST, AppPath.apiUnitPlansImport(office.id!).path + "?cycle=2035", headers, hostile)
            #expect(imported.status == .unprocessableEntity)
            #expect(try await Plan.query(on: app.db).count() == before)

            // HQ's scale: a ladder point of 720·2^62 hours.
            let hq = try await apiHeaders("admin", app)
            let scale = try await send(
                app, .PUT, AppPath.apiImpactScale.path, hq,
                #"{"ladderHours":[1,4,\#(720.0 * pow(2.0, 62.0))],"categories":["people_served"],"tolerance":3}"#)
            #expect(scale.status == .unprocessableEntity)
            #expect(scale.body.string.contains("87600"))
        }
    }

    @Test func theFormsSayTheRangeBesideTheField() async throws {
        try await withTestApp { app in
            let plan = try await newestPlan("BGD", app)
            let content = try PlanCodec.decode(PlanContent.self, plan.content)
            let process = try #require(content.processes.first)
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let refused = try await browser.post(AppPath.planImpact(plan.id!, process.id).path, ["rtoHours": "1e300"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Must be 87600 or less."))
            browser.language = "zh-Hans"
            let chinese = try await browser.post(AppPath.planImpact(plan.id!, process.id).path, ["rtoHours": "-1"])
            #expect(chinese.body.string.contains("必须大于 0。"))
            let staff = try await browser.post(
                AppPath.planItem(plan.id!, .processes, process.id).path,
                ["name": process.name, "minimumStaffCount": "-3"])
            #expect(staff.status == .unprocessableEntity)
            #expect(staff.body.string.contains("不能小于 0。"))
            // A dependency's recovery time may be 0 h (back at once), not less.
            browser.language = "en"
            let dependency = try await browser.post(
                AppPath.planItem(plan.id!, .processes, process.id).path,
                [
                    "name": process.name, "dependencies-0-kind": "it_system", "dependencies-0-name": "Mail",
                    "dependencies-0-recoveryHours": "-4",
                ])
            #expect(dependency.body.string.contains("Must be 0 or more."))
            #expect(try await newestPlan("BGD", app).revision == plan.revision)
        }
    }

    /// Values stored before their range was checked: every page and API that shows them answers.
    @Test func outOfRangeValuesAlreadyStoredAreShownWithoutStoppingTheServer() async throws {
        try await withTestApp { app in
            let plan = try await newestPlan("BGD", app)
            var content = try PlanCodec.decode(PlanContent.self, plan.content)
            #expect(!content.processes.isEmpty)
            content.processes[0].rtoHours = 1e300
            content.processes[0].dependencies = [Dependency(kind: .itSystem, name: "Server", recoveryHours: 1e19)]
            if content.processes.count > 1 { content.processes[1].rtoHours = -Double.greatestFiniteMagnitude }
            content.processes[0].minimumStaffCount = Int.max
            var site = AlternateSite(name: "Huge")
            site.workstations = Int.min
            content.sites.append(site)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(Plan.schema).set("content", to: PlanCodec.encode(content)).set(
                "revision", to: plan.revision + 1
            )
            .where("id", .equal, plan.id!).run()
            let ladder =
                #"{"ladderHours":[1,4,\#(720.0 * pow(2.0, 62.0))],"categories":["people_served"],"tolerance":3}"#
            try await sql.insert(into: Setting.schema).columns("id", "key", "value")
                .values(SQLBind(UUID()), SQLBind(PlanService.scaleKey), SQLBind(ladder)).run()

            let browser = Browser(app)
            #expect(try await browser.signIn("admin"))
            var paths = [
                AppPath.plan(plan.id!), .planPocket(plan.id!), .planPocketDownload(plan.id!), .planExport(plan.id!),
                .planCSV(plan.id!), .planVersions(plan.id!), .planReview(plan.id!), .impactScale,
                .planCompare(plan.id!),
                .planImpact(plan.id!, content.processes[0].id),
            ].map(\.path)
            paths += PlanSection.allCases.map { AppPath.planSection(plan.id!, $0).path }
            for path in paths {
                let response = try await browser.get(path)
                #expect(response.status == .ok, "\(path) answered \(response.status)")
            }
            let headers = try await apiHeaders("admin", app)
            for path in [
                AppPath.apiPlan(plan.id!), .apiPlanExport(plan.id!), .apiImpactScale, .apiPlanCompare(plan.id!),
            ].map(\.path) {
                let response = try await app.testing().sendRequest(.GET, path, headers: headers)
                #expect(response.status.code < 500, "\(path) answered \(response.status)")
            }
        }
    }
}

import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// The smaller findings of the security review: redirects, credentials that outlive a change,
/// error answers, a database that is away, lists wider than their items, duties kept apart.
@Suite struct EdgeTests {
    @Test func aRedirectTargetIsOnlyAPathOnThisSite() {
        // (asked for, where the person goes): written from what browsers do with a Location.
        let table: [(String?, String)] = [
            ("/plans/1", "/plans/1"), ("/units?q=KEN&page=2", "/units?q=KEN&page=2"), ("/", "/"),
            ("//evil.example/x", "/"), ("/\t/evil.example/x", "/"), ("/\\evil.example", "/"),
            ("https://evil.example", "/"),
            ("/\n/evil.example", "/"), (" /plans", "/"), ("/plans/ x", "/"), (nil, "/"), ("", "/"),
        ]
        for (raw, expected) in table { #expect(safeNext(raw) == expected, "\(String(describing: raw))") }
    }

    @Test func errorAnswersCarryTheSecurityHeaders() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("staff.coxsbazar"))
            for path in ["/no-such-page", AppPath.users.path, AppPath.plan(UUID()).path] {
                let response = try await browser.get(path)
                #expect([.notFound, .forbidden].contains(response.status), "\(path)")
                #expect(
                    response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true,
                    "\(path)")
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
            }
        }
    }

    @Test func aPasswordChangeEndsTheAPITokensToo() async throws {
        try await withTestApp { app in
            let headers = try await apiHeaders("focal.bangladesh", app)
            #expect(try await app.testing().sendRequest(.GET, AppPath.apiMe.path, headers: headers).status == .ok)
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let changed = try await browser.post(
                AppPath.accountPassword.path,
                [
                    "current": DemoData.password, "password": "a-new-long-passphrase",
                    "confirmation": "a-new-long-passphrase",
                ])
            #expect(changed.status.code < 400)
            #expect(
                try await app.testing().sendRequest(.GET, AppPath.apiMe.path, headers: headers).status == .unauthorized)
        }
    }

    @Test func sessionsOfADeactivatedAccountDoNotComeBackWithReactivation() async throws {
        try await withTestApp { app in
            let staff = Browser(app)
            #expect(try await staff.signIn("staff.coxsbazar"))
            let headers = try await apiHeaders("staff.coxsbazar", app)
            let account = try await user("staff.coxsbazar", app)
            let admin = Browser(app)
            #expect(try await admin.signIn("admin"))
            let values = ["displayName": account.displayName, "homeUnit": account.$homeUnit.id.uuidString]
            #expect(try await admin.post(AppPath.userEdit(account.id!).path, values).status == .seeOther)
            #expect(
                try await admin.post(AppPath.userEdit(account.id!).path, values.merging(["isActive": "true"]) { $1 })
                    .status == .seeOther)
            #expect(try await user("staff.coxsbazar", app).isActive)
            let page = try await staff.get(AppPath.account.path)
            #expect(page.status == .seeOther, "the old session signs in again")
            #expect(
                try await app.testing().sendRequest(.GET, AppPath.apiMe.path, headers: headers).status == .unauthorized)
        }
    }

    @Test func nobodyGrantsARoleToThemselves() async throws {
        try await withTestApp { app in
            let reviewer = try await user("reviewer.asia", app)
            let bangladesh = try await unit("BGD", app)
            let browser = Browser(app)
            #expect(try await browser.signIn("reviewer.asia"))
            let refused = try await browser.post(
                AppPath.userGrants(reviewer.id!).path, ["role": "focal_point", "unitID": bangladesh.id!.uuidString])
            #expect(refused.status == .unprocessableEntity || refused.status == .forbidden)
            let grants = try await RoleGrant.query(on: app.db).filter(\.$user.$id == reviewer.id!).filter(
                \.$role == .focalPoint
            ).count()
            #expect(grants == 0)
            // The API says why.
            let headers = try await apiHeaders("admin", app)
            let admin = try await user("admin", app)
            let api = try await app.testing().sendRequest(
                .POST, AppPath.apiUserGrants(admin.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"role":"security_officer","unitID":"\#(bangladesh.id!.uuidString)"}"#))
            #expect(api.status == .unprocessableEntity)
            #expect(api.body.string.contains("cannot_grant_self"))
        }
    }

    @Test func whoeverEditedOrSubmittedAPlanMayNotJudgeIt() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let plan = try await newestPlan("BGD", app)
            // The Asia reviewer is also given focal point of Bangladesh by the administrator,
            // edits and submits the plan, then tries to take it for review.
            let reviewer = try await user("reviewer.asia", app)
            try await RoleGrant(
                userID: reviewer.requireID(), unitID: bangladesh.requireID(), role: .focalPoint,
                grantedByID: try await user("admin", app).requireID()
            ).create(on: app.db)
            let headers = try await apiHeaders("reviewer.asia", app)
            let detail = try PlanCodec.decode(
                PlansAPIController.Detail.self,
                try await app.testing().sendRequest(.GET, AppPath.apiPlan(plan.id!).path, headers: headers).body.string)
            var content = detail.content
            content.scenarios.append(Scenario(kind: .cyber, title: "Own edit"))
            let put = try await app.testing().sendRequest(
                .PUT, AppPath.apiPlanContent(plan.id!).path, headers: headers,
                body: ByteBuffer(
                    string: PlanCodec.encode(
                        PlansAPIController.ContentBody(revision: detail.plan.revision, content: content))))
            #expect(put.status == .ok)
            let move = { (name: String, who: HTTPHeaders) in
                try await app.testing().sendRequest(
                    .POST, AppPath.apiPlanMoves(plan.id!).path, headers: who,
                    body: ByteBuffer(string: #"{"move":"\#(name)"}"#))
            }
            #expect(try await move("submit", headers).status == .ok)
            let own = try await move("take_for_review", headers)
            #expect(own.status == .unprocessableEntity)
            #expect(own.body.string.contains("own_work"))
            #expect(own.body.string.contains("someone else must review"))
            // Another reviewer of the region may.
            #expect(try await Plan.find(plan.id, on: app.db)?.state == .submitted)
        }
    }

    @Test func aStaffMemberListsOnlyTheDutyStationsTheyMayOpen() async throws {
        try await withTestApp { app in
            let headers = try await apiHeaders("staff.coxsbazar", app)
            let list = try await app.testing().sendRequest(
                .GET, AppPath.apiDutyStations.path + "?per=100", headers: headers)
            #expect(list.status == .ok)
            let page = try JSONDecoder().decode(Paged<DutyStationDTO>.self, from: Data(list.body.string.utf8))
            let all = try await DutyStation.query(on: app.db).count()
            #expect(!page.items.isEmpty)
            #expect(page.items.count < all)
            for station in page.items {
                let one = try await app.testing().sendRequest(
                    .GET, AppPath.apiDutyStation(station.id).path, headers: headers)
                #expect(one.status == .ok, "\(station.name) is listed but cannot be opened")
            }
            let browser = Browser(app)
            #expect(try await browser.signIn("staff.coxsbazar"))
            let html = try await browser.get(AppPath.dutyStations.path).body.string
            #expect(!html.contains("Dadaab"))
        }
    }

    @Test func aDatabaseThatCannotBeReachedAnswers503WithRetryAfter() async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(
                app,
                AppConfig(
                    database: .postgres(
                        url: "postgres://nobody:nothing@127.0.0.1:1/none?sslmode=disable", searchPath: nil),
                    bcryptCost: 4))
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: "some-token")
            let api = try await app.testing().sendRequest(.GET, AppPath.apiMe.path, headers: headers)
            #expect(api.status == .serviceUnavailable)
            #expect(api.headers.first(name: "Retry-After") == "10")
            #expect(api.body.string.contains("database_unavailable"))
            var cookie = HTTPHeaders()
            cookie.add(name: .cookie, value: "\(SessionAuth.cookieName)=abc")
            cookie.add(name: .acceptLanguage, value: "zh-Hans")
            let page = try await app.testing().sendRequest(.GET, AppPath.units.path, headers: cookie)
            #expect(page.status == .serviceUnavailable)
            #expect(page.body.string.contains("暂时无法连接数据库"))
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

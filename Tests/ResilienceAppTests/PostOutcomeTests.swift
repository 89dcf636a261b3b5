import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Every post tells the person what happened, once, on the page it leads to; a form sent twice (a
/// double click, a reload on a slow link) saves once.
@Suite struct PostOutcomeTests {
    func processes(_ plan: Plan, _ app: Application) async throws -> [CriticalProcess] {
        let stored = try #require(try await Plan.find(plan.id, on: app.db))
        return try PlanCodec.decode(PlanContent.self, stored.content).processes
    }

    /// The `_once` value of the first form on a page that posts to `action`.
    func once(_ page: String, action: String) throws -> String {
        let form = try #require(page.range(of: "action=\"\(action)\"").map { page[$0.upperBound...] })
        let field = try #require(form.range(of: "name=\"_once\" value=\""))
        return String(form[field.upperBound...].prefix { $0 != "\"" })
    }

    @Test(arguments: [
        ("en", "“Fuel distribution” added.", "This form had already been sent: it was saved once, not twice."),
        ("zh-Hans", "已添加“Fuel distribution”。", "此表单已提交过：只保存了一次，没有重复保存。"),
    ])
    func anAddSaysSoOnceAndTheSameFormSentAgainAddsNothing(
        language: String, added: String, repeated: String
    )
        async throws
    {
        try await withTestApp { app in
            let browser = Browser(app)
            browser.language = language
            #expect(try await browser.signIn("focal.bangladesh"))
            let plan = try await newestPlan("BGD", app)
            let section = AppPath.planSection(plan.id!, .processes).path
            let before = try await processes(plan, app).count
            let page = try await browser.get(section).body.string
            let token = try once(page, action: section)
            #expect(token.count >= 16)
            // Each page load gives its forms a fresh value.
            #expect(try once(try await browser.get(section).body.string, action: section) != token)
            let form = [
                "name": "Fuel distribution", "criteria-enabling_functions": "true",
                "classification": "remote_in_country", "minimumStaffCount": "1", "staff-0-name": "Jamal Uddin",
                "_once": token,
            ]
            let first = try await browser.post(section, form)
            #expect(first.status == .seeOther)
            let location = try #require(first.headers.first(name: .location))
            // The list, at the row of the process just added.
            let new = try #require(try await processes(plan, app).last)
            #expect(location == section + "#item-\(new.id.uuidString.lowercased())")
            let shown = try await browser.get(location).body.string
            #expect(shown.contains(added) && shown.contains(#"<tr id="item-\#(new.id.uuidString.lowercased())">"#))
            // Said once: the next page does not say it again.
            #expect(!(try await browser.get(location).body.string.contains(added)))
            // The same form again: sent where the first led, told so, and nothing added twice.
            let again = try await browser.post(section, form)
            #expect(again.status == .seeOther && again.headers.first(name: .location) == location)
            #expect(try await browser.get(location).body.string.contains(repeated))
            #expect(try await processes(plan, app).count == before + 1)
            // A new form (a new value) adds again: the rule is about repeats, not about names.
            var next = form
            next["_once"] = try once(try await browser.get(section).body.string, action: section)
            #expect(try await browser.post(section, next).status == .seeOther)
            #expect(try await processes(plan, app).count == before + 2)
        }
    }

    @Test func aRefusedPostGivesItsClaimUpSoThatSendingItAgainRunsIt() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let plan = try await newestPlan("BGD", app)
            let section = AppPath.planSection(plan.id!, .processes).path
            let token = try once(try await browser.get(section).body.string, action: section)
            let refused = try await browser.post(section, ["name": "", "_once": token])
            #expect(refused.status == .unprocessableEntity)
            #expect(!refused.body.string.contains("already been sent"))
            let again = try await browser.post(section, ["name": "", "_once": token])
            #expect(again.status == .unprocessableEntity)
            #expect(!again.body.string.contains("already been sent"))
        }
    }

    @Test func aReviewMoveSaysWhatItDid() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("reviewer.mena"))
            // The demo's Lebanon plan waits for a reviewer to take it.
            let plan = try await newestPlan("LBN", app)
            #expect(plan.state == .submitted)
            let moved = try await browser.post(AppPath.planReview(plan.id!).path, ["move": "take_for_review"])
            #expect(moved.status == .seeOther)
            let page = try await browser.get(try #require(moved.headers.first(name: .location))).body.string
            #expect(page.contains("Taken for review."))
        }
    }

    /// Twelve hours without use end a session; the form sent then is kept, the sign-in page says
    /// why, and signing in again sends it, as that person: the process is added once.
    @Test func aFormSentAfterTheSessionEndedIsSentAtSignInAgain() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let plan = try await newestPlan("BGD", app)
            let section = AppPath.planSection(plan.id!, .processes).path
            let before = try await processes(plan, app).count
            let token = try once(try await browser.get(section).body.string, action: section)
            app.clock.set(app.clock.now.addingTimeInterval(SessionAuth.idleLifetime + 60))
            let form = [
                "name": "Water trucking", "criteria-enabling_functions": "true", "classification": "remote_in_country",
                "minimumStaffCount": "1", "staff-0-name": "Jamal Uddin", "_once": token,
            ]
            let refused = try await browser.post(section, form)
            #expect(refused.status == .seeOther)
            let signIn = try #require(refused.headers.first(name: .location))
            #expect(signIn.hasPrefix(AppPath.signIn.path) && signIn.contains("held=1"))
            #expect(try await processes(plan, app).count == before)
            let page = try await browser.get(signIn).body.string
            #expect(page.contains("what you just sent has not been saved yet"))
            // Someone else signing in in this browser does not send it as theirs.
            let other = Browser(app)
            other.cookies = browser.cookies
            #expect(try await other.signIn("contributor.bangladesh"))
            #expect(try await processes(plan, app).count == before)
            // Signing in again as the sender sends it: it is added, once, and said.
            let again = Browser(app)
            again.cookies = browser.cookies
            let sent = try await again.post(
                AppPath.signIn.path, ["username": "focal.bangladesh", "password": DemoData.password, "next": section])
            #expect(sent.status == .seeOther)
            #expect(try await processes(plan, app).count == before + 1)
            let shown = try await again.get(try #require(sent.headers.first(name: .location))).body.string
            #expect(shown.contains("“Water trucking” added."))
            #expect(again.cookies[HeldPost.cookieName] == nil)
        }
    }

    @Test func aFormRefusedAfterSignInAgainComesBackFilledWithWhatToFix() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            browser.language = "zh-Hans"
            #expect(try await browser.signIn("focal.bangladesh"))
            let plan = try await newestPlan("BGD", app)
            let section = AppPath.planSection(plan.id!, .processes).path
            app.clock.set(app.clock.now.addingTimeInterval(SessionAuth.idleLifetime + 60))
            let refused = try await browser.post(section, ["name": "Water trucking", "minimumStaffCount": "-2"])
            let signIn = try #require(refused.headers.first(name: .location))
            #expect(try await browser.get(signIn).body.string.contains("刚才提交的内容尚未保存"))
            let filled = try await browser.post(
                AppPath.signIn.path, ["username": "focal.bangladesh", "password": DemoData.password, "next": section])
            #expect(filled.status == .unprocessableEntity)
            #expect(filled.body.string.contains(#"value="Water trucking""#) && filled.body.string.contains("不能小于 0。"))
        }
    }
}

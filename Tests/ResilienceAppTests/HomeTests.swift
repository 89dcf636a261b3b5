import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// The home page shows each person what needs them, from their grants, with the next forward step
/// as the button.
@Suite struct HomeTests {
    func home(_ username: String, _ app: Application, language: String = "en") async throws -> String {
        let browser = Browser(app)
        browser.language = language
        #expect(try await browser.signIn(username))
        return try await browser.get(AppPath.home.path).body.string
    }

    @Test func aFocalPointSeesTheirPlanOverdueByItsDaysAndTheNextStep() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let inForce = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == bangladesh.id!).filter(\.$state == .inForce)
                    .first())
            // DOMAIN.md: due again twelve months after approval.
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let due = utc.date(byAdding: .month, value: 12, to: try #require(inForce.approvedAt))!
            let days = Int(app.clock.now.timeIntervalSince(due) / 86_400)
            #expect(days > 1)
            let draft = try await newestPlan("BGD", app)
            var page = try await home("focal.bangladesh", app)
            #expect(page.contains("The plan in force is overdue by \(days) days: update it now."))
            #expect(page.contains("Plan \(draft.cycle) (draft) is ready to submit for regional review."))
            #expect(
                page.contains(
                    #"<a class="button" href="\#(AppPath.planReview(draft.id!).path)">Submit for regional review</a>"#))
            // A process without ratings or RTO: two errors to fix first, and the button leads to them.
            try await PlanService.change(draft, by: app.systemContext, on: app.db) {
                $0.processes.append(CriticalProcess(name: "Fuel distribution"))
                return ("add", "", "")
            }
            page = try await home("focal.bangladesh", app)
            #expect(page.contains("errors to fix before it can be submitted."))
            #expect(page.contains(#"<a class="button" href="\#(AppPath.plan(draft.id!).path)">Fix the errors</a>"#))
            #expect(try await home("focal.bangladesh", app, language: "zh-Hans").contains("现行计划已逾期 \(days) 天"))
        }
    }

    @Test func aReviewerSeesTheirQueueAManagerTheirsHQTheFiguresAnOfficerTheRegister() async throws {
        try await withTestApp { app in
            // Myanmar's plan is in regional review in the demo; Lebanon's submitted (another region).
            let myanmar = try await newestPlan("MMR", app)
            let asia = try await home("reviewer.asia", app)
            #expect(asia.contains("1 plan waits for review."))
            #expect(asia.contains(#"href="\#(AppPath.planReview(myanmar.id!).path)">Myanmar · Plan \#(myanmar.cycle)"#))
            #expect(try await home("reviewer.mena", app).contains("1 plan waits for review."))
            #expect(try await home("manager.bangladesh", app).contains("No plan waits for your approval."))
            let hq = try await home("hq.oversight", app)
            let planning = try await ResilienceApp.Unit.query(on: app.db).filter(
                \.$kind ~~ [.countryOperation, .office]
            )
            .filter(\.$retiredAt == nil).count()
            #expect(hq.contains("\(planning) units keep a plan.") && hq.contains(AppPath.oversight.path))
            // A risk whose review date has passed is due for review.
            let kenya = try await unit("KEN", app)
            try await RiskService.save(
                nil, at: kenya,
                [
                    "kind": "security", "title": "Road ambush", "likelihood": "3", "impact": "4",
                    "review_date": PlanChecks.isoDay(app.clock.now.addingTimeInterval(-2 * 86_400)),
                ], by: app.systemContext, on: app.db)
            let officer = try await home("security.kenya", app)
            #expect(officer.contains("1 risk open.") && officer.contains("1 is due for review: review it."))
        }
    }

    @Test func afterSubmittingWithdrawIsNotThePrimaryButtonAndHomeSaysItWaits() async throws {
        try await withTestApp { app in
            let draft = try await newestPlan("BGD", app)
            let browser = Browser(app)
            #expect(try await browser.signIn("focal.bangladesh"))
            let overview = try await browser.get(AppPath.plan(draft.id!).path).body.string
            #expect(overview.contains(">Your move: Submit for regional review</a>"))
            #expect(try await browser.post(AppPath.planReview(draft.id!).path, ["move": "submit"]).status == .seeOther)
            let submitted = try await browser.get(AppPath.plan(draft.id!).path).body.string
            #expect(!submitted.contains("Your move: Withdraw"))
            #expect(submitted.contains(#"<a class="button secondary" href="\#(AppPath.planReview(draft.id!).path)">"#))
            let home = try await browser.get(AppPath.home.path).body.string
            #expect(home.contains("is submitted: it waits for the regional review."))
            #expect(!home.contains(#"<a class="button" href"#))
        }
    }
}

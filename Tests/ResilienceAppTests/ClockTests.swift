import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// The application reads one clock: a test puts the system at a date and moves it, with no waiting.
@Suite struct ClockTests {
    static func day(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text + "T09:00:00Z")!
    }

    @Test func aPlanApprovedOnFirstMarchIsOverdueOnSecondMarchNextYearAndTheReminderGoesOnce() async throws {
        try await withTestApp { app in
            let plan = try await newestPlan("BGD", app)
            let move = { (name: String, who: String) in
                try await app.testing().sendRequest(
                    .POST, AppPath.apiPlanMoves(plan.id!).path, headers: try await apiHeaders(who, app),
                    body: ByteBuffer(string: #"{"move":"\#(name)"}"#))
            }
            let standing = {
                try await app.testing().sendRequest(
                    .GET, AppPath.apiPlanReview(plan.id!).path, headers: try await apiHeaders("focal.bangladesh", app)
                ).body.string
            }
            // DOMAIN.md: a plan is due again twelve months after its approval.
            app.clock.set(Self.day("2027-02-20"))
            #expect(try await move("submit", "focal.bangladesh").status == .ok)
            #expect(try await move("take_for_review", "reviewer.asia").status == .ok)
            #expect(try await move("endorse", "reviewer.asia").status == .ok)
            app.clock.set(Self.day("2027-03-01"))
            #expect(try await move("approve", "manager.bangladesh").status == .ok)
            let approved = try #require(try await Plan.find(plan.id, on: app.db))
            #expect(approved.approvedAt == Self.day("2027-03-01"))
            #expect(try await standing().contains(#""standing":"current""#))

            app.clock.set(Self.day("2028-02-15"))
            #expect(try await standing().contains(#""standing":"due_soon""#))
            app.clock.set(Self.day("2028-03-02"))
            #expect(try await standing().contains(#""standing":"overdue""#))

            // The hourly run, twice on the same day: the overdue reminder goes once.
            try await OversightService.hourly(app)
            app.clock.advance(by: 3600)
            try await OversightService.hourly(app)
            let focal = try await user("focal.bangladesh", app)
            let reminders = try await InboxItem.query(on: app.db).filter(\.$user.$id == focal.requireID())
                .filter(\.$kind == "plan_overdue").all()
            #expect(reminders.filter { $0.link == AppPath.plan(plan.id!).path }.count == 1)
        }
    }
}

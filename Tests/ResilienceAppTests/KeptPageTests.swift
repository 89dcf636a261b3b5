import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// A kept page changes when something it shows changes.
@Suite struct KeptPageTests {
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

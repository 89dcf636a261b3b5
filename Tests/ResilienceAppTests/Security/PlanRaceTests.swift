import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Two people acting on one plan at the same moment never leave it in a state neither meant.
@Suite struct PlanRaceTests {
    @Test func aSaveRacingASubmissionNeverChangesTheSubmittedPlan() async throws {
        try await withTestApp { app in
            let plan = try await newestPlan("BGD", app)
            let focal = try await apiHeaders("focal.bangladesh", app)
            let contributor = try await apiHeaders("contributor.bangladesh", app)
            var submittedTries = 0
            // 25 races at least, and more (up to 200) until one has reached a submitted plan: which
            // of the two lands first depends on the machine's load.
            var attempt = 0
            while attempt < 25 || (submittedTries == 0 && attempt < 200) {
                defer { attempt += 1 }
                let read = try PlanCodec.decode(
                    PlansAPIController.Detail.self,
                    try await app.testing().sendRequest(.GET, AppPath.apiPlan(plan.id!).path, headers: contributor).body
                        .string)
                #expect(read.plan.state == ReviewState.draft.rawValue)
                var edited = read.content
                edited.scenarios.append(Scenario(kind: .cyber, title: "Race \(attempt)"))
                let body = PlanCodec.encode(
                    PlansAPIController.ContentBody(revision: read.plan.revision, content: edited))
                async let save = app.testing().sendRequest(
                    .PUT, AppPath.apiPlanContent(plan.id!).path, headers: contributor,
                    body: ByteBuffer(string: body))
                async let submit = app.testing().sendRequest(
                    .POST, AppPath.apiPlanMoves(plan.id!).path, headers: focal,
                    body: ByteBuffer(string: #"{"move":"submit"}"#))
                let (saved, submitted) = try await (save, submit)
                #expect(saved.status.code < 500 && submitted.status.code < 500)
                let now = try #require(try await Plan.find(plan.id, on: app.db))
                if now.state == .submitted {
                    submittedTries += 1
                    // What is under review is exactly what the working copy holds.
                    let version = try #require(
                        try await PlanVersion.query(on: app.db).filter(\.$plan.$id == plan.id!)
                            .filter(\.$number == now.latestVersion).first())
                    #expect(
                        version.content == now.content,
                        "attempt \(attempt): the submitted plan differs from its version")
                    let back = try await app.testing().sendRequest(
                        .POST, AppPath.apiPlanMoves(plan.id!).path, headers: focal,
                        body: ByteBuffer(string: #"{"move":"withdraw"}"#))
                    #expect(back.status == .ok)
                }
            }
            // The races did reach a submitted plan to compare (the check above is not vacuous).
            #expect(submittedTries > 0)
        }
    }

    @Test func aContentReplacementWithoutTheRevisionItReadIsRefused() async throws {
        try await withTestApp { app in
            let plan = try await newestPlan("BGD", app)
            let headers = try await apiHeaders("focal.bangladesh", app)
            let content = try PlanCodec.decode(PlanContent.self, plan.content)
            let response = try await app.testing().sendRequest(
                .PUT, AppPath.apiPlanContent(plan.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"content":\#(PlanCodec.encode(content))}"#))
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("revision"))
            #expect(try await Plan.find(plan.id, on: app.db)?.revision == plan.revision)
        }
    }
}

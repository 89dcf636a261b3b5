import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// What the travel tests share, with the demo's Kenya: Garissa (Dadaab) at level 5, Nairobi at 2.
protocol TravelTesting {}

extension TravelTesting {
    /// `2026-01-05T06:00`-style times, `hours` from now, as the trip form takes them.
    func at(_ app: Application, _ hours: Double) -> String {
        TravelPages.local(app.clock.now.addingTimeInterval(hours * 3600))
    }

    /// Chen Ming (BD-0002, account focal.bangladesh): a trip Dhaka → Dadaab → Dhaka, by road so
    /// that no flight rule enters.
    func form(_ app: Application, from: Double = 24, purpose: String = "Visit") -> [String: String] {
        [
            "purpose": purpose, "leg1_from": "Dhaka", "leg1_to": "Dadaab", "leg1_departs": at(app, from),
            "leg1_arrives": at(app, from + 10), "leg1_means": "road", "leg2_from": "Dadaab", "leg2_to": "Dhaka",
            "leg2_departs": at(app, from + 72), "leg2_arrives": at(app, from + 82), "leg2_means": "road",
        ]
    }

    func chen(_ app: Application) async throws -> Personnel {
        try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "BD-0002").first())
    }

    func latest(_ p: Personnel, _ app: Application) async throws -> TravelRequest {
        try #require(
            try await TravelRequest.query(on: app.db).filter(\.$personnel.$id == p.requireID())
                .sort(\.$createdAt, .descending).sort(\.$id).first())
    }

    func acknowledgements(_ r: TravelRequest, _ app: Application) async throws -> [String: String] {
        let facts = try await TravelFacts.of(
            r, legs: try await TravelService.legs(of: r, on: app.db), at: app.clock.now, on: app.db)
        return Dictionary(uniqueKeysWithValues: facts.advisories.map { ("ack-\($0.id!.uuidString)", "true") })
    }

    /// Kenya's area `name` put at `level` (every threat rated so), proposed and approved by the
    /// East Africa regional security desk today.
    func approveLevel(_ level: Int, of name: String, _ app: Application) async throws {
        let area = try #require(
            try await SecurityArea.query(on: app.db).filter(\.$country == "KE").all().first {
                $0.name(in: "en") == name
            })
        let proposal = try await SecurityLevelService.propose(
            for: area,
            LevelProposalInput(
                threats: Dictionary(uniqueKeysWithValues: ThreatCategory.allCases.map { ($0.rawValue, String(level)) }),
                reason: "Reviewed", effectiveOn: PlanChecks.isoDay(app.clock.now)), by: app.systemContext, on: app.db)
        let desk = try await user("desk.ehagl", app)
        let region = try await unit("RB-EHAGL", app)
        try await SecurityLevelService.decide(
            proposal, .approve, reason: nil,
            by: Actor(
                id: desk.id!, username: desk.username, displayName: desk.displayName, language: nil,
                homeUnitID: region.id!, grants: [Grant(role: .regionalSecurityDesk, unitID: region.id!)]),
            context: app.systemContext, on: app.db)
    }
}

import Fluent
import Foundation
import ResilienceCore

/// The demo's security levels, proposed by Kenya's security officer and approved by the East
/// Africa regional security desk as people would: Kenya's three areas at levels 2, 3 and 5 (the
/// level 2 one past its review), Ethiopia's at 2 to 4.
enum DemoSecurity {
    struct Level {
        var area: String; var threats: [Int]; var daysAgo: Double; var reason: String
    }

    static let levels: [Level] = [
        // Nairobi's review is overdue: approved 200 days ago, six months' interval.
        .init(
            area: "Nairobi", threats: [1, 2, 2, 2, 1], daysAgo: 200,
            reason: "Crime and occasional protests in the capital; no armed conflict."),
        .init(
            area: "Turkana", threats: [2, 1, 3, 2, 3], daysAgo: 60,
            reason: "Cattle raids and banditry on the roads to Kakuma; drought."),
        // Garissa went from 4 to 5 after attacks on the Dadaab road.
        .init(
            area: "Garissa", threats: [3, 4, 3, 2, 2], daysAgo: 330,
            reason: "Cross-border militant activity near Dadaab."),
        .init(
            area: "Garissa", threats: [3, 5, 3, 2, 2], daysAgo: 30,
            reason: "Two improvised explosive devices on the Dadaab–Garissa road this month."),
        .init(area: "Addis Ababa", threats: [1, 2, 2, 2, 1], daysAgo: 90, reason: "Stable; petty crime."),
        .init(
            area: "Gambella", threats: [4, 1, 3, 3, 2], daysAgo: 45, reason: "Inter-communal clashes near the camps."),
        .init(
            area: "Somali", threats: [2, 3, 2, 2, 3], daysAgo: 75, reason: "Drought and sporadic militant incursions."),
    ]

    static func load(on db: any Database, now: Date) async throws {
        guard let officer = try await User.query(on: db).filter(\.$username == "security.kenya").first(),
            let desk = try await User.query(on: db).filter(\.$username == "desk.ehagl").first(),
            let region = try await Unit.query(on: db).filter(\.$code == "RB-EHAGL").first()
        else { return }
        let deskActor = Actor(
            id: try desk.requireID(), username: desk.username, displayName: desk.displayName, language: nil,
            homeUnitID: try region.requireID(),
            grants: [Grant(role: .regionalSecurityDesk, unitID: try region.requireID())])
        let areas = try await SecurityArea.query(on: db).filter(\.$country ~~ ["KE", "ET"]).all()
        for level in levels {
            guard let area = areas.first(where: { $0.name(in: "en") == level.area }) else { continue }
            let at = now.addingTimeInterval(-level.daysAgo * 86_400)
            var threats: [String: String] = [:]
            for (c, rating) in zip(ThreatCategory.allCases, level.threats) { threats[c.rawValue] = String(rating) }
            let proposal = try await SecurityLevelService.propose(
                for: area,
                LevelProposalInput(threats: threats, reason: level.reason, effectiveOn: PlanChecks.isoDay(at)),
                by: area.country == "KE"
                    ? AuditContext(actorID: officer.id, actorName: officer.username, at: at.addingTimeInterval(-86_400))
                    : .system(at: at.addingTimeInterval(-86_400)),
                on: db)
            try await SecurityLevelService.decide(
                proposal, .approve, reason: nil, by: deskActor,
                context: AuditContext(actorID: desk.id, actorName: desk.username, at: at), on: db)
        }
    }
}

import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// No page of the demo shows a person a catalogue key, an internal code or a `snake_case` word, in
/// either language: every page a focal point, a reviewer and an administrator reach, read as text.
@Suite struct NoCodesTests {
    /// The text a person reads: without markup, scripts and styles.
    static func visibleText(_ html: String) -> String {
        var text = html
        // A form's text areas hold what people typed (HQ's scale names its categories by code).
        for pattern in [
            #"<script[\s\S]*?</script>"#, #"<style[\s\S]*?</style>"#, #"<textarea[\s\S]*?</textarea>"#, #"<[^>]+>"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
    }

    /// What should not be there: snake_case words and catalogue keys.
    static func codes(in text: String, keys: Set<String>) -> [String] {
        let snake = text.matches(of: #/\b[a-z]+(?:_[a-z0-9]+)+\b/#).map { String($0.output) }
        let dotted = text.matches(of: #/\b[a-z_]+(?:\.[a-z0-9_]+)+\b/#).map { String($0.output) }
            .filter { keys.contains($0) }
        return snake + dotted
    }

    func pages(_ app: Application) async throws -> [(who: String, path: String)] {
        let bangladesh = try await unit("BGD", app), asia = try await unit("RB-AP", app)
        let draft = try await newestPlan("BGD", app), myanmar = try await newestPlan("MMR", app)
        let content = try PlanCodec.decode(PlanContent.self, draft.content)
        let inForce = try #require(
            try await Plan.query(on: app.db).filter(\.$unit.$id == bangladesh.id!).filter(\.$state == .inForce).first())
        let station = try #require(try await DutyStation.query(on: app.db).first())
        let focal = try await user("focal.bangladesh", app)
        let risk = try await Risk.query(on: app.db).filter(\.$unitID == bangladesh.id!).first()
        var focalPages: [AppPath] = [
            .home, .inbox, .account, .accountTokens, .unit(bangladesh.id!), .unitPlans(bangladesh.id!),
            .plan(draft.id!), .planReview(draft.id!), .planVersions(inForce.id!), .planPocket(draft.id!),
            .unitRisks(bangladesh.id!), .unitActivations(bangladesh.id!), .plan(inForce.id!),
            .planReview(inForce.id!),
        ]
        focalPages += PlanSection.allCases.map { .planSection(draft.id!, $0) }
        focalPages += content.team.prefix(1).map { .planItem(draft.id!, .team, $0.id) }
        focalPages += content.processes.prefix(2).flatMap {
            [.planItem(draft.id!, .processes, $0.id), .planImpact(draft.id!, $0.id)]
        }
        focalPages += content.sites.prefix(1).map { .planItem(draft.id!, .sites, $0.id) }
        focalPages += content.agreements.prefix(1).map { .planItem(draft.id!, .agreements, $0.id) }
        focalPages += content.exercises.prefix(1).map { .planItem(draft.id!, .exercises, $0.id) }
        focalPages += content.scenarios.prefix(1).map { .planItem(draft.id!, .scenarios, $0.id) }
        if let risk { focalPages.append(.unitRisk(bangladesh.id!, risk.id!)) }
        let myanmarContent = try PlanCodec.decode(PlanContent.self, myanmar.content)
        var reviewerPages: [AppPath] = [
            .home, .unitDashboard(asia.id!), .unitCompliance(asia.id!), .planReview(myanmar.id!), .plan(myanmar.id!),
        ]
        reviewerPages += PlanSection.allCases.map { .planSection(myanmar.id!, $0) }
        reviewerPages += myanmarContent.processes.prefix(1).map { .planItem(myanmar.id!, .processes, $0.id) }
        reviewerPages += myanmarContent.sites.prefix(1).map { .planItem(myanmar.id!, .sites, $0.id) }
        let adminPages: [AppPath] = [
            .home, .units, .unit(asia.id!), .dutyStations, .dutyStation(station.id!), .users, .user(focal.id!),
            .audit, .oversight, .impactScale, .riskScale, .unitCampaigns(asia.id!),
        ]
        // Personnel and the demo's closed roll-call, as Kenya's security officer reads them.
        let kenya = try await unit("KEN", app)
        let person = try #require(try await Personnel.query(on: app.db).filter(\.$indexNumber == "KE-0101").first())
        let call = try #require(try await RollCall.query(on: app.db).first())
        let officerPages: [String] = [
            AppPath.home.path, AppPath.unitPersonnel(kenya.id!).path, AppPath.personnel(person.id!).path,
            AppPath.unitReconciliation(kenya.id!).path, AppPath.unitRollCalls(kenya.id!).path,
            AppPath.rollCall(call.id!).with([("status", "all")]), AppPath.indicators.path,
        ]
        return focalPages.map { ("focal.bangladesh", $0.path) } + reviewerPages.map { ("reviewer.asia", $0.path) }
            + adminPages.map { ("admin", $0.path) } + officerPages.map { ("security.kenya", $0) }
            + [("hr.kenya", AppPath.home.path), ("staff.coxsbazar", AppPath.home.path)]
            + [("focal.bangladesh", AppPath.planCompare(draft.id!).with([("from", "in_force"), ("to", "draft")]))]
    }

    @Test(arguments: ["en", "zh-Hans"])
    func noPageShowsACodeAKeyOrASnakeCaseWord(language: String) async throws {
        try await withTestApp { app in
            // Something in the audit trail of every kind: a plan saved, a role granted and revoked.
            let draft = try await newestPlan("BGD", app)
            try await PlanService.change(draft, by: app.systemContext, on: app.db) {
                $0.processes[0].rtoHours = 6
                return ("processes: \($0.processes[0].name)", "{\"rtoHours\":8}", "{\"rtoHours\":6}")
            }
            let keys = Catalogue.shared.keys(of: language).union(
                Catalogue.shared.keys(of: language).compactMap { Catalogue.pluralBase($0).map(String.init) })
            var browsers: [String: Browser] = [:]
            var found: [String] = []
            for (who, path) in try await pages(app) {
                let browser: Browser
                if let signedIn = browsers[who] {
                    browser = signedIn
                } else {
                    browser = Browser(app)
                    browser.language = language
                    #expect(try await browser.signIn(who))
                    browsers[who] = browser
                }
                let response = try await browser.get(path)
                #expect(response.status == .ok, "\(who) \(path)")
                let codes = Self.codes(in: Self.visibleText(response.body.string), keys: keys)
                if !codes.isEmpty { found.append("\(path): \(Set(codes).sorted().prefix(8))") }
            }
            #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        }
    }
}

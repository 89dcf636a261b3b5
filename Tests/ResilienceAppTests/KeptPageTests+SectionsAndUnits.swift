import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Kept pages of plans' sections and of the organization tree (see `KeptPageTests`).
extension KeptPageTests {
    /// A section's page, kept for its editor: a save, a risk linked to a process, the unit's new
    /// name, and a new account and a new personnel record (offered as minimum staff) each show.
    @Test func aSectionPageShowsEveryChangeOfWhatItShows() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let draft = try await newestPlan("BGD", app)
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            let page = AppPath.planSection(draft.id!, .processes).path
            func shows(_ text: String) async throws -> Bool { try await focal.get(page).body.string.contains(text) }
            let processName = "Payroll run for national staff"
            #expect(!(try await shows(processName)))
            try await PlanService.change(
                try #require(try await PlanService.find(draft.requireID(), on: app.db)), by: app.systemContext,
                on: app.db
            ) { content in
                content.processes[0].name = processName
                return ("processes", "", "")
            }
            #expect(try await shows(processName))

            let process = try #require(try await PlanService.find(draft.requireID(), on: app.db))
            let processID = try await PlanService.snapshot(process, now: app.clock.now, kept: app.kept, on: app.db)
                .content.processes[0].id
            let riskTitle = "Bank closures during hartal"
            #expect(!(try await shows(riskTitle)))
            _ = try await RiskService.save(
                nil, at: bangladesh,
                [
                    "kind": "security", "title": riskTitle, "likelihood": "3", "impact": "4",
                    "processes-\(processID.uuidString)": "true",
                ],
                by: app.systemContext, on: app.db)
            #expect(try await shows(riskTitle))

            #expect(!(try await shows("Bangladesh Country Operation")))
            try await UnitService.update(
                bangladesh, UnitInput(name: "Bangladesh Country Operation", code: "BGD"), by: app.systemContext,
                on: app.db)
            #expect(try await shows("Bangladesh Country Operation"))

            #expect(!(try await shows("Farzana Rahman")))
            _ = try await AccountService.create(
                AccountInput(
                    username: "farzana.rahman", displayName: "Farzana Rahman", email: nil,
                    password: "a long passphrase 2026",
                    confirmation: "a long passphrase 2026", homeUnitID: bangladesh.id!.uuidString),
                by: app.systemContext, on: app.db, hasher: app.password.sync, allowedUnit: { _ in true })
            #expect(try await shows("Farzana Rahman"))

            let station = try #require(
                try await DutyStation.query(on: app.db).filter(\.$unit.$id == bangladesh.id!).first())
            #expect(!(try await shows("Tahmina Sultana")))
            _ = try await PersonnelService.create(
                [
                    "name": "Tahmina Sultana", "index_number": "BD-0999", "category": "national",
                    "duty_station": station.id!.uuidString,
                ], within: bangladesh, by: app.systemContext, on: app.db)
            #expect(try await shows("Tahmina Sultana"))
        }
    }

    /// A unit's page and the search of units, kept: a child renamed, a duty station added, its
    /// area renamed, and an account posted there each show at once.
    @Test func aUnitsPageAndTheSearchShowEveryChangeOfWhatTheyShow() async throws {
        try await withTestApp { app in
            let kenya = try await unit("KEN", app)
            let admin = Browser(app)
            #expect(try await admin.signIn("admin"))
            let page = AppPath.unit(kenya.id!).path
            let search = AppPath.units.path + "?q=Dadaab"
            func shows(_ path: String, _ text: String) async throws -> Bool {
                try await admin.get(path).body.string.contains(text)
            }
            let people = try await User.query(on: app.db).filter(\.$homeUnit.$id == kenya.id!).count()
            #expect(try await shows(page, "People posted here (\(people))"))

            let dadaab = try await unit("KEN-DAD", app)
            for path in [page, search] { #expect(!(try await shows(path, "Dadaab Refugee Complex Office")), "\(path)") }
            try await UnitService.update(
                dadaab, UnitInput(name: "Dadaab Refugee Complex Office", code: "KEN-DAD"), by: app.systemContext,
                on: app.db)
            for path in [page, search] { #expect(try await shows(path, "Dadaab Refugee Complex Office"), "\(path)") }

            #expect(!(try await shows(page, "Lodwar")))
            let station = try await DutyStationService.create(
                at: kenya,
                DutyStationInput(
                    name: "Lodwar", country: "KE", area: "Turkana", latitude: "3.12", longitude: "35.60"),
                by: app.systemContext, on: app.db)
            let withLodwar = try await admin.get(page).body.string
            #expect(withLodwar.contains("Lodwar") && withLodwar.contains("Turkana"))

            let area = try #require(try await SecurityArea.find(station.$area.id, on: app.db))
            try await SecurityAreaService.rename(
                area, SecurityAreaInput(names: ["en": "Turkana County", "zh-Hans": "图尔卡纳郡"]),
                by: app.systemContext, on: app.db)
            #expect(try await shows(page, "Turkana County"))

            _ = try await AccountService.create(
                AccountInput(
                    username: "mercy.wambui", displayName: "Mercy Wambui", email: nil,
                    password: "a long passphrase 2026", confirmation: "a long passphrase 2026",
                    homeUnitID: kenya.id!.uuidString),
                by: app.systemContext, on: app.db, hasher: app.password.sync, allowedUnit: { _ in true })
            #expect(try await shows(page, "People posted here (\(people + 1))"))
        }
    }
}

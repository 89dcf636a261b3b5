import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// The joint risk register as a focal point and a security officer keep it.
@Suite struct RiskTests {
    func count(_ unit: ResilienceApp.Unit, _ app: Application) async throws -> Int {
        try await Risk.query(on: app.db).filter(\.$unitID == unit.requireID()).count()
    }

    @Test func risksAreAddedRatedOnTheMatrixAndListedByCell() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            let path = AppPath.unitRisks(bangladesh.id!).path
            var response = try await focal.post(
                path, ["kind": "security", "title": "", "likelihood": "9", "impact": "3", "residual_likelihood": "2"])
            #expect(response.status == .unprocessableEntity)
            #expect(
                response.body.string.contains("This field is required.") && response.body.string.contains("Rate from 1")
            )
            #expect(try await count(bangladesh, app) == 0)
            response = try await focal.post(
                path,
                [
                    "kind": "security", "title": "Armed robbery on the Teknaf road", "likelihood": "4", "impact": "5",
                    "residual_likelihood": "2", "residual_impact": "4", "status": "open",
                    "source": "security_risk_assessment",
                    "review_date": OversightService.day(Date().addingTimeInterval(60 * 86_400)),
                ])
            #expect(response.status == .seeOther)
            let risk = try #require(
                try await Risk.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first())
            #expect(
                RiskMatrix.standard.level(risk.inherent) == .veryHigh
                    && RiskMatrix.standard.level(risk.residual!) == .medium)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "risk").filter(
                    \.$unitID == bangladesh.requireID()
                ).count() == 1)
            // The heat map's cell lists its risks; another cell lists none.
            var page = try await focal.get(
                AppPath.unitRisks(bangladesh.id!).with([("rating", "inherent"), ("l", "4"), ("i", "5")])
            ).body.string
            #expect(page.contains("likelihood 4 × impact 5: 1 risk.") && page.contains("Armed robbery"))
            page = try await focal.get(
                AppPath.unitRisks(bangladesh.id!).with([("rating", "residual"), ("l", "4"), ("i", "5")])
            ).body.string
            #expect(!page.contains(">Armed robbery"))
            // Filters narrow the list: by kind, by level before treatment.
            #expect(
                try await focal.get(AppPath.unitRisks(bangladesh.id!).with([("kind", "medical")])).body.string.contains(
                    "0 risks."))
            #expect(
                try await focal.get(AppPath.unitRisks(bangladesh.id!).with([("level", "very_high")])).body.string
                    .contains(">Armed robbery"))
            #expect(
                try await focal.get(AppPath.unitRisks(bangladesh.id!).with([("level", "low")])).body.string.contains(
                    "0 risks."))
            // The region's register rolls it up.
            let region = try await unit("RB-AP", app)
            #expect(try await focal.get(AppPath.unitRisks(region.id!).path).status == .forbidden)
            // The unit of the path is read with the person asking: one that does not exist is not found, for pages and the API.
            #expect(try await focal.get(AppPath.unitRisks(UUID()).path).status == .notFound)
            let api = try await app.testing().sendRequest(
                .GET, AppPath.apiUnitRisks(UUID()).path, headers: try await apiHeaders("focal.bangladesh", app))
            #expect(api.status == .notFound)
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.asia"))
            page = try await reviewer.get(AppPath.unitRisks(region.id!).path).body.string
            #expect(page.contains("Armed robbery") && page.contains("Bangladesh"))
            // Changed through its page; a staff member may read, not change.
            #expect(
                try await focal.post(
                    AppPath.unitRisk(bangladesh.id!, risk.id!).path,
                    risk.formValues.merging(["status": "monitored"]) { $1 }
                ).status == .seeOther)
            #expect(try await Risk.find(risk.id, on: app.db)?.status == .monitored)
            let staff = Browser(app)
            #expect(try await staff.signIn("staff.coxsbazar"))
            #expect(
                try await staff.post(
                    AppPath.unitRisks(try await unit("BGD-CXB", app).id!).path,
                    ["kind": "medical", "title": "x", "likelihood": "1", "impact": "1"]
                ).status == .forbidden)
        }
    }

    @Test func aRegisterWithEveryKindAndNothingOverdueIsInPlaceOnTheDashboard() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let later = OversightService.day(Date().addingTimeInterval(90 * 86_400))
            for (i, kind) in RiskKind.standard.enumerated() {
                try await RiskService.save(
                    nil, at: bangladesh,
                    ["kind": kind, "title": "Risk \(i)", "likelihood": "3", "impact": "3", "review_date": later],
                    by: app.systemContext, on: app.db)
                let standing = try #require(
                    try await PlanStanding.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first())
                #expect(standing.hasRiskRegister == (i == RiskKind.standard.count - 1))
            }
            // A unit that marks only security relevant is in place with one security risk.
            let kenya = try await unit("KEN", app)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            try await RiskService.save(
                nil, at: kenya, ["kind": "security", "title": "Carjacking", "likelihood": "4", "impact": "4"],
                by: app.systemContext, on: app.db)
            #expect(
                try await PlanStanding.query(on: app.db).filter(\.$unitID == kenya.requireID()).first()?.hasRiskRegister
                    == false)
            #expect(
                try await officer.post(AppPath.unitRiskKinds(kenya.id!).path, ["kinds-security": "true"]).status
                    == .seeOther)
            #expect(
                try await PlanStanding.query(on: app.db).filter(\.$unitID == kenya.requireID()).first()?.hasRiskRegister
                    == true)
            #expect(
                try await officer.get(AppPath.unitRisks(kenya.id!).path).body.string.contains(
                    "Kinds relevant to this unit: Security."))
            // A review falling overdue takes it out of place at the next hourly run.
            try await RiskService.refreshRegisters(now: Date().addingTimeInterval(100 * 86_400), on: app.db)
            #expect(
                try await PlanStanding.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first()?
                    .hasRiskRegister == false)
            try await RiskService.refreshRegisters(now: app.clock.now, on: app.db)
            #expect(
                try await PlanStanding.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first()?
                    .hasRiskRegister == true)
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.asia"))
            let dashboard = try await reviewer.get(AppPath.unitDashboard(try await unit("RB-AP", app).id!).path).body
                .string
            #expect(dashboard.contains("13% (1)"))
        }
    }

    @Test func anImportShowsEveryRowsErrorsAndSavesAllOrNothing() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let security = Browser(app)
            #expect(try await security.signIn("focal.bangladesh"))
            let path = AppPath.unitRisksImport(bangladesh.id!).path
            let bad =
                "kind,title,likelihood,impact,review_date\nsecurity,Road ambush,4,5,2027-01-10\nweather,Floods,3,9,\nmedical,,2,2,2027-02-30\n"
            var response = try await security.upload(path, file: bad)
            #expect(response.status == .ok)
            let preview = response.body.string
            #expect(
                preview.contains("2 of 3 rows need fixing")
                    && preview.contains(
                        "Kind: use one of: Protection, Programme, Security, Medical, Business continuity (or its number or code)."
                    )
                    && preview.contains(
                        "Impact: use one of: 1 Negligible, 2 Minor, 3 Moderate, 4 Major, 5 Severe (or its number or code)."
                    )
                    && preview.contains("Review date: Enter a date"))
            // A wrong row shows what it says, to be found in the file.
            #expect(
                preview.contains("<td>Floods</td>") && preview.contains("<td>weather</td>")
                    && preview.contains("<td>3×9</td>"))
            #expect(!preview.contains("name=\"confirm\""))
            #expect(try await count(bangladesh, app) == 0)
            // Confirming a file with errors anyway saves nothing.
            response = try await security.post(path, ["csv": bad, "confirm": "1"])
            #expect(response.status == .unprocessableEntity && response.body.string.contains("nothing was saved"))
            #expect(try await count(bangladesh, app) == 0)
            // A right file: previewed, then saved in one go; export → import gives the same risks.
            let good =
                "kind,title,likelihood,impact,residual_likelihood,residual_impact\nsecurity,Road ambush,4,5,2,3\nmedical,\"Cholera, in the camps\",2,5,,\n"
            response = try await security.upload(path, file: good)
            #expect(
                response.body.string.contains("All 2 rows are right")
                    && response.body.string.contains("name=\"confirm\""))
            #expect(try await count(bangladesh, app) == 0)
            #expect(try await security.post(path, ["csv": good, "confirm": "1"]).status == .seeOther)
            #expect(try await count(bangladesh, app) == 2)
            let exported = try await security.get(AppPath.unitRisksCSV(bangladesh.id!).path).body.string
            let rows = try RiskService.preview(exported, scale: try await RiskService.scale(on: app.db))
            let saved = try await Risk.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).sort(\.$title)
                .all()
            #expect(rows.compactMap { $0.draft } == saved.map { $0.draft })
        }
    }

    /// A register kept in a Chinese spreadsheet: column names and values as people write them.
    @Test func aChineseFileImportsWithItsOwnColumnNamesAndValues() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let focal = Browser(app)
            focal.language = "zh-Hans"
            #expect(try await focal.signIn("focal.bangladesh"))
            let path = AppPath.unitRisksImport(bangladesh.id!).path
            let file = "类别,风险,可能性,影响,状态\n安全,道路伏击,很可能,5 严重,未处理\n医疗,霍乱,Rare,Minor,monitored\n"
            let preview = try await focal.upload(path, file: file)
            #expect(preview.body.string.contains("全部 2 行无误"), "\(preview.body.string.suffix(3000))")
            #expect(try await focal.post(path, ["csv": file, "confirm": "1"]).status == .seeOther)
            let saved = try await Risk.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).sort(\.$title)
                .all()
            // By title: 道 (U+9053) before 霍 (U+970D).
            #expect(saved.map(\.kind) == ["security", "medical"] && saved.map(\.title) == ["道路伏击", "霍乱"])
            #expect(saved.map(\.inherentLikelihood) == [4, 1] && saved.map(\.inherentImpact) == [5, 2])
            #expect(saved.map(\.status) == [.open, .monitored])
            // A wrong value is told with the values its column takes, in the reader's language.
            let wrong = try await focal.upload(path, file: "类别,风险,可能性,影响\n天气,洪水,很可能,3\n").body.string
            #expect(wrong.contains("类别：请使用以下之一：保护、方案、安全、医疗、业务连续性"))
            // The template names the columns in the reader's language, and imports as it is.
            let template = try await focal.get(AppPath.unitRisksTemplate(bangladesh.id!).path).body.string
            #expect(template.hasPrefix("\u{FEFF}类别,风险,原因,后果,可能性,影响"))
            #expect(try await focal.upload(path, file: template).body.string.contains("全部 1 行无误"))
        }
    }

    @Test func theAPIKeepsTheRegisterToo() async throws {
        try await withTestApp { app in
            let kenya = try await unit("KEN", app)
            let headers = try await apiHeaders("security.kenya", app)
            let base = "/api/v1/units/\(kenya.id!.uuidString)/risks"
            var r = try await app.testing().sendRequest(
                .POST, base, headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"kind":"security","title":"Carjacking","likelihood":4,"impact":5,"residualLikelihood":2}"#))
            #expect(r.status == .unprocessableEntity && r.body.string.contains("residual_impact"))
            #expect(try await count(kenya, app) == 0)
            r = try await app.testing().sendRequest(
                .POST, base, headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"kind":"security","title":"Carjacking","likelihood":4,"impact":5,"reviewDate":"2027-01-31"}"#
                ))
            #expect(r.status == .created)
            let created = try r.content.decode(RisksController.RiskDTO.self)
            #expect(created.inherent.level == "very_high")
            r = try await app.testing().sendRequest(
                .PUT, base + "/\(created.id.uuidString)", headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"kind":"security","title":"Carjacking","likelihood":4,"impact":5,"residualLikelihood":2,"residualImpact":2,"status":"monitored"}"#
                ))
            #expect(try r.content.decode(RisksController.RiskDTO.self).residual?.level == "low")
            let list = try await app.testing().sendRequest(.GET, base + "?level=very_high", headers: headers)
            #expect(try list.content.decode(Paged<RisksController.RiskDTO>.self).items.map(\.title) == ["Carjacking"])
            let heat = try await app.testing().sendRequest(.GET, base + "/heat", headers: headers)
            let maps = try heat.content.decode(RisksController.HeatDTO.self)
            #expect(maps.inherent[3][4] == 1 && maps.residual[1][1] == 1 && maps.levels[4][4] == "very_high")
            // Someone without the role may read, not write.
            let reader = try await apiHeaders("hq.oversight", app)
            #expect(try await app.testing().sendRequest(.GET, base, headers: reader).status == .ok)
            #expect(
                try await app.testing().sendRequest(.POST, base, headers: reader, body: ByteBuffer(string: "{}")).status
                    == .forbidden)
        }
    }

    @Test func hqConfiguresTheMatrixItsNamesAndTheKinds() async throws {
        try await withTestApp { app in
            let hq = Browser(app)
            #expect(try await hq.signIn("hq.oversight"))
            var form = RiskScaleForm.values(.standard).values
            #expect(try await hq.get(AppPath.riskScale.path).body.string.contains("name=\"cell-5-5\""))
            // A cell lower than one of lower likelihood is refused, with the cell named; nothing changes.
            form["cell-1-1"] = "medium"
            var response = try await hq.post(AppPath.riskScale.path, form)
            #expect(response.status == .unprocessableEntity && response.body.string.contains("likelihood 1, impact 2"))
            #expect(try await RiskService.scale(on: app.db) == .standard)
            form["cell-1-1"] = "low"
            form["cell-3-3"] = "high"
            form["level-very_high-en"] = "Critical"; form["level-very_high-zh-Hans"] = "极高"
            form["likelihood-5-en"] = "Expected"
            form["kinds"] = "Bad kind\nfraud | Fraud | 欺诈"
            response = try await hq.post(AppPath.riskScale.path, form)
            #expect(
                response.status == .unprocessableEntity && response.body.string.contains("“Bad kind” cannot be a kind"))
            form["kinds"] = "fraud | Fraud | 欺诈"
            #expect(try await hq.post(AppPath.riskScale.path, form).status == .seeOther)
            let scale = try await RiskService.scale(on: app.db)
            #expect(
                scale.kinds.last == "fraud" && scale.matrix.levels[2][2] == .high
                    && scale.levelNames["very_high"]?["zh-Hans"] == "极高")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "setting").count() == 1)
            // Registers use it: the new kind, the new level of 3 × 3, HQ's names.
            let bangladesh = try await unit("BGD", app)
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            #expect(try await focal.get(AppPath.riskScale.path).status == .forbidden)
            #expect(
                try await focal.post(
                    AppPath.unitRisks(bangladesh.id!).path,
                    ["kind": "fraud", "title": "Diverted cash assistance", "likelihood": "3", "impact": "3"]
                ).status == .seeOther)
            #expect(
                try await focal.post(
                    AppPath.unitRisks(bangladesh.id!).path,
                    ["kind": "security", "title": "Armed robbery", "likelihood": "5", "impact": "5"]
                ).status == .seeOther)
            let page = try await focal.get(AppPath.unitRisks(bangladesh.id!).path).body.string
            #expect(page.contains("Fraud") && page.contains("Critical") && page.contains("5 — Expected"))
            #expect(
                try await focal.get(AppPath.unitRisks(bangladesh.id!).with([("level", "high")])).body.string.contains(
                    ">Diverted cash assistance"))
            // The API gives and takes the same scale; HQ only may change it.
            let api = try await app.testing().sendRequest(
                .GET, AppPath.apiRiskScale.path, headers: try await apiHeaders("focal.bangladesh", app))
            let dto = try api.content.decode(RisksController.ScaleDTO.self)
            #expect(dto.kinds?.map(\.code) == RiskKind.standard + ["fraud"] && dto.levels[2][2] == "high")
            let body = ByteBuffer(
                string:
                    #"{"levels":[["high","low","low","low","low"],["low","low","low","low","low"],["low","low","low","low","low"],["low","low","low","low","low"],["low","low","low","low","low"]]}"#
            )
            #expect(
                try await app.testing().sendRequest(
                    .PUT, AppPath.apiRiskScale.path, headers: try await apiHeaders("focal.bangladesh", app), body: body
                ).status == .forbidden)
            let refused = try await app.testing().sendRequest(
                .PUT, AppPath.apiRiskScale.path, headers: try await apiHeaders("hq.oversight", app), body: body)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await RiskService.scale(on: app.db) == scale)
        }
    }

    @Test func risksHaveActionsAndLinkToThePlansScenariosAndProcesses() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let plan = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == bangladesh.requireID()).sort(
                    \.$cycle, .descending
                ).first())
            let content = try await PlanService.snapshot(plan, now: app.clock.now, on: app.db).content
            let flood = content.scenarios[0], registration = content.processes[0]
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            let path = AppPath.unitRisks(bangladesh.id!).path
            #expect(try await focal.get(path).body.string.contains("name=\"processes-\(registration.id.uuidString)\""))
            // A later cycle started empty does not hide the items of the plans being written and in force.
            _ = try await PlanService.create(
                at: bangladesh, cycle: "2031", start: PlanService.Start.empty.rawValue, by: app.systemContext,
                on: app.db)
            #expect(try await focal.get(path).body.string.contains("name=\"scenarios-\(flood.id.uuidString)\""))
            var form = [
                "kind": "business_continuity", "title": "Camp roads cut by floods", "likelihood": "4", "impact": "4",
                "action-0-description": "Pre-position registration kits in Ukhia", "action-0-owner": "Kamal",
                "action-0-due": "2020-01-31",
                "action-1-description": "", "action-1-due": "2027-06-01",
                "scenarios-\(flood.id.uuidString)": "true", "processes-\(registration.id.uuidString)": "true",
                "processes-\(UUID().uuidString)": "true",
            ]
            let response = try await focal.post(path, form)
            #expect(response.status == .unprocessableEntity)
            #expect(
                response.body.string.contains("f-action-1-description-error")
                    && response.body.string.contains("Choose one of the listed options"))
            #expect(try await count(bangladesh, app) == 0)
            form = form.filter { !$0.key.hasPrefix("processes-") || $0.key.hasSuffix(registration.id.uuidString) }
            form["action-1-description"] = "Second mobile team"
            #expect(try await focal.post(path, form).status == .seeOther)
            let risk = try #require(
                try await Risk.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first())
            #expect(risk.actions.count == 2 && risk.nextActionDue == risk.actions[0].dueDate)
            let links = try await RiskLink.query(on: app.db).filter(\.$riskID == risk.requireID()).all()
            #expect(
                Set(links.map(\.target)) == [.scenarios, .processes] && links.allSatisfy { $0.unitID == bangladesh.id })
            // The register flags the late action; the risk shows what it threatens, linking into the plan.
            #expect(try await focal.get(path).body.string.contains("Action overdue"))
            let page = try await focal.get(AppPath.unitRisk(bangladesh.id!, risk.id!).path).body.string
            #expect(
                page.contains(AppPath.planItem(plan.id!, .processes, registration.id).path)
                    && page.contains("Pre-position registration kits"))
            #expect(page.contains("checked") && page.contains("Second mobile team"))
            // The plan's scenario and process sections show their linked risks.
            let scenarios = try await focal.get(AppPath.planSection(plan.id!, .scenarios).path).body.string
            #expect(
                scenarios.contains("Linked risks")
                    && scenarios.contains(AppPath.unitRisk(bangladesh.id!, risk.id!).path))
            #expect(
                try await focal.get(AppPath.planSection(plan.id!, .processes).path).body.string.contains(
                    "Camp roads cut by floods"))
            // Unlinking through the form removes the link; the audit says what changed.
            form["scenarios-\(flood.id.uuidString)"] = nil
            #expect(try await focal.post(AppPath.unitRisk(bangladesh.id!, risk.id!).path, form).status == .seeOther)
            #expect(try await RiskLink.query(on: app.db).filter(\.$riskID == risk.requireID()).count() == 1)
            let audit = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "risk").filter(
                    \.$unitID == bangladesh.requireID()
                ).sort(\.$at, .descending).first())
            #expect(audit.before.contains(flood.title) && !audit.after.contains(flood.title))
            // The API takes and gives actions and links.
            let headers = try await apiHeaders("focal.bangladesh", app)
            let body =
                #"{"kind":"medical","title":"Cholera","likelihood":2,"impact":5,"actions":[{"description":"Stock oral rehydration salts","dueDate":"2027-02-01"}],"processes":["\#(registration.id.uuidString)"]}"#
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/units/\(bangladesh.id!.uuidString)/risks", headers: headers,
                body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let dto = try created.content.decode(RisksController.RiskDTO.self)
            #expect(
                dto.actions.map(\.description) == ["Stock oral rehydration salts"]
                    && dto.processes.map(\.name) == [registration.name])
        }
    }

    /// The API lists a register by title, page after page by key: every risk of the subtree once,
    /// titles in order (equal titles too), and a key that is no risk is refused, saying what to give.
    @Test func theAPIListsTheRegisterPageAfterPageByKey() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let office = try await unit("BGD-CXB", app)
            let later = PlanChecks.isoDay(app.clock.now.addingTimeInterval(60 * 86_400))
            for (i, place) in [bangladesh, office, bangladesh, office, bangladesh].enumerated() {
                _ = try await RiskService.save(
                    nil, at: place,
                    [
                        "kind": "security", "title": i < 3 ? "Road blocked" : "路障 \(i)", "likelihood": "2",
                        "impact": "3",
                        "review_date": later,
                    ],
                    by: app.systemContext, on: app.db)
            }
            let subtree = try await ResilienceApp.Unit.query(on: app.db).filter(
                \.$path, .custom("LIKE"), bangladesh.path + "%"
            )
            .all().map(\.id!)
            let expected = try await Risk.query(on: app.db).filter(\.$unitID ~~ subtree).all()
            let headers = try await apiHeaders("reviewer.asia", app)
            var seen: [(id: String, title: String)] = []
            var after: String? = nil
            var pages = 0
            repeat {
                let path = AppPath.apiUnitRisks(bangladesh.id!).path + "?per=2" + (after.map { "&after=\($0)" } ?? "")
                let response = try await app.testing().sendRequest(.GET, path, headers: headers)
                #expect(response.status == .ok)
                let page = try #require(
                    try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
                let items = try #require(page["items"] as? [[String: Any]])
                seen += items.map { ($0["id"] as? String ?? "", $0["title"] as? String ?? "") }
                let metadata = try #require(page["metadata"] as? [String: Any])
                #expect(metadata["total"] as? Int == expected.count)
                after = metadata["nextAfter"] as? String
                pages += 1
            } while after != nil && pages < 100
            #expect(seen.count == expected.count)
            #expect(Set(seen.map { $0.id.lowercased() }) == Set(expected.map { $0.id!.uuidString.lowercased() }))
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.title <= $1.title })
            #expect(pages == (expected.count + 1) / 2)

            for bad in ["not-an-id", UUID().uuidString] {
                let response = try await app.testing().sendRequest(
                    .GET, AppPath.apiUnitRisks(bangladesh.id!).path + "?after=\(bad)", headers: headers)
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("nextAfter"))
            }
        }
    }
}

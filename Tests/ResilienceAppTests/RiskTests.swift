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

    func multipart(_ csv: String, _ browser: Browser) -> (String, String) {
        let boundary = "----risk\(UUID().uuidString.prefix(8))"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"risks.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    @Test func risksAreAddedRatedOnTheMatrixAndListedByCell() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            let path = AppPath.unitRisks(bangladesh.id!).path
            var response = try await focal.post(path, ["kind": "security", "title": "", "likelihood": "9", "impact": "3", "residual_likelihood": "2"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("This field is required.") && response.body.string.contains("Rate from 1"))
            #expect(try await count(bangladesh, app) == 0)
            response = try await focal.post(path, ["kind": "security", "title": "Armed robbery on the Teknaf road", "likelihood": "4", "impact": "5",
                                                   "residual_likelihood": "2", "residual_impact": "4", "status": "open", "source": "security_risk_assessment",
                                                   "review_date": OversightService.day(Date().addingTimeInterval(60 * 86_400))])
            #expect(response.status == .seeOther)
            let risk = try #require(try await Risk.query(on: app.db).first())
            #expect(RiskMatrix.standard.level(risk.inherent) == .veryHigh && RiskMatrix.standard.level(risk.residual!) == .medium)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "risk").count() == 1)
            // The heat map's cell lists its risks; another cell lists none.
            var page = try await focal.get(AppPath.unitRisks(bangladesh.id!).with([("rating", "inherent"), ("l", "4"), ("i", "5")])).body.string
            #expect(page.contains("likelihood 4 × impact 5: 1 risks") && page.contains("Armed robbery"))
            page = try await focal.get(AppPath.unitRisks(bangladesh.id!).with([("rating", "residual"), ("l", "4"), ("i", "5")])).body.string
            #expect(!page.contains(">Armed robbery"))
            // Filters narrow the list: by kind, by level before treatment.
            #expect(try await focal.get(AppPath.unitRisks(bangladesh.id!).with([("kind", "medical")])).body.string.contains("0 risks."))
            #expect(try await focal.get(AppPath.unitRisks(bangladesh.id!).with([("level", "very_high")])).body.string.contains(">Armed robbery"))
            #expect(try await focal.get(AppPath.unitRisks(bangladesh.id!).with([("level", "low")])).body.string.contains("0 risks."))
            // The region's register rolls it up.
            let region = try await unit("RB-AP", app)
            #expect(try await focal.get(AppPath.unitRisks(region.id!).path).status == .forbidden)
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.asia"))
            page = try await reviewer.get(AppPath.unitRisks(region.id!).path).body.string
            #expect(page.contains("Armed robbery") && page.contains("Bangladesh"))
            // Changed through its page; a staff member may read, not change.
            #expect(try await focal.post(AppPath.unitRisk(bangladesh.id!, risk.id!).path, risk.formValues.merging(["status": "monitored"]) { $1 }).status == .seeOther)
            #expect(try await Risk.find(risk.id, on: app.db)?.status == .monitored)
            let staff = Browser(app)
            #expect(try await staff.signIn("staff.coxsbazar"))
            #expect(try await staff.post(AppPath.unitRisks(try await unit("BGD-CXB", app).id!).path, ["kind": "medical", "title": "x", "likelihood": "1", "impact": "1"]).status == .forbidden)
        }
    }

    @Test func aRegisterWithEveryKindAndNothingOverdueIsInPlaceOnTheDashboard() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let later = OversightService.day(Date().addingTimeInterval(90 * 86_400))
            for (i, kind) in RiskKind.standard.enumerated() {
                try await RiskService.save(nil, at: bangladesh, ["kind": kind, "title": "Risk \(i)", "likelihood": "3", "impact": "3", "review_date": later],
                                           by: .system, on: app.db)
                let standing = try #require(try await PlanStanding.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first())
                #expect(standing.hasRiskRegister == (i == RiskKind.standard.count - 1))
            }
            // A unit that marks only security relevant is in place with one security risk.
            let kenya = try await unit("KEN", app)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            try await RiskService.save(nil, at: kenya, ["kind": "security", "title": "Carjacking", "likelihood": "4", "impact": "4"], by: .system, on: app.db)
            #expect(try await PlanStanding.query(on: app.db).filter(\.$unitID == kenya.requireID()).first()?.hasRiskRegister == false)
            #expect(try await officer.post(AppPath.unitRiskKinds(kenya.id!).path, ["kinds-security": "true"]).status == .seeOther)
            #expect(try await PlanStanding.query(on: app.db).filter(\.$unitID == kenya.requireID()).first()?.hasRiskRegister == true)
            #expect(try await officer.get(AppPath.unitRisks(kenya.id!).path).body.string.contains("Kinds relevant to this unit: Security."))
            // A review falling overdue takes it out of place at the next hourly run.
            try await RiskService.refreshRegisters(now: Date().addingTimeInterval(100 * 86_400), on: app.db)
            #expect(try await PlanStanding.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first()?.hasRiskRegister == false)
            try await RiskService.refreshRegisters(on: app.db)
            #expect(try await PlanStanding.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first()?.hasRiskRegister == true)
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer.asia"))
            let dashboard = try await reviewer.get(AppPath.unitDashboard(try await unit("RB-AP", app).id!).path).body.string
            #expect(dashboard.contains("13% (1)"))
        }
    }

    @Test func anImportShowsEveryRowsErrorsAndSavesAllOrNothing() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let security = Browser(app)
            #expect(try await security.signIn("focal.bangladesh"))
            let path = AppPath.unitRisksImport(bangladesh.id!).path
            let bad = "kind,title,likelihood,impact,review_date\nsecurity,Road ambush,4,5,2027-01-10\nweather,Floods,3,9,\nmedical,,2,2,2027-02-30\n"
            var (body, type) = multipart(bad, security)
            var response = try await security.send(.POST, path, body: body, contentType: type)
            #expect(response.status == .ok)
            let preview = response.body.string
            #expect(preview.contains("2 of 3 rows need fixing") && preview.contains("kind: Choose one of the listed options.")
                    && preview.contains("impact: Rate from 1") && preview.contains("review_date: Enter a date"))
            #expect(!preview.contains("name=\"confirm\""))
            #expect(try await count(bangladesh, app) == 0)
            // Confirming a file with errors anyway saves nothing.
            response = try await security.post(path, ["csv": bad, "confirm": "1"])
            #expect(response.status == .unprocessableEntity && response.body.string.contains("nothing was saved"))
            #expect(try await count(bangladesh, app) == 0)
            // A right file: previewed, then saved in one go; export → import gives the same risks.
            let good = "kind,title,likelihood,impact,residual_likelihood,residual_impact\nsecurity,Road ambush,4,5,2,3\nmedical,\"Cholera, in the camps\",2,5,,\n"
            (body, type) = multipart(good, security)
            response = try await security.send(.POST, path, body: body, contentType: type)
            #expect(response.body.string.contains("All 2 rows are right") && response.body.string.contains("name=\"confirm\""))
            #expect(try await count(bangladesh, app) == 0)
            #expect(try await security.post(path, ["csv": good, "confirm": "1"]).status == .seeOther)
            #expect(try await count(bangladesh, app) == 2)
            let exported = try await security.get(AppPath.unitRisksCSV(bangladesh.id!).path).body.string
            let rows = try RiskService.preview(exported)
            let saved = try await Risk.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).sort(\.$title).all()
            #expect(rows.compactMap { $0.draft } == saved.map { $0.draft })
        }
    }

    @Test func theAPIKeepsTheRegisterToo() async throws {
        try await withTestApp { app in
            let kenya = try await unit("KEN", app)
            let headers = try await apiHeaders("security.kenya", app)
            let base = "/api/v1/units/\(kenya.id!.uuidString)/risks"
            var r = try await app.testing().sendRequest(.POST, base, headers: headers,
                                                        body: ByteBuffer(string: #"{"kind":"security","title":"Carjacking","likelihood":4,"impact":5,"residualLikelihood":2}"#))
            #expect(r.status == .unprocessableEntity && r.body.string.contains("residual_impact"))
            #expect(try await count(kenya, app) == 0)
            r = try await app.testing().sendRequest(.POST, base, headers: headers,
                                                    body: ByteBuffer(string: #"{"kind":"security","title":"Carjacking","likelihood":4,"impact":5,"reviewDate":"2027-01-31"}"#))
            #expect(r.status == .created)
            let created = try r.content.decode(RisksController.RiskDTO.self)
            #expect(created.inherent.level == "very_high")
            r = try await app.testing().sendRequest(.PUT, base + "/\(created.id.uuidString)", headers: headers,
                                                    body: ByteBuffer(string: #"{"kind":"security","title":"Carjacking","likelihood":4,"impact":5,"residualLikelihood":2,"residualImpact":2,"status":"monitored"}"#))
            #expect(try r.content.decode(RisksController.RiskDTO.self).residual?.level == "low")
            let list = try await app.testing().sendRequest(.GET, base + "?level=very_high", headers: headers)
            #expect(try list.content.decode(Paged<RisksController.RiskDTO>.self).items.map(\.title) == ["Carjacking"])
            let heat = try await app.testing().sendRequest(.GET, base + "/heat", headers: headers)
            let maps = try heat.content.decode(RisksController.HeatDTO.self)
            #expect(maps.inherent[3][4] == 1 && maps.residual[1][1] == 1 && maps.levels[4][4] == "very_high")
            // Someone without the role may read, not write.
            let reader = try await apiHeaders("hq.oversight", app)
            #expect(try await app.testing().sendRequest(.GET, base, headers: reader).status == .ok)
            #expect(try await app.testing().sendRequest(.POST, base, headers: reader, body: ByteBuffer(string: "{}")).status == .forbidden)
        }
    }
}

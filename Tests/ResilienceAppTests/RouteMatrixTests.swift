import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Every route, for every demo role and for no session: refused exactly when DOMAIN.md's table
/// (`DomainPolicy.swift`) says so.
@Suite struct RouteMatrixTests {
    @Test func everyRouteAnswersEveryRoleAsThePermissionFunctionDecides() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let station = try #require(
                try await DutyStation.query(on: app.db).filter(\.$unit.$id == bangladesh.requireID()).first())
            let staff = try await user("staff.coxsbazar", app)
            let staffHome = try await unit("BGD-CXB", app)
            let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$role == .contributor).first())
            let plan = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == bangladesh.requireID()).sort(
                    \.$cycle, .descending
                ).first())
            let root = try #require(try await UnitQueries.root(on: app.db))
            // A security area of Bangladesh, with a proposal, for the routes that name them.
            let area = try #require(
                try await SecurityArea.query(on: app.db).filter(\.$unit.$id == bangladesh.requireID()).first())
            let assessment = try await RiskAssessmentService.draft(for: area, by: app.systemContext, on: app.db)
            try await RiskAssessmentService.save(
                assessment,
                AssessmentContent(threats: [
                    AssessedThreat(
                        kind: "hazards", description: "Cyclone", inherent: RiskRating(likelihood: 3, impact: 4),
                        measures: "Shelters", residual: RiskRating(likelihood: 2, impact: 3), decision: .control)
                ]), by: app.systemContext, on: app.db)
            let proposal = try await SecurityLevelService.propose(
                for: area,
                LevelProposalInput(
                    threats: Dictionary(uniqueKeysWithValues: ThreatCategory.allCases.map { ($0.rawValue, "2") }),
                    reason: "Floods", effectiveOn: "2026-01-05"), by: app.systemContext, on: app.db)
            let firstScenario = try #require(try PlanCodec.decode(PlanContent.self, plan.content).scenarios.first)
            let activation = try await ActivationService.start(
                at: bangladesh, ActivationInput(kind: "flood", startedAt: "2026-01-05T06:00", places: "Cox's Bazar"),
                by: app.systemContext, now: app.clock.now, on: app.db)
            // A thread on the plan and a campaign for Bangladesh, for the routes that name them.
            let thread = FeedbackThread()
            thread.$plan.id = try plan.requireID(); thread.version = 1; thread.section = .team; thread.label = "Team"
            thread.state = .open; thread.openedByName = "reviewer.asia"
            try await thread.create(on: app.db)
            let campaign = Campaign()
            campaign.scopeUnitID = try bangladesh.requireID(); campaign.cycle = 2031; campaign.deadline = Date();
            campaign.openedByName = "admin"
            try await campaign.create(on: app.db)
            // A person of Bangladesh with a dependant, and a roll-call there, for the personnel routes.
            let person = try await PersonnelService.create(
                [
                    "name": "Rahim Uddin", "index_number": "BGD-0001", "category": "national",
                    "duty_station": station.id!.uuidString,
                ], within: bangladesh, by: app.systemContext, on: app.db)
            let dependant = try await PersonnelService.saveDependant(
                nil, of: person, ["name": "Amina", "relationship": "child"], by: app.systemContext, on: app.db)
            var opening = RollCallService.Opening(form: ["station-\(station.id!.uuidString)": "true"])
            opening.title = "Cyclone"
            opening.occurredAt = "2026-01-05T06:00"
            let rollCall = try await RollCallService.open(opening, for: bangladesh, by: app.systemContext, on: app.db)
            let entry = try #require(
                try await RollCallEntry.query(on: app.db).filter(\.$rollCall.$id == rollCall.requireID()).first())
            // A trip of that person within Bangladesh, an advisory for its area, for the travel routes.
            let trip = try await TravelService.create(
                [
                    "purpose": "Monitoring", "leg1_from": station.name, "leg1_to": station.name,
                    "leg1_departs": "2027-01-05T06:00", "leg1_arrives": "2027-01-05T08:00", "leg1_means": "road",
                ], for: person, by: app.systemContext, on: app.db)
            let leg = try #require(try await TravelService.legs(of: trip, on: app.db).first)
            let advisory = try await AdvisoryService.publish(
                try await AdvisoryService.place(["scope": "area", "area": area.id!.uuidString], on: app.db),
                try AdvisoryService.terms([
                    "severity": "moderate", "title-en": "Floods", "text-en": "Roads cut.", "valid_from": "2027-01-01",
                ]), by: app.systemContext, on: app.db)
            let ids: [String: String] = [
                "requestID": trip.id!.uuidString, "legID": leg.id!.uuidString, "advisoryID": advisory.id!.uuidString,
                "operatorID": try #require(try await AirOperator.query(on: app.db).first()?.id).uuidString,
                "personnelID": person.id!.uuidString, "dependantID": dependant.id!.uuidString,
                "rollCallID": rollCall.id!.uuidString, "entryID": entry.id!.uuidString,
                "unitID": bangladesh.id!.uuidString, "stationID": station.id!.uuidString,
                "userID": staff.id!.uuidString,
                "grantID": grant.id!.uuidString, "tokenID": UUID().uuidString, "planID": plan.id!.uuidString,
                "section": "scenarios", "itemID": firstScenario.id.uuidString, "number": "1",
                "activationID": activation.id!.uuidString,
                "threadID": thread.id!.uuidString, "campaignID": campaign.id!.uuidString,
                "areaID": area.id!.uuidString, "levelID": proposal.id!.uuidString,
                "measureID": try #require(try await SecurityMeasure.query(on: app.db).first()?.id).uuidString,
                "agencyID": try #require(try await Agency.query(on: app.db).first()?.id).uuidString,
                "assessmentID": assessment.id!.uuidString,
                "threatID": try #require(assessment.assessment.threats.first?.id).uuidString,
            ]
            func target(_ requirement: Requirement) -> (Action, UnitPath)? {
                switch requirement {
                case .unit(let a): (a, bangladesh.unitPath)
                case .dutyStation(let a): (a, bangladesh.unitPath)
                case .user(let a): (a, staffHome.unitPath)
                case .grant: (.grant(.contributor), bangladesh.unitPath)
                case .plan(let a): (a, bangladesh.unitPath)
                case .headquarters(let a): (a, root.unitPath)
                case .activation(let a): (a, bangladesh.unitPath)
                case .campaign(let a): (a, bangladesh.unitPath)
                case .securityArea(let a), .securityLevel(let a), .riskAssessment(let a): (a, bangladesh.unitPath)
                case .personnel(let a), .personnelOrSelf(let a), .rollCall(let a): (a, bangladesh.unitPath)
                case .rollCallMarker: (.accountForPersonnel, bangladesh.unitPath)
                case .rollCallReader: (.viewSecurity, bangladesh.unitPath)
                case .travelOwner: (.managePersonnel, bangladesh.unitPath)
                case .travelLeg(let a), .advisory(let a): (a, bangladesh.unitPath)
                default: nil
                }
            }
            var checked = 0
            for account in DemoData.accounts.map(\.username) + [nil] {
                let browser = Browser(app)
                var grants: [Grant] = []
                var bearer: String?
                if let account {
                    #expect(try await browser.signIn(account))
                    let u = try await user(account, app)
                    grants = try await RoleGrant.query(on: app.db).filter(\.$user.$id == u.requireID()).filter(
                        \.$revokedAt == nil
                    )
                    .all().map { Grant(role: $0.role, unitID: $0.$unit.id) }
                    bearer = try await TokenService.create(
                        for: u.requireID(), name: "matrix", by: app.systemContext, on: app.db
                    )
                    .1
                } else {
                    try await browser.get(AppPath.signIn.path)
                }
                for route in app.routes.all {
                    let requirement = try #require(
                        route.userInfo[Requirement.userInfoKey] as? Requirement,
                        "\(route.method) \(route.path) has no requirement")
                    let path =
                        "/"
                        + route.path.map { component -> String in
                            if case .parameter(let name) = component { return ids[name] ?? "x" }
                            return component.description
                        }.joined(separator: "/")
                    if route.method == .POST,
                        [AppPath.signIn.template, AppPath.language.template, AppPath.signOut.template].contains(path)
                    {
                        continue
                    }
                    let isAPI = path.hasPrefix("/api/")
                    let response: TestingHTTPResponse
                    if isAPI {
                        var headers = HTTPHeaders()
                        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
                        headers.contentType = .json
                        response = try await app.testing().sendRequest(
                            route.method, path, headers: headers,
                            body: route.method == .GET ? nil : ByteBuffer(string: "{}"))
                    } else if route.method == .GET {
                        response = try await browser.get(path)
                    } else {
                        response = try await browser.post(path, [:])
                    }
                    let status = response.status
                    #expect(status.code < 500, "\(route.method) \(path) as \(account ?? "nobody"): \(status)")
                    if case .anyone = requirement { continue }
                    if account == nil {
                        #expect(
                            status == (isAPI ? .unauthorized : .seeOther),
                            "\(route.method) \(path) without session: \(status)")
                        if !isAPI {
                            #expect(response.headers.first(name: .location)?.hasPrefix(AppPath.signIn.path) == true)
                        }
                        continue
                    }
                    let allowed: Bool =
                        switch requirement {
                        case .anyone, .signedIn: true
                        case .somewhere(let action): domainAllowsSomewhere(grants, action)
                        // The trip's reader: personal data on the traveller's unit, or security where it goes.
                        case .travelReader:
                            domainAllows(grants, .viewPersonalData, on: bangladesh.unitPath)
                                || domainAllows(grants, .manageSecurity, on: bangladesh.unitPath)
                        default: target(requirement).map { domainAllows(grants, $0.0, on: $0.1) } ?? false
                        }
                    #expect(
                        (status == .forbidden) == !allowed,
                        "\(route.method) \(path) as \(account!): \(status), permission says \(allowed ? "allowed" : "refused")"
                    )
                    checked += 1
                }
            }
            #expect(checked > 400)
        }
    }

    @Test func everyAPIRouteIsInTheOpenAPIDocumentAndNothingElseIs() async throws {
        try await withTestApp(demo: false) { app in
            let routes = Set(
                app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                    "\(route.method.rawValue) /"
                        + route.path.map { c -> String in
                            if case .parameter(let name) = c { return ":" + name }
                            return c.description
                        }.joined(separator: "/")
                })
            #expect(routes == OpenAPIDocument.described)
            let response = try await app.testing().sendRequest(.GET, AppPath.apiOpenAPI.path)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            #expect(json?["openapi"] as? String == "3.0.3")
        }
    }
}

/// The policy of every route, written out once so that a loosened requirement fails a test.
@Suite struct RoutePolicyTests {
    static let policy: [String: String] = [
        "GET /": "signed_in", "GET /healthz": "anyone", "GET /assets/:file": "anyone", "GET /favicon.ico": "anyone",
        "GET /sign-in": "anyone", "POST /sign-in": "anyone",
        "POST /sign-out": "signed_in", "POST /language": "anyone",
        "GET /account": "signed_in", "POST /account": "signed_in", "GET /account/password": "signed_in",
        "POST /account/password": "signed_in", "GET /account/tokens": "signed_in", "POST /account/tokens": "signed_in",
        "POST /account/tokens/:tokenID/revoke": "signed_in",
        "GET /units": "somewhere(view_organization)", "GET /units/suggestions": "somewhere(view_organization)",
        "GET /units/:unitID": "unit(view_organization)",
        "GET /units/:unitID/edit": "unit(manage_organization)", "POST /units/:unitID/edit": "unit(manage_organization)",
        "GET /units/:unitID/children/new": "unit(manage_organization)",
        "POST /units/:unitID/children": "unit(manage_organization)",
        "GET /units/:unitID/move": "unit(manage_organization)", "POST /units/:unitID/move": "unit(manage_organization)",
        "GET /units/:unitID/retire": "unit(manage_organization)",
        "POST /units/:unitID/retire": "unit(manage_organization)",
        "GET /duty-stations": "somewhere(view_organization)", "GET /duty-stations.csv": "somewhere(view_organization)",
        "GET /api/v1/duty-station-database": "somewhere(view_organization)",
        "GET /duty-stations/:stationID": "duty_station(view_organization)",
        "GET /units/:unitID/duty-stations/new": "unit(manage_organization)",
        "POST /units/:unitID/duty-stations": "unit(manage_organization)",
        "GET /duty-stations/:stationID/edit": "duty_station(manage_organization)",
        "POST /duty-stations/:stationID/edit": "duty_station(manage_organization)",
        "GET /duty-stations/:stationID/retire": "duty_station(manage_organization)",
        "POST /duty-stations/:stationID/retire": "duty_station(manage_organization)",
        "GET /users": "somewhere(view_people)", "GET /users/new": "somewhere(manage_accounts)",
        "POST /users": "somewhere(manage_accounts)",
        "GET /users/:userID": "user(view_people)", "GET /users/:userID/edit": "user(manage_accounts)",
        "POST /users/:userID/edit": "user(manage_accounts)", "POST /users/:userID/grants": "user(view_people)",
        "POST /grants/:grantID/revoke": "grant", "GET /grants/:grantID/revoke": "grant",
        "GET /audit": "somewhere(view_audit)",
        "GET /api/v1/openapi.json": "anyone", "GET /api/v1/me": "signed_in", "PATCH /api/v1/me": "signed_in",
        "GET /api/v1/tokens": "signed_in",
        "POST /api/v1/tokens": "signed_in", "DELETE /api/v1/tokens/:tokenID": "signed_in",
        "GET /api/v1/units": "somewhere(view_organization)", "GET /api/v1/units/:unitID": "unit(view_organization)",
        "PATCH /api/v1/units/:unitID": "unit(manage_organization)",
        "POST /api/v1/units/:unitID/children": "unit(manage_organization)",
        "POST /api/v1/units/:unitID/move": "unit(manage_organization)",
        "POST /api/v1/units/:unitID/retire": "unit(manage_organization)",
        "POST /api/v1/units/:unitID/duty-stations": "unit(manage_organization)",
        "GET /api/v1/duty-stations": "somewhere(view_organization)",
        "GET /api/v1/duty-stations/:stationID": "duty_station(view_organization)",
        "PATCH /api/v1/duty-stations/:stationID": "duty_station(manage_organization)",
        "POST /api/v1/duty-stations/:stationID/retire": "duty_station(manage_organization)",
        "GET /api/v1/users": "somewhere(view_people)", "POST /api/v1/users": "somewhere(manage_accounts)",
        "GET /api/v1/users/:userID": "user(view_people)", "PATCH /api/v1/users/:userID": "user(manage_accounts)",
        "GET /api/v1/users/:userID/grants": "user(view_people)",
        "POST /api/v1/users/:userID/grants": "user(view_people)",
        "DELETE /api/v1/grants/:grantID": "grant", "GET /api/v1/audit": "somewhere(view_audit)",
        // Security areas and levels: the officer keeps them, the regional desk decides (which move
        // a person may make on a proposal is the core's `LevelReview`, tested there).
        "GET /security": "somewhere(view_security)", "GET /units/:unitID/security": "unit(view_security)",
        "GET /units/:unitID/security/new-area": "unit(manage_security)",
        "POST /units/:unitID/security": "unit(manage_security)",
        "GET /security-areas/:areaID": "security_area(view_security)",
        "GET /security-areas/:areaID/edit": "security_area(manage_security)",
        "POST /security-areas/:areaID/edit": "security_area(manage_security)",
        "POST /security-areas/:areaID/duty-stations": "security_area(manage_security)",
        "GET /security-areas/:areaID/levels/new": "security_area(manage_security)",
        "POST /security-areas/:areaID/levels": "security_area(manage_security)",
        "POST /security-levels/:levelID/decision": "security_level(view_security)",
        "GET /api/v1/units/:unitID/security-areas": "unit(view_security)",
        "POST /api/v1/units/:unitID/security-areas": "unit(manage_security)",
        "GET /api/v1/security-areas/:areaID": "security_area(view_security)",
        "PATCH /api/v1/security-areas/:areaID": "security_area(manage_security)",
        "POST /api/v1/security-areas/:areaID/duty-stations": "security_area(manage_security)",
        "POST /api/v1/security-areas/:areaID/levels": "security_area(manage_security)",
        "POST /api/v1/security-levels/:levelID/decision": "security_level(view_security)",
        // HQ keeps the measures; the country's officer records compliance, everyone reads their station's.
        "GET /settings/measures": "somewhere(view_security)",
        "POST /settings/measures": "headquarters(configure_security)",
        "GET /settings/measures/:measureID": "headquarters(configure_security)",
        "POST /settings/measures/:measureID": "headquarters(configure_security)",
        "POST /settings/measures/:measureID/retire": "headquarters(configure_security)",
        "GET /duty-stations/:stationID/measures": "duty_station(view_organization)",
        "POST /duty-stations/:stationID/measures": "duty_station(manage_security)",
        "GET /api/v1/security-measures": "somewhere(view_security)",
        "POST /api/v1/security-measures": "headquarters(configure_security)",
        "PATCH /api/v1/security-measures/:measureID": "headquarters(configure_security)",
        "GET /api/v1/duty-stations/:stationID/measures": "duty_station(view_organization)",
        "POST /api/v1/duty-stations/:stationID/measures": "duty_station(manage_security)",
        "GET /settings/agencies": "somewhere(view_security)",
        "POST /settings/agencies": "headquarters(configure_security)",
        "GET /settings/agencies/:agencyID": "headquarters(configure_security)",
        "POST /settings/agencies/:agencyID": "headquarters(configure_security)",
        "GET /duty-stations/:stationID/agencies": "duty_station(view_organization)",
        "POST /duty-stations/:stationID/agencies": "duty_station(manage_security)",
        "GET /api/v1/agencies": "somewhere(view_security)", "POST /api/v1/agencies": "headquarters(configure_security)",
        "PATCH /api/v1/agencies/:agencyID": "headquarters(configure_security)",
        "GET /api/v1/duty-stations/:stationID/agencies": "duty_station(view_organization)",
        "POST /api/v1/duty-stations/:stationID/agencies": "duty_station(manage_security)",
        "GET /indicators": "somewhere(view_indicators)", "GET /api/v1/indicators": "somewhere(view_indicators)",
        "GET /settings/security": "headquarters(configure_security)",
        "POST /settings/security": "headquarters(configure_security)",
        "GET /api/v1/security-settings": "somewhere(view_security)",
        "PUT /api/v1/security-settings": "headquarters(configure_security)",
        "GET /security-areas/:areaID/assessments": "security_area(view_security)",
        "POST /security-areas/:areaID/assessments": "security_area(manage_security)",
        "GET /risk-assessments/:assessmentID": "risk_assessment(view_security)",
        "POST /risk-assessments/:assessmentID/threats": "risk_assessment(manage_security)",
        "GET /risk-assessments/:assessmentID/threats/:threatID": "risk_assessment(manage_security)",
        "POST /risk-assessments/:assessmentID/threats/:threatID": "risk_assessment(manage_security)",
        "POST /risk-assessments/:assessmentID/threats/:threatID/remove": "risk_assessment(manage_security)",
        "POST /risk-assessments/:assessmentID/measures": "risk_assessment(manage_security)",
        "POST /risk-assessments/:assessmentID/move": "risk_assessment(view_security)",
        "POST /risk-assessments/:assessmentID/comments": "risk_assessment(view_security)",
        "GET /api/v1/risk-assessments/:assessmentID/comments": "risk_assessment(view_security)",
        "POST /api/v1/risk-assessments/:assessmentID/comments": "risk_assessment(view_security)",
        "GET /api/v1/security-areas/:areaID/assessments": "security_area(view_security)",
        "POST /api/v1/security-areas/:areaID/assessments": "security_area(manage_security)",
        "GET /api/v1/risk-assessments/:assessmentID": "risk_assessment(view_security)",
        "PUT /api/v1/risk-assessments/:assessmentID/content": "risk_assessment(manage_security)",
        "POST /api/v1/risk-assessments/:assessmentID/moves": "risk_assessment(view_security)",
        "GET /units/:unitID/plans": "unit(view_plans)", "POST /units/:unitID/plans": "unit(edit_plans)",
        "POST /units/:unitID/plans/import": "unit(edit_plans)", "GET /plans/:planID": "plan(view_plans)",
        "GET /plans/:planID/sections/:section": "plan(view_plans)",
        "POST /plans/:planID/sections/:section": "plan(edit_plans)",
        "GET /plans/:planID/sections/:section/:itemID": "plan(view_plans)",
        "POST /plans/:planID/sections/:section/:itemID": "plan(edit_plans)",
        "POST /plans/:planID/sections/:section/:itemID/move": "plan(edit_plans)",
        "GET /plans/:planID/sections/:section/:itemID/remove": "plan(edit_plans)",
        "POST /plans/:planID/sections/:section/:itemID/remove": "plan(edit_plans)",
        "GET /plans/:planID/impact/:itemID": "plan(view_plans)",
        "POST /plans/:planID/impact/:itemID": "plan(edit_plans)",
        "GET /plans/:planID/versions": "plan(view_plans)",
        "GET /plans/:planID/versions/:number": "plan(view_plans)", "GET /plans/:planID/compare": "plan(view_plans)",
        "GET /plans/:planID/pocket": "plan(view_plans)", "GET /plans/:planID/pocket.html": "plan(view_plans)",
        "GET /plans/:planID/export.json": "plan(view_plans)", "GET /plans/:planID/processes.csv": "plan(view_plans)",
        "GET /settings/impact-scale": "headquarters(configure_continuity)",
        "POST /settings/impact-scale": "headquarters(configure_continuity)",
        "GET /api/v1/units/:unitID/plans": "unit(view_plans)", "POST /api/v1/units/:unitID/plans": "unit(edit_plans)",
        "POST /api/v1/units/:unitID/plans/import": "unit(edit_plans)", "GET /api/v1/plans/:planID": "plan(view_plans)",
        "PUT /api/v1/plans/:planID/content": "plan(edit_plans)",
        "GET /api/v1/plans/:planID/versions": "plan(view_plans)",
        "GET /api/v1/plans/:planID/versions/:number": "plan(view_plans)",
        "GET /api/v1/plans/:planID/compare": "plan(view_plans)", "GET /api/v1/plans/:planID/export": "plan(view_plans)",
        "GET /api/v1/impact-scale": "signed_in", "PUT /api/v1/impact-scale": "headquarters(configure_continuity)",
        "GET /inbox": "signed_in", "POST /inbox/read": "signed_in", "GET /api/v1/inbox": "signed_in",
        "POST /api/v1/inbox/read": "signed_in",
        "GET /units/:unitID/activations": "unit(view_plans)", "POST /units/:unitID/activations": "unit(activate_plans)",
        "GET /activations/:activationID": "activation(view_plans)",
        "POST /activations/:activationID/processes/:itemID": "activation(activate_plans)",
        "POST /activations/:activationID/log": "activation(activate_plans)",
        "POST /activations/:activationID/close": "activation(activate_plans)",
        "GET /api/v1/units/:unitID/activations": "unit(view_plans)",
        "POST /api/v1/units/:unitID/activations": "unit(activate_plans)",
        "GET /api/v1/activations/:activationID": "activation(view_plans)",
        "POST /api/v1/activations/:activationID/processes/:itemID": "activation(activate_plans)",
        "POST /api/v1/activations/:activationID/close": "activation(activate_plans)",
        "GET /plans/:planID/review": "plan(view_plans)", "POST /plans/:planID/review": "plan(view_plans)",
        "POST /plans/:planID/feedback": "plan(review_plans)",
        "POST /plans/:planID/feedback/:threadID/answer": "plan(edit_plans)",
        "POST /plans/:planID/feedback/:threadID/reply": "plan(review_plans)",
        "POST /plans/:planID/feedback/:threadID/resolve": "plan(review_plans)",
        "GET /api/v1/plans/:planID/review": "plan(view_plans)", "POST /api/v1/plans/:planID/moves": "plan(view_plans)",
        "POST /api/v1/plans/:planID/feedback": "plan(review_plans)",
        "POST /api/v1/plans/:planID/feedback/:threadID/answer": "plan(edit_plans)",
        "POST /api/v1/plans/:planID/feedback/:threadID/reply": "plan(review_plans)",
        "POST /api/v1/plans/:planID/feedback/:threadID/resolve": "plan(review_plans)",
        "GET /units/:unitID/dashboard": "unit(view_oversight)",
        "GET /units/:unitID/dashboard.csv": "unit(view_oversight)",
        "GET /units/:unitID/compliance": "unit(view_oversight)",
        "POST /units/:unitID/compliance": "unit(report_compliance)",
        "GET /oversight": "somewhere(view_oversight)", "GET /units/:unitID/campaigns": "unit(view_oversight)",
        "POST /units/:unitID/campaigns": "unit(run_campaigns)",
        "GET /campaigns/:campaignID": "campaign(view_oversight)",
        "GET /api/v1/units/:unitID/dashboard": "unit(view_oversight)",
        "GET /api/v1/units/:unitID/compliance-reports": "unit(view_oversight)",
        "POST /api/v1/units/:unitID/compliance-reports": "unit(report_compliance)",
        "GET /api/v1/oversight": "somewhere(view_oversight)",
        "GET /api/v1/units/:unitID/campaigns": "unit(view_oversight)",
        "POST /api/v1/units/:unitID/campaigns": "unit(run_campaigns)",
        "GET /api/v1/campaigns/:campaignID": "campaign(view_oversight)",
        "GET /units/:unitID/risks": "unit(view_plans)", "POST /units/:unitID/risks": "unit(edit_risks)",
        "GET /units/:unitID/risks/:riskID": "unit(view_plans)", "POST /units/:unitID/risks/:riskID": "unit(edit_risks)",
        "POST /units/:unitID/risks/import": "unit(edit_risks)", "GET /units/:unitID/risks.csv": "unit(view_plans)",
        "GET /units/:unitID/risks/template.csv": "unit(edit_risks)",
        "POST /units/:unitID/risks/kinds": "unit(edit_risks)",
        "GET /api/v1/units/:unitID/risks": "unit(view_plans)", "POST /api/v1/units/:unitID/risks": "unit(edit_risks)",
        "GET /api/v1/units/:unitID/risks/:riskID": "unit(view_plans)",
        "PUT /api/v1/units/:unitID/risks/:riskID": "unit(edit_risks)",
        "GET /api/v1/units/:unitID/risks/heat": "unit(view_plans)",
        "GET /settings/risk-matrix": "headquarters(configure_continuity)",
        "POST /settings/risk-matrix": "headquarters(configure_continuity)",
        "GET /api/v1/risk-matrix": "signed_in", "PUT /api/v1/risk-matrix": "headquarters(configure_continuity)",
        // Personnel: names for everyone of the unit; contacts, the file and the reconciliation list
        // for those who keep them; a person's own record for themselves.
        "GET /units/:unitID/personnel": "unit(view_personnel)",
        "POST /units/:unitID/personnel": "unit(manage_personnel)",
        "POST /units/:unitID/personnel/import": "unit(manage_personnel)",
        "GET /units/:unitID/personnel.csv": "unit(view_personal_data)",
        "GET /units/:unitID/personnel/reconciliation": "unit(view_personal_data)",
        "GET /account/personnel": "signed_in",
        "GET /personnel/:personnelID": "personnel_or_self(view_personnel)",
        "POST /personnel/:personnelID": "personnel_or_self(manage_personnel)",
        "POST /personnel/:personnelID/dependants": "personnel_or_self(manage_personnel)",
        "POST /personnel/:personnelID/dependants/:dependantID/remove": "personnel_or_self(manage_personnel)",
        "POST /personnel/:personnelID/location": "personnel_or_self(manage_personnel)",
        "GET /personnel/:personnelID/export.json": "personnel_or_self(view_personal_data)",
        "POST /personnel/:personnelID/anonymize": "personnel(manage_personnel)",
        "GET /api/v1/units/:unitID/personnel": "unit(view_personnel)",
        "POST /api/v1/units/:unitID/personnel": "unit(manage_personnel)",
        "GET /api/v1/personnel/:personnelID": "personnel_or_self(view_personnel)",
        "PATCH /api/v1/personnel/:personnelID": "personnel_or_self(manage_personnel)",
        "POST /api/v1/personnel/:personnelID/dependants": "personnel_or_self(manage_personnel)",
        "POST /api/v1/personnel/:personnelID/location": "personnel_or_self(manage_personnel)",
        // Roll-calls: the security officer opens and keeps them; security staff read them; wardens
        // read and mark their zone; the answer link and Kannel's calls carry their own proof.
        "GET /units/:unitID/roll-calls": "unit(view_security)",
        "POST /units/:unitID/roll-calls": "unit(account_for_personnel)",
        "GET /roll-calls/:rollCallID": "roll_call_reader",
        "GET /roll-calls/:rollCallID/entries.csv": "roll_call_reader",
        "POST /roll-calls/:rollCallID/entries/:entryID": "roll_call_marker",
        "POST /roll-calls/:rollCallID/wardens": "roll_call(account_for_personnel)",
        "POST /roll-calls/:rollCallID/close": "roll_call(account_for_personnel)",
        "POST /roll-calls/:rollCallID/send": "roll_call(account_for_personnel)",
        "GET /answer/:token": "anyone", "POST /answer/:token": "anyone",
        "GET /api/v1/sms/inbound": "anyone", "POST /api/v1/sms/inbound": "anyone", "GET /api/v1/sms/delivery": "anyone",
        "GET /api/v1/units/:unitID/roll-calls": "unit(view_security)",
        "POST /api/v1/units/:unitID/roll-calls": "unit(account_for_personnel)",
        "GET /api/v1/roll-calls/:rollCallID": "roll_call_reader",
        "GET /api/v1/roll-calls/:rollCallID/entries": "roll_call_reader",
        "POST /api/v1/roll-calls/:rollCallID/entries/:entryID": "roll_call_marker",
        "POST /api/v1/roll-calls/:rollCallID/wardens": "roll_call(account_for_personnel)",
        "POST /api/v1/roll-calls/:rollCallID/close": "roll_call(account_for_personnel)",
        // Travel: a person's trips for them and those who keep their record; a trip for its
        // traveller, who entered it, those who keep the record and the officers where it goes;
        // clearance by the destination's officer; aviation, full flights and protection by HQ's.
        "GET /travel": "signed_in",
        "GET /personnel/:personnelID/trips": "personnel_or_self(view_personal_data)",
        "GET /personnel/:personnelID/trips.ics": "personnel_or_self(view_personal_data)",
        "POST /personnel/:personnelID/training": "personnel_or_self(manage_personnel)",
        "GET /personnel/:personnelID/trips/new": "personnel_or_self(manage_personnel)",
        "POST /personnel/:personnelID/trips/new": "personnel_or_self(manage_personnel)",
        "GET /travel/requests/:requestID": "travel_reader",
        "GET /travel/requests/:requestID/edit": "travel_owner", "POST /travel/requests/:requestID/edit": "travel_owner",
        "POST /travel/requests/:requestID/submit": "travel_owner",
        "POST /travel/requests/:requestID/cancel": "travel_owner",
        "POST /travel/requests/:requestID/legs/:legID/decision": "travel_leg(manage_security)",
        "POST /travel/requests/:requestID/legs/:legID/advice": "headquarters(manage_security)",
        "POST /travel/requests/:requestID/legs/:legID/flight-approval": "headquarters(manage_security)",
        "POST /travel/requests/:requestID/case": "headquarters(manage_security)",
        "GET /travel/clearances": "somewhere(manage_security)",
        "GET /travel/clearances.csv": "somewhere(manage_security)",
        "GET /travel/aviation": "headquarters(manage_security)",
        "POST /travel/operators": "headquarters(manage_security)",
        "POST /travel/operators/:operatorID": "headquarters(manage_security)",
        "GET /travel/cases": "headquarters(manage_security)",
        "GET /travel/settings": "headquarters(configure_security)",
        "POST /travel/settings": "headquarters(configure_security)",
        "GET /advisories": "signed_in", "POST /advisories": "somewhere(manage_security)",
        "GET /advisories/feed.atom": "signed_in", "GET /advisories/:advisoryID": "signed_in",
        "POST /advisories/:advisoryID": "advisory(manage_security)",
        "POST /advisories/:advisoryID/withdraw": "advisory(manage_security)",
        "GET /advisories/:advisoryID/cap.xml": "signed_in",
        "GET /travel/directory": "signed_in", "GET /suggestions/duty-stations": "signed_in",
        "GET /api/v1/personnel/:personnelID/trips": "personnel_or_self(view_personal_data)",
        "POST /api/v1/personnel/:personnelID/trips": "personnel_or_self(manage_personnel)",
        "GET /api/v1/travel/requests/:requestID": "travel_reader",
        "PUT /api/v1/travel/requests/:requestID": "travel_owner",
        "POST /api/v1/travel/requests/:requestID/submit": "travel_owner",
        "POST /api/v1/travel/requests/:requestID/cancel": "travel_owner",
        "POST /api/v1/travel/requests/:requestID/legs/:legID/decision": "travel_leg(manage_security)",
        "GET /api/v1/travel/clearances": "somewhere(manage_security)",
        "GET /api/v1/advisories": "signed_in", "POST /api/v1/advisories": "somewhere(manage_security)",
        "GET /api/v1/advisories/feed.atom": "signed_in", "GET /api/v1/advisories/:advisoryID/cap": "signed_in",
        "GET /api/v1/air-operators": "signed_in", "POST /api/v1/air-operators": "headquarters(manage_security)",
        "GET /api/v1/travel/settings": "signed_in", "PUT /api/v1/travel/settings": "headquarters(configure_security)",
    ]

    @Test func everyRouteHasExactlyThePolicyWrittenHere() async throws {
        try await withTestApp(demo: false) { app in
            var actual: [String: String] = [:]
            for route in app.routes.all {
                let path =
                    "/"
                    + route.path.map { c -> String in
                        if case .parameter(let name) = c { return ":" + name }
                        return c.description
                    }.joined(separator: "/")
                actual["\(route.method.rawValue) \(path)"] =
                    (route.userInfo[Requirement.userInfoKey] as? Requirement)?.description ?? "none"
            }
            for key in Set(actual.keys).union(Self.policy.keys).sorted() where actual[key] != Self.policy[key] {
                Issue.record(
                    "\(key): routes say \(actual[key] ?? "nothing"), the policy says \(Self.policy[key] ?? "nothing")")
            }
        }
    }
}

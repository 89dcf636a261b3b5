import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Security areas and their levels, as the security officer, the regional security desk and the
/// staff of a duty station use them.
@Suite struct SecurityAreaTests {
    static func area(_ name: String, _ app: Application) async throws -> SecurityArea {
        try #require(try await SecurityArea.query(on: app.db).all().first { $0.name(in: "en") == name })
    }

    static func ratings(_ values: [Int]) -> [String: String] {
        var form: [String: String] = [:]
        for (c, v) in zip(ThreatCategory.allCases, values) { form["threat_\(c.rawValue)"] = String(v) }
        return form
    }

    @Test func theOfficerProposesLevelFiveAndTheRegionalDeskApprovesIt() async throws {
        try await withTestApp { app in
            let turkana = try await Self.area("Turkana", app)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            var form = Self.ratings([5, 2, 3, 2, 3])
            form["reason"] = "Armed clashes between communities near Kakuma."
            form["effective_on"] = PlanChecks.isoDay(app.clock.now)
            let proposed = try await officer.post(AppPath.securityAreaLevels(turkana.id!).path, form)
            #expect(proposed.status == .seeOther)
            // The desk is told, in its inbox.
            let desk = try await user("desk.ehagl", app)
            let inbox = try await InboxItem.query(on: app.db).filter(\.$user.$id == desk.requireID()).all()
            #expect(inbox.contains { $0.kind == "level_proposed" })
            let reviewer = Browser(app)
            reviewer.language = "zh-CN"
            #expect(try await reviewer.signIn("desk.ehagl"))
            let page = try await reviewer.get(AppPath.securityArea(turkana.id!).path).body.string
            #expect(page.contains("等待区域业务司核准") && page.contains("核准"))
            let waiting = try #require(
                try await SecurityLevelDecision.query(on: app.db).filter(\.$area.$id == turkana.requireID())
                    .filter(\.$state == .proposed).first())
            let decided = try await reviewer.post(AppPath.securityLevelDecision(waiting.id!).path, ["move": "approve"])
            #expect(decided.status == .seeOther)
            let after = try await reviewer.get(AppPath.securityArea(turkana.id!).path).body.string
            #expect(after.contains("5 级 – 高") && after.contains("图尔卡纳") && after.contains("核准：该等级自生效日期起适用"))
            // Three months for level 5.
            let approved = try #require(try await SecurityLevelDecision.find(waiting.id, on: app.db))
            #expect(approved.state == .approved && approved.decidedByName == "desk.ehagl")
            #expect(approved.nextReview == SecurityCalendar.adding(months: 3, to: app.clock.now))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "security_level")
                .filter(\.$entityID == waiting.id).all()
            #expect(Set(audit.map(\.actorName)) == ["security.kenya", "desk.ehagl"])
        }
    }

    @Test func badInputComesBackBesideEachFieldAndNothingIsSaved() async throws {
        try await withTestApp { app in
            let turkana = try await Self.area("Turkana", app)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let before = try await SecurityLevelDecision.query(on: app.db).count()
            var form = Self.ratings([7, 2, 3, 2, 3])
            form["reason"] = "Clashes"
            form["effective_on"] = "2026-11-10"
            form["next_review"] = "2026-11-01"
            let response = try await officer.post(AppPath.securityAreaLevels(turkana.id!).path, form)
            let body = response.body.string
            #expect(response.status == .unprocessableEntity)
            #expect(body.contains("请输入 1 至 6 之间的数字") == false && body.contains("Enter a number from 1 to 6."))
            #expect(body.contains("id=\"f-threat_armed_conflict-error\""))
            // The review date is checked once the ratings are right.
            form["threat_armed_conflict"] = "2"
            let early = try await officer.post(AppPath.securityAreaLevels(turkana.id!).path, form).body.string
            #expect(
                early.contains("id=\"f-next_review-error\"")
                    && early.contains("cannot be before the level takes effect"))
            form["next_review"] = "2027-12-01"
            let late = try await officer.post(AppPath.securityAreaLevels(turkana.id!).path, form).body.string
            #expect(late.contains("at most 6 months after the level takes effect"))
            #expect(try await SecurityLevelDecision.query(on: app.db).count() == before)
        }
    }

    @Test func nobodyApprovesTheirOwnProposal() async throws {
        try await withTestApp { app in
            // The officer also holds the regional desk's role.
            let officer = try await user("security.kenya", app)
            let region = try await unit("RB-EHAGL", app)
            try await RoleGrant(
                userID: officer.requireID(), unitID: region.requireID(), role: .regionalSecurityDesk, grantedByID: nil
            ).create(on: app.db)
            let browser = Browser(app)
            #expect(try await browser.signIn("security.kenya"))
            let nairobi = try await Self.area("Nairobi", app)
            var form = Self.ratings([1, 2, 2, 2, 1])
            form["reason"] = "Unchanged since the last review."
            form["effective_on"] = PlanChecks.isoDay(app.clock.now)
            #expect(try await browser.post(AppPath.securityAreaLevels(nairobi.id!).path, form).status == .seeOther)
            let proposal = try #require(
                try await SecurityLevelDecision.query(on: app.db).filter(\.$state == .proposed).first())
            // Same ratings as the level in force: a review confirming it.
            #expect(proposal.unchanged)
            let refused = try await browser.post(AppPath.securityLevelDecision(proposal.id!).path, ["move": "approve"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("You proposed this"))
            #expect(try await SecurityLevelDecision.find(proposal.id, on: app.db)?.state == .proposed)
        }
    }

    @Test func aDutyStationMovesOnlyToAnAreaOfItsCountry() async throws {
        try await withTestApp { app in
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let turkana = try await Self.area("Turkana", app)
            let dadaab = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Dadaab").first())
            let moved = try await officer.post(
                AppPath.securityAreaStations(turkana.id!).path, ["station": dadaab.id!.uuidString])
            #expect(moved.status == .seeOther)
            #expect(try await DutyStation.find(dadaab.id, on: app.db)?.$area.id == turkana.id)
            // Gambella is in Ethiopia.
            let gambella = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Gambella").first())
            let refused = try await officer.post(
                AppPath.securityAreaStations(turkana.id!).path, ["station": gambella.id!.uuidString])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Gambella is in ET; this area is in KE"))
            #expect(try await DutyStation.find(gambella.id, on: app.db)?.$area.id != turkana.id)
        }
    }

    @Test func staffReadTheirDutyStationsLevelButNotTheAreasSecurityPages() async throws {
        try await withTestApp { app in
            let staff = Browser(app)
            #expect(try await staff.signIn("staff.coxsbazar"))
            let station = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Cox's Bazar").first())
            let area = try await SecurityArea.find(station.$area.id, on: app.db)!
            // Bangladesh has no level yet in the demo; the officer of Kenya sets none there.
            let page = try await staff.get(AppPath.dutyStation(station.id!).path).body.string
            #expect(page.contains("No level approved yet"))
            #expect(try await staff.get(AppPath.securityArea(area.id!).path).status == .forbidden)
            #expect(try await staff.get(AppPath.security.path).status == .forbidden)
            // In Kenya, the level in force shows on the station's page, overdue review flagged.
            let kenyan = Browser(app)
            #expect(try await kenyan.signIn("security.kenya"))
            let nairobi = try #require(try await DutyStation.query(on: app.db).filter(\.$name == "Nairobi").first())
            let text = try await kenyan.get(AppPath.dutyStation(nairobi.id!).path).body.string
            #expect(text.contains("2 – Low") && text.contains("Review overdue since"))
        }
    }

    @Test func theAPIProposesDecidesAndListsTheAreas() async throws {
        try await withTestApp { app in
            let kenya = try await unit("KEN", app)
            let officer = try await apiHeaders("security.kenya", app)
            let list = try await app.testing().sendRequest(
                .GET, AppPath.apiUnitSecurityAreas(kenya.id!).path, headers: officer)
            let areas = try JSONDecoder.iso.decode([SecurityAreaDTO].self, from: Data(buffer: list.body))
            #expect(Set(areas.map { $0.names["en"] ?? "" }) == ["Nairobi", "Garissa", "Turkana"])
            #expect(areas.first { $0.names["en"] == "Garissa" }?.level?.level == 5)
            #expect(areas.first { $0.names["en"] == "Nairobi" }?.reviewOverdue == true)
            let turkana = try #require(areas.first { $0.names["en"] == "Turkana" })
            let body = """
                {"threats": {"armed_conflict": 2, "terrorism": 1, "crime": 4, "civil_unrest": 2, "hazards": 3},
                 "reason": "Banditry on the Lodwar road.", "effectiveOn": "\(PlanChecks.isoDay(app.clock.now))"}
                """
            let proposed = try await app.testing().sendRequest(
                .POST, AppPath.apiSecurityAreaLevels(turkana.id).path, headers: officer, body: ByteBuffer(string: body))
            #expect(proposed.status == .created)
            let level = try JSONDecoder.iso.decode(SecurityLevelDTO.self, from: Data(buffer: proposed.body))
            #expect(level.level == 4 && level.state == "proposed" && level.levelName == "substantial")
            // The officer cannot approve; the desk can.
            let byOfficer = try await app.testing().sendRequest(
                .POST, AppPath.apiSecurityLevelDecision(level.id).path, headers: officer,
                body: ByteBuffer(string: #"{"move": "approve"}"#))
            #expect(byOfficer.status == .unprocessableEntity)
            let desk = try await apiHeaders("desk.ehagl", app)
            let returned = try await app.testing().sendRequest(
                .POST, AppPath.apiSecurityLevelDecision(level.id).path, headers: desk,
                body: ByteBuffer(string: #"{"move": "return"}"#))
            #expect(returned.status == .unprocessableEntity)
            #expect(returned.body.string.contains("reason"))
            let approved = try await app.testing().sendRequest(
                .POST, AppPath.apiSecurityLevelDecision(level.id).path, headers: desk,
                body: ByteBuffer(string: #"{"move": "approve"}"#))
            #expect(
                try JSONDecoder.iso.decode(SecurityLevelDTO.self, from: Data(buffer: approved.body)).state == "approved"
            )
            let detail = try await app.testing().sendRequest(
                .GET, AppPath.apiSecurityArea(turkana.id).path, headers: desk)
            let area = try JSONDecoder.iso.decode(SecurityAreaDTO.self, from: Data(buffer: detail.body))
            #expect(area.level?.level == 4 && area.history?.count == 2)
        }
    }

    /// The migration turns the area names the duty stations carried into areas of their country,
    /// kept by the country operation, and back.
    @Test func theMigrationMakesOneAreaPerCountryAndNameKeptByTheCountryOperation() async throws {
        try await withTestApp { app in
            // Trips and advisories name areas: they go first and come back last.
            try await CreateTravel().revert(on: app.db)
            try await CreateAssessmentComment().revert(on: app.db)
            try await CreateRiskAssessment().revert(on: app.db)
            try await CreateSecurityLevel().revert(on: app.db)
            try await CreateSecurityArea().revert(on: app.db)
            try await CreateSecurityArea().prepare(on: app.db)
            try await CreateSecurityLevel().prepare(on: app.db)
            try await CreateRiskAssessment().prepare(on: app.db)
            try await CreateAssessmentComment().prepare(on: app.db)
            try await CreateTravel().prepare(on: app.db)
            let kenya = try await unit("KEN", app)
            let areas = try await SecurityArea.query(on: app.db).filter(\.$country == "KE").all()
            #expect(Set(areas.map { $0.name(in: "en") }) == ["Nairobi", "Garissa", "Turkana"])
            #expect(areas.allSatisfy { $0.$unit.id == kenya.id })
            // The regional bureau's place in Nairobi shares Kenya's Nairobi area.
            let nairobi = try await DutyStation.query(on: app.db).filter(\.$name == "Nairobi").all()
            #expect(nairobi.count == 2 && Set(nairobi.map(\.$area.id)).count == 1)
        }
    }
}

extension JSONDecoder {
    static var iso: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// HQ's security settings.
@Suite struct SecuritySettingsTests {
    @Test func HQSetsTheReviewIntervalsAndAcceptableRiskAndBadValuesAreRefusedBesideTheirFields() async throws {
        try await withTestApp { app in
            let hq = try await Browser(app).signedIn("hq.oversight")
            var form = [
                "months_1": "6", "months_2": "6", "months_3": "6", "months_4": "4", "months_5": "2", "months_6": "0",
            ]
            form["limit_low"] = "pc4"; form["limit_medium"] = "pc2"; form["limit_high"] = "pc3"
            form["limit_very_high"] = "pc1"; form["limit_unacceptable"] = "none"
            let refused = try await hq.post(AppPath.securitySettings.path, form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("id=\"f-months_6-error\""))
            form["months_6"] = "1"
            let order = try await hq.post(AppPath.securitySettings.path, form)
            #expect(order.body.string.contains("id=\"f-limit_high-error\""))
            #expect(try await SecuritySettings.intervals(on: app.db) == .standard)
            form["limit_high"] = "pc2"
            #expect(try await hq.post(AppPath.securitySettings.path, form).status == .seeOther)
            #expect(try await SecuritySettings.intervals(on: app.db).months == [6, 6, 6, 4, 2, 1])
            #expect(!(try await SecuritySettings.acceptableRisk(on: app.db).accepts(.pc3, at: .medium)))
            // A level 5 proposed now is due for review in two months.
            let turkana = try await SecurityAreaTests.area("Turkana", app)
            let proposal = try await SecurityLevelService.propose(
                for: turkana,
                LevelProposalInput(
                    threats: [
                        "armed_conflict": "5", "terrorism": "1", "crime": "3", "civil_unrest": "2", "hazards": "3",
                    ],
                    reason: "Clashes", effectiveOn: "2026-12-10"), by: app.systemContext, on: app.db)
            #expect(PlanChecks.isoDay(proposal.nextReview) == "2027-02-10")
        }
    }
}

/// The review of an assessment: the desk asks on a threat while it is submitted, returns it, the
/// officer answers and submits again, the desk approves; then it is immutable.
@Suite struct AssessmentReviewTests {
    @Test func theDeskAsksOnAThreatTheOfficerAnswersAndTheApprovedVersionIsImmutable() async throws {
        try await withTestApp { app in
            let turkana = try await SecurityAreaTests.area("Turkana", app)
            let record = try #require(
                try await RiskAssessmentRecord.query(on: app.db).filter(\.$area.$id == turkana.requireID()).first())
            let threat = try #require(record.assessment.threats.first)
            let officer = try await Browser(app).signedIn("security.kenya")
            let desk = try await Browser(app).signedIn("desk.ehagl")
            desk.language = "zh-CN"
            // Nothing to approve before it is submitted; the officer submits.
            #expect(
                try await desk.post(AppPath.riskAssessmentMove(record.id!).path, ["move": "approve"]).status
                    == .unprocessableEntity)
            #expect(
                try await officer.post(AppPath.riskAssessmentMove(record.id!).path, ["move": "submit"]).status
                    == .seeOther)
            // The desk is told, in its inbox and on its home page.
            let deskUser = try await user("desk.ehagl", app)
            #expect(
                try await InboxItem.query(on: app.db).filter(\.$user.$id == deskUser.requireID())
                    .filter(\.$kind == "assessment_submitted").count() == 1)
            #expect(try await desk.get(AppPath.home.path).body.string.contains("1 份安全风险评估等待您决定。"))
            // The officer waits while the desk reads; the desk asks on the threat.
            let early = try await officer.post(
                AppPath.riskAssessmentComments(record.id!).path, ["threat": threat.id.uuidString, "body": "Note"])
            #expect(early.status == .unprocessableEntity)
            let asked = try await desk.post(
                AppPath.riskAssessmentComments(record.id!).path,
                ["threat": threat.id.uuidString, "body": "Is the residual likelihood 3 with hourly radio checks?"])
            #expect(asked.status == .seeOther)
            let returned = try await desk.post(AppPath.riskAssessmentMove(record.id!).path, ["move": "return"])
            #expect(returned.body.string.contains("请说明理由"))
            #expect(
                try await desk.post(
                    AppPath.riskAssessmentMove(record.id!).path,
                    ["move": "return", "reason": "See the question on banditry."]
                ).status == .seeOther)
            #expect(
                try await officer.post(
                    AppPath.riskAssessmentComments(record.id!).path,
                    ["threat": threat.id.uuidString, "body": "Yes: escorts were added in November."]
                ).status == .seeOther)
            let page = try await officer.get(AppPath.riskAssessment(record.id!).path).body.string
            #expect(page.contains("Is the residual likelihood 3") && page.contains("escorts were added"))
            #expect(
                try await officer.post(AppPath.riskAssessmentMove(record.id!).path, ["move": "submit"]).status
                    == .seeOther)
            #expect(
                try await desk.post(AppPath.riskAssessmentMove(record.id!).path, ["move": "approve"]).status
                    == .seeOther)
            let approved = try #require(try await RiskAssessmentRecord.find(record.id, on: app.db))
            #expect(approved.state == .approved)
            #expect(approved.validUntil == SecurityCalendar.adding(months: 12, to: app.clock.now))
            // Approved: not changed any more, and no more messages.
            let change = try await officer.post(
                AppPath.riskAssessmentThreats(record.id!).path,
                [
                    "kind": "crime", "description": "Theft", "likelihood": "2", "impact": "2",
                    "residual_likelihood": "1",
                    "residual_impact": "1", "decision": "accept",
                ])
            #expect(change.status == .unprocessableEntity)
            #expect(try await RiskAssessmentRecord.find(record.id, on: app.db)?.assessment.threats.count == 1)
            let headers = try await apiHeaders("desk.ehagl", app)
            let late = try await app.testing().sendRequest(
                .POST, AppPath.apiRiskAssessmentComments(record.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"body": "One more"}"#))
            #expect(late.status == .unprocessableEntity)
            let list = try await app.testing().sendRequest(
                .GET, AppPath.apiRiskAssessmentComments(record.id!).path, headers: headers)
            #expect(try JSONDecoder.iso.decode([AssessmentCommentDTO].self, from: Data(buffer: list.body)).count == 2)
            // The next review starts a new version, a copy of this one.
            let next = try await RiskAssessmentService.draft(for: turkana, by: app.systemContext, on: app.db)
            #expect(next.version == 2 && next.assessment == approved.assessment)
        }
    }

    @Test func aResidualRatingAboveTheRatingBeforeMeasuresIsRefusedBesideItsField() async throws {
        try await withTestApp { app in
            let turkana = try await SecurityAreaTests.area("Turkana", app)
            let record = try #require(
                try await RiskAssessmentRecord.query(on: app.db).filter(\.$area.$id == turkana.requireID()).first())
            let officer = try await Browser(app).signedIn("security.kenya")
            let refused = try await officer.post(
                AppPath.riskAssessmentThreats(record.id!).path,
                [
                    "kind": "hazards", "description": "Drought", "likelihood": "3", "impact": "3",
                    "residual_likelihood": "4",
                    "residual_impact": "3", "decision": "accept",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("id=\"f-residual_likelihood-error\""))
            #expect(try await RiskAssessmentRecord.find(record.id, on: app.db)?.assessment.threats.count == 1)
        }
    }
}

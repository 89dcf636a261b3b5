import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// HQ's measures and each duty station's compliance, as the officer records it and the
/// dashboards roll it up.
@Suite struct MeasureComplianceTests {
    static func station(_ name: String, _ app: Application) async throws -> DutyStation {
        try #require(try await DutyStation.query(on: app.db).filter(\.$name == name).first())
    }

    @Test func kakumaGoesFromSeventyToEightyPerCentWhenOneMeasureIsMet() async throws {
        try await withTestApp { app in
            let kakuma = try await Self.station("Kakuma", app)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            // Level 3: the ten measures with a baseline of 1 to 3 (DemoSecurity), 7 met.
            let before = try await officer.get(AppPath.dutyStationMeasures(kakuma.id!).path).body.string
            #expect(before.contains("70% (7 of 10 measures)"))
            let saved = try await officer.post(
                AppPath.dutyStationMeasures(kakuma.id!).path,
                ["status-TEL-02": "compliant", "evidence-TEL-02": "Thuraya handset in the radio room."])
            #expect(saved.status == .seeOther)
            let after = try await officer.get(AppPath.dutyStationMeasures(kakuma.id!).path).body.string
            #expect(after.contains("80% (8 of 10 measures)") && after.contains("“Kakuma” saved."))
            let record = try #require(
                try await MeasureComplianceRecord.query(on: app.db).filter(\.$station.$id == kakuma.requireID())
                    .join(SecurityMeasure.self, on: \MeasureComplianceRecord.$measure.$id == \SecurityMeasure.$id)
                    .filter(SecurityMeasure.self, \.$code == "TEL-02").first())
            #expect(record.status == .compliant && record.verifiedByName == "security.kenya")
            #expect(record.evidence == "Thuraya handset in the radio room.")
            // The change is in the audit trail, status before and after.
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "measure_compliance")
                    .filter(\.$entityID == record.id).sort(\.$at, .descending).first())
            #expect(entry.before.contains("partly_compliant") && entry.after.contains("\"compliant\""))
        }
    }

    @Test func aMeasureNotRequiredOrNotApplicableWithoutReasonIsRefusedAndNothingSaved() async throws {
        try await withTestApp { app in
            let kakuma = try await Self.station("Kakuma", app)
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            let count = try await MeasureComplianceRecord.query(on: app.db).count()
            // PRE-03 is required from level 5; Kakuma is at 3.
            let headers = try await apiHeaders("security.kenya", app)
            let api = try await app.testing().sendRequest(
                .POST, AppPath.apiDutyStationMeasures(kakuma.id!).path, headers: headers,
                body: ByteBuffer(
                    string: #"{"measures": {"PRE-03": {"status": "compliant"}, "TEL-02": {"status": "compliant"}}}"#))
            #expect(api.status == .unprocessableEntity)
            #expect(api.body.string.contains("status-PRE-03") && api.body.string.contains("not required to meet"))
            let page = try await officer.post(
                AppPath.dutyStationMeasures(kakuma.id!).path,
                ["status-COO-02": "not_applicable", "status-TEL-02": "compliant"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("id=\"f-reason-COO-02-error\""))
            #expect(try await MeasureComplianceRecord.query(on: app.db).count() == count)
            let unchanged = try await ComplianceService.of([kakuma], at: app.clock.now, on: app.db).first?.share
            #expect(unchanged?.percent == 70)
        }
    }

    @Test func notApplicableLeavesTheCountAndTheRollUpAveragesTheStations() async throws {
        try await withTestApp { app in
            // Dadaab, level 5: the 16 measures of its baseline and the residential survey Garissa's
            // assessment adds; blast film not applicable, 12 of the other 16 met.
            let dadaab = try await Self.station("Dadaab", app)
            let share = try #require(
                try await ComplianceService.of([dadaab], at: app.clock.now, on: app.db).first?.share)
            #expect(share.required == 17 && share.notApplicable == 1 && share.compliant == 12)
            // Kenya: Nairobi 7/7, Dadaab 12/16, Kakuma 7/10; the bureau's Nairobi place is the
            // region's. Ethiopia: Addis 7/7, Gambella 11/14, Jijiga 8/10.
            let kenya = try await unit("KEN", app)
            let roll = try await ComplianceService.rollUps(of: kenya, at: app.clock.now, on: app.db).all
            #expect(roll.stations == 3 && roll.fullyCompliant == 1)
            #expect(abs(roll.averagePercent! - (100 + 75 + 70) / 3) < 1e-9)
            let region = try await unit("RB-EHAGL", app)
            let regional = try await ComplianceService.rollUps(of: region, at: app.clock.now, on: app.db)
            #expect(regional.all.stations == 7 && regional.all.fullyCompliant == 2)
            #expect(Set(regional.children.map(\.unit.code)) == ["KEN", "ETH"])
            let page = try await Browser(app).signedIn("hq.oversight").get(AppPath.unitSecurity(region.id!).path)
            #expect(page.body.string.contains("2 fully compliant (29%)"))
        }
    }

    @Test func HQAddsAMeasureAndItIsRequiredFromItsLevel() async throws {
        try await withTestApp { app in
            let hq = Browser(app)
            #expect(try await hq.signIn("hq.oversight"))
            let refused = try await hq.post(
                AppPath.securityMeasures.path, ["code": "TEL 3", "category": "telecommunications", "name-en": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains("id=\"f-code-error\"")
                    && refused.body.string.contains("id=\"f-name-en-error\""))
            let added = try await hq.post(
                AppPath.securityMeasures.path,
                [
                    "code": "TEL-03", "category": "telecommunications", "baseline_from": "2",
                    "name-en": "Emergency broadcast SMS",
                    "name-zh-Hans": "紧急群发短信",
                ])
            #expect(added.status == .seeOther)
            let kakuma = try await Self.station("Kakuma", app)
            let share = try #require(
                try await ComplianceService.of([kakuma], at: app.clock.now, on: app.db).first?.share)
            #expect(share.required == 11 && share.compliant == 7)
            // Security officers read the catalogue but do not change it.
            let officer = Browser(app)
            #expect(try await officer.signIn("security.kenya"))
            #expect(
                try await officer.get(AppPath.securityMeasures.path).body.string.contains("Emergency broadcast SMS"))
            #expect(try await officer.post(AppPath.securityMeasures.path, ["code": "X-1"]).status == .forbidden)
        }
    }
}

extension Browser {
    /// Signs in and returns the browser, for a one-line read.
    func signedIn(_ username: String) async throws -> Browser {
        try await signIn(username)
        return self
    }
}

/// The join of security and continuity: a plan's critical process at a place whose residual risk
/// is beyond what its programme criticality accepts.
@Suite struct AcceptableRiskTests {
    @Test func ethiopiasPlanWarnsOfItsPC3ProcessAtGambellaAndTheDashboardsShowIt() async throws {
        try await withTestApp { app in
            let plan = try await newestPlan("ETH", app)
            let hq = try await Browser(app).signedIn("hq.oversight")
            let page = try await hq.get(AppPath.plan(plan.id!).path).body.string
            #expect(page.contains("Livelihoods training (PC3) is done at Gambella, where the residual risk is High"))
            #expect(!page.contains("General food distribution in the Gambella camps (PC1) is done"))
            let region = try await unit("RB-EHAGL", app)
            let dashboard = try await hq.get(AppPath.unitSecurity(region.id!).path).body.string
            #expect(dashboard.contains("Livelihoods training (PC3)"))
            // HQ lets high residual risk be accepted down to PC3: the warning goes.
            try await SettingStore.set(
                SecuritySettings.acceptableRiskKey,
                to: try AcceptableRisk([.low: .pc4, .medium: .pc3, .high: .pc3, .veryHigh: .pc1, .unacceptable: nil]),
                by: app.systemContext, on: app.db)
            #expect(
                !(try await hq.get(AppPath.plan(plan.id!).path).body.string.contains(
                    "Livelihoods training (PC3) is done")))
        }
    }
}

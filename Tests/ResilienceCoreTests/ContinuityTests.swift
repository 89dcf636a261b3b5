import Foundation
import Testing

@testable import ResilienceCore

private let scale = ImpactScale.standard
private let now = Date(timeIntervalSince1970: 1_790_000_000)
private let nextReview = now.addingTimeInterval(365 * 24 * 3600)

/// A rating row that turns intolerable (4) at the given ladder index and stays there.
private func row(intolerableFrom index: Int?) -> [Int?] {
    scale.ladderHours.indices.map { i in index.map { i >= $0 ? 4 : 2 } ?? 2 }
}

private func process(
    _ name: String, intolerableFrom index: Int? = nil, rto: Double? = nil, pc: ProgrammeCriticality? = nil
) -> CriticalProcess {
    var p = CriticalProcess(name: name)
    p.impact = Dictionary(uniqueKeysWithValues: scale.categories.map { ($0, row(intolerableFrom: nil)) })
    if let index { p.impact["staff_safety"] = row(intolerableFrom: index) }
    p.rtoHours = rto
    p.programmeCriticality = pc
    return p
}

@Suite struct ImpactAnalysisTests {
    @Test func theMTPDIsTheFirstPointWhereAnyCategoryBecomesIntolerable() {
        var p = process("Registration", intolerableFrom: 3)
        p.impact["people_served"] = row(intolerableFrom: 4)
        let analysis = ImpactAnalysis.analyse(p, scale: scale)
        #expect(analysis.mtpdHours == 24)
        #expect(analysis.drivingCategory == "staff_safety")
        #expect(analysis.tier == .sameDay)
    }

    @Test func withNoRatingsThereIsNoMTPDAndNothingIsRated() {
        let analysis = ImpactAnalysis.analyse(CriticalProcess(name: "Empty"), scale: scale)
        #expect(analysis.mtpdHours == nil && analysis.tier == nil && !analysis.rtoExceedsMTPD)
        #expect(analysis.ratedCells == 0 && analysis.totalCells == 45)
    }

    @Test func whenEverythingIsTolerableThereIsNoMTPDAndAnyRTOPasses() {
        let analysis = ImpactAnalysis.analyse(process("Archive", rto: 2000), scale: scale)
        #expect(analysis.mtpdHours == nil && !analysis.rtoExceedsMTPD)
        #expect(analysis.tier == .longer)
        #expect(analysis.ratedCells == 45)
    }

    @Test func anRTOLongerThanTheMTPDIsFlaggedAndEqualIsNot() {
        #expect(ImpactAnalysis.analyse(process("A", intolerableFrom: 2, rto: 9), scale: scale).rtoExceedsMTPD)
        #expect(!ImpactAnalysis.analyse(process("B", intolerableFrom: 2, rto: 8), scale: scale).rtoExceedsMTPD)
    }

    @Test func onATieTheFirstCategoryOfTheScaleDrives() {
        var p = process("Tie", intolerableFrom: 1)
        p.impact["people_served"] = row(intolerableFrom: 1)
        #expect(ImpactAnalysis.analyse(p, scale: scale).drivingCategory == "people_served")
    }

    /// Liaison's RTO (72 h) ties with the MTPD of Protection, Aid and Payroll (72 h): PC1 goes
    /// first, then names decide.
    @Test func recoveryOrderIsByDeadlineThenCriticalityThenNameWithUnratedLast() {
        let processes = [
            process("Unrated"), process("Payroll", intolerableFrom: 4), process("Security", intolerableFrom: 1),
            process("Protection", intolerableFrom: 4, pc: .pc1), process("Liaison", rto: 72),
            process("Aid", intolerableFrom: 4),
        ]
        #expect(
            ImpactAnalysis.recoveryOrder(processes, scale: scale).map(\.name)
                == ["Security", "Protection", "Aid", "Liaison", "Payroll", "Unrated"])
    }

    @Test func tiersFollowTheHours() {
        #expect(
            [1, 4, 8, 24, 72, 168, 336].map(RecoveryTier.init(hours:))
                == [.immediate, .immediate, .sameDay, .sameDay, .withinWeek, .withinWeek, .longer])
    }

    @Test func aScaleWithALadderOutOfOrderOrAnImpossibleToleranceIsRefused() {
        #expect(throws: DomainError.self) { try ImpactScale(ladderHours: [4, 1], categories: ["a"], tolerance: 3) }
        #expect(throws: DomainError.self) { try ImpactScale(ladderHours: [1], categories: ["a", "a"], tolerance: 3) }
        #expect(throws: DomainError.self) { try ImpactScale(ladderHours: [1], categories: ["a"], tolerance: 5) }
    }
}

/// A plan with nothing wrong: every check passes.
private func soundPlan() -> PlanContent {
    var plan = PlanContent()
    plan.team = TeamFunction.required.map { TeamMember(name: "M \($0.rawValue)", function: $0) }
    plan.team[0].isLead = true
    var site = AlternateSite(name: "UN House")
    site.assetsToMove = ["Satellite phone"]
    plan.sites = [site]
    var p = process("Registration", intolerableFrom: 3, rto: 8)
    p.alternatives = ["Mobile registration teams"]
    p.staff = [StaffAssignment(person: "a", name: "Amina", role: "Registration officer", briefed: true)]
    p.classification = .onSiteOffice
    p.siteIDs = [site.id]
    p.criteria = [.protectionAndWellBeing]
    plan.processes = [p]
    plan.exercises = [Exercise(date: now.addingTimeInterval(-30 * 24 * 3600), kind: .tabletop)]
    return plan
}

@Suite struct PlanCheckTests {
    private func codes(_ plan: PlanContent) -> [PlanCheck.Code] {
        PlanChecks.run(plan, scale: scale, now: now, nextReview: nextReview).map(\.code)
    }

    @Test func aSoundPlanHasNoFindingAndCanBeSubmitted() {
        let checks = PlanChecks.run(soundPlan(), scale: scale, now: now, nextReview: nextReview)
        #expect(checks.isEmpty)
        #expect(PlanChecks.canSubmit(checks))
    }

    @Test func anEmptyPlanMissesEveryRequiredTeamFunctionAndAnExercise() {
        let checks = PlanChecks.run(PlanContent(), scale: scale, now: now, nextReview: nextReview)
        #expect(checks.filter { $0.code == .teamFunctionMissing }.count == 7)
        #expect(checks.last?.code == .noRecentExercise)
        #expect(!PlanChecks.canSubmit(checks))
    }

    @Test func eachBlockingErrorHasItsCode() {
        var plan = soundPlan()
        plan.team.removeAll { $0.function == .supply }
        #expect(codes(plan) == [.teamFunctionMissing])
        plan = soundPlan(); plan.processes[0].alternatives = ["  "]
        #expect(codes(plan) == [.processWithoutAlternative])
        plan = soundPlan(); plan.processes[0].staff = []
        #expect(codes(plan) == [.processWithoutStaff])
        plan = soundPlan(); plan.processes[0].rtoHours = 72
        #expect(codes(plan) == [.rtoExceedsMTPD])
        #expect(
            PlanChecks.run(plan, scale: scale, now: now, nextReview: nextReview)[0].args == [
                "Registration", "72", "24",
            ])
        plan = soundPlan(); plan.processes[0].siteIDs = []
        #expect(codes(plan) == [.onSiteProcessWithoutSite])
        // The impact analysis and the process's recovery: each missing part blocks (issue 14).
        plan = soundPlan(); plan.processes[0].impact = [:]
        #expect(codes(plan) == [.processNotRated])
        plan = soundPlan(); plan.processes[0].rtoHours = nil
        #expect(codes(plan) == [.processWithoutRTO])
        plan = soundPlan(); plan.processes[0].minimumStaffCount = 3
        #expect(codes(plan) == [.processShortOfStaff])
        #expect(
            PlanChecks.run(plan, scale: scale, now: now, nextReview: nextReview)[0].args == ["Registration", "3", "1"])
        plan = soundPlan(); plan.processes[0].minimumStaffCount = 1
        #expect(codes(plan).isEmpty)
        plan = soundPlan(); plan.processes[0].classification = nil; plan.processes[0].siteIDs = []
        #expect(codes(plan) == [.processNotClassified])
        plan.processes[0].classification = .remoteInCountry
        #expect(codes(plan).isEmpty)
    }

    @Test func warningsDoNotBlockSubmission() {
        var plan = soundPlan()
        let amina = plan.processes[0].staff[0]
        for name in ["Payroll", "Liaison"] {
            var p = plan.processes[0]; p.id = UUID(); p.name = name; p.staff = [amina]
            plan.processes.append(p)
        }
        plan.processes[0].dependencies = [Dependency(kind: .itSystem, name: "proGres", recoveryHours: 48)]
        plan.agreements = [
            Agreement(partner: "Hotel Lido", kind: .officeSpace, validUntil: now.addingTimeInterval(-3600)),
            Agreement(partner: "WFP", kind: .transport, validUntil: nextReview.addingTimeInterval(3600)),
        ]
        plan.exercises = [Exercise(date: now.addingTimeInterval(-400 * 24 * 3600), kind: .full)]
        let checks = PlanChecks.run(plan, scale: scale, now: now, nextReview: nextReview)
        #expect(
            Set(checks.map(\.code)) == [
                .singlePointOfFailure, .dependencySlowerThanRTO, .agreementExpiring, .noRecentExercise,
            ])
        #expect(checks.first { $0.code == .agreementExpiring }?.args.last == "expired")
        #expect(checks.first { $0.code == .singlePointOfFailure }?.args.prefix(2) == ["Amina", "3"])
        #expect(PlanChecks.canSubmit(checks))
    }

    @Test func completenessRisesAsSectionsAreFilledIn() {
        let empty = PlanContent()
        let emptyScore = PlanCompleteness.of(
            empty, scale: scale, checks: PlanChecks.run(empty, scale: scale, now: now, nextReview: nextReview))
        #expect(emptyScore.overall == 0)
        let plan = soundPlan()
        let score = PlanCompleteness.of(
            plan, scale: scale, checks: PlanChecks.run(plan, scale: scale, now: now, nextReview: nextReview))
        #expect(score.sections[.team] == 1 && score.sections[.impact] == 1 && score.sections[.alternatives] == 1)
        #expect(score.sections[.nationalStaff] == 0)
        #expect(score.overall > 0.5 && score.overall < 1)
    }

    @Test func aPlanSurvivesAJSONRoundTripUnchanged() throws {
        let plan = soundPlan()
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(PlanContent.self, from: encoder.encode(plan)) == plan)
    }
}

@Suite struct PlanValidationTests {
    @Test func aSoundPlanIsValid() throws {
        try soundPlan().validate(scale: scale)
    }

    @Test func everyRefusalNamesTheItemByItsPath() {
        var plan = soundPlan()
        plan.processes[0].impact["staff_safety"]![2] = 7
        plan.processes[0].impact["weather"] = [1]
        plan.processes[0].siteIDs.append(UUID())
        plan.team[1].name = "  "
        plan.agreements = [
            Agreement(partner: "WFP", kind: .transport, validFrom: now, validUntil: now.addingTimeInterval(-1))
        ]
        plan.processes[0].rtoHours = -4
        do {
            try plan.validate(scale: scale)
            Issue.record("an invalid plan was accepted")
        } catch {
            #expect(
                Set(error.errors.map { "\($0.field ?? "")=\($0.problem.rawValue)" }) == [
                    "processes[0].impact.staff_safety[2]=rating_out_of_range",
                    "processes[0].impact.weather=invalid_choice",
                    "processes[0].siteIDs[1]=not_found",
                    "team[1].name=required",
                    "agreements[0].validUntil=date_order",
                    "processes[0].rtoHours=out_of_range",
                ])
        }
    }
}

@Suite struct PlanDiffTests {
    @Test func identicalVersionsHaveNoChangeAndPlansWithOtherItemsDo() {
        let plan = soundPlan()
        #expect(PlanDiff.compare(plan, plan).isEmpty)
        // Items are matched by identifier: another plan's team is removed and added, not "changed".
        let kinds = Set(PlanDiff.compare(plan, soundPlan()).map(\.kind))
        #expect(kinds == [.added, .removed])
    }

    @Test func addedRemovedChangedAndMovedItemsAreFoundBySection() {
        let old = soundPlan()
        var new = old
        new.processes[0].rtoHours = 4
        new.processes[0].impact["trust"] = row(intolerableFrom: 0)
        let payroll = CriticalProcess(name: "Payroll")
        new.processes.append(payroll)
        let removed = new.team.removeFirst()
        new.team.swapAt(0, 1)
        new.nationalStaff.seniorStaffMember = "Rahima Akter"
        let changes = PlanDiff.compare(old, new)
        #expect(
            changes.contains(
                PlanChange(
                    section: .processes, itemID: old.processes[0].id, itemName: "Registration",
                    kind: .changed, fields: ["impact", "rtoHours"])))
        #expect(
            changes.contains(
                PlanChange(section: .processes, itemID: payroll.id, itemName: "Payroll", kind: .added, fields: [])))
        #expect(
            changes.contains(
                PlanChange(section: .team, itemID: removed.id, itemName: removed.name, kind: .removed, fields: [])))
        #expect(changes.filter { $0.kind == .moved }.count == 2)
        #expect(
            changes.contains(
                PlanChange(
                    section: .nationalStaff, itemID: nil, itemName: "", kind: .changed, fields: ["seniorStaffMember"])))
        #expect(changes.count == 6)
    }

    @Test func aRemovalDoesNotMakeTheItemsAfterItLookMoved() {
        let old = soundPlan()
        var new = old
        new.team.remove(at: 2)
        #expect(PlanDiff.compare(old, new).map(\.kind) == [.removed])
    }
}

@Suite struct PlanStorageRulesTests {
    @Test func equalProcessesEncodeToTheSameJSONWhateverTheOrderOfTheirSets() throws {
        var a = CriticalProcess(name: "P")
        a.criteria = [.vitalLiaison, .enablingFunctions, .protectionAndWellBeing]
        a.resources = Set(ResourceKind.allCases.reversed())
        var b = a
        b.criteria = []; for c in ProcessCriterion.allCases { b.criteria.insert(c) }
        b.resources = []; for r in ResourceKind.allCases { b.resources.insert(r) }
        let encoder = JSONEncoder(); encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(a) == (try encoder.encode(b)))
        #expect(try JSONDecoder().decode(CriticalProcess.self, from: try encoder.encode(a)) == a)
    }

    @Test func aStoredScaleIsCheckedWhenReadAndKeepsItsNames() throws {
        let good =
            #"{"ladderHours":[1,24],"categories":["people_served","reputation"],"tolerance":2,"labels":{"reputation":{"en":"Reputation"},"gone":{"en":"x"}}}"#
        let scale = try JSONDecoder().decode(ImpactScale.self, from: Data(good.utf8))
        #expect(scale.labels == ["reputation": ["en": "Reputation"]])
        for bad in [
            #"{"ladderHours":[24,1],"categories":["a"],"tolerance":2}"#,
            #"{"ladderHours":[1],"categories":["Bad Code"],"tolerance":2}"#,
            #"{"ladderHours":[1],"categories":["a","a"],"tolerance":2}"#,
            #"{"ladderHours":[1],"categories":["a"],"tolerance":5}"#,
        ] {
            #expect(throws: DomainError.self) { try JSONDecoder().decode(ImpactScale.self, from: Data(bad.utf8)) }
        }
    }

    @Test func daysAreReadAsBrowsersSendThemAndImpossibleDatesAreRefused() throws {
        #expect(try TextRules.day("2026-11-23", field: "d").map(PlanChecks.isoDay) == "2026-11-23")
        #expect(try TextRules.day("", field: "d") == nil)
        for bad in ["2026-02-30", "23/11/2026", "2026-13-01", "x"] {
            #expect(throws: DomainError(.dateFormat, field: "d")) { try TextRules.day(bad, field: "d") }
        }
    }
}

@Suite struct PlanDiffFieldTests {
    @Test func topLevelFieldsAreSplitRespectingStringsAndNesting() {
        let json = #"{"a":1,"b":"x,\"}{:y","c":{"d":[1,2,{"e":null}]},"f":null,"g":[]}"#
        #expect(
            PlanDiff.topLevelFields(Array(json.utf8)) == [
                "a": "1", "b": #""x,\"}{:y""#, "c": #"{"d":[1,2,{"e":null}]}"#, "g": "[]",
            ])
    }
}

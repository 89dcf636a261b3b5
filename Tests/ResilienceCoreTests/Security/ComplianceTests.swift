import Foundation
import Testing

@testable import ResilienceCore

private func day(_ text: String) -> Date { try! TextRules.day(text, field: "d")! }

@Suite struct ComplianceTests {
    /// The issue: compliant ÷ (required − not applicable); 8 of 10 compliant is 80 %.
    @Test func aDutyStationWithEightOfTenCompliantShowsEightyPerCent() {
        let required = Set((1...10).map { "M\($0)" })
        var statuses: [String: MeasureStatus] = [:]
        for i in 1...8 { statuses["M\(i)"] = .compliant }
        statuses["M9"] = .partlyCompliant
        statuses["M10"] = .notCompliant
        let share = ComplianceShare(required: required, statuses: statuses)
        #expect(share.percent == 80)
        #expect(!share.fullyCompliant)
    }

    @Test(arguments: [
        // (compliant, partly, not, not applicable, unrated, expected %)
        (7, 0, 3, 0, 0, 70.0), (8, 0, 0, 2, 0, 100.0), (6, 2, 0, 2, 0, 75.0), (5, 0, 0, 0, 5, 50.0),
    ])
    func notApplicableMeasuresLeaveTheCountAndUnratedOnesCountAsNotMet(
        compliant: Int, partly: Int, not: Int, na: Int, unrated: Int, percent: Double
    ) {
        var statuses: [String: MeasureStatus] = [:]
        var n = 0
        func add(_ count: Int, _ status: MeasureStatus?) {
            for _ in 0..<count { n += 1; if let status { statuses["M\(n)"] = status } }
        }
        add(compliant, .compliant); add(partly, .partlyCompliant); add(not, .notCompliant); add(na, .notApplicable)
        add(unrated, nil)
        let share = ComplianceShare(required: Set((1...n).map { "M\($0)" }), statuses: statuses)
        #expect(share.percent == percent)
    }

    @Test func aStatusOfAMeasureNoLongerRequiredDoesNotCountAndNothingApplicableIsNoFigure() {
        let share = ComplianceShare(
            required: ["A", "B"], statuses: ["A": .compliant, "B": .compliant, "C": .notCompliant])
        #expect(share.percent == 100 && share.fullyCompliant)
        let none = ComplianceShare(required: ["A"], statuses: ["A": .notApplicable])
        #expect(none.percent == nil && !none.fullyCompliant)
    }

    @Test func rollUpAveragesTheSharesAndCountsStationsFullyCompliant() {
        let shares = [
            ComplianceShare(required: 10, compliant: 8, notApplicable: 0),
            ComplianceShare(required: 4, compliant: 4, notApplicable: 0),
            ComplianceShare(required: 6, compliant: 2, notApplicable: 2),
            ComplianceShare(required: 0, compliant: 0, notApplicable: 0),
        ]
        let roll = ComplianceRollUp(shares)
        // (80 + 100 + 50) / 3; one station of the three with something to comply with is fully compliant.
        #expect(roll.stations == 3)
        #expect(abs(roll.averagePercent! - 230.0 / 3) < 1e-9)
        #expect(roll.fullyCompliant == 1 && abs(roll.fullyCompliantPercent! - 100.0 / 3) < 1e-9)
    }

    @Test func aStationMustMeetTheBaselineOfItsLevelAndWhatItsAssessmentAdds() {
        let catalogue = [
            Measure(code: "TEL-1", baselineFrom: .minimal), Measure(code: "VEH-2", baselineFrom: .moderate),
            Measure(code: "PRE-5", baselineFrom: .high), Measure(code: "RES-1", baselineFrom: nil),
        ]
        #expect(Measure.required(catalogue, level: .low, added: []) == ["TEL-1"])
        #expect(Measure.required(catalogue, level: .substantial, added: ["RES-1"]) == ["TEL-1", "VEH-2", "RES-1"])
        #expect(Measure.required(catalogue, level: .extreme, added: []) == ["TEL-1", "VEH-2", "PRE-5"])
        #expect(Measure.required(catalogue, level: nil, added: ["RES-1"]) == ["RES-1"])
    }
}

@Suite struct AcceptableRiskTests {
    /// The Guidelines for Acceptable Risk as the issue gives them: low — all; medium — PC1–PC3;
    /// high — PC1–PC2; very high — PC1 only; unacceptable — none.
    static let table: [(RiskLevel, [ProgrammeCriticality])] = [
        (.low, [.pc1, .pc2, .pc3, .pc4]), (.medium, [.pc1, .pc2, .pc3]), (.high, [.pc1, .pc2]), (.veryHigh, [.pc1]),
        (.unacceptable, []),
    ]

    @Test func theStandardGuidelinesAcceptExactlyAsWritten() {
        for (level, accepting) in Self.table {
            for pc in ProgrammeCriticality.allCases {
                #expect(AcceptableRisk.standard.accepts(pc, at: level) == accepting.contains(pc), "\(pc) at \(level)")
            }
        }
    }

    @Test func HQCannotLetAHigherRiskBeAcceptedByMoreProgrammes() throws {
        #expect(throws: DomainError(.acceptableRiskOrder, field: "limit_high")) {
            try AcceptableRisk([.low: .pc4, .medium: .pc2, .high: .pc3, .veryHigh: .pc1, .unacceptable: nil])
        }
        #expect(throws: DomainError(.acceptableRiskOrder, field: "limit_unacceptable")) {
            try AcceptableRisk([.low: .pc4, .medium: .pc3, .high: .pc2, .veryHigh: nil, .unacceptable: .pc1])
        }
        let strict = try AcceptableRisk([.low: .pc3, .medium: .pc1, .high: nil, .veryHigh: nil, .unacceptable: nil])
        #expect(
            !strict.accepts(.pc4, at: .low) && strict.accepts(.pc1, at: .medium) && !strict.accepts(.pc1, at: .high))
        let decoded = try JSONDecoder().decode(AcceptableRisk.self, from: JSONEncoder().encode(strict))
        #expect(decoded == strict)
    }
}

@Suite struct AssessmentValidityTests {
    let approved = day("2026-03-01"), validUntil = day("2027-03-01")
    let levels = [
        LevelRecord(
            level: .high, effective: day("2026-01-01"), nextReview: day("2026-04-01"), approvedAt: day("2025-12-30"))
    ]

    @Test func withoutAnApprovedAssessmentThereIsNone() {
        #expect(AssessmentStatus.of(approvedAt: nil, validUntil: nil, levels: levels, at: day("2026-06-01")) == .none)
    }

    @Test func anApprovedAssessmentIsCurrentUntilItsDateThenExpired() {
        #expect(
            AssessmentStatus.of(approvedAt: approved, validUntil: validUntil, levels: levels, at: day("2027-03-01"))
                == .current)
        #expect(
            AssessmentStatus.of(approvedAt: approved, validUntil: validUntil, levels: levels, at: day("2027-03-02"))
                == .expired)
    }

    /// The issue: valid no longer than until the area's level changes, which flags it for review.
    @Test func aChangeOfLevelFlagsItForReviewButAConfirmedLevelDoesNot() {
        let confirmed =
            levels + [
                LevelRecord(
                    level: .high, effective: day("2026-04-01"), nextReview: day("2026-07-01"),
                    approvedAt: day("2026-03-31"))
            ]
        #expect(
            AssessmentStatus.of(approvedAt: approved, validUntil: validUntil, levels: confirmed, at: day("2026-06-01"))
                == .current)
        let lowered =
            confirmed + [
                LevelRecord(
                    level: .substantial, effective: day("2026-06-01"), nextReview: day("2026-12-01"),
                    approvedAt: day("2026-05-30"))
            ]
        #expect(
            AssessmentStatus.of(approvedAt: approved, validUntil: validUntil, levels: lowered, at: day("2026-05-31"))
                == .current)
        #expect(
            AssessmentStatus.of(approvedAt: approved, validUntil: validUntil, levels: lowered, at: day("2026-06-01"))
                == .dueForReview)
    }
}

@Suite struct AcceptableRiskFindingTests {
    @Test func onlyProcessesWhosePCLevelDoesNotAcceptThePlacesResidualRiskAreFound() {
        var pc1 = CriticalProcess(name: "Food distribution"); pc1.programmeCriticality = .pc1
        var pc3 = CriticalProcess(name: "Livelihoods"); pc3.programmeCriticality = .pc3
        let unrated = CriticalProcess(name: "Filing")
        let sra = UUID()
        let found = AcceptableRiskFinding.findings(
            processes: [pc1, pc3, unrated],
            places: [("Gambella", .high, sra), ("Addis Ababa", .medium, UUID())], guidelines: .standard)
        // High accepts PC1–PC2; medium PC1–PC3: only PC3 at Gambella.
        #expect(found.map(\.process) == ["Livelihoods"] && found.first?.place == "Gambella")
        #expect(found.first?.assessmentID == sra && found.first?.residual == .high)
        let nowhere = AcceptableRiskFinding.findings(
            processes: [pc1], places: [("Gaza", .unacceptable, UUID())], guidelines: .standard)
        #expect(nowhere.count == 1)
    }
}

import Foundation
import Testing

@testable import ResilienceCore

private func day(_ text: String) -> Date { try! TextRules.day(text, field: "d")! }

@Suite struct SecurityIndicatorTests {
    @Test func levelsOnTimeCountsAreasWhoseLevelIsWithinItsReviewDateOfAllAreas() {
        let now = day("2026-12-06")
        let onTime = [
            LevelRecord(
                level: .high, effective: day("2026-11-01"), nextReview: day("2027-02-01"), approvedAt: day("2026-10-31")
            )
        ]
        let overdue = [
            LevelRecord(
                level: .low, effective: day("2026-05-01"), nextReview: day("2026-11-01"), approvedAt: day("2026-04-30"))
        ]
        // Three areas: one on time, one overdue, one without a level.
        let value = SecurityIndicators.levelsOnTime([onTime, overdue, []], at: now)
        #expect(value.count == 1 && value.total == 3)
        #expect(abs(value.share! - 1.0 / 3) < 1e-9)
        #expect(SecurityIndicators.levelsOnTime([], at: now).share == nil)
    }

    @Test func assessmentsCurrentCountsOnlyCurrentOnes() {
        let value = SecurityIndicators.assessmentsCurrent([.current, .dueForReview, .expired, .none, .current])
        #expect(value.count == 2 && value.total == 5 && value.share == 0.4)
    }

    @Test func complianceIndicatorsComeFromTheRollUp() {
        let roll = ComplianceRollUp([
            ComplianceShare(required: 10, compliant: 8, notApplicable: 0),
            ComplianceShare(required: 5, compliant: 5, notApplicable: 0),
        ])
        #expect(SecurityIndicators.measuresImplemented(roll).share == 0.9)
        #expect(SecurityIndicators.stationsCompliant(roll) == IndicatorValue(count: 1, total: 2))
    }
}

@Suite struct AssessmentContentTests {
    static func threat(_ kind: String, _ before: (Int, Int), _ after: (Int, Int)) -> AssessedThreat {
        AssessedThreat(
            kind: kind, description: "Banditry", inherent: RiskRating(likelihood: before.0, impact: before.1),
            measures: "", residual: RiskRating(likelihood: after.0, impact: after.1), decision: .control)
    }

    /// Content sent whole holds to the form's rules: measures never raise a risk.
    @Test func contentSentWholeIsCheckedAsAFormIs() throws {
        let kinds = ThreatCategory.allCases.map(\.rawValue)
        try AssessmentContent(threats: [Self.threat("crime", (4, 3), (3, 3))]).check(kinds: kinds)
        #expect(throws: DomainError(.residualAboveInherent, field: "threats")) {
            try AssessmentContent(threats: [Self.threat("crime", (3, 3), (3, 4))]).check(kinds: kinds)
        }
        #expect(throws: DomainError(.ratingOutOfRange, field: "threats")) {
            try AssessmentContent(threats: [Self.threat("crime", (6, 3), (3, 3))]).check(kinds: kinds)
        }
        #expect(throws: DomainError(.invalidChoice, field: "kind")) {
            try AssessmentContent(threats: [Self.threat("piracy", (3, 3), (2, 2))]).check(kinds: kinds)
        }
    }
}

import Foundation
import Testing

@testable import ResilienceCore

private let hq = UUID(), region = UUID(), country = UUID()
private let countryPath = UnitPath([hq, region, country])

private func day(_ text: String) -> Date { try! TextRules.day(text, field: "d")! }

/// DOMAIN.md "Security level system", written out: a proposal is approved or sent back by the
/// regional security desk, withdrawn by the security officer who keeps the area.
private let allowedMoves: [(LevelMove, LevelDecisionState, LevelDecisionState, Role)] = [
    (.approve, .proposed, .approved, .regionalSecurityDesk),
    (.returnToOfficer, .proposed, .returned, .regionalSecurityDesk),
    (.withdraw, .proposed, .withdrawn, .securityOfficer),
]

@Suite struct SecurityLevelTests {
    @Test(arguments: LevelMove.allCases, LevelDecisionState.allCases)
    func everyMoveOnAProposalForEveryRoleIsAllowedExactlyAsWritten(move: LevelMove, state: LevelDecisionState) {
        for role in Role.allCases {
            // The desk holds its role on the region, the officer on the country: both cover the area.
            let grants = [Grant(role: role, unitID: role == .securityOfficer ? country : region)]
            let result = LevelReview.check(
                move, from: state, grants: grants, on: countryPath, proposedByActor: false, reason: "Too high")
            let row = allowedMoves.first { $0.0 == move && $0.1 == state && $0.3 == role }
            switch result {
            case .success(let next):
                #expect(row?.2 == next, "\(move) from \(state) as \(role) should be refused")
            case .failure(let refusal):
                #expect(row == nil, "\(move) from \(state) as \(role) should be allowed")
                let startsHere = allowedMoves.contains { $0.0 == move && $0.1 == state }
                #expect(refusal == (startsHere ? .notYourRole : .notFromThisState))
            }
        }
    }

    @Test func nobodyApprovesTheirOwnProposalAndSendingBackNeedsAReason() {
        let desk = [Grant(role: .regionalSecurityDesk, unitID: region)]
        #expect(
            LevelReview.check(
                .approve, from: .proposed, grants: desk, on: countryPath, proposedByActor: true, reason: nil)
                == .failure(.ownProposal))
        #expect(
            LevelReview.check(
                .returnToOfficer, from: .proposed, grants: desk, on: countryPath, proposedByActor: false, reason: "  ")
                == .failure(.reasonRequired))
        // A desk of another region does not decide here.
        let elsewhere = [Grant(role: .regionalSecurityDesk, unitID: UUID())]
        #expect(
            LevelReview.check(
                .approve, from: .proposed, grants: elsewhere, on: countryPath, proposedByActor: false, reason: nil)
                == .failure(.notYourRole))
    }

    /// The overall level is the worst category's (the level rates the threat).
    @Test(arguments: [
        ([1, 1, 1, 1, 1], 1), ([1, 2, 2, 2, 1], 2), ([3, 5, 3, 2, 2], 5), ([6, 1, 1, 1, 1], 6), ([2, 1, 3, 2, 3], 3),
    ])
    func theLevelIsTheHighestOfTheFiveRatings(ratings: [Int], level: Int) throws {
        var fields: [String: String] = [:]
        for (c, r) in zip(ThreatCategory.allCases, ratings) { fields["threat_\(c.rawValue)"] = String(r) }
        #expect(try ThreatRatings.parse(fields).level.rawValue == level)
    }

    @Test func aRatingOutsideOneToSixOrMissingIsRefusedOnItsField() {
        let fields = [
            "threat_armed_conflict": "7", "threat_terrorism": "0", "threat_crime": "x", "threat_civil_unrest": "2",
        ]
        #expect(throws: ValidationErrors.self) { try ThreatRatings.parse(fields) }
        do { _ = try ThreatRatings.parse(fields) } catch {
            let byField = Dictionary(uniqueKeysWithValues: error.errors.map { ($0.field!, $0.problem) })
            #expect(
                byField == [
                    "threat_armed_conflict": .outOfRange, "threat_terrorism": .outOfRange,
                    "threat_crime": .notANumber, "threat_hazards": .required,
                ])
        }
    }

    /// The issue: six months by default, three for levels 5 and 6, in calendar months.
    @Test(arguments: [
        (1, "2026-03-15", "2026-09-15"), (4, "2026-03-15", "2026-09-15"), (5, "2026-03-15", "2026-06-15"),
        (6, "2026-11-30", "2027-02-28"), (2, "2026-08-31", "2027-02-28"),
    ])
    func theNextReviewIsDueAfterHQsIntervalForTheLevel(level: Int, effective: String, due: String) {
        let next = LevelReviewIntervals.standard.nextReview(
            for: SecurityLevel(rawValue: level)!, effective: day(effective))
        #expect(next == day(due))
    }

    @Test func aChosenReviewDateMustFallBetweenTheEffectiveDateAndTheInterval() throws {
        let intervals = LevelReviewIntervals.standard
        #expect(try intervals.checkedReview(nil, for: .high, effective: day("2026-03-15")) == day("2026-06-15"))
        #expect(
            try intervals.checkedReview(day("2026-05-01"), for: .high, effective: day("2026-03-15"))
                == day("2026-05-01"))
        #expect(throws: DomainError(.reviewBeforeEffective, field: "next_review")) {
            try intervals.checkedReview(day("2026-03-14"), for: .high, effective: day("2026-03-15"))
        }
        #expect(throws: DomainError(.reviewAfterInterval, field: "next_review", args: ["3"])) {
            try intervals.checkedReview(day("2026-06-16"), for: .high, effective: day("2026-03-15"))
        }
        #expect(throws: DomainError.self) { try LevelReviewIntervals(months: [6, 6, 6, 6, 3, 0]) }
    }

    @Test func aReviewIsOverdueFromTheDayAfterItsDate() {
        let record = LevelRecord(
            level: .moderate, effective: day("2026-01-10"), nextReview: day("2026-07-10"), approvedAt: day("2026-01-09")
        )
        #expect(!record.reviewOverdue(at: day("2026-07-10").addingTimeInterval(23 * 3600)))
        #expect(record.reviewOverdue(at: day("2026-07-11")))
    }

    @Test func theLevelInForceIsTheLatestApprovedThatHasTakenEffect() {
        let old = LevelRecord(
            level: .substantial, effective: day("2025-12-01"), nextReview: day("2026-06-01"),
            approvedAt: day("2025-11-30"))
        let now = LevelRecord(
            level: .high, effective: day("2026-11-06"), nextReview: day("2027-02-06"), approvedAt: day("2026-11-05"))
        let later = LevelRecord(
            level: .extreme, effective: day("2027-01-01"), nextReview: day("2027-04-01"), approvedAt: day("2026-12-01"))
        #expect(LevelRecord.current([later, old, now], at: day("2026-12-06")) == now)
        #expect(LevelRecord.current([later, old, now], at: day("2027-01-01")) == later)
        #expect(LevelRecord.current([later], at: day("2026-12-06")) == nil)
    }
}

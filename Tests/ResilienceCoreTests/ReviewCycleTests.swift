import Foundation
import Testing

@testable import ResilienceCore

private let hq = UUID(), region = UUID(), country = UUID(), otherRegion = UUID()
private let countryPath = UnitPath([hq, region, country])

/// The review cycle as DOMAIN.md writes it, spelled out move by move: the test does not ask
/// the state machine what it allows.
private let allowed: [(ReviewMove, ReviewState, ReviewState, Role)] = [
    (.submit, .draft, .submitted, .focalPoint), (.submit, .returned, .submitted, .focalPoint),
    (.withdraw, .submitted, .draft, .focalPoint),
    (.takeForReview, .submitted, .inReview, .regionalReviewer),
    (.returnWithFeedback, .inReview, .returned, .regionalReviewer),
    (.endorse, .inReview, .endorsed, .regionalReviewer),
    (.approve, .endorsed, .inForce, .seniorManager),
]

@Suite struct ReviewCycleTests {
    @Test(arguments: ReviewMove.allCases, ReviewState.allCases)
    func everyMoveFromEveryStateForEveryRoleIsAllowedExactlyAsWritten(move: ReviewMove, state: ReviewState) {
        for role in Role.allCases {
            // Held on the region, as regional reviewers are; roles hold for the subtree.
            let grants = [Grant(role: role, unitID: region)]
            let result = ReviewCycle.check(
                move, from: state, grants: grants, on: countryPath, .init(comment: "Please add a site"))
            let row = allowed.first { $0.0 == move && $0.1 == state && $0.3 == role }
            switch result {
            case .success(let next):
                #expect(row != nil, "\(move) from \(state) as \(role) should be refused")
                #expect(next == row?.2)
            case .failure(let refusal):
                #expect(row == nil, "\(move) from \(state) as \(role) should be allowed")
                // Superseding starts from "in force" but is the system's, after an approval.
                let startsHere =
                    allowed.contains { $0.0 == move && $0.1 == state } || (move == .supersede && state == .inForce)
                #expect(
                    refusal == (startsHere ? .notYourRole : .notFromThisState),
                    "\(move) from \(state) as \(role): \(refusal)")
            }
            // Never for a unit outside the grant.
            if case .success = ReviewCycle.check(
                move, from: state, grants: grants, on: UnitPath([hq, otherRegion, UUID()]), .init(comment: "x"))
            {
                Issue.record("\(move) from \(state) as \(role) allowed in another region")
            }
        }
    }

    @Test func supersedingFollowsAnApprovalAndNobodyDoesItByHand() {
        #expect(ReviewCycle.target(of: .supersede, from: .inForce) == .superseded)
        #expect(ReviewCycle.roles(for: .supersede).isEmpty)
        let admin = [Grant(role: .administrator, unitID: hq)]
        #expect(ReviewCycle.check(.supersede, from: .inForce, grants: admin, on: countryPath) == .failure(.notYourRole))
    }

    @Test func submittingNeedsNoBlockingErrorAndAReturnedPlanItsFeedbackAnswered() {
        let focal = [Grant(role: .focalPoint, unitID: country)]
        #expect(
            ReviewCycle.check(.submit, from: .draft, grants: focal, on: countryPath, .init(blockingErrors: 2))
                == .failure(.blockingErrors))
        // Threads matter only once the plan has been returned.
        #expect(
            ReviewCycle.check(.submit, from: .draft, grants: focal, on: countryPath, .init(unansweredThreads: 3))
                == .success(.submitted))
        #expect(
            ReviewCycle.check(.submit, from: .returned, grants: focal, on: countryPath, .init(unansweredThreads: 1))
                == .failure(.unansweredFeedback))
        #expect(
            ReviewCycle.check(.submit, from: .returned, grants: focal, on: countryPath, .init()) == .success(.submitted)
        )
    }

    @Test func returningNeedsACommentThatSaysWhatToChange() {
        let reviewer = [Grant(role: .regionalReviewer, unitID: region)]
        #expect(
            ReviewCycle.check(
                .returnWithFeedback, from: .inReview, grants: reviewer, on: countryPath, .init(comment: "  "))
                == .failure(.commentRequired))
        #expect(ReviewCycle.check(.endorse, from: .inReview, grants: reviewer, on: countryPath) == .success(.endorsed))
    }

    @Test func endorsingWaitsUntilEveryThreadIsResolved() {
        let reviewer = [Grant(role: .regionalReviewer, unitID: region)]
        #expect(
            ReviewCycle.check(.endorse, from: .inReview, grants: reviewer, on: countryPath, .init(unresolvedThreads: 1))
                == .failure(.unresolvedFeedback))
        // Returning with threads still open is what returning is for.
        #expect(
            ReviewCycle.check(
                .returnWithFeedback, from: .inReview, grants: reviewer, on: countryPath,
                .init(unresolvedThreads: 2, comment: "See the two threads")) == .success(.returned))
    }

    @Test func aThreadNeedsAnAnswerWhenTheReviewerHasTheLastWord() {
        #expect(FeedbackState.after(message: true) == .open)
        #expect(FeedbackState.after(message: false) == .answered)
    }

    @Test func theMovesNeedTheActionsOfThePolicyTable() {
        #expect(ReviewCycle.roles(for: .submit) == [.focalPoint] && ReviewCycle.roles(for: .withdraw) == [.focalPoint])
        #expect(ReviewCycle.roles(for: .endorse) == [.regionalReviewer])
        #expect(ReviewCycle.roles(for: .approve) == [.seniorManager])
    }
    @Test func feedbackIsOpenedInReviewAnsweredWhenReturnedAndRepliedToUntilEndorsed() {
        #expect(ReviewState.allCases.filter(\.opensFeedback) == [.inReview])
        #expect(ReviewState.allCases.filter(\.takesAnswers) == [.returned])
        #expect(ReviewState.allCases.filter(\.takesReviewerReplies) == [.submitted, .inReview, .returned])
    }

    @Test func everyPlanButASupersededOneIsLiveForRisksToLinkTo() {
        #expect(ReviewState.allCases.filter { !$0.isLive } == [.superseded])
    }

    @Test func onlyDraftsAndReturnedPlansAreEditableAndThePagesOfferTheRightMoves() {
        #expect(ReviewState.allCases.filter(\.isEditable) == [.draft, .returned])
        let both = [Grant(role: .focalPoint, unitID: country), Grant(role: .seniorManager, unitID: country)]
        #expect(ReviewCycle.available(from: .draft, grants: both, on: countryPath) == [.submit])
        #expect(ReviewCycle.available(from: .endorsed, grants: both, on: countryPath) == [.approve])
        #expect(ReviewCycle.available(from: .inReview, grants: both, on: countryPath).isEmpty)
    }

}

@Suite struct CampaignProgressTests {
    let deadline = ISO8601DateFormatter().date(from: "2026-06-30T00:00:00Z")!

    @Test func lateOnesComeFirstThenTheLeastAdvancedThenByName() {
        let rows: [(String, ReviewState?)] = [
            ("Kenya", .inForce), ("Chad", .submitted), ("Benin", nil), ("Angola", .draft), ("Mali", .endorsed),
        ]
        let before = deadline.addingTimeInterval(-86_400), after = deadline.addingTimeInterval(86_400)
        #expect(
            CampaignProgress.ordered(rows, state: \.1, name: \.0, deadline: deadline, now: before).map(\.0) == [
                "Benin", "Angola", "Chad", "Mali", "Kenya",
            ])
        // After the deadline every unapproved plan is late; the approved one stays last.
        #expect(
            CampaignProgress.ordered(rows, state: \.1, name: \.0, deadline: deadline, now: after).map(\.0) == [
                "Benin", "Angola", "Chad", "Mali", "Kenya",
            ])
        #expect(CampaignProgress.isLate(.endorsed, deadline: deadline, now: after))
        #expect(!CampaignProgress.isLate(.inForce, deadline: deadline, now: after))
        #expect(!CampaignProgress.isLate(.draft, deadline: deadline, now: before))
    }
}

@Suite struct PlanDueTests {
    let approved = ISO8601DateFormatter().date(from: "2025-03-15T10:00:00Z")!

    @Test func aPlanIsDueTwelveMonthsAfterItsApproval() {
        #expect(PlanDue.dueDate(approvedAt: approved) == ISO8601DateFormatter().date(from: "2026-03-15T10:00:00Z")!)
    }

    @Test func dueSoonIsThirtyDaysAndOverdueIsFromTheDueDate() {
        let due = PlanDue.dueDate(approvedAt: approved)
        func at(_ days: Int) -> Date { due.addingTimeInterval(Double(days) * 86_400) }
        #expect(PlanDue.standing(dueAt: due, now: at(-31)) == .current)
        #expect(PlanDue.standing(dueAt: due, now: at(-30)) == .dueSoon)
        #expect(PlanDue.standing(dueAt: due, now: at(-1)) == .dueSoon)
        #expect(PlanDue.standing(dueAt: due, now: due) == .overdue)
        #expect(PlanDue.standing(dueAt: nil, now: due) == .none)
    }
}

@Suite struct ComplianceFiguresTests {
    @Test func theFourSharesOfTheReportAreCountedAtADate() {
        let now = ISO8601DateFormatter().date(from: "2026-11-23T00:00:00Z")!
        func daysAgo(_ d: Int) -> Date { now.addingTimeInterval(-Double(d) * 86_400) }
        let units = [
            // In force, approved 100 days ago, tested 20 days ago, with a register.
            UnitCompliance(
                unitID: UUID(), approvedAt: daysAgo(100), dueAt: PlanDue.dueDate(approvedAt: daysAgo(100)),
                lastExercise: daysAgo(20), hasRiskRegister: true),
            // Approved 400 days ago: in force but overdue (as its unit's page says), not updated
            // within twelve months; tested 300 days ago.
            UnitCompliance(
                unitID: UUID(), approvedAt: daysAgo(400), dueAt: PlanDue.dueDate(approvedAt: daysAgo(400)),
                lastExercise: daysAgo(300), hasRiskRegister: false),
            // No plan in force, never tested.
            UnitCompliance(unitID: UUID(), approvedAt: nil, dueAt: nil, lastExercise: nil, hasRiskRegister: true),
        ]
        let f = ComplianceFigures.of(units, at: now)
        #expect(
            f
                == ComplianceFigures(
                    units: 3, inForce: 2, updatedWithinYear: 1, testedWithinYear: 2, withRiskRegister: 2, overdue: 1))
        #expect(f.share(f.inForce) == 2.0 / 3)
        #expect(ComplianceFigures.of([], at: now).share(0) == 0)
    }
}

/// Separation of duties (the security review): whoever edited or submitted a plan in its cycle
/// may not take it for review, return, endorse or approve it; they may still submit or withdraw.
@Suite struct SeparationOfDutiesTests {
    @Test func whoeverTookPartInAPlanMayNotJudgeIt() {
        // (move, from, role): the judging moves of the table above, written out again.
        let judging: [(ReviewMove, ReviewState, Role)] = [
            (.takeForReview, .submitted, .regionalReviewer), (.returnWithFeedback, .inReview, .regionalReviewer),
            (.endorse, .inReview, .regionalReviewer), (.approve, .endorsed, .seniorManager),
        ]
        for (move, state, role) in judging {
            let grants = [Grant(role: role, unitID: region)]
            let own = ReviewCycle.check(
                move, from: state, grants: grants, on: countryPath, .init(comment: "x", tookPart: true))
            #expect(own == .failure(.ownWork), "\(move)")
            let other = ReviewCycle.check(
                move, from: state, grants: grants, on: countryPath, .init(comment: "x", tookPart: false))
            #expect((try? other.get()) != nil, "\(move)")
        }
        for (move, state) in [(ReviewMove.submit, ReviewState.draft), (.withdraw, .submitted)] {
            let result = ReviewCycle.check(
                move, from: state, grants: [Grant(role: .focalPoint, unitID: country)], on: countryPath,
                .init(tookPart: true))
            #expect((try? result.get()) != nil, "\(move)")
        }
    }
}

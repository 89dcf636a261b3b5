import Foundation
import Testing

@testable import ResilienceCore

@Suite struct RiskMatrixTests {
    @Test func theStandardMatrixGivesTheUsualLevels() throws {
        let m = RiskMatrix.standard
        #expect(m.level(RiskRating(likelihood: 1, impact: 1)) == .low)
        #expect(m.level(RiskRating(likelihood: 2, impact: 2)) == .low)
        #expect(m.level(RiskRating(likelihood: 3, impact: 3)) == .medium)
        #expect(m.level(RiskRating(likelihood: 4, impact: 4)) == .high)
        #expect(m.level(RiskRating(likelihood: 5, impact: 4)) == .veryHigh)
        #expect(m.level(RiskRating(likelihood: 1, impact: 5)) == .medium)
        #expect(
            m.level(RiskRating(likelihood: 0, impact: 3)) == nil && m.level(RiskRating(likelihood: 3, impact: 6)) == nil
        )
    }

    @Test func aMatrixMustBeFiveByFiveAndNeverLowerWhereLikelihoodOrImpactIsHigher() throws {
        var levels = RiskMatrix.standard.levels
        levels[2][3] = .low  // lower than likelihood 2, impact 4 (medium)
        #expect(throws: DomainError(.matrixNotMonotone, field: "matrix", args: ["3", "4"])) {
            try RiskMatrix(levels: levels)
        }
        #expect(throws: DomainError.self) { try RiskMatrix(levels: Array(RiskMatrix.standard.levels.prefix(4))) }
        // HQ may be stricter: everything from likelihood 3 up is very high.
        let strict = try RiskMatrix(
            levels: (1...5).map { l in Array(repeating: l >= 3 ? RiskLevel.veryHigh : .medium, count: 5) })
        #expect(strict.level(RiskRating(likelihood: 3, impact: 1)) == .veryHigh)
        // A stored matrix is checked when read.
        let bad =
            #"{"levels":[["high","low","low","low","low"],["high","high","high","high","high"],["high","high","high","high","high"],["high","high","high","high","high"],["high","high","high","high","high"]]}"#
        #expect(throws: (any Error).self) { try JSONDecoder().decode(RiskMatrix.self, from: Data(bad.utf8)) }
        let good = try JSONEncoder().encode(strict)
        #expect(try JSONDecoder().decode(RiskMatrix.self, from: good) == strict)
    }
}

@Suite struct RegisterInPlaceTests {
    let clock = PlanDue.Clock(ISO8601DateFormatter().date(from: "2026-11-23T00:00:00Z")!)
    func days(_ n: Double) -> Date { clock.now.addingTimeInterval(n * 86_400) }

    @Test func inPlaceNeedsEveryRelevantKindAndNoReviewOverdue() throws {
        let relevant: Set = ["protection", "security"]
        var risks = [
            RiskSummary(kind: "protection", status: .open, reviewDate: days(90)),
            RiskSummary(kind: "security", status: .monitored, reviewDate: days(10)),
        ]
        #expect(RegisterRules.isInPlace(risks, relevantKinds: relevant, clock: clock))
        // A closed risk does not cover its kind.
        risks[1].status = .closed
        #expect(!RegisterRules.isInPlace(risks, relevantKinds: relevant, clock: clock))
        risks[1].status = .open
        // One review overdue and it is not in place, whatever else it holds.
        risks.append(RiskSummary(kind: "medical", status: .open, reviewDate: days(-1)))
        #expect(!RegisterRules.isInPlace(risks, relevantKinds: relevant, clock: clock))
        // A closed risk's review date no longer matters.
        risks[2].status = .closed
        #expect(RegisterRules.isInPlace(risks, relevantKinds: relevant, clock: clock))
        #expect(RegisterRules.review(risks[1], clock: clock) == .dueSoon)
        #expect(RegisterRules.review(risks[2], clock: clock) == .none)
    }

    @Test func withNoKindMarkedRelevantOneLiveRiskIsEnough() throws {
        #expect(!RegisterRules.isInPlace([], relevantKinds: [], clock: clock))
        #expect(
            !RegisterRules.isInPlace(
                [RiskSummary(kind: "medical", status: .closed, reviewDate: nil)], relevantKinds: [], clock: clock))
        #expect(
            RegisterRules.isInPlace(
                [RiskSummary(kind: "medical", status: .open, reviewDate: nil)], relevantKinds: [], clock: clock))
    }
}

@Suite struct RiskCSVTests {
    let kinds = Set(RiskKind.standard)

    @Test func eachRowComesBackWithItsRiskOrItsErrorsByColumn() throws {
        let text =
            "\u{FEFF}Kind,Title,Likelihood,Impact,Residual_Likelihood,Residual_Impact,Review_Date,Status,Owner\r\n"
            + "security,\"Armed robbery on the Teknaf road, at night\",4,5,2,4,2027-01-15,open,\"Rahim \"\"R\"\" Uddin\"\r\n"
            + "weather,Floods,3,,,,,,\r\n"
            + "medical,,7,2,3,,2027-02-30,gone,\r\n"
            + ",,,,,,,,\r\n"
            + "Business continuity,Loss of the registration system,2,4,,,,monitored,\r\n"
        let rows = try RiskCSV.read(text, kinds: kinds)
        let lines = rows.map { $0.line }
        #expect(lines == [2, 3, 4, 6])
        let first = try #require(rows[0].draft)
        #expect(first.title == "Armed robbery on the Teknaf road, at night" && first.owner == "Rahim \"R\" Uddin")
        #expect(
            first.inherent == RiskRating(likelihood: 4, impact: 5)
                && first.residual == RiskRating(likelihood: 2, impact: 4))
        #expect(
            RiskMatrix.standard.level(first.inherent) == .veryHigh
                && RiskMatrix.standard.level(first.residual!) == .medium)
        let second = Set(rows[1].errors.compactMap { $0.field }), third = Set(rows[2].errors.compactMap { $0.field })
        #expect(second == ["kind", "impact"])
        #expect(third == ["title", "likelihood", "residual_impact", "review_date", "status"])
        #expect(rows[3].draft?.kind == "business_continuity" && rows[3].draft?.status == .monitored)
    }

    @Test func aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() throws {
        #expect(throws: DomainError(.csvMissingColumns, field: "file", args: ["impact, likelihood"])) {
            _ = try RiskCSV.read("kind,title\nsecurity,x\n", kinds: kinds)
        }
        #expect(throws: DomainError(.required, field: "file")) { _ = try RiskCSV.read("", kinds: kinds) }
    }

    @Test func whatIsExportedImportsBackUnchanged() throws {
        let drafts = [
            RiskDraft(
                kind: "protection", title: "=HYPERLINK(\"x\") looks like a formula",
                cause: "Line one\nline two, with a comma",
                consequence: "难民登记中断", inherent: RiskRating(likelihood: 3, impact: 4),
                residual: RiskRating(likelihood: 2, impact: 2),
                owner: "Nusrat Jahan", treatment: "-Two mobile teams", status: .monitored,
                reviewDate: ISO8601DateFormatter().date(from: "2027-03-01T00:00:00Z"), source: .securityRiskAssessment,
                actions: [
                    RiskAction(
                        description: "Train two mobile teams | in Ukhia \\ Teknaf", owner: "Nusrat",
                        dueDate: ISO8601DateFormatter().date(from: "2027-01-31T00:00:00Z")),
                    RiskAction(description: "Buy a generator", done: true),
                ]),
            RiskDraft(
                kind: "medical", title: "Cholera outbreak in the camps", inherent: RiskRating(likelihood: 2, impact: 5)),
        ]
        let rows = try RiskCSV.read(RiskCSV.write(drafts), kinds: kinds)
        let clean = rows.allSatisfy { $0.errors.isEmpty }, read = rows.compactMap { $0.draft }
        #expect(clean)
        #expect(read == drafts)
    }

    @Test func actionsComeFromACellOrFromAFormsRowsWithEachRowsErrors() throws {
        let cell = try RiskAction.parse(cell: "Move the server | IT | 2027-01-10\nBrief the drivers | | | done\n")
        #expect(
            cell.count == 2 && cell[0].owner == "IT" && cell[0].dueDate != nil && cell[1].done && cell[1].owner == nil)
        #expect(RiskAction.nextDue(cell) == cell[0].dueDate)
        #expect(throws: DomainError(.dateFormat, field: "actions")) {
            _ = try RiskAction.parse(cell: "Move | IT | next week")
        }
        var form = [
            "kind": "security", "title": "Road", "likelihood": "3", "impact": "3",
            "action-0-description": "Convoys only", "action-0-due": "2027-02-01", "action-0-done": "true",
            "action-1-description": "", "action-1-due": "2027-13-01",
            "action-2-description": "", "action-2-owner": "", "action-2-due": "",
        ]
        let bad = RiskCSV.row(form, line: 0, kinds: kinds)
        #expect(Set(bad.errors.compactMap { $0.field }) == ["action-1-description", "action-1-due"])
        form["action-1-description"] = "Armoured vehicle"; form["action-1-due"] = "2027-03-01"
        let good = try #require(RiskCSV.row(form, line: 0, kinds: kinds).draft)
        #expect(good.actions.count == 2 && good.actions[0].done && !good.actions[1].done)
        #expect(RiskAction.nextDue(good.actions) == good.actions[1].dueDate)
    }
}

@Suite struct RiskScaleTests {
    @Test func hqAddsKindsWithNamesAndNamesLevelsAndRatings() throws {
        let scale = try RiskScale(
            matrix: .standard, levelNames: ["very_high": ["en": "Critical", "zh-Hans": "  "], "nope": ["en": "x"]],
            likelihoodNames: ["5": ["en": "Expected"], "6": ["en": "x"]],
            addedKinds: ["reputational"], kindNames: ["reputational": ["en": "Reputation", "zh-Hans": "声誉"]])
        #expect(scale.kinds == RiskKind.standard + ["reputational"])
        #expect(scale.levelNames == ["very_high": ["en": "Critical"]])
        #expect(scale.likelihoodNames == ["5": ["en": "Expected"]])
        let back = try JSONDecoder().decode(RiskScale.self, from: JSONEncoder().encode(scale))
        #expect(back == scale)
    }

    @Test func kindsMustBeNewCodesAndNamesShort() throws {
        #expect(throws: DomainError(.kindCode, field: "kinds", args: ["security"])) {
            _ = try RiskScale(matrix: .standard, addedKinds: ["security"])
        }
        #expect(throws: DomainError(.kindCode, field: "kinds", args: ["Bad Code"])) {
            _ = try RiskScale(matrix: .standard, addedKinds: ["Bad Code"])
        }
        #expect(throws: DomainError(.taken, field: "kinds")) {
            _ = try RiskScale(matrix: .standard, addedKinds: ["fraud", "fraud"])
        }
        #expect(throws: DomainError(.tooLong, field: "levels", args: ["100"])) {
            _ = try RiskScale(matrix: .standard, levelNames: ["low": ["en": String(repeating: "x", count: 101)]])
        }
    }
}

import Foundation
import Testing

@testable import ResilienceCore

/// HQ → region → country → office, and a second region beside it.
private let hq = UUID(), region = UUID(), country = UUID(), office = UUID(), otherRegion = UUID()
private let officePath = UnitPath([hq, region, country, office])
private let otherPath = UnitPath([hq, otherRegion])

@Suite struct AccessTests {
    @Test func thePolicyTableIsDOMAINsTableAndCoversEveryAction() {
        #expect(Set(domainPolicy.map { "\($0.0)" }) == Set(Action.allCases.map { "\($0)" }))
        for (action, roles) in domainPolicy {
            #expect(Access.roles(allowing: action) == roles, "\(action)")
        }
    }

    @Test(arguments: Role.allCases, Action.allCases)
    func aRoleHeldAboveAUnitDecidesExactlyAsThePolicyTableSays(role: Role, action: Action) {
        let allowed = domainRoles(action).contains(role)
        // Held on the region: holds for the office below it, never for the other region.
        let grants = [Grant(role: role, unitID: region)]
        #expect(Access.allows(grants, action, on: officePath) == allowed)
        #expect(Access.allows(grants, action, on: UnitPath([hq, region])) == allowed)
        #expect(!Access.allows(grants, action, on: otherPath))
        #expect(!Access.allows(grants, action, on: UnitPath([hq])))
        #expect(Access.allowsSomewhere(grants, action) == allowed)
    }

    @Test func nobodyWithoutGrantsMayDoAnything() {
        for action in Action.allCases { #expect(!Access.allows([], action, on: officePath)) }
    }

    @Test func aRegionalReviewerGrantsFocalPointsAndContributorsInTheRegionOnly() {
        let reviewer = [Grant(role: .regionalReviewer, unitID: region)]
        #expect(Access.grantableRoles(reviewer, on: officePath) == [.focalPoint, .contributor])
        #expect(Access.grantableRoles(reviewer, on: otherPath).isEmpty)
        #expect(Access.grantableRoles(reviewer) == [.focalPoint, .contributor])
        #expect(Access.grantableRoles([Grant(role: .focalPoint, unitID: region)]).isEmpty)
    }

    @Test func anAdministratorAtHeadquartersMayGrantEveryRoleEverywhere() {
        let admin = [Grant(role: .administrator, unitID: hq)]
        #expect(Access.grantableRoles(admin, on: officePath) == Role.allCases)
        #expect(Access.grantableRoles(admin, on: otherPath) == Role.allCases)
    }

    @Test func aFocalPointMayViewButNotManageTheOrganization() {
        let focal = [Grant(role: .focalPoint, unitID: country)]
        #expect(Access.allows(focal, .viewOrganization, on: officePath))
        #expect(!Access.allows(focal, .manageOrganization, on: officePath))
        #expect(!Access.allows(focal, .viewPeople, on: officePath))
    }
}

@Suite struct OrganizationRuleTests {
    @Test func eachLevelSitsOnlyUnderTheLevelAboveIt() throws {
        try OrganizationRules.checkPlacement(kind: .headquarters, parentKind: nil)
        try OrganizationRules.checkPlacement(kind: .office, parentKind: .office)
        #expect(throws: DomainError(.unitNeedsParent, field: "parent")) {
            try OrganizationRules.checkPlacement(kind: .region, parentKind: nil)
        }
        #expect(throws: DomainError(.unitPlacementNotAllowed, field: "parent", args: ["office", "region"])) {
            try OrganizationRules.checkPlacement(kind: .office, parentKind: .region)
        }
    }

    @Test func movingAUnitUnderItsOwnDescendantIsACycle() {
        #expect(throws: DomainError(.unitMoveCycle, field: "parent")) {
            try OrganizationRules.checkMove(
                unitPath: UnitPath([hq, region, country]), kind: .countryOperation,
                newParentPath: officePath, newParentKind: .office, newParentRetired: false)
        }
        #expect(throws: DomainError(.unitMoveCycle, field: "parent")) {
            try OrganizationRules.checkMove(
                unitPath: officePath, kind: .office, newParentPath: officePath,
                newParentKind: .office, newParentRetired: false)
        }
    }

    @Test func aUnitMovesUnderAnotherRegion() throws {
        try OrganizationRules.checkMove(
            unitPath: UnitPath([hq, region, country]), kind: .countryOperation,
            newParentPath: otherPath, newParentKind: .region, newParentRetired: false)
    }

    @Test func aUnitWithActiveChildrenCannotBeRetired() {
        #expect(throws: DomainError(.unitHasActiveChildren, args: ["2"])) {
            try OrganizationRules.checkRetire(activeChildren: 2, alreadyRetired: false)
        }
    }

    @Test func pathsRoundTripThroughTheirStoredForm() {
        #expect(UnitPath(encoded: officePath.encoded) == officePath)
        #expect(officePath.encoded.hasPrefix(UnitPath([hq, region]).encoded))
    }
}

@Suite struct ValidationTests {
    @Test func namesAreTrimmedAndBounded() throws {
        #expect(try TextRules.name("  Kenya ", field: "name") == "Kenya")
        #expect(throws: DomainError(.required, field: "name")) { try TextRules.name("   ", field: "name") }
        #expect(throws: DomainError(.tooLong, field: "name", args: ["200"])) {
            try TextRules.name(String(repeating: "a", count: 201), field: "name")
        }
    }

    @Test func coordinatesOutsideTheEarthAreRefused() {
        #expect(throws: DomainError(.latitudeOutOfRange, field: "latitude")) {
            try Coordinates(latitude: 91, longitude: 0)
        }
        #expect(throws: DomainError(.longitudeOutOfRange, field: "longitude")) {
            try Coordinates(latitude: 0, longitude: -181)
        }
    }

    @Test func passwordsMustBeLongDifferentFromTheNameAndConfirmed() {
        #expect(throws: DomainError(.passwordTooShort, field: "password", args: ["10"])) {
            try CredentialRules.newPassword("short", confirmation: "short", username: "a")
        }
        #expect(throws: DomainError(.passwordSameAsUsername, field: "password")) {
            try CredentialRules.newPassword("focal.point1", confirmation: "focal.point1", username: "focal.point1")
        }
        #expect(throws: DomainError(.passwordMismatch, field: "confirmation")) {
            try CredentialRules.newPassword("long enough pass", confirmation: "other", username: "a")
        }
    }

    @Test func theCollectorReportsEveryWrongFieldAtOnce() throws {
        var collector = ValidationCollector()
        _ = try collector.check { try TextRules.name("", field: "name") }
        _ = try collector.check { try TextRules.countryCode("Kenya") }
        #expect(throws: ValidationErrors.self) { try collector.finish() }
        #expect(collector.errors.map(\.field) == ["name", "country"])
    }
}

@Suite struct SignInThrottleTests {
    @Test func failuresSlowThenLockThenExpire() {
        let throttle = SignInThrottle()
        let now = Date()
        var state = SignInThrottle.State()
        for _ in 0..<throttle.slowAfter { state = throttle.failed(state, now: now) }
        #expect(throttle.verdict(for: state, now: now) == .proceed(delay: 0))
        state = throttle.failed(state, now: now)
        #expect(throttle.verdict(for: state, now: now) == .proceed(delay: throttle.delayStep))
        while state.lockedUntil == nil { state = throttle.failed(state, now: now) }
        #expect(throttle.verdict(for: state, now: now) == .locked(until: now.addingTimeInterval(throttle.lockDuration)))
        #expect(
            throttle.verdict(for: state, now: now.addingTimeInterval(throttle.lockDuration + 1)) == .proceed(delay: 0))
    }
}

@Suite struct AuditChangeTests {
    @Test func onlyChangedFieldsAreKept() {
        let change = AuditChange(before: ["name": "A", "code": "X"], after: ["name": "B", "code": "X"])
        #expect(change.changedFields == ["name"])
        #expect(change.reduced == AuditChange(before: ["name": "A"], after: ["name": "B"]))
    }
}

import Fluent
import ResilienceCore
import Vapor

/// What a route needs before its handler runs. Every route is registered with one, and the
/// route × role matrix test reads them back from the routes.
enum Requirement: Sendable {
    /// Open to anyone, signed in or not.
    case anyone
    /// Any signed-in person (their own account pages).
    case signedIn
    /// The action allowed on at least one unit (lists then show only what is in scope).
    case somewhere(Action)
    /// The action allowed on the unit named by `:unitID`.
    case unit(Action)
    /// The action allowed on the unit of the duty station named by `:stationID`.
    case dutyStation(Action)
    /// The action allowed on the home unit of the account named by `:userID`.
    case user(Action)
    /// The action allowed on the unit of the plan named by `:planID`.
    case plan(Action)
    /// The action allowed on the unit of the activation named by `:activationID`.
    case activation(Action)
    /// The action allowed on the unit a campaign named by `:campaignID` was opened for.
    case campaign(Action)
    /// The action allowed at headquarters (the root of the tree): settings of the whole organization.
    case headquarters(Action)
    /// The action allowed on the unit that keeps the security area named by `:areaID`.
    case securityArea(Action)
    /// The action allowed on the unit that keeps the area of the level named by `:levelID`.
    case securityLevel(Action)
    /// The action allowed on the unit that keeps the area of the assessment named by `:assessmentID`.
    case riskAssessment(Action)
    /// The action allowed on the unit of the personnel record named by `:personnelID`.
    case personnel(Action)
    /// The person of the record named by `:personnelID` themselves, or the action on its unit.
    case personnelOrSelf(Action)
    /// The action allowed on the unit that opened the roll-call named by `:rollCallID`.
    case rollCall(Action)
    /// Marking people of the roll-call named by `:rollCallID`: `accountForPersonnel` on its unit,
    /// or a warden named on it (for the people of their zone, checked when marking).
    case rollCallMarker
    /// Reading the roll-call named by `:rollCallID`: `viewSecurity` on its unit, or a warden of it.
    case rollCallReader
    /// Reading the travel request named by `:requestID`: the traveller, whoever entered it,
    /// `viewPersonalData` on the traveller's unit, or `manageSecurity` where one of its legs goes.
    case travelReader
    /// Changing, submitting or cancelling the travel request named by `:requestID`: the traveller,
    /// whoever entered it, or `managePersonnel` on the traveller's unit.
    case travelOwner
    /// The action on the unit that keeps the destination of the leg named by `:legID`.
    case travelLeg(Action)
    /// The action on the unit that keeps the advisory named by `:advisoryID`.
    case advisory(Action)
    /// Granting the role of the grant named by `:grantID`, on its unit (revoking needs the same).
    case grant

    static let userInfoKey = "requirement"

    /// Refuses the request unless the requirement holds: 401 when nobody is signed in, 403 when
    /// the person may not, 404 when the record does not exist.
    func check(_ request: Request) async throws {
        if case .anyone = self { return }
        let actor = try request.requireActor()
        switch self {
        case .anyone, .signedIn:
            return
        case .somewhere(let action):
            guard actor.maySomewhere(action) else { throw Abort(.forbidden) }
        case .unit(let action):
            let unit = try await request.unitParameter()
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .dutyStation(let action):
            let station = try await request.dutyStationParameter()
            let unit = try await request.loadUnit(station.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .user(let action):
            let user = try await request.userParameter()
            let unit = try await request.loadUnit(user.$homeUnit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .plan(let action):
            let plan = try await request.planParameter()
            let unit = try await request.loadUnit(plan.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .activation(let action):
            let activation = try await request.activationParameter()
            let unit = try await request.loadUnit(activation.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .campaign(let action):
            let campaign = try await request.parameterModel(Campaign.self, "campaignID")
            let unit = try await request.loadUnit(campaign.scopeUnitID)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .headquarters(let action):
            let root = try await UnitQueries.root(on: request.db)
            guard let root, actor.may(action, on: root.unitPath) else { throw Abort(.forbidden) }
        case .securityArea(let action):
            let area = try await request.securityAreaParameter()
            let unit = try await request.loadUnit(area.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .securityLevel(let action):
            let decision = try await request.parameterModel(SecurityLevelDecision.self, "levelID")
            let area = try await request.loadArea(decision.$area.id)
            let unit = try await request.loadUnit(area.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .riskAssessment(let action):
            let record = try await request.riskAssessmentParameter()
            let area = try await request.loadArea(record.$area.id)
            let unit = try await request.loadUnit(area.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .personnel(let action):
            let record = try await request.personnelParameter()
            let unit = try await request.loadUnit(record.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .personnelOrSelf(let action):
            let record = try await request.personnelParameter()
            if record.$user.id == actor.id { return }
            let unit = try await request.loadUnit(record.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .rollCall(let action):
            let call = try await request.rollCallParameter()
            let unit = try await request.loadUnit(call.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .rollCallMarker:
            let call = try await request.rollCallParameter()
            let unit = try await request.loadUnit(call.$unit.id)
            if actor.may(.accountForPersonnel, on: unit.unitPath) { return }
            guard try await !RollCallService.zones(of: actor.id, in: call, on: request.db).isEmpty else {
                throw Abort(.forbidden)
            }
        case .rollCallReader:
            let call = try await request.rollCallParameter()
            let unit = try await request.loadUnit(call.$unit.id)
            if actor.may(.viewSecurity, on: unit.unitPath) { return }
            guard try await !RollCallService.zones(of: actor.id, in: call, on: request.db).isEmpty else {
                throw Abort(.forbidden)
            }
        case .travelReader:
            let trip = try await request.travelRequestParameter()
            if try await Self.ownsTrip(trip, actor, request) { return }
            if actor.may(.viewPersonalData, on: try await request.loadUnit(trip.$unit.id).unitPath) { return }
            let units = try await TravelLeg.query(on: request.db).filter(\.$request.$id == trip.requireID())
                .field(\.$id).field(\.$toUnit.$id).all().map(\.$toUnit.id)
            for unitID in Set(units) where actor.may(.manageSecurity, on: try await request.loadUnit(unitID).unitPath) {
                return
            }
            throw Abort(.forbidden)
        case .travelOwner:
            let trip = try await request.travelRequestParameter()
            if try await Self.ownsTrip(trip, actor, request) { return }
            guard actor.may(.managePersonnel, on: try await request.loadUnit(trip.$unit.id).unitPath) else {
                throw Abort(.forbidden)
            }
        case .travelLeg(let action):
            let leg = try await request.travelLegParameter()
            let unit = try await request.loadUnit(leg.$toUnit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .advisory(let action):
            let advisory = try await request.advisoryParameter()
            let unit = try await request.loadUnit(advisory.$unit.id)
            guard actor.may(action, on: unit.unitPath) else { throw Abort(.forbidden) }
        case .grant:
            let grant = try await request.grantParameter()
            let unit = try await request.loadUnit(grant.$unit.id)
            guard actor.may(.grant(grant.role), on: unit.unitPath) else { throw Abort(.forbidden) }
        }
    }
}

extension Requirement {
    /// The traveller themselves, or whoever entered the trip.
    static func ownsTrip(_ trip: TravelRequest, _ actor: Actor, _ request: Request) async throws -> Bool {
        if trip.$requestedBy.id == actor.id { return true }
        let person = try await request.parameterModel(Personnel.self, "personnelID", id: trip.$personnel.id)
        return person.$user.id == actor.id
    }
}

extension RoutesBuilder {
    /// Registers a route that checks its requirement before the handler runs.
    @discardableResult
    func on<R: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: AppPath, _ requirement: Requirement,
        use handler: @Sendable @escaping (Request) async throws -> R
    ) -> Route {
        let route = on(method, path.components) { request async throws -> R in
            try await requirement.check(request)
            return try await handler(request)
        }
        route.userInfo[Requirement.userInfoKey] = requirement
        return route
    }
}

extension Requirement: CustomStringConvertible {
    /// A short form for tests and logs, e.g. `unit(manage_organization)`.
    var description: String {
        func name(_ action: Action) -> String {
            switch action {
            case .viewOrganization: "view_organization"
            case .manageOrganization: "manage_organization"
            case .viewPeople: "view_people"
            case .manageAccounts: "manage_accounts"
            case .viewAudit: "view_audit"
            case .grant(let role): "grant_\(role.rawValue)"
            case .viewPlans: "view_plans"
            case .editPlans: "edit_plans"
            case .submitPlans: "submit_plans"
            case .reviewPlans: "review_plans"
            case .approvePlans: "approve_plans"
            case .runCampaigns: "run_campaigns"
            case .viewOversight: "view_oversight"
            case .reportCompliance: "report_compliance"
            case .editRisks: "edit_risks"
            case .activatePlans: "activate_plans"
            case .configureContinuity: "configure_continuity"
            case .viewSecurity: "view_security"
            case .manageSecurity: "manage_security"
            case .approveSecurity: "approve_security"
            case .configureSecurity: "configure_security"
            case .viewIndicators: "view_indicators"
            case .viewPersonnel: "view_personnel"
            case .viewPersonalData: "view_personal_data"
            case .managePersonnel: "manage_personnel"
            case .accountForPersonnel: "account_for_personnel"
            }
        }
        return switch self {
        case .anyone: "anyone"
        case .signedIn: "signed_in"
        case .somewhere(let a): "somewhere(\(name(a)))"
        case .unit(let a): "unit(\(name(a)))"
        case .dutyStation(let a): "duty_station(\(name(a)))"
        case .user(let a): "user(\(name(a)))"
        case .plan(let a): "plan(\(name(a)))"
        case .headquarters(let a): "headquarters(\(name(a)))"
        case .activation(let a): "activation(\(name(a)))"
        case .campaign(let a): "campaign(\(name(a)))"
        case .securityArea(let a): "security_area(\(name(a)))"
        case .securityLevel(let a): "security_level(\(name(a)))"
        case .riskAssessment(let a): "risk_assessment(\(name(a)))"
        case .personnel(let a): "personnel(\(name(a)))"
        case .personnelOrSelf(let a): "personnel_or_self(\(name(a)))"
        case .rollCall(let a): "roll_call(\(name(a)))"
        case .rollCallMarker: "roll_call_marker"
        case .rollCallReader: "roll_call_reader"
        case .travelReader: "travel_reader"
        case .travelOwner: "travel_owner"
        case .travelLeg(let a): "travel_leg(\(name(a)))"
        case .advisory(let a): "advisory(\(name(a)))"
        case .grant: "grant"
        }
    }
}

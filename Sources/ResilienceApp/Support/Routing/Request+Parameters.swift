import Fluent
import ResilienceCore
import Vapor

/// Loads the records named in a path once per request: the requirement check and the handler
/// share them.
extension Request {
    private final class Loaded: @unchecked Sendable {
        var models: [String: any Sendable] = [:]
    }
    private struct LoadedKey: StorageKey { typealias Value = Loaded }

    private var loaded: Loaded {
        if let existing = storage[LoadedKey.self] { return existing }
        let new = Loaded()
        storage[LoadedKey.self] = new
        return new
    }

    /// Forgets the records read for the request (it starts again, see `ActorMiddleware`).
    func forgetLoaded() { storage[LoadedKey.self] = nil }

    /// The model named by the path parameter, or 404.
    func parameterModel<M: Model>(_ type: M.Type, _ name: String) async throws -> M where M.IDValue == UUID {
        let key = "\(name):\(M.schema)"
        if let model = loaded.models[key] as? M { return model }
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw),
            let model = try await M.find(id, on: db)
        else { throw Abort(.notFound) }
        loaded.models[key] = model
        return model
    }

    /// A model by id, kept for the request under the parameter's name (as if the path had named it).
    func parameterModel<M: Model>(_ type: M.Type, _ name: String, id: UUID) async throws -> M where M.IDValue == UUID {
        let key = "\(name):\(M.schema)"
        if let model = loaded.models[key] as? M, model.id == id { return model }
        guard let model = try await M.find(id, on: db) else { throw Abort(.notFound) }
        loaded.models[key] = model
        return model
    }

    func unitParameter() async throws -> Unit { try await parameterModel(Unit.self, "unitID") }
    /// The path's unit, read already (with the person asking, see `ActorQuery`).
    func loaded(unitParameter unit: Unit) { loaded.models["unitID:\(Unit.schema)"] = unit }
    func securityAreaParameter() async throws -> SecurityArea { try await parameterModel(SecurityArea.self, "areaID") }
    func securityLevelParameter() async throws -> SecurityLevelDecision {
        try await parameterModel(SecurityLevelDecision.self, "levelID")
    }
    func riskAssessmentParameter() async throws -> RiskAssessmentRecord {
        try await parameterModel(RiskAssessmentRecord.self, "assessmentID")
    }
    /// A security area by id, read once per request.
    func loadArea(_ id: UUID) async throws -> SecurityArea {
        if let area = try? await securityAreaParameter(), area.id == id { return area }
        guard let area = try await SecurityArea.find(id, on: db) else { throw Abort(.notFound) }
        return area
    }
    func personnelParameter() async throws -> Personnel { try await parameterModel(Personnel.self, "personnelID") }
    func rollCallParameter() async throws -> RollCall { try await parameterModel(RollCall.self, "rollCallID") }
    func travelRequestParameter() async throws -> TravelRequest {
        try await parameterModel(TravelRequest.self, "requestID")
    }
    /// The leg of the path, of the path's request (any other is not found).
    func travelLegParameter() async throws -> TravelLeg {
        let request = try await travelRequestParameter()
        let leg = try await parameterModel(TravelLeg.self, "legID")
        guard leg.$request.id == request.id else { throw Abort(.notFound) }
        return leg
    }
    func advisoryParameter() async throws -> Advisory { try await parameterModel(Advisory.self, "advisoryID") }
    func dutyStationParameter() async throws -> DutyStation { try await parameterModel(DutyStation.self, "stationID") }
    func userParameter() async throws -> User { try await parameterModel(User.self, "userID") }
    /// The plan of the path, without its content (see `PlanService.snapshot`).
    func planParameter() async throws -> Plan {
        let key = "planID:plans"
        if let plan = loaded.models[key] as? Plan { return plan }
        guard let raw = parameters.get("planID"), let id = UUID(uuidString: raw),
            let plan = try await PlanService.find(id, on: db)
        else { throw Abort(.notFound) }
        loaded.models[key] = plan
        return plan
    }
    func activationParameter() async throws -> Activation { try await parameterModel(Activation.self, "activationID") }
    func grantParameter() async throws -> RoleGrant { try await parameterModel(RoleGrant.self, "grantID") }

    /// A unit by id, cached for the request.
    func loadUnit(_ id: UUID) async throws -> Unit {
        let key = "id:\(id)"
        if let unit = loaded.models[key] as? Unit { return unit }
        guard let unit = try await Unit.find(id, on: db) else { throw Abort(.notFound) }
        loaded.models[key] = unit
        return unit
    }
}

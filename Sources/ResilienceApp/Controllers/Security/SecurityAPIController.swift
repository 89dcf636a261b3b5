import Fluent
import ResilienceCore
import Vapor

/// `/api/v1` for security areas and their levels: the same services as the pages.
struct SecurityAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .apiUnitSecurityAreas(AppPath.any), .unit(.viewSecurity), use: list)
        routes.on(.POST, .apiUnitSecurityAreas(AppPath.any), .unit(.manageSecurity), use: create)
        routes.on(.GET, .apiSecurityArea(AppPath.any), .securityArea(.viewSecurity), use: show)
        routes.on(.PATCH, .apiSecurityArea(AppPath.any), .securityArea(.manageSecurity), use: rename)
        routes.on(.POST, .apiSecurityAreaStations(AppPath.any), .securityArea(.manageSecurity), use: assign)
        routes.on(.POST, .apiSecurityAreaLevels(AppPath.any), .securityArea(.manageSecurity), use: propose)
        routes.on(.POST, .apiSecurityLevelDecision(AppPath.any), .securityLevel(.viewSecurity), use: decide)
    }

    @Sendable func list(_ req: Request) async throws -> [SecurityAreaDTO] {
        let unit = try await req.unitParameter()
        return try await SecurityReads.standings(
            within: [unit], language: Catalogue.fallbackCode, at: req.now, on: req.db
        ).map { SecurityAreaDTO($0) }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let body = try req.decodeJSON(SecurityAreaBody.self)
        let area = try await SecurityAreaService.create(
            in: unit, SecurityAreaInput(country: body.country, names: body.names), by: req.auditContext, on: req.db)
        return try await detail(req, area).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(_ req: Request) async throws -> SecurityAreaDTO {
        try await detail(req, try await req.securityAreaParameter())
    }

    @Sendable func rename(_ req: Request) async throws -> SecurityAreaDTO {
        let area = try await req.securityAreaParameter()
        let body = try req.decodeJSON(SecurityAreaBody.self)
        try await SecurityAreaService.rename(
            area, SecurityAreaInput(names: body.names), by: req.auditContext, on: req.db)
        return try await detail(req, area)
    }

    @Sendable func assign(_ req: Request) async throws -> SecurityAreaDTO {
        let area = try await req.securityAreaParameter()
        let body = try req.decodeJSON(AssignStationBody.self)
        guard let station = try await DutyStation.find(body.dutyStationID, on: req.db) else {
            throw DomainError(.notFound, field: "dutyStationID")
        }
        try await SecurityAreaService.assign(station, to: area, by: req.auditContext, on: req.db)
        return try await detail(req, area)
    }

    @Sendable func propose(_ req: Request) async throws -> Response {
        let area = try await req.securityAreaParameter()
        let body = try req.decodeJSON(LevelProposalBody.self)
        let decision = try await SecurityLevelService.propose(for: area, body.input, by: req.auditContext, on: req.db)
        await SecurityLevelService.announce(decision, area: area, app: req.application, on: req.db)
        return try await SecurityLevelDTO(decision).encodeResponse(status: .created, for: req)
    }

    @Sendable func decide(_ req: Request) async throws -> SecurityLevelDTO {
        let decision = try await req.securityLevelParameter()
        let area = try await req.loadArea(decision.$area.id)
        let body = try req.decodeJSON(LevelDecisionBody.self)
        guard let move = LevelMove(rawValue: body.move) else { throw DomainError(.invalidChoice, field: "move") }
        try await SecurityLevelService.decide(
            decision, move, reason: body.reason, by: req.requireActor(), context: req.auditContext, on: req.db)
        await SecurityLevelService.announce(decision, area: area, app: req.application, on: req.db)
        return SecurityLevelDTO(decision)
    }

    private func detail(_ req: Request, _ area: SecurityArea) async throws -> SecurityAreaDTO {
        let unit = try await req.loadUnit(area.$unit.id)
        guard
            let standing = try await SecurityReads.standings(
                of: [area], unitNames: [unit.id!: unit.name], language: Catalogue.fallbackCode, at: req.now,
                on: req.db
            ).first
        else { throw Abort(.notFound) }
        let history = try await SecurityLevelService.history(of: [area.id!], on: req.db)[area.id!] ?? []
        return SecurityAreaDTO(standing, history: history)
    }
}

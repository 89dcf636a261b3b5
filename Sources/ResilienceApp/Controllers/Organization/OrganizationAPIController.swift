import Fluent
import ResilienceCore
import Vapor

/// `/api/v1` for units and duty stations: the same services and permissions as the pages.
struct OrganizationAPIController {
    func register(_ api: any RoutesBuilder) {
        api.on(.GET, .apiUnits, .somewhere(.viewOrganization), use: units)
        api.on(.GET, .apiUnit(AppPath.any), .unit(.viewOrganization), use: unit)
        api.on(.PATCH, .apiUnit(AppPath.any), .unit(.manageOrganization), use: updateUnit)
        api.on(.POST, .apiUnitChildren(AppPath.any), .unit(.manageOrganization), use: createChild)
        api.on(.POST, .apiUnitMove(AppPath.any), .unit(.manageOrganization), use: move)
        api.on(.POST, .apiUnitRetire(AppPath.any), .unit(.manageOrganization), use: retireUnit)
        api.on(.GET, .apiDutyStations, .somewhere(.viewOrganization), use: stations)
        api.on(.POST, .apiUnitDutyStations(AppPath.any), .unit(.manageOrganization), use: createStation)
        api.on(.GET, .apiDutyStation(AppPath.any), .dutyStation(.viewOrganization), use: station)
        api.on(.PATCH, .apiDutyStation(AppPath.any), .dutyStation(.manageOrganization), use: updateStation)
        api.on(.POST, .apiDutyStationRetire(AppPath.any), .dutyStation(.manageOrganization), use: retireStation)
    }

    /// Units, filtered by `parent` (children of one unit), `root=true` or a text `q`.
    @Sendable func units(_ req: Request) async throws -> Paged<UnitDTO> {
        let q = req.searchText
        let query = UnitQueries.search(q, within: nil, on: req.db)
        if let raw = req.query[String.self, at: "parent"] {
            guard let id = UUID(uuidString: raw) else {
                throw AppError.badRequest(req.localizer("error.decoding.invalid", "parent"))
            }
            query.filter(\.$parent.$id == id)
        }
        let (items, info) = try await query.paged(req)
        return Paged(items: items.map(UnitDTO.init), metadata: info)
    }

    @Sendable func unit(_ req: Request) async throws -> UnitDTO { UnitDTO(try await req.unitParameter()) }

    @Sendable func updateUnit(_ req: Request) async throws -> UnitDTO {
        let unit = try await req.unitParameter()
        var input = try req.decodeJSON(UnitInput.self)
        input.name = input.name ?? unit.name
        if input.code == nil { input.code = unit.code }
        try await UnitService.update(unit, input, by: req.auditContext, on: req.db)
        return UnitDTO(unit)
    }

    @Sendable func createChild(_ req: Request) async throws -> Response {
        let parent = try await req.unitParameter()
        let unit = try await UnitService.create(
            under: parent, try req.decodeJSON(UnitInput.self), by: req.auditContext, on: req.db)
        return try await UnitDTO(unit).encodeResponse(status: .created, for: req)
    }

    @Sendable func move(_ req: Request) async throws -> UnitDTO {
        let unit = try await req.unitParameter()
        let body = try req.decodeJSON(MoveBody.self)
        guard let parent = try await Unit.find(body.parentID, on: req.db) else {
            throw ValidationErrors([DomainError(.notFound, field: "parentID")])
        }
        guard try req.requireActor().may(.manageOrganization, on: parent.unitPath) else { throw Abort(.forbidden) }
        try await UnitService.move(unit, under: parent, by: req.auditContext, on: req.db)
        return UnitDTO(unit)
    }

    @Sendable func retireUnit(_ req: Request) async throws -> UnitDTO {
        let unit = try await req.unitParameter()
        try await UnitService.retire(unit, by: req.auditContext, on: req.db)
        return UnitDTO(unit)
    }

    @Sendable func stations(_ req: Request) async throws -> Paged<DutyStationDTO> {
        let (rows, info) = try await DutyStationsController.scopedPage(req)
        return Paged(items: rows.map(DutyStationDTO.init), metadata: info)
    }

    @Sendable func createStation(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let station = try await DutyStationService.create(
            at: unit, try req.decodeJSON(DutyStationBody.self).input,
            by: req.auditContext, on: req.db)
        return try await DutyStationDTO(station).encodeResponse(status: .created, for: req)
    }

    @Sendable func station(_ req: Request) async throws -> DutyStationDTO {
        let station = try await req.dutyStationParameter()
        try await station.$area.load(on: req.db)
        return DutyStationDTO(station)
    }

    @Sendable func updateStation(_ req: Request) async throws -> DutyStationDTO {
        let station = try await req.dutyStationParameter()
        let body = try req.decodeJSON(DutyStationBody.self)
        let currentArea = try await station.$area.get(on: req.db).name(in: Catalogue.fallbackCode)
        let input = DutyStationInput(
            name: body.name ?? station.name, country: body.country ?? station.country,
            area: body.area ?? currentArea, latitude: String(body.latitude ?? station.latitude),
            longitude: String(body.longitude ?? station.longitude))
        try await DutyStationService.update(station, input, by: req.auditContext, on: req.db)
        return DutyStationDTO(station)
    }

    @Sendable func retireStation(_ req: Request) async throws -> DutyStationDTO {
        let station = try await req.dutyStationParameter()
        try await DutyStationService.retire(station, by: req.auditContext, on: req.db)
        try await station.$area.load(on: req.db)
        return DutyStationDTO(station)
    }
}

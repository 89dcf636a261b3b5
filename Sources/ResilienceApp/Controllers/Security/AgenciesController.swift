import Fluent
import ResilienceCore
import Vapor

/// The agencies HQ lists and their headcounts at duty stations, pages and API.
struct AgenciesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .agencies, .somewhere(.viewSecurity), use: list)
        routes.on(.POST, .agencies, .headquarters(.configureSecurity), use: create)
        routes.on(.GET, .agency(AppPath.any), .headquarters(.configureSecurity), use: edit)
        routes.on(.POST, .agency(AppPath.any), .headquarters(.configureSecurity), use: update)
        routes.on(.GET, .dutyStationAgencies(AppPath.any), .dutyStation(.viewOrganization), use: station)
        routes.on(.POST, .dutyStationAgencies(AppPath.any), .dutyStation(.manageSecurity), use: setCounts)
        routes.on(.GET, .apiAgencies, .somewhere(.viewSecurity), use: apiList)
        routes.on(.POST, .apiAgencies, .headquarters(.configureSecurity), use: apiCreate)
        routes.on(.PATCH, .apiAgency(AppPath.any), .headquarters(.configureSecurity), use: apiUpdate)
        routes.on(.GET, .apiDutyStationAgencies(AppPath.any), .dutyStation(.viewOrganization), use: apiStation)
        routes.on(.POST, .apiDutyStationAgencies(AppPath.any), .dutyStation(.manageSecurity), use: apiSetCounts)
    }

    static func input(_ form: [String: String]) -> AgencyInput {
        AgencyInput(
            shortNames: NameSet.fromForm(form, prefix: "short"), fullNames: NameSet.fromForm(form, prefix: "full"))
    }

    @Sendable func list(_ req: Request) async throws -> Response { try await listPage(req, FormState()) }

    private func listPage(_ req: Request, _ form: FormState) async throws -> Response {
        let root = try await UnitQueries.root(on: req.db)
        let page = AgenciesPage(
            agencies: try await AgencyService.active(on: req.db),
            mayConfigure: try root.map { try req.requireActor().may(.configureSecurity, on: $0.unitPath) } ?? false,
            form: form, csrf: req.csrfToken)
        return Layout.response(for: req, title: req.localizer("agencies.title"), content: page.body(req.localizer))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let agency = try await AgencyService.create(Self.input(form), by: req.auditContext, on: req.db)
                return req.redirect(
                    to: AppPath.agencies.path, said: Said(.added, agency.shortName(in: req.localizer.code)))
            }, reshow: { try await listPage(req, $0) })
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let agency = try await req.parameterModel(Agency.self, "agencyID")
        var values: [String: String] = [:]
        for (code, name) in NameSet.decode(agency.shortNames) { values["short-\(code)"] = name }
        for (code, name) in NameSet.decode(agency.fullNames) { values["full-\(code)"] = name }
        return editPage(req, agency, FormState(values: values))
    }

    private func editPage(_ req: Request, _ agency: Agency, _ form: FormState) -> Response {
        let page = AgencyForm(action: AppPath.agency(agency.id!).path, form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: agency.shortName(in: req.localizer.code),
            content: .section(.class("narrow"), page.body(req.localizer)))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let agency = try await req.parameterModel(Agency.self, "agencyID")
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await AgencyService.update(agency, Self.input(form), by: req.auditContext, on: req.db)
                return req.redirect(
                    to: AppPath.agencies.path, said: Said(.saved, agency.shortName(in: req.localizer.code)))
            }, reshow: { editPage(req, agency, $0) })
    }

    private func presences(_ station: DutyStation, on db: any Database) async throws -> [UUID: AgencyPresence] {
        Dictionary(
            try await AgencyPresence.query(on: db).filter(\.$station.$id == station.requireID()).all().map {
                ($0.$agency.id, $0)
            }, uniquingKeysWith: { a, _ in a })
    }

    @Sendable func station(_ req: Request) async throws -> Response { try await stationPage(req, nil) }

    private func stationPage(_ req: Request, _ form: FormState?) async throws -> Response {
        let station = try await req.dutyStationParameter()
        let unit = try await req.loadUnit(station.$unit.id)
        let present = try await presences(station, on: req.db)
        var state = form ?? FormState()
        if form == nil {
            for (id, p) in present {
                let key = id.uuidString.lowercased()
                state.values["international-\(key)"] = String(p.internationalStaff)
                state.values["national-\(key)"] = String(p.nationalStaff)
                state.values["dependants-\(key)"] = String(p.dependants)
            }
        }
        let page = StationAgenciesPage(
            stationID: station.id!, agencies: try await AgencyService.active(on: req.db), presences: present,
            mayEdit: try req.requireActor().may(.manageSecurity, on: unit.unitPath), form: state, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("agencies.station_title", station.name), content: page.body(req.localizer))
    }

    static func counts(_ form: [String: String]) -> [UUID: HeadcountInput] {
        var counts: [UUID: HeadcountInput] = [:]
        for key in form.keys where key.hasPrefix("international-") {
            let raw = String(key.dropFirst("international-".count))
            guard let id = UUID(uuidString: raw) else { continue }
            counts[id] = HeadcountInput(
                internationalStaff: form["international-\(raw)"], nationalStaff: form["national-\(raw)"],
                dependants: form["dependants-\(raw)"])
        }
        return counts
    }

    @Sendable func setCounts(_ req: Request) async throws -> Response {
        let station = try await req.dutyStationParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await AgencyService.setHeadcounts(at: station, Self.counts(form), by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.dutyStationAgencies(station.id!).path, said: Said(.saved, station.name))
            }, reshow: { try await stationPage(req, $0) })
    }

    // MARK: API

    @Sendable func apiList(_ req: Request) async throws -> [AgencyDTO] {
        try await AgencyService.active(on: req.db).map(AgencyDTO.init)
    }

    @Sendable func apiCreate(_ req: Request) async throws -> Response {
        let body = try req.decodeJSON(AgencyInput.self)
        return try await AgencyDTO(try await AgencyService.create(body, by: req.auditContext, on: req.db))
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func apiUpdate(_ req: Request) async throws -> AgencyDTO {
        let agency = try await req.parameterModel(Agency.self, "agencyID")
        var body = try req.decodeJSON(AgencyInput.self)
        body.shortNames = body.shortNames ?? NameSet.decode(agency.shortNames)
        body.fullNames = body.fullNames ?? NameSet.decode(agency.fullNames)
        try await AgencyService.update(agency, body, by: req.auditContext, on: req.db)
        return AgencyDTO(agency)
    }

    @Sendable func apiStation(_ req: Request) async throws -> [HeadcountDTO] {
        let station = try await req.dutyStationParameter()
        return try await presences(station, on: req.db).values.map(HeadcountDTO.init).sorted {
            $0.agencyID.uuidString < $1.agencyID.uuidString
        }
    }

    @Sendable func apiSetCounts(_ req: Request) async throws -> [HeadcountDTO] {
        let station = try await req.dutyStationParameter()
        let body = try req.decodeJSON([HeadcountDTO].self)
        var counts: [UUID: HeadcountInput] = [:]
        for c in body {
            counts[c.agencyID] = HeadcountInput(
                internationalStaff: String(c.internationalStaff), nationalStaff: String(c.nationalStaff),
                dependants: String(c.dependants))
        }
        try await AgencyService.setHeadcounts(at: station, counts, by: req.auditContext, on: req.db)
        return try await apiStation(req)
    }
}

struct AgencyDTO: Content {
    var id: UUID; var shortNames: [String: String]; var fullNames: [String: String]
    init(_ a: Agency) { id = a.id!; shortNames = NameSet.decode(a.shortNames); fullNames = NameSet.decode(a.fullNames) }
}

/// An agency's headcount at a duty station.
struct HeadcountDTO: Content {
    var agencyID: UUID; var internationalStaff: Int; var nationalStaff: Int; var dependants: Int
    init(_ p: AgencyPresence) {
        agencyID = p.$agency.id; internationalStaff = p.internationalStaff; nationalStaff = p.nationalStaff
        dependants = p.dependants
    }
}

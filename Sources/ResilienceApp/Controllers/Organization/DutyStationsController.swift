import Fluent
import ResilienceCore
import Vapor

/// The pages of the duty stations.
struct DutyStationsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .dutyStations, .somewhere(.viewOrganization), use: index)
        routes.on(.GET, .dutyStationsCSV, .somewhere(.viewOrganization), use: csv)
        routes.on(.GET, .apiDutyStationDatabase, .somewhere(.viewOrganization), use: api)
        routes.on(.GET, .dutyStation(AppPath.any), .dutyStation(.viewOrganization), use: show)
        routes.on(.GET, .unitNewDutyStation(AppPath.any), .unit(.manageOrganization), use: new)
        routes.on(.POST, .unitDutyStations(AppPath.any), .unit(.manageOrganization), use: create)
        routes.on(.GET, .dutyStationEdit(AppPath.any), .dutyStation(.manageOrganization), use: edit)
        routes.on(.POST, .dutyStationEdit(AppPath.any), .dutyStation(.manageOrganization), use: update)
        routes.on(.GET, .dutyStationRetire(AppPath.any), .dutyStation(.manageOrganization), use: confirmRetire)
        routes.on(.POST, .dutyStationRetire(AppPath.any), .dutyStation(.manageOrganization), use: retire)
    }

    /// One page of the duty stations a person may open: those of the units their roles cover,
    /// the same scope as each station's own page.
    static func scopedPage(_ req: Request) async throws -> ([DutyStationRow], PageInfo) {
        var units: [UUID]?
        if case .units(let ids) = try await UnitQueries.scope(try req.requireActor(), .viewOrganization, on: req.db) {
            units = ids
        }
        return try await ListReads.dutyStations(in: units, matching: req.searchText, page: req.pageRequest, on: req.db)
    }

    /// The duty-station database: every station in the person's reach with its facts, the
    /// filters of the query applied, in its order.
    static func database(_ req: Request) async throws -> (all: [StationFacts], matching: [StationFacts], StationQuery) {
        let roots = try await UnitQueries.scopeRoots(try req.requireActor(), .viewOrganization, on: req.db)
        let everything = roots.contains { $0.$parent.id == nil }
        let all = try await DutyStationDatabase.facts(
            within: everything ? nil : roots, at: req.now, kept: req.kept, on: req.db)
        let query = StationQuery(req)
        return (all, query.ordered(all.filter(query.matches)), query)
    }

    /// The database's parts are kept for what they show: the duty stations, security, the tree.
    static let databaseScopes: [DataScope] = [.all(.dutyStations), .all(.security), .all(.units)]

    /// The person's reach and the query, as a key of what the database shows them.
    static func databaseKey(_ req: Request, _ kind: String) async throws -> [String] {
        let roots = try await UnitQueries.scopeRoots(try req.requireActor(), .viewOrganization, on: req.db)
        return [kind, roots.compactMap(\.id).map(\.uuidString).sorted().joined(separator: ","), req.url.query ?? ""]
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        let body = try await req.rendered(try await Self.databaseKey(req, "stations"), showing: Self.databaseScopes) {
            try await indexBody(req)
        }
        return Layout.response(for: req, title: req.localizer("database.title"), markup: body)
    }

    private func indexBody(_ req: Request) async throws -> String {
        let (all, matching, query) = try await Self.database(req)
        let (page, per) = req.pageRequest
        let rows = Array(matching.dropFirst((page - 1) * per).prefix(per))
        var regions: [UUID: String] = [:]
        for f in all { if let id = f.regionID { regions[id] = f.regionName ?? "" } }
        let view = DutyStationDatabasePage(
            rows: rows, matching: matching,
            info: PageInfo(page: page, per: per, total: matching.count, hasMore: page * per < matching.count),
            query: query, countries: Array(Set(all.map(\.country))).sorted(),
            regions: regions.map { ($0.key, $0.value) }.sorted { $0.1 < $1.1 })
        return view.body(req.localizer).render()
    }

    @Sendable func csv(_ req: Request) async throws -> Response {
        let (_, matching, _) = try await Self.database(req)
        let t = req.localizer
        let header = [
            t("field.name"), t("field.country"), t("security.area"), t("field.unit"), t("database.region"),
            t("field.latitude"), t("field.longitude"), t("security.level"), t("security.next_review"),
            t("database.overdue"), t("assessment.status"), t("measures.compliance"), t("measures.fully_compliant"),
            t("agencies.title"), t("agencies.international"), t("agencies.national"), t("agencies.dependants"),
        ]
        let lines = matching.map { f in
            [
                f.name, f.country, NameSet.pick(f.areaNames, t.code), f.unitName, f.regionName ?? "",
                String(f.latitude), String(f.longitude), f.level.map(String.init) ?? "",
                f.nextReview.map(OversightService.day) ?? "", t(f.reviewOverdue ? "common.yes" : "common.no"),
                t("assessment_status.\(f.assessment.rawValue)"),
                f.compliancePercent.map { String(format: "%.1f", $0) } ?? "",
                t(f.fullyCompliant ? "common.yes" : "common.no"),
                String(f.agencies), String(f.internationalStaff), String(f.nationalStaff), String(f.dependants),
            ]
        }
        let response = Response(status: .ok, body: .init(string: PlanCSV.document([header] + lines)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(
            .attachment, filename: "duty-stations-\(OversightService.day(req.now)).csv")
        return response
    }

    /// The same rows as JSON, paged.
    @Sendable func api(_ req: Request) async throws -> Response {
        let body = try await req.rendered(try await Self.databaseKey(req, "stations-api"), showing: Self.databaseScopes)
        {
            let (_, matching, _) = try await Self.database(req)
            let (page, per) = req.pageRequest
            return try KeptJSON.encode(
                Paged(
                    items: Array(matching.dropFirst((page - 1) * per).prefix(per)),
                    metadata: PageInfo(
                        page: page, per: per, total: matching.count, hasMore: page * per < matching.count)))
        }
        return KeptJSON.response(body)
    }

    /// The station with its area loaded.
    static func row(_ s: DutyStation, _ t: Localizer) -> UnitPage.Station {
        .init(id: s.id!, name: s.name, country: s.country, area: s.areaName(t.code), retired: s.retiredAt != nil)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let station = try await req.dutyStationParameter()
        let unit = try await req.loadUnit(station.$unit.id)
        try await station.$area.load(on: req.db)
        let area = try await req.loadUnit(station.area.$unit.id)
        guard
            let standing = try await SecurityReads.standings(
                of: [station.area], unitNames: [area.id!: area.name], language: req.localizer.code, at: req.now,
                on: req.db
            ).first
        else { throw Abort(.notFound) }
        let actor = try req.requireActor()
        let page = DutyStationPage(
            station: Self.row(station, req.localizer), latitude: station.latitude, longitude: station.longitude,
            unitID: unit.id!, unitName: unit.name, area: standing,
            compliance: try await ComplianceService.of([station], at: req.now, on: req.db).first?.share
                ?? ComplianceShare(required: 0, compliant: 0, notApplicable: 0),
            headcount: try await AgencyPresence.query(on: req.db).filter(\.$station.$id == station.requireID()).all()
                .reduce((0, 0)) { ($0.0 + 1, $0.1 + $1.internationalStaff + $1.nationalStaff + $1.dependants) },
            mayViewArea: actor.may(.viewSecurity, on: area.unitPath),
            mayManage: try req.requireActor().may(.manageOrganization, on: unit.unitPath), csrf: req.csrfToken)
        return Layout.response(for: req, title: station.name, content: page.body(req.localizer))
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        return formPage(
            req, action: AppPath.unitDutyStations(unit.id!).path,
            title: req.localizer("duty_station.new_title", unit.name),
            FormState())
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let station = try await DutyStationService.create(
                    at: unit, Self.input(form), by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.dutyStation(station.id!).path, said: Said(.created, station.name))
            },
            reshow: {
                formPage(
                    req, action: AppPath.unitDutyStations(unit.id!).path,
                    title: req.localizer("duty_station.new_title", unit.name), $0)
            })
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let s = try await req.dutyStationParameter()
        let values = [
            "name": s.name, "country": s.country,
            "area": try await s.$area.get(on: req.db).name(in: req.localizer.code), "latitude": String(s.latitude),
            "longitude": String(s.longitude),
        ]
        return formPage(
            req, action: AppPath.dutyStationEdit(s.id!).path, title: req.localizer("duty_station.edit_title", s.name),
            FormState(values: values))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let station = try await req.dutyStationParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await DutyStationService.update(station, Self.input(form), by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.dutyStation(station.id!).path, said: Said(.saved, form["name"]))
            },
            reshow: {
                formPage(
                    req, action: AppPath.dutyStationEdit(station.id!).path,
                    title: req.localizer("duty_station.edit_title", station.name), $0)
            })
    }

    @Sendable func confirmRetire(_ req: Request) async throws -> Response {
        let station = try await req.dutyStationParameter()
        let t = req.localizer
        return ConfirmPage.response(
            req, title: t("duty_station.retire_title", station.name),
            message: t("duty_station.retire_confirm", station.name), action: .dutyStationRetire(station.id!),
            submit: t("duty_station.retire"), cancel: .dutyStation(station.id!))
    }

    @Sendable func retire(_ req: Request) async throws -> Response {
        let station = try await req.dutyStationParameter()
        try await DutyStationService.retire(station, by: req.auditContext, on: req.db)
        return req.redirect(to: AppPath.dutyStation(station.id!).path, said: Said(.retired, station.name))
    }

    static func input(_ form: [String: String]) -> DutyStationInput {
        DutyStationInput(
            name: form["name"], country: form["country"], area: form["area"],
            latitude: form["latitude"], longitude: form["longitude"])
    }

    private func formPage(_ req: Request, action: String, title: String, _ form: FormState) -> Response {
        let page = DutyStationFormPage(
            action: action, form: form, csrf: req.csrfToken, submit: req.localizer("common.save"))
        return Layout.response(for: req, title: title, content: page.body(req.localizer))
    }
}

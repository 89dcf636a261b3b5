import Fluent
import ResilienceCore
import Vapor

/// The pages of security areas and their levels. Who may make which move on a proposal is the
/// core's `LevelReview`; the decision route only needs the person to read the area.
struct SecurityController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .security, .somewhere(.viewSecurity), use: everywhere)
        routes.on(.GET, .unitSecurity(AppPath.any), .unit(.viewSecurity), use: ofUnit)
        routes.on(.GET, .unitSecurityNewArea(AppPath.any), .unit(.manageSecurity), use: newArea)
        routes.on(.POST, .unitSecurity(AppPath.any), .unit(.manageSecurity), use: createArea)
        routes.on(.GET, .securityArea(AppPath.any), .securityArea(.viewSecurity), use: area)
        routes.on(.GET, .securityAreaEdit(AppPath.any), .securityArea(.manageSecurity), use: editArea)
        routes.on(.POST, .securityAreaEdit(AppPath.any), .securityArea(.manageSecurity), use: renameArea)
        routes.on(.POST, .securityAreaStations(AppPath.any), .securityArea(.manageSecurity), use: assign)
        routes.on(.GET, .securityAreaNewLevel(AppPath.any), .securityArea(.manageSecurity), use: newLevel)
        routes.on(.POST, .securityAreaLevels(AppPath.any), .securityArea(.manageSecurity), use: propose)
        routes.on(.POST, .securityLevelDecision(AppPath.any), .securityLevel(.viewSecurity), use: decide)
    }

    /// What the security pages show: anything of security management, the duty stations, the
    /// plans (for acceptable risk), the tree and HQ's settings. Any change to them renders anew.
    static let scopes: [DataScope] = [
        .all(.security), .all(.dutyStations), .all(.plans), .all(.units), .all(.settings),
    ]

    @Sendable func everywhere(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let roots = try await UnitQueries.scopeRoots(actor, .viewSecurity, on: req.db)
        let key = ["security"] + roots.compactMap(\.id).map(\.uuidString).sorted()
        let body = try await req.rendered(key, showing: Self.scopes) { try await everywhereBody(req, roots) }
        let all = roots.contains { $0.$parent.id == nil }
        let shown = all ? try await UnitQueries.root(on: req.db).map { [$0] } ?? [] : roots
        var located = ""
        for unit in shown { located += try await Self.locatable(req, unit, areas: []) }
        return Layout.response(for: req, title: req.localizer("security.title"), markup: body + located)
    }

    private func everywhereBody(_ req: Request, _ roots: [Unit]) async throws -> String {
        let all = roots.contains { $0.$parent.id == nil }
        let standings = try await SecurityReads.standings(
            within: all ? nil : roots, language: req.localizer.code, at: req.now, on: req.db)
        let shown = all ? try await UnitQueries.root(on: req.db).map { [$0] } ?? [] : roots
        var compliance: [(Unit, ComplianceService.RollUps)] = []
        for unit in shown {
            compliance.append((unit, try await ComplianceService.rollUps(of: unit, at: req.now, on: req.db)))
        }
        var acceptable: [(Unit, Plan, [AcceptableRiskFinding])] = []
        for unit in shown {
            acceptable += try await AcceptableRiskService.findings(
                within: unit, at: req.now, kept: req.kept, on: req.db)
        }
        let page = SecurityAreasPage(
            standings: standings, unit: nil, compliance: compliance, acceptable: acceptable,
            names: RiskNames(scale: try await RiskService.scale(on: req.db), t: req.localizer))
        return page.body(req.localizer).render()
    }

    @Sendable func ofUnit(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let mayManage = try req.requireActor().may(.manageSecurity, on: unit.unitPath) && !unit.isRetired
        let body = try await req.rendered(
            ["unit-security", unit.id!.uuidString, String(mayManage)], showing: Self.scopes
        ) {
            try await unitBody(req, unit, mayManage: mayManage)
        }
        let areas = try await SecurityArea.query(on: req.db).filter(\.$unit.$id == unit.requireID()).all()
        let located = try await Self.locatable(req, unit, areas: areas)
        return Layout.response(for: req, title: req.localizer("security.title_of", unit.name), markup: body + located)
    }

    /// Who can be located, for the unit and each unit right below it, and by area for the areas
    /// it keeps: kept apart from the rest of the page, under the personnel data's versions, so that
    /// people confirming where they are do not render the security pages anew.
    static func locatable(_ req: Request, _ unit: Unit, areas: [SecurityArea]) async throws -> String {
        let unitID = try unit.requireID()
        return try await req.rendered(
            ["locatable", unitID.uuidString], showing: [.under(.personnel, unitID), .all(.units), .all(.settings)]
        ) {
            let shares = try await PersonnelReads.shares(under: unit, at: req.now, on: req.db)
            let byArea = areas.isEmpty ? [:] : try await PersonnelReads.byArea(under: unit, at: req.now, on: req.db)
            let t = req.localizer
            let section = LocatableSection(
                unit: unit, all: shares.all, children: shares.rows,
                areas: areas.compactMap { a in byArea[a.id!].map { (a.name(in: t.code), $0) } }.sorted { $0.0 < $1.0 })
            return section.body(t).render()
        }
    }

    private func unitBody(_ req: Request, _ unit: Unit, mayManage: Bool) async throws -> String {
        let standings = try await SecurityReads.standings(
            within: [unit], language: req.localizer.code, at: req.now, on: req.db)
        let page = SecurityAreasPage(
            standings: standings,
            unit: (unit.id!, mayManage),
            compliance: [(unit, try await ComplianceService.rollUps(of: unit, at: req.now, on: req.db))],
            acceptable: try await AcceptableRiskService.findings(within: unit, at: req.now, kept: req.kept, on: req.db),
            names: RiskNames(scale: try await RiskService.scale(on: req.db), t: req.localizer))
        return page.body(req.localizer).render()
    }

    @Sendable func newArea(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        // The country most of the unit's duty stations are in.
        let countries = try await DutyStation.query(on: req.db).filter(\.$unit.$id == unit.requireID()).all(\.$country)
        let country = Dictionary(grouping: countries, by: { $0 }).max { $0.value.count < $1.value.count }?.key ?? ""
        return areaForm(req, unit: unit, FormState(values: ["country": country]))
    }

    @Sendable func createArea(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let area = try await SecurityAreaService.create(
                    in: unit,
                    SecurityAreaInput(country: form["country"], names: NameSet.fromForm(form, prefix: "name")),
                    by: req.auditContext, on: req.db)
                return req.redirect(
                    to: AppPath.securityArea(area.id!).path, said: Said(.created, area.name(in: req.localizer.code)))
            }, reshow: { areaForm(req, unit: unit, $0) })
    }

    private func areaForm(_ req: Request, unit: Unit, _ form: FormState) -> Response {
        let page = SecurityAreaFormPage(
            action: AppPath.unitSecurity(unit.id!).path, isNew: true, form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("security.new_area_title", unit.name), content: page.body(req.localizer))
    }

    @Sendable func area(_ req: Request) async throws -> Response {
        try await renderArea(req)
    }

    func renderArea(
        _ req: Request, decision: FormState = FormState(), assign: FormState = FormState()
    ) async throws
        -> Response
    {
        let area = try await req.securityAreaParameter()
        let unit = try await req.loadUnit(area.$unit.id)
        let t = req.localizer
        let actor = try req.requireActor()
        let may = (actor.may(.manageSecurity, on: unit.unitPath), actor.may(.approveSecurity, on: unit.unitPath))
        let title = area.name(in: t.code)
        let build = { (csrf: String) async throws -> String in
            try await areaBody(req, area, unit, may: may, forms: (decision, assign), csrf: csrf)
        }
        // The page as most read it, kept; one that comes back with a refusal is rendered for it.
        if decision.errors.isEmpty && assign.errors.isEmpty {
            let html = try await req.renderedForm(
                ["area", area.id!.uuidString, String(may.0), String(may.1)], showing: Self.scopes, render: build)
            return Layout.response(for: req, title: title, markup: html)
        }
        return Layout.response(for: req, title: title, markup: try await build(req.csrfToken))
    }

    private func areaBody(
        _ req: Request, _ area: SecurityArea, _ unit: Unit, may: (Bool, Bool), forms: (FormState, FormState),
        csrf: String
    ) async throws -> String {
        let t = req.localizer
        guard
            let standing = try await SecurityReads.standings(
                of: [area], unitNames: [unit.id!: unit.name], language: t.code, at: req.now, on: req.db
            ).first
        else { throw Abort(.notFound) }
        // The stations' units in one read.
        let units = try await Unit.query(on: req.db).filter(\.$id ~~ Set(standing.stations.map(\.$unit.id))).all()
        for station in standing.stations { station.$unit.value = units.first { $0.id == station.$unit.id } }
        let history = try await SecurityLevelService.history(of: [area.id!], on: req.db)[area.id!] ?? []
        let mayManage = may.0
        var movable: [(DutyStation, String)] = []
        if mayManage {
            let others = try await DutyStation.query(on: req.db).filter(\.$country == area.country)
                .filter(\.$area.$id != area.requireID()).filter(\.$retiredAt == nil).with(\.$area).sort(\.$name).all()
            movable = others.map { ($0, $0.areaName(t.code)) }
        }
        let shares = try await ComplianceService.of(standing.stations, at: req.now, on: req.db)
        let page = SecurityAreaPage(
            standing: standing, history: history, movable: movable,
            may: may,
            shares: Dictionary(shares.map { ($0.station.id!, $0.share) }, uniquingKeysWith: { a, _ in a }),
            assessment: try await RiskAssessmentService.statuses(of: [area.id!], at: req.now, on: req.db)[area.id!]
                ?? .none,
            forms: forms, csrf: csrf)
        return page.body(t).render()
    }

    @Sendable func editArea(_ req: Request) async throws -> Response {
        let area = try await req.securityAreaParameter()
        var values: [String: String] = [:]
        for (code, name) in area.nameByLanguage { values["name-\(code)"] = name }
        return renameForm(req, area, FormState(values: values))
    }

    @Sendable func renameArea(_ req: Request) async throws -> Response {
        let area = try await req.securityAreaParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await SecurityAreaService.rename(
                    area, SecurityAreaInput(names: NameSet.fromForm(form, prefix: "name")), by: req.auditContext,
                    on: req.db)
                return req.redirect(
                    to: AppPath.securityArea(area.id!).path, said: Said(.saved, area.name(in: req.localizer.code)))
            }, reshow: { renameForm(req, area, $0) })
    }

    private func renameForm(_ req: Request, _ area: SecurityArea, _ form: FormState) -> Response {
        let page = SecurityAreaFormPage(
            action: AppPath.securityAreaEdit(area.id!).path, isNew: false, form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("security.rename_title", area.name(in: req.localizer.code)),
            content: page.body(req.localizer))
    }

    @Sendable func assign(_ req: Request) async throws -> Response {
        let area = try await req.securityAreaParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                guard let id = form["station"].flatMap(UUID.init(uuidString:)),
                    let station = try await DutyStation.find(id, on: req.db)
                else { throw DomainError(.notFound, field: "station") }
                try await SecurityAreaService.assign(station, to: area, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.securityArea(area.id!).path, said: Said(.moved, station.name))
            }, reshow: { try await renderArea(req, assign: $0) })
    }

    @Sendable func newLevel(_ req: Request) async throws -> Response {
        let area = try await req.securityAreaParameter()
        // A review starts from the ratings in force: to confirm them, the officer only says why.
        let history = try await SecurityLevelService.history(of: [area.id!], on: req.db)[area.id!] ?? []
        var values = ["effective_on": PlanChecks.isoDay(req.now)]
        for (c, l) in SecurityLevelService.current(history, at: req.now)?.threatRatings?.ratings ?? [:] {
            values["threat_\(c.rawValue)"] = String(l.rawValue)
        }
        return try await proposalForm(req, area, FormState(values: values))
    }

    @Sendable func propose(_ req: Request) async throws -> Response {
        let area = try await req.securityAreaParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let decision = try await SecurityLevelService.propose(
                    for: area, Self.proposal(form), by: req.auditContext, on: req.db)
                await SecurityLevelService.announce(decision, area: area, app: req.application, on: req.db)
                return req.redirect(
                    to: AppPath.securityArea(area.id!).path, said: Said(.proposed, area.name(in: req.localizer.code)))
            }, reshow: { try await proposalForm(req, area, $0) })
    }

    static func proposal(_ form: [String: String]) -> LevelProposalInput {
        var threats: [String: String] = [:]
        for c in ThreatCategory.allCases { threats[c.rawValue] = form["threat_\(c.rawValue)"] }
        return LevelProposalInput(
            threats: threats, reason: form["reason"], effectiveOn: form["effective_on"], nextReview: form["next_review"]
        )
    }

    private func proposalForm(_ req: Request, _ area: SecurityArea, _ form: FormState) async throws -> Response {
        let page = LevelProposalPage(
            area: area, intervals: try await SecurityLevelService.intervals(on: req.db), form: form, csrf: req.csrfToken
        )
        return Layout.response(
            for: req, title: req.localizer("security.propose_title", area.name(in: req.localizer.code)),
            content: page.body(req.localizer))
    }

    @Sendable func decide(_ req: Request) async throws -> Response {
        let decision = try await req.securityLevelParameter()
        let area = try await req.loadArea(decision.$area.id)
        req.parameters.set("areaID", to: area.id!.uuidString)
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                guard let move = form["move"].flatMap(LevelMove.init(rawValue:)) else {
                    throw DomainError(.invalidChoice, field: "move")
                }
                try await SecurityLevelService.decide(
                    decision, move, reason: form["reason"], by: req.requireActor(), context: req.auditContext,
                    on: req.db)
                await SecurityLevelService.announce(decision, area: area, app: req.application, on: req.db)
                let said: Said.What =
                    switch move {
                    case .approve: .levelApproved
                    case .returnToOfficer: .levelReturned
                    case .withdraw: .levelWithdrawn
                    }
                return req.redirect(
                    to: AppPath.securityArea(area.id!).path, said: Said(said, area.name(in: req.localizer.code)))
            }, reshow: { try await renderArea(req, decision: $0) })
    }
}

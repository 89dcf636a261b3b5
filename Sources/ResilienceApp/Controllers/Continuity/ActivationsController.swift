import Fluent
import ResilienceCore
import Vapor

/// Plans activated for disruptive events: pages and `/api/v1`, the same service behind both.
struct ActivationsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .unitActivations(AppPath.any), .unit(.viewPlans), use: index)
        routes.on(.POST, .unitActivations(AppPath.any), .unit(.activatePlans), use: start)
        routes.on(.GET, .activation(AppPath.any), .activation(.viewPlans), use: show)
        routes.on(.POST, .activationProcess(AppPath.any, AppPath.any), .activation(.activatePlans), use: report)
        routes.on(.POST, .activationLog(AppPath.any), .activation(.activatePlans), use: note)
        routes.on(.POST, .activationClose(AppPath.any), .activation(.activatePlans), use: close)
        routes.on(.GET, .apiUnitActivations(AppPath.any), .unit(.viewPlans), use: apiList)
        routes.on(.POST, .apiUnitActivations(AppPath.any), .unit(.activatePlans), use: apiStart)
        routes.on(.GET, .apiActivation(AppPath.any), .activation(.viewPlans), use: apiShow)
        routes.on(.POST, .apiActivationProcess(AppPath.any, AppPath.any), .activation(.activatePlans), use: apiReport)
        routes.on(.POST, .apiActivationClose(AppPath.any), .activation(.activatePlans), use: apiClose)
    }

    static func list(_ unit: Unit, on db: any Database) async throws -> [Activation] {
        try await Activation.query(on: db).filter(\.$unit.$id == unit.requireID()).sort(\.$startedAt, .descending)
            .limit(100).all()
    }

    /// HQ, the region and the unit's managers hear of an activation when it starts and closes.
    static func announce(_ activation: Activation, unit: Unit, _ req: Request) async throws {
        let people = try await Notifier.holders(
            of: [.hqOversight, .regionalReviewer, .focalPoint, .seniorManager], over: unit,
            except: req.actor?.id, on: req.db)
        try await Notifier.notify(
            people, kind: activation.status == .open ? "activation_started" : "activation_closed",
            args: [unit.name, activation.places], link: AppPath.activation(activation.id!).path, unitID: unit.id,
            app: req.application, on: req.db)
    }

    // MARK: Pages

    @Sendable func index(_ req: Request) async throws -> Response {
        // The form starts at this minute, in UTC as every time here is.
        let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: req.now)
        let minute =
            PlanChecks.isoDay(req.now) + "T"
            + [now.hour!, now.minute!].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
        return try await indexPage(
            req, FormState(values: ["kind": ScenarioKind.officeClosure.rawValue, "startedAt": minute]))
    }

    private func indexPage(_ req: Request, _ form: FormState) async throws -> Response {
        let unit = try await req.unitParameter()
        let rows = try await Self.list(unit, on: req.db).map {
            ActivationsPage.Row(
                id: $0.id!, kind: $0.kind, startedAt: $0.startedAt, places: $0.places, status: $0.status,
                closedAt: $0.closedAt)
        }
        let page = ActivationsPage(
            unitID: unit.id!, unitName: unit.name, rows: rows,
            mayActivate: try req.requireActor().may(.activatePlans, on: unit.unitPath), form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("activation.title", unit.name), content: page.body(req.localizer))
    }

    @Sendable func start(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let activation = try await ActivationService.start(
                    at: unit, ActivationInput(kind: form["kind"], startedAt: form["startedAt"], places: form["places"]),
                    by: req.auditContext, now: req.now, on: req.db)
                try await Self.announce(activation, unit: unit, req)
                return req.redirect(to: AppPath.activation(activation.id!).path, said: Said(.created))
            }, reshow: { try await indexPage(req, $0) })
    }

    @Sendable func show(_ req: Request) async throws -> Response { try await showPage(req, FormState()) }

    private func showPage(_ req: Request, _ form: FormState) async throws -> Response {
        let activation = try await req.activationParameter()
        let unit = try await req.loadUnit(activation.$unit.id)
        let entries = try await ActivationEntry.query(on: req.db).filter(\.$activation.$id == activation.requireID())
            .sort(\.$at, .descending).limit(500).all()
        var lastNote: [UUID: (Date, String)] = [:]
        for e in entries.reversed() where e.processID != nil && !e.note.isEmpty {
            lastNote[e.processID!] = (e.at, e.note)
        }
        let mayRun = try req.requireActor().may(.activatePlans, on: unit.unitPath)
        let page = ActivationPage(
            activation: activation, unitName: unit.name, processes: ActivationService.processes(activation),
            states: ActivationService.states(activation), lastNote: lastNote,
            log: entries.map {
                .init(at: $0.at, by: $0.actorName, process: $0.processName, state: $0.state, note: $0.note)
            },
            mayRun: mayRun, form: form, csrf: req.csrfToken)
        let t = req.localizer
        // Those who only watch (HQ, the region) get the page refreshed every minute while it is open.
        return Layout.response(
            for: req, title: t("activation.page_title", unit.name, t("scenario_kind.\(activation.kind)")),
            refresh: activation.status == .open && !mayRun ? 60 : nil, content: page.body(t))
    }

    @Sendable func report(_ req: Request) async throws -> Response {
        let activation = try await req.activationParameter()
        guard let raw = req.parameters.get("itemID"), let processID = UUID(uuidString: raw) else {
            throw Abort(.notFound)
        }
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await ActivationService.setState(
                    activation, process: processID, state: form["state"], note: form["note"], by: req.auditContext,
                    on: req.db)
                return req.redirect(to: AppPath.activation(activation.id!).path, said: Said(.added))
            }, reshow: { try await showPage(req, $0) })
    }

    @Sendable func note(_ req: Request) async throws -> Response {
        let activation = try await req.activationParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                do {
                    try await ActivationService.addNote(
                        activation, note: form["note"], by: req.auditContext, on: req.db)
                } catch let e as DomainError { throw ValidationErrors([e]) }
                return req.redirect(to: AppPath.activation(activation.id!).path, said: Said(.saved))
            }, reshow: { try await showPage(req, $0) })
    }

    @Sendable func close(_ req: Request) async throws -> Response {
        let activation = try await req.activationParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await ActivationService.close(
                    activation, note: form["afterAction"], by: req.auditContext, now: req.now, on: req.db)
                try await Self.announce(activation, unit: try await req.loadUnit(activation.$unit.id), req)
                return req.redirect(to: AppPath.activation(activation.id!).path, said: Said(.saved))
            }, reshow: { try await showPage(req, $0) })
    }

    // MARK: API

    struct ActivationDTO: Content {
        var id: UUID, unitID: UUID, planID: UUID, kind: String, startedAt: Date, places: String, status: String
        var closedAt: Date?, afterAction: String?, startedBy: String
        var processes: [ProcessDTO]
        struct ProcessDTO: Content { var id: UUID; var name: String; var rtoHours: Double?; var state: String }
        init(_ a: Activation) {
            id = a.id!; unitID = a.$unit.id; planID = a.$plan.id; kind = a.kind; startedAt = a.startedAt;
            places = a.places
            status = a.status.rawValue; closedAt = a.closedAt; afterAction = a.afterAction; startedBy = a.startedByName
            let states = ActivationService.states(a)
            processes = ActivationService.processes(a).map {
                .init(id: $0.id, name: $0.name, rtoHours: $0.rtoHours, state: (states[$0.id] ?? .normal).rawValue)
            }
        }
    }
    struct ReportBody: Content { var state: String?; var note: String? }
    struct CloseBody: Content { var afterAction: String? }

    @Sendable func apiList(_ req: Request) async throws -> [ActivationDTO] {
        try await Self.list(try await req.unitParameter(), on: req.db).map(ActivationDTO.init)
    }

    @Sendable func apiStart(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let activation = try await ActivationService.start(
            at: unit, try req.decodeJSON(ActivationInput.self), by: req.auditContext, now: req.now, on: req.db)
        try await Self.announce(activation, unit: unit, req)
        return try await ActivationDTO(activation).encodeResponse(status: .created, for: req)
    }

    @Sendable func apiShow(_ req: Request) async throws -> ActivationDTO {
        ActivationDTO(try await req.activationParameter())
    }

    @Sendable func apiReport(_ req: Request) async throws -> ActivationDTO {
        let activation = try await req.activationParameter()
        guard let raw = req.parameters.get("itemID"), let processID = UUID(uuidString: raw) else {
            throw Abort(.notFound)
        }
        let body = try req.decodeJSON(ReportBody.self)
        try await ActivationService.setState(
            activation, process: processID, state: body.state, note: body.note, by: req.auditContext, on: req.db)
        return ActivationDTO(activation)
    }

    @Sendable func apiClose(_ req: Request) async throws -> ActivationDTO {
        let activation = try await req.activationParameter()
        try await ActivationService.close(
            activation, note: try req.decodeJSON(CloseBody.self).afterAction, by: req.auditContext, now: req.now,
            on: req.db)
        try await Self.announce(activation, unit: try await req.loadUnit(activation.$unit.id), req)
        return ActivationDTO(activation)
    }
}

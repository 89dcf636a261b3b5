import Fluent
@preconcurrency import Plot
import ResilienceCore
import Vapor

/// Roll-calls after an incident, pages and API; the personal answer links; Kannel's inbound SMS
/// and delivery reports.
struct RollCallsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .unitRollCalls(AppPath.any), .unit(.viewSecurity), use: list)
        routes.on(.POST, .unitRollCalls(AppPath.any), .unit(.accountForPersonnel), use: open)
        routes.on(.GET, .rollCall(AppPath.any), .rollCallReader, use: show)
        routes.on(.GET, .rollCallCSV(AppPath.any), .rollCallReader, use: csv)
        routes.on(.POST, .rollCallEntry(AppPath.any, AppPath.any), .rollCallMarker, use: mark)
        routes.on(.POST, .rollCallWardens(AppPath.any), .rollCall(.accountForPersonnel), use: addWarden)
        routes.on(.POST, .rollCallClose(AppPath.any), .rollCall(.accountForPersonnel), use: close)
        routes.on(.POST, .rollCallSend(AppPath.any), .rollCall(.accountForPersonnel), use: send)
        routes.on(.GET, .answer(":token"), .anyone, use: answerPage)
        routes.on(.POST, .answer(":token"), .anyone, use: answer)
        routes.on(.GET, .apiSMSInbound, .anyone, use: inbound)
        routes.on(.POST, .apiSMSInbound, .anyone, use: inbound)
        routes.on(.GET, .apiSMSDelivery, .anyone, use: delivery)
        routes.on(.GET, .apiUnitRollCalls(AppPath.any), .unit(.viewSecurity), use: apiList)
        routes.on(.POST, .apiUnitRollCalls(AppPath.any), .unit(.accountForPersonnel), use: apiOpen)
        routes.on(.GET, .apiRollCall(AppPath.any), .rollCallReader, use: apiShow)
        routes.on(.GET, .apiRollCallEntries(AppPath.any), .rollCallReader, use: apiEntries)
        routes.on(.POST, .apiRollCallEntry(AppPath.any, AppPath.any), .rollCallMarker, use: apiMark)
        routes.on(.POST, .apiRollCallWardens(AppPath.any), .rollCall(.accountForPersonnel), use: apiAddWarden)
        routes.on(.POST, .apiRollCallClose(AppPath.any), .rollCall(.accountForPersonnel), use: apiClose)
    }

    @Sendable func list(_ req: Request) async throws -> Response { try await listPage(req, FormState()) }

    private func listPage(_ req: Request, _ form: FormState) async throws -> Response {
        let unit = try await req.unitParameter()
        let t = req.localizer
        let calls = try await RollCall.query(on: req.db).filter(\.$unit.$id == unit.requireID())
            .sort(\.$openedAt, .descending).limit(100).all()
        let tallies = try await RollCallService.tallies(of: calls.compactMap(\.id), on: req.db)
        let rows = calls.map { c in (c, tallies[c.id!]?.listed ?? 0, tallies[c.id!]?.accounted ?? 0) }
        let areas = try await SecurityArea.query(on: req.db).join(Unit.self, on: \SecurityArea.$unit.$id == \Unit.$id)
            .filter(Unit.self, \.$path, .custom("LIKE"), unit.path + "%").all()
            .map { ($0.id!.uuidString.lowercased(), $0.name(in: t.code)) }.sorted { $0.1 < $1.1 }
        var state = form
        if state.values.isEmpty {
            state.values = ["first": "sms", "second": "email", "second_after": "15", "repeat": "60"]
        }
        let page = RollCallsPage(
            unitID: unit.id!, calls: rows, mayOpen: try req.requireActor().may(.accountForPersonnel, on: unit.unitPath),
            messagesOn: RollCallMessenger.channels(req.application), areas: areas,
            stations: try await PersonnelController.stationOptions(under: unit, on: req.db).map {
                ($0.value.lowercased(), $0.label)
            }, form: state, csrf: req.csrfToken)
        return Layout.response(for: req, title: t("rollcall.title_of", unit.name), content: page.body(t))
    }

    @Sendable func open(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let call = try await RollCallService.open(
                    .init(form: form), for: unit, by: req.auditContext, on: req.db)
                Self.sendInBackground(call, req)
                return req.redirect(to: AppPath.rollCall(call.id!).path, said: Said(.created, call.title))
            }, reshow: { try await listPage(req, $0) })
    }

    /// Messages go off the request: thousands of them must not hold the officer's page.
    static func sendInBackground(_ call: RollCall, _ req: Request) {
        let app = req.application
        let now = req.now
        guard !RollCallMessenger.channels(app).isEmpty else { return }
        let task = Task.detached {
            do { try await RollCallMessenger.sendDue(call, now: now, app: app) } catch {
                app.logger.warning("Roll-call messages not sent: \(error)")
            }
        }
        // The server waits for it before it stops (it uses the database).
        app.lifecycle.use(Awaited(task: task))
    }

    struct Awaited: LifecycleHandler {
        let task: Task<Void, Never>
        func shutdownAsync(_ application: Application) async { await task.value }
    }

    @Sendable func show(_ req: Request) async throws -> Response { try await page(req, FormState()) }

    /// The page, kept until anything it shows changes (a mark, a message, a warden, a name), per
    /// filter and per what the reader may do; a form sent back with errors is rendered anew.
    private func page(_ req: Request, _ form: FormState) async throws -> Response {
        let call = try await req.rollCallParameter()
        let actor = try req.requireActor()
        let unit = try await req.loadUnit(call.$unit.id)
        let manages = actor.may(.accountForPersonnel, on: unit.unitPath)
        let zones = manages ? nil : try await RollCallService.zones(of: actor.id, in: call, on: req.db)
        let refresh = call.closedAt == nil ? 60 : nil
        guard form.values.isEmpty, form.errors.isEmpty else {
            let markup = try await markup(req, call, unit, actor, manages, zones, form, csrf: req.csrfToken)
            return Layout.response(for: req, title: call.title, refresh: refresh, content: .raw(markup))
        }
        let key = [
            "roll-call", call.id!.uuidString, req.query[String.self, at: "status"] ?? "",
            req.query[String.self, at: "after"] ?? "", String(req.pageRequest.per), String(manages),
            (zones ?? []).map(\.uuidString).sorted().joined(separator: ","),
            String(actor.may(.viewSecurity, on: unit.unitPath)),
            String(actor.may(.viewPersonalData, on: unit.unitPath)),
        ]
        let scopes: [DataScope] = [.under(.personnel, call.$unit.id), .all(.dutyStations), .all(.units), .all(.people)]
        let markup = try await req.renderedForm(key, showing: scopes) { csrf in
            try await self.markup(req, call, unit, actor, manages, zones, form, csrf: csrf)
        }
        return Layout.response(for: req, title: call.title, refresh: refresh, markup: markup)
    }

    private func markup(
        _ req: Request, _ call: RollCall, _ unit: Unit, _ actor: Actor, _ manages: Bool, _ zones: Set<UUID>?,
        _ form: FormState, csrf: String
    ) async throws -> String {
        let t = req.localizer
        let figures = try await RollCallService.figures(of: call, kept: req.kept, on: req.db)
        // Not yet reached first: while anyone is, the list opens on them; `status=all` lists everyone.
        let asked = req.query[String.self, at: "status"]
        let filter =
            asked.flatMap { AccountStatus(rawValue: $0) }
            ?? (asked == nil && (figures.counts[.notReached] ?? 0) > 0 ? .notReached : nil)
        let per = req.pageRequest.per
        var query = RollCallEntry.query(on: req.db).filter(\.$rollCall.$id == (try call.requireID()))
        if let filter { query = query.filter(\.$status == filter) }
        // Those who read security see everyone; a warden, the people of their zones.
        if let zones, !actor.may(.viewSecurity, on: unit.unitPath) {
            query = query.filter(\.$station.$id ~~ Array(zones))
        }
        if let after = req.query[String.self, at: "after"].flatMap(UUID.init(uuidString:)) {
            query = query.filter(\.$id > after)
        }
        let entries = try await query.sort(\.$id).limit(per + 1).all()
        let shown = Array(entries.prefix(per))
        let people = Dictionary(
            try await Personnel.query(on: req.db).filter(\.$id ~~ Set(shown.map(\.$personnel.id)))
                .field(\.$id).field(\.$name).field(\.$phone).all().map {
                    ($0.id!, $0)
                }, uniquingKeysWith: { a, _ in a })
        let dependants = Dictionary(
            try await Dependant.query(on: req.db).filter(\.$id ~~ Set(shown.compactMap(\.$dependant.id)))
                .field(\.$id).field(\.$name).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let wardens = try await RollCallWarden.query(on: req.db).filter(\.$rollCall.$id == call.requireID()).all()
        // The zones are offered only to who names wardens.
        let zoneIDs = manages ? call.stationIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) } : []
        let names = try await PersonnelController.names(
            stations: Set(shown.compactMap(\.$station.id) + zoneIDs + wardens.map(\.$station.id)), agencies: [],
            on: req.db, t.code)
        let seesPhones = actor.may(.viewPersonalData, on: unit.unitPath)
        let rows = shown.map { e in
            RollCallPage.Row(
                entry: e, name: people[e.$personnel.id]?.name ?? "—",
                dependantName: e.$dependant.id.flatMap { dependants[$0] },
                station: names.station(e.$station.id), phone: seesPhones ? people[e.$personnel.id]?.phone : nil,
                mayMark: manages || (zones?.contains(e.$station.id ?? AppPath.any) ?? false))
        }
        let wardenUsers = Dictionary(
            try await User.query(on: req.db).filter(\.$id ~~ Set(wardens.map(\.$user.id))).all().map {
                ($0.id!, $0.displayName)
            }, uniquingKeysWith: { a, _ in a })
        let page = RollCallPage(
            call: call, figures: figures, rows: rows, filter: filter,
            page: PageInfo(
                page: 1, per: per, total: nil, hasMore: entries.count > per,
                nextAfter: entries.count > per ? shown.last?.id?.uuidString : nil, previousBefore: nil),
            mayManage: manages, messagesOn: RollCallMessenger.channels(req.application),
            wardens: wardens.map { (wardenUsers[$0.$user.id] ?? "—", names.station($0.$station.id)) },
            zones: zoneIDs.map { ($0.uuidString, names.station($0)) }.sorted { $0.1 < $1.1 }, form: form,
            csrf: csrf)
        return page.body(t).render()
    }

    @Sendable func mark(_ req: Request) async throws -> Response {
        let call = try await req.rollCallParameter()
        let entry = try await Self.entry(req, of: call)
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let (status, method) = try Self.mark(form["status"], form["method"])
                try await RollCallService.mark(
                    entry, in: call, as: status, method: method, note: form["note"], by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.rollCall(call.id!).path, said: Said(.saved))
            }, reshow: { try await page(req, $0) })
    }

    static func mark(_ status: String?, _ method: String?) throws -> (AccountStatus, MarkMethod) {
        var v = ValidationCollector()
        let s = status.flatMap(AccountStatus.init(rawValue:))
        if s == nil { v.add(DomainError(.invalidChoice, field: "status")) }
        let m = method.flatMap(MarkMethod.init(rawValue:)) ?? .phone
        try v.finish()
        return (s!, m)
    }

    /// The entry named in the path, of this roll-call, that the actor may mark.
    static func entry(_ req: Request, of call: RollCall) async throws -> RollCallEntry {
        guard let id = req.parameters.get("entryID", as: UUID.self),
            let e = try await RollCallEntry.find(id, on: req.db),
            e.$rollCall.id == call.id
        else { throw Abort(.notFound) }
        let actor = try req.requireActor()
        let unit = try await req.loadUnit(call.$unit.id)
        if !actor.may(.accountForPersonnel, on: unit.unitPath) {
            let zones = try await RollCallService.zones(of: actor.id, in: call, on: req.db)
            guard let station = e.$station.id, zones.contains(station) else { throw Abort(.forbidden) }
        }
        return e
    }

    @Sendable func addWarden(_ req: Request) async throws -> Response {
        let call = try await req.rollCallParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await RollCallService.addWarden(
                    call, username: form["warden"], stationID: UUID(uuidString: form["zone"] ?? ""),
                    by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.rollCall(call.id!).path, said: Said(.added, form["warden"]))
            }, reshow: { try await page(req, $0) })
    }

    @Sendable func close(_ req: Request) async throws -> Response {
        let call = try await req.rollCallParameter()
        return try await req.saveForm(
            values: [:],
            {
                try await RollCallService.close(call, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.rollCall(call.id!).path, said: Said(.saved, call.title))
            }, reshow: { try await page(req, $0) })
    }

    @Sendable func send(_ req: Request) async throws -> Response {
        let call = try await req.rollCallParameter()
        // "Send now": the whole plan again from now for those not yet reached.
        call.sentUntil = nil
        let sent = try await RollCallMessenger.sendDue(call, now: req.now, app: req.application)
        return req.redirect(to: AppPath.rollCall(call.id!).path, said: Said(.sent, String(sent)))
    }

    @Sendable func csv(_ req: Request) async throws -> Response {
        let call = try await req.rollCallParameter()
        let t = req.localizer
        let entries = try await RollCallEntry.query(on: req.db).filter(\.$rollCall.$id == call.requireID())
            .sort(\.$status).sort(\.$id).all()
        let people = Dictionary(
            try await Personnel.query(on: req.db).filter(\.$id ~~ Set(entries.map(\.$personnel.id))).all().map {
                ($0.id!, $0)
            }, uniquingKeysWith: { a, _ in a })
        let dependants = Dictionary(
            try await Dependant.query(on: req.db).filter(\.$id ~~ Set(entries.compactMap(\.$dependant.id))).all().map {
                ($0.id!, $0.name)
            }, uniquingKeysWith: { a, _ in a })
        let names = try await PersonnelController.names(
            stations: Set(entries.compactMap(\.$station.id)), agencies: [], on: req.db, t.code)
        var lines = [
            [
                t("personnel.field.name"), t("personnel.field.index_number"), t("personnel.dependants"),
                t("personnel.field.duty_station"), t("rollcall.status"), t("rollcall.method"), t("rollcall.marked"),
            ].map(RiskCSV.quoted).joined(separator: ",")
        ]
        for e in entries {
            let p = people[e.$personnel.id]
            lines.append(
                [
                    p?.name ?? "", p?.indexNumber ?? "", e.$dependant.id.flatMap { dependants[$0] } ?? "",
                    names.station(e.$station.id), t("rollcall.status.\(e.status.rawValue)"),
                    e.method.map { t("rollcall.method.\($0.rawValue)") } ?? "",
                    e.markedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
                ].map(RiskCSV.quoted).joined(separator: ","))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "roll-call.csv")
        return Response(status: .ok, headers: headers, body: .init(string: RiskCSV.file(lines)))
    }
}

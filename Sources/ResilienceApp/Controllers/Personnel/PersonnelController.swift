import Fluent
@preconcurrency import Plot
import ResilienceCore
import Vapor

/// Personnel records and their dependants, pages and API: lists of a unit, a person's record,
/// import, export, whereabouts, the reconciliation list.
struct PersonnelController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .unitPersonnel(AppPath.any), .unit(.viewPersonnel), use: list)
        routes.on(.POST, .unitPersonnel(AppPath.any), .unit(.managePersonnel), use: create)
        routes.on(.POST, .unitPersonnelImport(AppPath.any), .unit(.managePersonnel), use: importCSV)
        routes.on(.GET, .unitPersonnelCSV(AppPath.any), .unit(.viewPersonalData), use: csv)
        routes.on(.GET, .unitReconciliation(AppPath.any), .unit(.viewPersonalData), use: reconciliation)
        routes.on(.GET, .myPersonnel, .signedIn, use: mine)
        routes.on(.GET, .personnel(AppPath.any), .personnelOrSelf(.viewPersonnel), use: show)
        routes.on(.POST, .personnel(AppPath.any), .personnelOrSelf(.managePersonnel), use: update)
        routes.on(.POST, .personnelDependants(AppPath.any), .personnelOrSelf(.managePersonnel), use: addDependant)
        routes.on(
            .POST, .personnelDependantRemove(AppPath.any, AppPath.any), .personnelOrSelf(.managePersonnel),
            use: removeDependant)
        routes.on(.POST, .personnelLocation(AppPath.any), .personnelOrSelf(.managePersonnel), use: locate)
        routes.on(.GET, .personnelExport(AppPath.any), .personnelOrSelf(.viewPersonalData), use: export)
        routes.on(.POST, .personnelAnonymize(AppPath.any), .personnel(.managePersonnel), use: anonymize)
        routes.on(.GET, .apiUnitPersonnel(AppPath.any), .unit(.viewPersonnel), use: apiList)
        routes.on(.POST, .apiUnitPersonnel(AppPath.any), .unit(.managePersonnel), use: apiCreate)
        routes.on(.GET, .apiPersonnel(AppPath.any), .personnelOrSelf(.viewPersonnel), use: apiShow)
        routes.on(.PATCH, .apiPersonnel(AppPath.any), .personnelOrSelf(.managePersonnel), use: apiUpdate)
        routes.on(
            .POST, .apiPersonnelDependants(AppPath.any), .personnelOrSelf(.managePersonnel), use: apiAddDependant)
        routes.on(.POST, .apiPersonnelLocation(AppPath.any), .personnelOrSelf(.managePersonnel), use: apiLocate)
    }

    // MARK: Reading

    /// The names of the duty stations and agencies a page shows, read for those ids only.
    static func names(
        stations ids: Set<UUID>, agencies agencyIDs: Set<UUID>, on db: any Database, _ language: String
    ) async throws -> PersonnelNames {
        var stations: [DutyStation] = []
        for chunk in Array(ids).chunked(500) {
            stations += try await DutyStation.query(on: db).filter(\.$id ~~ Array(chunk)).all()
        }
        let agencies = agencyIDs.isEmpty ? [] : try await Agency.query(on: db).filter(\.$id ~~ agencyIDs).all()
        return PersonnelNames(
            stations: Dictionary(stations.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a }),
            agencies: Dictionary(agencies.map { ($0.id!, $0.shortName(in: language)) }, uniquingKeysWith: { a, _ in a })
        )
    }

    static func stationOptions(under unit: Unit, on db: any Database) async throws -> [(value: String, label: String)] {
        try await DutyStation.query(on: db).join(Unit.self, on: \DutyStation.$unit.$id == \Unit.$id)
            .filter(Unit.self, \.$path, .custom("LIKE"), unit.path + "%").filter(\.$retiredAt == nil).sort(\.$name)
            .all()
            .map { ($0.id!.uuidString, $0.name) }
    }

    static func agencyOptions(_ t: Localizer, on db: any Database) async throws -> [(value: String, label: String)] {
        try await AgencyService.active(on: db).map { ($0.id!.uuidString, $0.shortName(in: t.code)) }
    }

    /// Whether the actor sees the protected part of the record: the person, or viewPersonalData on its unit.
    static func seesProtected(_ record: Personnel, _ req: Request) async throws -> Bool {
        let actor = try req.requireActor()
        if record.$user.id == actor.id { return true }
        return actor.may(.viewPersonalData, on: try await req.loadUnit(record.$unit.id).unitPath)
    }

    static func accountName(of record: Personnel, on db: any Database) async throws -> String? {
        guard let id = record.$user.id else { return nil }
        return try await User.find(id, on: db)?.username
    }

    @Sendable func list(_ req: Request) async throws -> Response { try await listPage(req, FormState(), FormState()) }

    private func listPage(_ req: Request, _ form: FormState, _ importForm: FormState) async throws -> Response {
        let unit = try await req.unitParameter()
        let actor = try req.requireActor()
        let t = req.localizer
        let per = req.pageRequest.per
        var after: (String, UUID)?
        if let raw = req.query[String.self, at: "after"], let cut = raw.lastIndex(of: "|"),
            let id = UUID(uuidString: String(raw[raw.index(after: cut)...]))
        {
            after = (String(raw[..<cut]), id)
        }
        let rows = try await PersonnelReads.list(
            under: unit, text: req.searchText, after: after, per: per, on: req.db)
        let shown = Array(rows.prefix(per))
        let page = PageInfo(
            page: 1, per: per, total: nil, hasMore: rows.count > per,
            nextAfter: rows.count > per ? shown.last.map { "\($0.name)|\($0.id.uuidString)" } : nil,
            previousBefore: nil)
        let mayProtected = actor.may(.viewPersonalData, on: unit.unitPath)
        let view = PersonnelListPage(
            unit: unit, rows: shown,
            names: try await Self.names(
                stations: Set(shown.map(\.stationID)), agencies: Set(shown.compactMap(\.agencyID)), on: req.db,
                t.code),
            page: page,
            text: req.searchText,
            located: mayProtected
                ? try await PersonnelReads.locatable(under: unit, at: req.now, kept: req.kept, on: req.db) : nil,
            mayManage: actor.may(.managePersonnel, on: unit.unitPath),
            mayAccount: actor.may(.accountForPersonnel, on: unit.unitPath)
                || actor.may(.viewSecurity, on: unit.unitPath),
            stationOptions: try await Self.stationOptions(under: unit, on: req.db),
            agencyOptions: try await Self.agencyOptions(t, on: req.db), form: form, importForm: importForm,
            csrf: req.csrfToken)
        return Layout.response(for: req, title: t("personnel.title_of", unit.name), content: view.body(t))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let record = try await PersonnelService.create(form, within: unit, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.personnel(record.id!).path, said: Said(.added, record.name))
            }, reshow: { try await listPage(req, $0, FormState()) })
    }

    struct ImportForm: Content { var file: File?; var csv: String?; var confirm: String? }

    @Sendable func importCSV(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = (try? req.content.decode(ImportForm.self)) ?? ImportForm()
        return try await req.saveForm(
            values: [:],
            {
                if form.confirm == "1", let text = form.csv {
                    let n = try await PersonnelService.importCSV(text, within: unit, by: req.auditContext, on: req.db)
                    return req.redirect(to: AppPath.unitPersonnel(unit.id!).path, said: Said(.imported, String(n)))
                }
                guard let file = form.file, file.data.readableBytes > 0 else {
                    throw ValidationErrors([DomainError(.required, field: "file")])
                }
                let text = String(decoding: Data(buffer: file.data), as: UTF8.self)
                let rows = try await PersonnelService.preview(text, within: unit, on: req.db)
                let page = PersonnelImportPage(unitID: unit.id!, rows: rows, text: text, csrf: req.csrfToken)
                return Layout.response(
                    for: req, title: req.localizer("personnel.preview"), content: page.body(req.localizer))
            }, reshow: { try await listPage(req, FormState(), $0) })
    }

    /// The subtree's records as a file the import reads back (contacts included: for those who keep them).
    @Sendable func csv(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let records = try await Personnel.query(on: req.db).filter(\.$leftAt == nil)
            .filter(.sql(PersonnelReads.inSubtree(unit))).sort(\.$name).all()
        let names = try await Self.names(
            stations: Set(records.map(\.$station.id)), agencies: Set(records.compactMap(\.$agency.id)), on: req.db,
            Catalogue.fallbackCode)
        let rows = records.map { p -> [String: String] in
            var row = PersonnelForm.values(p, account: nil)
            row["duty_station"] = names.station(p.$station.id)
            row["agency"] = p.$agency.id == nil ? "" : names.agency(p.$agency.id)
            return row
        }
        try await PersonnelService.logExport(records, by: req.requireActor().id, at: req.now, on: req.db)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "personnel.csv")
        return Response(status: .ok, headers: headers, body: .init(string: PersonnelCSV.write(rows)))
    }

    @Sendable func reconciliation(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let limit = 200
        let rows = try await PersonnelReads.reconciliation(under: unit, at: req.now, limit: limit, on: req.db)
        let page = ReconciliationPage(
            unitID: unit.id!, rows: rows,
            names: try await Self.names(
                stations: Set(rows.map(\.stationID)), agencies: [], on: req.db, req.localizer.code),
            windowDays: try await SecuritySettings.locatableDays(on: req.db), limit: limit)
        return Layout.response(
            for: req, title: req.localizer("personnel.reconciliation_of", unit.name), content: page.body(req.localizer))
    }

    @Sendable func mine(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard let record = try await Personnel.query(on: req.db).filter(\.$user.$id == actor.id).first() else {
            return Layout.response(
                for: req, title: req.localizer("personnel.mine"),
                content: .p(.class("empty"), .text(req.localizer("personnel.no_record"))))
        }
        return req.redirect(to: AppPath.personnel(record.id!).path)
    }

    @Sendable func show(_ req: Request) async throws -> Response { try await recordPage(req) }

    private func recordPage(
        _ req: Request, form: FormState? = nil, dependantForm: FormState = FormState(),
        locationForm: FormState? = nil, anonymizeForm: FormState = FormState()
    ) async throws -> Response {
        let record = try await req.personnelParameter()
        let actor = try req.requireActor()
        let t = req.localizer
        let unit = try await req.loadUnit(record.$unit.id)
        let protected = try await Self.seesProtected(record, req)
        if protected { try await PersonnelService.logView(of: record, by: actor.id, at: req.now, app: req.application) }
        let manages = actor.may(.managePersonnel, on: unit.unitPath)
        let mayEdit = (manages || record.$user.id == actor.id) && record.leftAt == nil
        let account = try await PersonnelController.accountName(of: record, on: req.db)
        var views: [(String, Date)] = []
        if protected {
            let rows = try await RecordView.query(on: req.db).filter(\.$personnel.$id == record.requireID())
                .sort(\.$viewedAt, .descending).limit(50).all()
            let users = Dictionary(
                try await User.query(on: req.db).filter(\.$id ~~ Set(rows.map(\.$viewer.id))).all().map {
                    ($0.id!, $0.displayName)
                }, uniquingKeysWith: { a, _ in a })
            views = rows.map { (users[$0.$viewer.id] ?? "—", $0.viewedAt) }
        }
        let days = try await SecuritySettings.locatableDays(on: req.db)
        let within = try await PersonnelService.within(of: record, on: req.db)
        let page = PersonnelRecordPage(
            record: record,
            dependants: protected
                ? try await Dependant.query(on: req.db).filter(\.$personnel.$id == record.requireID()).sort(\.$name)
                    .all() : [],
            names: try await Self.names(
                stations: Set([record.$station.id] + [record.$locationStation.id].compactMap { $0 }),
                agencies: Set([record.$agency.id].compactMap { $0 }), on: req.db, t.code),
            protected: protected, mayEdit: mayEdit,
            mayAnonymize: manages && record.leftAt == nil,
            locatable: Locatability.isLocatable(
                confirmedAt: record.locationConfirmedAt, now: req.now, windowDays: days),
            views: views, stationOptions: try await Self.stationOptions(under: within, on: req.db),
            agencyOptions: try await Self.agencyOptions(t, on: req.db),
            form: form ?? FormState(values: PersonnelForm.values(record, account: account)),
            dependantForm: dependantForm, anonymizeForm: anonymizeForm,
            locationForm: locationForm
                ?? FormState(values: [
                    "location_station": (record.$locationStation.id ?? record.$station.id).uuidString,
                    "with_dependants": "true",
                ]),
            csrf: req.csrfToken)
        return Layout.response(for: req, title: record.name, content: page.body(t))
    }

    /// The fields a change saves: all of them from those who keep the records, the person's own
    /// (`PersonnelRules.ownFields`) from the person.
    static func fields(_ form: [String: String], for record: Personnel, _ req: Request) async throws -> [String: String]
    {
        let unit = try await req.loadUnit(record.$unit.id)
        guard !(try req.requireActor().may(.managePersonnel, on: unit.unitPath)) else { return form }
        return PersonnelRules.ownChange(form, over: PersonnelForm.values(record, account: nil))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let record = try await req.personnelParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let fields = try await Self.fields(form, for: record, req)
                try await PersonnelService.update(record, fields, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.personnel(record.id!).path, said: Said(.saved, record.name))
            }, reshow: { try await recordPage(req, form: $0) })
    }

    @Sendable func addDependant(_ req: Request) async throws -> Response {
        let record = try await req.personnelParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let d = try await PersonnelService.saveDependant(
                    nil, of: record, form, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.personnel(record.id!).path, said: Said(.added, d.name))
            }, reshow: { try await recordPage(req, dependantForm: $0) })
    }

    @Sendable func removeDependant(_ req: Request) async throws -> Response {
        let record = try await req.personnelParameter()
        guard let id = req.parameters.get("dependantID", as: UUID.self),
            let d = try await Dependant.find(id, on: req.db), d.$personnel.id == record.id
        else { throw Abort(.notFound) }
        try await PersonnelService.removeDependant(d, of: record, by: req.auditContext, on: req.db)
        return req.redirect(to: AppPath.personnel(record.id!).path, said: Said(.removed, d.name))
    }

    /// Where the person is now, as a form gives it, confirmed by them or by whoever keeps the record.
    static func whereabouts(_ form: [String: String], _ req: Request, record: Personnel) throws -> Whereabouts {
        try PersonnelRules.whereabouts(
            form, confirmedAt: req.now, by: record.$user.id == (try req.requireActor().id) ? .themselves : .officer
        ).get()
    }

    @Sendable func locate(_ req: Request) async throws -> Response {
        let record = try await req.personnelParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let w = try Self.whereabouts(form, req, record: record)
                let dependants =
                    form["with_dependants"] == "true"
                    ? try await Dependant.query(on: req.db).filter(\.$personnel.$id == record.requireID()).all() : []
                try await PersonnelService.confirmLocation(
                    of: record, at: w, dependants: dependants, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.personnel(record.id!).path + "#whereabouts", said: Said(.saved))
            }, reshow: { try await recordPage(req, locationForm: $0) })
    }

    @Sendable func export(_ req: Request) async throws -> Response {
        let record = try await req.personnelParameter()
        let dto = try await PersonnelDTO.full(record, on: req.db, now: req.now)
        try await PersonnelService.logView(of: record, by: req.requireActor().id, at: req.now, app: req.application)
        let response = try await dto.encodeResponse(for: req)
        response.headers.contentDisposition = .init(.attachment, filename: "personnel.json")
        return response
    }

    @Sendable func anonymize(_ req: Request) async throws -> Response {
        let record = try await req.personnelParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                // Nothing is removed for good without the box ticked.
                guard form["confirm"] == "true" else {
                    throw ValidationErrors([DomainError(.required, field: "confirm")])
                }
                try await PersonnelService.anonymize(record, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.unitPersonnel(record.$unit.id).path, said: Said(.removed))
            }, reshow: { try await recordPage(req, anonymizeForm: $0) })
    }
}

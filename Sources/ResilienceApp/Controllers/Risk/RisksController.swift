import Fluent
@preconcurrency import Plot
import ResilienceCore
import SQLKit
import Vapor

/// The joint risk register's pages: a unit's register with heat maps, one risk, CSV in and out.
struct RisksController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .unitRisks(AppPath.any), .unit(.viewPlans), use: index)
        routes.on(.POST, .unitRisks(AppPath.any), .unit(.editRisks), use: add)
        routes.on(.GET, .unitRisk(AppPath.any, AppPath.any), .unit(.viewPlans), use: show)
        routes.on(.POST, .unitRisk(AppPath.any, AppPath.any), .unit(.editRisks), use: change)
        routes.on(.POST, .unitRisksImport(AppPath.any), .unit(.editRisks), use: importCSV)
        routes.on(.GET, .unitRisksCSV(AppPath.any), .unit(.viewPlans), use: export)
        routes.on(.GET, .unitRisksTemplate(AppPath.any), .unit(.editRisks), use: template)
        routes.on(.POST, .unitRiskKinds(AppPath.any), .unit(.editRisks), use: setKinds)
        routes.on(.GET, .apiUnitRisks(AppPath.any), .unit(.viewPlans), use: apiList)
        routes.on(.POST, .apiUnitRisks(AppPath.any), .unit(.editRisks), use: apiCreate)
        routes.on(.GET, .apiUnitRisk(AppPath.any, AppPath.any), .unit(.viewPlans), use: apiShow)
        routes.on(.PUT, .apiUnitRisk(AppPath.any, AppPath.any), .unit(.editRisks), use: apiUpdate)
        routes.on(.GET, .apiUnitRiskHeat(AppPath.any), .unit(.viewPlans), use: apiHeat)
        routes.on(.GET, .riskScale, .headquarters(.configureContinuity), use: scale)
        routes.on(.POST, .riskScale, .headquarters(.configureContinuity), use: saveScale)
        routes.on(.GET, .apiRiskScale, .signedIn, use: apiScale)
        routes.on(.PUT, .apiRiskScale, .headquarters(.configureContinuity), use: apiSetScale)
    }

    /// The register's filters from the query; a kind the scale does not know is ignored.
    static func filter(_ req: Request, kinds: [String]) -> RiskService.Filter {
        let q = { (name: String) in req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        return RiskService.Filter(
            kinds: kinds, kind: q("kind"), level: q("level"), status: q("status"), rating: q("rating"),
            likelihood: q("l").flatMap(Int.init), impact: q("i").flatMap(Int.init))
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        try await page(
            req, form: FormState(values: ["status": RiskStatus.open.rawValue, "source": RiskSource.own.rawValue]),
            importForm: FormState(),
            kept: true)
    }

    /// The register; `kept` when it shows no one's typing (no refused form), so that it is
    /// rendered once per version of what it shows, filters, language, whether the person may
    /// change it, and UTC day (reviews and actions fall due on days).
    func page(_ req: Request, form: FormState, importForm: FormState, kept: Bool = false) async throws -> Response {
        let unit = try await req.unitParameter()
        let t = req.localizer
        let mayEdit = try req.requireActor().may(.editRisks, on: unit.unitPath)
        let title = t("risk.register_of", unit.name)
        let render = { (csrf: String) async throws -> String in
            try await registerMarkup(req, unit, mayEdit: mayEdit, form: form, importForm: importForm, csrf: csrf)
        }
        if kept {
            let html = try await req.renderedForm(
                ["risks", unit.id!.uuidString, req.url.query ?? "", String(mayEdit)],
                showing: RiskService.registerScopes(of: unit.requireID(), withPlans: mayEdit), period: 86_400,
                render: render)
            return Layout.response(for: req, title: title, markup: html)
        }
        return Layout.response(for: req, title: title, markup: try await render(req.csrfToken))
    }

    func registerMarkup(
        _ req: Request, _ unit: Unit, mayEdit: Bool, form: FormState, importForm: FormState, csrf: String
    ) async throws -> String {
        let t = req.localizer
        let q = { (name: String) in req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        let scale = try await RiskService.scale(on: req.db)
        let matrix = scale.matrix
        let filter = Self.filter(req, kinds: scale.kinds)
        let heat = try await RiskService.heatMaps(under: unit, filter, kept: req.kept, on: req.db)
        // The heat maps give the count; a page is then one indexed read.
        let query = RiskService.query(under: unit, filter, matrix: matrix, on: req.db).sort(\.$title)
        let (page, per) = req.pageRequest
        let total: Int
        if let known = RiskService.total(filter, inherent: heat.inherent, matrix: matrix) {
            total = known
        } else {
            total = try await query.copy().count()
        }
        let risks = try await query.range((page - 1) * per..<page * per).all()
        let info = PageInfo(page: page, per: per, total: total, hasMore: page * per < total)
        let names = Dictionary(
            uniqueKeysWithValues: try await Unit.query(on: req.db).filter(\.$id ~~ Array(Set(risks.map(\.unitID))))
                .field(\.$id).field(\.$name).all().map { ($0.id!, $0.name) })
        let clock = PlanDue.Clock(req.now)
        let own = try await Risk.query(on: req.db).filter(\.$unitID == unit.requireID()).field(\.$id).field(\.$kind)
            .field(\.$status).field(\.$reviewDate).all()
        let relevant = try await RiskService.relevantKinds(of: unit.requireID(), on: req.db)
        let inPlace = RegisterRules.isInPlace(own.map(\.summary), relevantKinds: relevant, clock: clock)
        let view = RiskRegisterPage(
            unitID: unit.id!, unitName: unit.name, names: RiskNames(scale: scale, t: t),
            inherent: heat.inherent, residual: heat.residual,
            shown: risks, info: info, unitNames: names, filter: filter,
            query: [
                ("kind", q("kind")), ("level", q("level")), ("status", q("status")), ("rating", q("rating")),
                ("l", q("l")), ("i", q("i")),
            ],
            inPlace: inPlace, relevant: relevant, mayEdit: mayEdit, form: form, importForm: importForm,
            items: mayEdit ? try await RiskService.planItems(of: unit.requireID(), now: req.now, on: req.db) : nil,
            csrf: csrf,
            clock: clock)
        return view.body(t).render()
    }

    @Sendable func add(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await RiskService.save(nil, at: unit, form, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.unitRisks(unit.id!).path, said: Said(.added, form["title"]))
            }, reshow: { try await page(req, form: $0, importForm: FormState()) })
    }

    func riskParameter(_ req: Request, _ unit: Unit) async throws -> Risk {
        guard let id = req.parameters.get("riskID").flatMap(UUID.init(uuidString:)),
            let risk = try await Risk.find(id, on: req.db), risk.unitID == unit.id
        else { throw Abort(.notFound) }
        return risk
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let risk = try await riskParameter(req, unit)
        var form = risk.formState
        for link in try await RiskService.links(of: risk.requireID(), on: req.db) {
            form.values["\(link.target.rawValue)-\(link.itemID.uuidString)"] = "true"
        }
        return try await riskPage(req, unit, risk, form: form)
    }

    func riskPage(_ req: Request, _ unit: Unit, _ risk: Risk, form: FormState) async throws -> Response {
        let links = try await RiskService.links(of: risk.requireID(), on: req.db)
        let page = RiskPage(
            unitID: unit.id!, unitName: unit.name, risk: risk,
            names: RiskNames(scale: try await RiskService.scale(on: req.db), t: req.localizer), links: links,
            items: try await RiskService.planItems(of: unit.requireID(), linked: links, now: req.now, on: req.db),
            mayEdit: try req.requireActor().may(.editRisks, on: unit.unitPath), form: form, csrf: req.csrfToken,
            clock: PlanDue.Clock(req.now))
        return Layout.response(for: req, title: risk.title, content: page.body(req.localizer))
    }

    @Sendable func change(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let risk = try await riskParameter(req, unit)
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await RiskService.save(risk, at: unit, form, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.unitRisks(unit.id!).path, said: Said(.saved, form["title"]))
            }, reshow: { try await riskPage(req, unit, risk, form: $0) })
    }

    struct ImportForm: Content { var file: File?; var csv: String?; var confirm: String? }

    /// A file gives a preview; the preview's confirmation saves it all, or nothing.
    @Sendable func importCSV(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = (try? req.content.decode(ImportForm.self)) ?? ImportForm()
        return try await req.saveForm(
            values: [:],
            {
                if form.confirm == "1", let text = form.csv {
                    _ = try await RiskService.importCSV(text, at: unit, by: req.auditContext, on: req.db)
                    return req.redirect(to: AppPath.unitRisks(unit.id!).path, said: Said(.imported))
                }
                guard let file = form.file, file.data.readableBytes > 0 else {
                    throw ValidationErrors([DomainError(.required, field: "file")])
                }
                let text = String(decoding: Data(buffer: file.data), as: UTF8.self)
                let scale = try await RiskService.scale(on: req.db)
                let names = RiskNames(scale: scale, t: req.localizer)
                let rows: [RiskCSV.Row]
                do { rows = try RiskService.preview(text, scale: scale) } catch var refused as ValidationErrors {
                    // The columns a file lacks, by their names in the reader's language.
                    refused.errors = refused.errors.map { e in
                        guard e.problem == .csvMissingColumns, let missing = e.args.first else { return e }
                        let columns = missing.split(separator: ",").map {
                            names.column($0.trimmingCharacters(in: .whitespaces))
                        }
                        return DomainError(e.problem, field: e.field, args: [columns.joined(separator: ", ")])
                    }
                    throw refused
                }
                let page = RiskImportPage(
                    unitID: unit.id!, unitName: unit.name, rows: rows, names: names,
                    text: text, csrf: req.csrfToken)
                return Layout.response(
                    for: req, title: req.localizer("risk.preview_title"), content: page.body(req.localizer))
            }, reshow: { try await page(req, form: FormState(), importForm: $0) })
    }

    @Sendable func setKinds(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        let kinds = try await RiskService.scale(on: req.db).kinds
        try await RiskService.setRelevantKinds(
            kinds.filter { form["kinds-\($0)"] == "true" }, of: unit, by: req.auditContext, on: req.db)
        return req.redirect(to: AppPath.unitRisks(unit.id!).path, said: Said(.removed))
    }

    /// A file to fill in: the columns by their names in the reader's language, and one example
    /// row written as people write it (names, not codes), which the import reads back as it is.
    @Sendable func template(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let t = req.localizer
        let names = RiskNames(scale: try await RiskService.scale(on: req.db), t: t)
        let example: [String: String] = [
            "kind": names.kind(RiskKind.standard.contains("security") ? "security" : names.scale.kinds.first ?? ""),
            "title": t("risk.template_title"), "cause": t("risk.template_cause"),
            "consequence": t("risk.template_consequence"), "likelihood": names.likelihood(3),
            "impact": "4 \(names.impact(4))", "owner": t("risk.template_owner"),
            "status": t("risk_status.open"), "review_date": PlanChecks.isoDay(req.now.addingTimeInterval(90 * 86_400)),
        ]
        let csv = RiskCSV.records(
            forTemplate: RiskCSV.columns.map(names.column), RiskCSV.columns.map { example[$0] ?? "" })
        let response = Response(status: .ok, body: .init(string: csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "risks-template-\(unit.code ?? "unit").csv")
        return response
    }

    @Sendable func export(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let risks = try await Risk.query(on: req.db).filter(\.$unitID == unit.requireID()).sort(\.$title).all()
        let response = Response(status: .ok, body: .init(string: RiskCSV.write(risks.map(\.draft))))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "risks-\(unit.code ?? "unit").csv")
        return response
    }

    // MARK: API

    struct RatingDTO: Content { var likelihood: Int; var impact: Int; var level: String? }
    struct ActionDTO: Content { var description: String; var owner: String?; var dueDate: String?; var done: Bool? }
    struct LinkDTO: Content { var id: UUID; var name: String }

    struct RiskDTO: Content {
        var id: UUID, unitID: UUID, kind: String, title: String, cause: String?, consequence: String?
        var inherent: RatingDTO, residual: RatingDTO?, owner: String?, treatment: String?, actions: [ActionDTO]
        var status: String, reviewDate: Date?, source: String
        /// The scenarios of the unit's plans the risk leads to, and the critical processes it threatens.
        var scenarios: [LinkDTO], processes: [LinkDTO]
        var updatedAt: Date?, updatedBy: String?

        init(_ r: Risk, _ matrix: RiskMatrix, links: [RiskLink]) {
            id = r.id!; unitID = r.unitID; kind = r.kind; title = r.title; cause = r.cause; consequence = r.consequence
            inherent = RatingDTO(
                likelihood: r.inherentLikelihood, impact: r.inherentImpact, level: matrix.level(r.inherent)?.rawValue)
            residual = r.residual.map {
                RatingDTO(likelihood: $0.likelihood, impact: $0.impact, level: matrix.level($0)?.rawValue)
            }
            owner = r.owner; treatment = r.treatment; status = r.status.rawValue; reviewDate = r.reviewDate;
            source = r.source.rawValue
            actions = r.actions.map {
                ActionDTO(
                    description: $0.description, owner: $0.owner, dueDate: $0.dueDate.map(PlanChecks.isoDay),
                    done: $0.done)
            }
            scenarios = links.filter { $0.target == .scenarios }.map { LinkDTO(id: $0.itemID, name: $0.label) }
            processes = links.filter { $0.target == .processes }.map { LinkDTO(id: $0.itemID, name: $0.label) }
            updatedAt = r.updatedAt; updatedBy = r.updatedByName
        }
    }

    /// A risk as the API takes it, whole: its fields are checked as the form's and the CSV's are,
    /// and what it leaves out is empty (no actions, no links).
    struct RiskBody: Content {
        var kind: String?, title: String?, cause: String?, consequence: String?
        var likelihood: Int?, impact: Int?, residualLikelihood: Int?, residualImpact: Int?
        var owner: String?, treatment: String?, status: String?, reviewDate: String?, source: String?
        var actions: [ActionDTO]?, scenarios: [UUID]?, processes: [UUID]?

        var fields: [String: String] {
            let number = { (n: Int?) -> String in n.map(String.init) ?? "" }
            var fields: [String: String] = [
                "kind": kind ?? "", "title": title ?? "", "cause": cause ?? "", "consequence": consequence ?? "",
            ]
            fields["likelihood"] = number(likelihood); fields["impact"] = number(impact)
            fields["residual_likelihood"] = number(residualLikelihood);
            fields["residual_impact"] = number(residualImpact)
            fields["owner"] = owner ?? ""; fields["treatment"] = treatment ?? ""; fields["status"] = status ?? ""
            fields["review_date"] = reviewDate ?? ""; fields["source"] = source ?? ""
            for (n, a) in (actions ?? []).prefix(RiskAction.maximumCount).enumerated() {
                fields["action-\(n)-description"] = a.description.isEmpty ? " " : a.description
                fields["action-\(n)-owner"] = a.owner ?? ""
                fields["action-\(n)-due"] = a.dueDate ?? ""
                fields["action-\(n)-done"] = a.done == true ? "true" : ""
            }
            for id in scenarios ?? [] { fields["scenarios-\(id.uuidString)"] = "true" }
            for id in processes ?? [] { fields["processes-\(id.uuidString)"] = "true" }
            return fields
        }
    }

    /// The register as the API lists it, by title (then id): a page at a time after a key (`after`,
    /// the id of the last risk of the page before), so that a deep page costs what the first
    /// does, or by `page`. The total comes from the heat maps' counts when they tell it; nothing
    /// else is counted. Kept, as the register's page is, for the version of the subtree's risks.
    @Sendable func apiList(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let body = try await req.rendered(
            ["api-risks", unit.id!.uuidString, req.url.query ?? ""],
            showing: RiskService.registerScopes(of: unit.requireID(), withPlans: false), period: 86_400
        ) { try KeptJSON.encode(try await apiPage(req, unit)) }
        return KeptJSON.response(body)
    }

    func apiPage(_ req: Request, _ unit: Unit) async throws -> Paged<RiskDTO> {
        let scale = try await RiskService.scale(on: req.db)
        let filter = Self.filter(req, kinds: scale.kinds)
        let (page, per) = req.pageRequest
        let query = RiskService.query(under: unit, filter, matrix: scale.matrix, on: req.db).sort(\.$title).sort(\.$id)
        let after = req.query[String.self, at: "after"]
        if let after {
            guard let id = UUID(uuidString: after),
                let last = try await Risk.query(on: req.db).filter(\.$id == id).field(\.$id).field(\.$title).first()
            else { throw AppError.badRequest(req.localizer("risk.after_unknown")) }
            query.filter(.sql("(title, id) > (\(bind: last.title), \(bind: id))" as SQLQueryString))
        }
        let rows = try await query.range(after == nil ? (page - 1) * per..<page * per + 1 : 0..<per + 1).all()
        let risks = Array(rows.prefix(per))
        let heat = try await RiskService.heatMaps(under: unit, filter, kept: req.kept, on: req.db)
        let links = Dictionary(
            grouping: risks.isEmpty
                ? [] : try await RiskLink.query(on: req.db).filter(\.$riskID ~~ risks.compactMap(\.id)).all(),
            by: \.riskID)
        let more = rows.count > per
        return Paged(
            items: risks.map { RiskDTO($0, scale.matrix, links: links[$0.id!] ?? []) },
            metadata: PageInfo(
                page: after == nil ? page : 1, per: per,
                total: RiskService.total(filter, inherent: heat.inherent, matrix: scale.matrix), hasMore: more,
                nextAfter: more ? risks.last?.id?.uuidString : nil))
    }

    func dto(_ req: Request, _ risk: Risk) async throws -> RiskDTO {
        RiskDTO(
            risk, try await RiskService.scale(on: req.db).matrix,
            links: try await RiskService.links(of: risk.requireID(), on: req.db))
    }

    @Sendable func apiCreate(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let body = try req.decodeJSON(RiskBody.self)
        let risk = try await RiskService.save(nil, at: unit, body.fields, by: req.auditContext, on: req.db)
        return try await dto(req, risk).encodeResponse(status: .created, for: req)
    }

    @Sendable func apiShow(_ req: Request) async throws -> RiskDTO {
        let unit = try await req.unitParameter()
        return try await dto(req, try await riskParameter(req, unit))
    }

    @Sendable func apiUpdate(_ req: Request) async throws -> RiskDTO {
        let unit = try await req.unitParameter()
        let risk = try await riskParameter(req, unit)
        let body = try req.decodeJSON(RiskBody.self)
        try await RiskService.save(risk, at: unit, body.fields, by: req.auditContext, on: req.db)
        return try await dto(req, risk)
    }

    struct HeatDTO: Content { var inherent: [[Int]]; var residual: [[Int]]; var levels: [[String]] }

    @Sendable func apiHeat(_ req: Request) async throws -> HeatDTO {
        let unit = try await req.unitParameter()
        let q = { (name: String) in req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        let scale = try await RiskService.scale(on: req.db)
        let heat = try await RiskService.heatMaps(
            under: unit, RiskService.Filter(kinds: scale.kinds, kind: q("kind"), status: q("status")), kept: req.kept,
            on: req.db)
        return HeatDTO(
            inherent: heat.inherent, residual: heat.residual, levels: scale.matrix.levels.map { $0.map(\.rawValue) })
    }

    // MARK: HQ's scale

    @Sendable func scale(_ req: Request) async throws -> Response {
        scalePage(
            req, RiskScaleForm.values(try await RiskService.scale(on: req.db)),
            saved: req.query[String.self, at: "saved"] != nil)
    }

    func scalePage(_ req: Request, _ form: FormState, saved: Bool = false) -> Response {
        let page = RiskScalePage(form: form, saved: saved, csrf: req.csrfToken)
        return Layout.response(for: req, title: req.localizer("risk.scale_title"), content: page.body(req.localizer))
    }

    @Sendable func saveScale(_ req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await RiskService.setScale(try RiskScaleForm.parse(form), by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.riskScale.with([("saved", "1")]))
            }, reshow: { scalePage(req, $0) })
    }

    struct KindDTO: Content { var code: String; var standard: Bool?; var names: [String: String]? }

    /// HQ's scale: `levels[likelihood - 1][impact - 1]`, names per key and language, the kinds.
    struct ScaleDTO: Content {
        var levels: [[String]]
        var levelNames: [String: [String: String]]?, likelihoodNames: [String: [String: String]]?,
            impactNames: [String: [String: String]]?
        var kinds: [KindDTO]?

        init(_ s: RiskScale) {
            levels = s.matrix.levels.map { $0.map(\.rawValue) }
            levelNames = s.levelNames; likelihoodNames = s.likelihoodNames; impactNames = s.impactNames
            kinds = s.kinds.map { KindDTO(code: $0, standard: RiskKind.standard.contains($0), names: s.kindNames[$0]) }
        }

        /// The scale it describes; the standard kinds may be listed and are skipped.
        func scale() throws -> RiskScale {
            var cells: [[RiskLevel]] = []
            for row in levels {
                cells.append(
                    try row.map { code in
                        guard let level = RiskLevel(rawValue: code) else {
                            throw DomainError(.invalidChoice, field: "levels", args: [code])
                        }
                        return level
                    })
            }
            let added = (kinds ?? []).filter { !RiskKind.standard.contains($0.code) }
            return try RiskScale(
                matrix: RiskMatrix(levels: cells), levelNames: levelNames ?? [:],
                likelihoodNames: likelihoodNames ?? [:],
                impactNames: impactNames ?? [:], addedKinds: added.map(\.code),
                kindNames: Dictionary(added.map { ($0.code, $0.names ?? [:]) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    @Sendable func apiScale(_ req: Request) async throws -> ScaleDTO {
        ScaleDTO(try await RiskService.scale(on: req.db))
    }

    @Sendable func apiSetScale(_ req: Request) async throws -> ScaleDTO {
        let scale = try req.decodeJSON(ScaleDTO.self).scale()
        try await RiskService.setScale(scale, by: req.auditContext, on: req.db)
        return ScaleDTO(scale)
    }
}

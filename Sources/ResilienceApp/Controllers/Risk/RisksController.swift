import Fluent
@preconcurrency import Plot
import ResilienceCore
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
        routes.on(.POST, .unitRiskKinds(AppPath.any), .unit(.editRisks), use: setKinds)
        routes.on(.GET, .apiUnitRisks(AppPath.any), .unit(.viewPlans), use: apiList)
        routes.on(.POST, .apiUnitRisks(AppPath.any), .unit(.editRisks), use: apiCreate)
        routes.on(.GET, .apiUnitRisk(AppPath.any, AppPath.any), .unit(.viewPlans), use: apiShow)
        routes.on(.PUT, .apiUnitRisk(AppPath.any, AppPath.any), .unit(.editRisks), use: apiUpdate)
        routes.on(.GET, .apiUnitRiskHeat(AppPath.any), .unit(.viewPlans), use: apiHeat)
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        try await page(req, form: FormState(values: ["status": RiskStatus.open.rawValue, "source": RiskSource.own.rawValue]), importForm: FormState())
    }

    func page(_ req: Request, form: FormState, importForm: FormState) async throws -> Response {
        let unit = try await req.unitParameter()
        let t = req.localizer
        let q = { (name: String) in req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        let filter = RiskService.Filter(kind: q("kind"), level: q("level"), status: q("status"), rating: q("rating"),
                                        likelihood: q("l").flatMap(Int.init), impact: q("i").flatMap(Int.init))
        let matrix = try await RiskService.matrix(on: req.db)
        let heat = try await RiskService.heatMaps(under: unit, filter, on: req.db)
        // The heat maps give the count; a page is then one indexed read.
        let query = RiskService.query(under: unit, filter, matrix: matrix, on: req.db).sort(\.$title)
        let (page, per) = req.pageRequest
        let total: Int
        if let known = RiskService.total(filter, inherent: heat.inherent, matrix: matrix) { total = known } else { total = try await query.copy().count() }
        let risks = try await query.range((page - 1) * per ..< page * per).all()
        let info = PageInfo(page: page, per: per, total: total, hasMore: page * per < total)
        let names = Dictionary(uniqueKeysWithValues: try await Unit.query(on: req.db).filter(\.$id ~~ Array(Set(risks.map(\.unitID))))
            .field(\.$id).field(\.$name).all().map { ($0.id!, $0.name) })
        let clock = PlanDue.Clock(Date())
        let own = try await Risk.query(on: req.db).filter(\.$unitID == unit.requireID()).field(\.$id).field(\.$kind).field(\.$status).field(\.$reviewDate).all()
        let relevant = try await RiskService.relevantKinds(of: unit.requireID(), on: req.db)
        let inPlace = RegisterRules.isInPlace(own.map(\.summary), relevantKinds: relevant, clock: clock)
        let view = RiskRegisterPage(
            unitID: unit.id!, unitName: unit.name, matrix: matrix,
            inherent: heat.inherent, residual: heat.residual,
            shown: risks, info: info, unitNames: names, filter: filter,
            query: [("kind", q("kind")), ("level", q("level")), ("status", q("status")), ("rating", q("rating")), ("l", q("l")), ("i", q("i"))],
            inPlace: inPlace, relevant: relevant, mayEdit: try req.requireActor().may(.editRisks, on: unit.unitPath), form: form, importForm: importForm,
            csrf: req.csrfToken, clock: clock)
        return Layout.response(for: req, title: t("risk.register_of", unit.name), content: view.body(t))
    }

    @Sendable func add(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(values: form, {
            try await RiskService.save(nil, at: unit, form, by: req.auditContext, on: req.db)
            return req.redirect(to: AppPath.unitRisks(unit.id!).path)
        }, reshow: { try await page(req, form: $0, importForm: FormState()) })
    }

    func riskParameter(_ req: Request, _ unit: Unit) async throws -> Risk {
        guard let id = req.parameters.get("riskID").flatMap(UUID.init(uuidString:)),
              let risk = try await Risk.find(id, on: req.db), risk.unitID == unit.id else { throw Abort(.notFound) }
        return risk
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let risk = try await riskParameter(req, unit)
        return try await riskPage(req, unit, risk, form: FormState(values: risk.formValues))
    }

    func riskPage(_ req: Request, _ unit: Unit, _ risk: Risk, form: FormState) async throws -> Response {
        let page = RiskPage(unitID: unit.id!, unitName: unit.name, risk: risk, matrix: try await RiskService.matrix(on: req.db),
                            mayEdit: try req.requireActor().may(.editRisks, on: unit.unitPath), form: form, csrf: req.csrfToken)
        return Layout.response(for: req, title: risk.title, content: page.body(req.localizer))
    }

    @Sendable func change(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let risk = try await riskParameter(req, unit)
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(values: form, {
            try await RiskService.save(risk, at: unit, form, by: req.auditContext, on: req.db)
            return req.redirect(to: AppPath.unitRisks(unit.id!).path)
        }, reshow: { try await riskPage(req, unit, risk, form: $0) })
    }

    struct ImportForm: Content { var file: File?; var csv: String?; var confirm: String? }

    /// A file gives a preview; the preview's confirmation saves it all, or nothing.
    @Sendable func importCSV(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = (try? req.content.decode(ImportForm.self)) ?? ImportForm()
        return try await req.saveForm(values: [:], {
            if form.confirm == "1", let text = form.csv {
                _ = try await RiskService.importCSV(text, at: unit, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.unitRisks(unit.id!).path)
            }
            guard let file = form.file, file.data.readableBytes > 0 else { throw ValidationErrors([DomainError(.required, field: "file")]) }
            let text = String(decoding: Data(buffer: file.data), as: UTF8.self)
            let rows = try RiskService.preview(text)
            let page = RiskImportPage(unitID: unit.id!, unitName: unit.name, rows: rows, text: text, csrf: req.csrfToken)
            return Layout.response(for: req, title: req.localizer("risk.preview_title"), content: page.body(req.localizer))
        }, reshow: { try await page(req, form: FormState(), importForm: $0) })
    }

    @Sendable func setKinds(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        try await RiskService.setRelevantKinds(RiskService.kinds().filter { form["kinds-\($0)"] == "true" }, of: unit, by: req.auditContext, on: req.db)
        return req.redirect(to: AppPath.unitRisks(unit.id!).path)
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

    struct RiskDTO: Content {
        var id: UUID, unitID: UUID, kind: String, title: String, cause: String?, consequence: String?
        var inherent: RatingDTO, residual: RatingDTO?, owner: String?, treatment: String?, status: String, reviewDate: Date?, source: String
        var updatedAt: Date?, updatedBy: String?

        init(_ r: Risk, _ matrix: RiskMatrix) {
            id = r.id!; unitID = r.unitID; kind = r.kind; title = r.title; cause = r.cause; consequence = r.consequence
            inherent = RatingDTO(likelihood: r.inherentLikelihood, impact: r.inherentImpact, level: matrix.level(r.inherent)?.rawValue)
            residual = r.residual.map { RatingDTO(likelihood: $0.likelihood, impact: $0.impact, level: matrix.level($0)?.rawValue) }
            owner = r.owner; treatment = r.treatment; status = r.status.rawValue; reviewDate = r.reviewDate; source = r.source.rawValue
            updatedAt = r.updatedAt; updatedBy = r.updatedByName
        }
    }

    /// A risk as the API takes it; its fields are checked as the form's and the CSV's are.
    struct RiskBody: Content {
        var kind: String?, title: String?, cause: String?, consequence: String?
        var likelihood: Int?, impact: Int?, residualLikelihood: Int?, residualImpact: Int?
        var owner: String?, treatment: String?, status: String?, reviewDate: String?, source: String?

        var fields: [String: String] {
            ["kind": kind ?? "", "title": title ?? "", "cause": cause ?? "", "consequence": consequence ?? "",
             "likelihood": likelihood.map(String.init) ?? "", "impact": impact.map(String.init) ?? "",
             "residual_likelihood": residualLikelihood.map(String.init) ?? "", "residual_impact": residualImpact.map(String.init) ?? "",
             "owner": owner ?? "", "treatment": treatment ?? "", "status": status ?? "", "review_date": reviewDate ?? "", "source": source ?? ""]
        }
    }

    @Sendable func apiList(_ req: Request) async throws -> Paged<RiskDTO> {
        let unit = try await req.unitParameter()
        let q = { (name: String) in req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        let filter = RiskService.Filter(kind: q("kind"), level: q("level"), status: q("status"), rating: q("rating"),
                                        likelihood: q("l").flatMap(Int.init), impact: q("i").flatMap(Int.init))
        let matrix = try await RiskService.matrix(on: req.db)
        let (risks, info) = try await RiskService.query(under: unit, filter, matrix: matrix, on: req.db).sort(\.$title).paged(req)
        return Paged(items: risks.map { RiskDTO($0, matrix) }, metadata: info)
    }

    @Sendable func apiCreate(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let body = try req.decodeJSON(RiskBody.self)
        let risk = try await RiskService.save(nil, at: unit, body.fields, by: req.auditContext, on: req.db)
        return try await RiskDTO(risk, try await RiskService.matrix(on: req.db)).encodeResponse(status: .created, for: req)
    }

    @Sendable func apiShow(_ req: Request) async throws -> RiskDTO {
        let unit = try await req.unitParameter()
        return RiskDTO(try await riskParameter(req, unit), try await RiskService.matrix(on: req.db))
    }

    @Sendable func apiUpdate(_ req: Request) async throws -> RiskDTO {
        let unit = try await req.unitParameter()
        let risk = try await riskParameter(req, unit)
        let body = try req.decodeJSON(RiskBody.self)
        try await RiskService.save(risk, at: unit, body.fields, by: req.auditContext, on: req.db)
        return RiskDTO(risk, try await RiskService.matrix(on: req.db))
    }

    struct HeatDTO: Content { var inherent: [[Int]]; var residual: [[Int]]; var levels: [[String]] }

    @Sendable func apiHeat(_ req: Request) async throws -> HeatDTO {
        let unit = try await req.unitParameter()
        let q = { (name: String) in req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        let heat = try await RiskService.heatMaps(under: unit, RiskService.Filter(kind: q("kind"), status: q("status")), on: req.db)
        let matrix = try await RiskService.matrix(on: req.db)
        return HeatDTO(inherent: heat.inherent, residual: heat.residual, levels: matrix.levels.map { $0.map(\.rawValue) })
    }
}

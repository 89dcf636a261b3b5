import Fluent
import ResilienceCore
import Vapor

/// The pages and API of areas' security risk assessments. Which move a person may make is the
/// core's `AssessmentReview`; the move route only needs the person to read the area.
struct AssessmentsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .areaAssessments(AppPath.any), .securityArea(.viewSecurity), use: list)
        routes.on(.POST, .areaAssessments(AppPath.any), .securityArea(.manageSecurity), use: start)
        routes.on(.GET, .riskAssessment(AppPath.any), .riskAssessment(.viewSecurity), use: show)
        routes.on(.POST, .riskAssessmentThreats(AppPath.any), .riskAssessment(.manageSecurity), use: addThreat)
        routes.on(
            .GET, .riskAssessmentThreat(AppPath.any, AppPath.any), .riskAssessment(.manageSecurity), use: editThreat)
        routes.on(
            .POST, .riskAssessmentThreat(AppPath.any, AppPath.any), .riskAssessment(.manageSecurity), use: saveThreat)
        routes.on(
            .POST, .riskAssessmentThreatRemove(AppPath.any, AppPath.any), .riskAssessment(.manageSecurity),
            use: removeThreat)
        routes.on(.POST, .riskAssessmentMeasures(AppPath.any), .riskAssessment(.manageSecurity), use: saveMeasures)
        routes.on(.POST, .riskAssessmentMove(AppPath.any), .riskAssessment(.viewSecurity), use: move)
        routes.on(.POST, .riskAssessmentComments(AppPath.any), .riskAssessment(.viewSecurity), use: comment)
        routes.on(.GET, .apiRiskAssessmentComments(AppPath.any), .riskAssessment(.viewSecurity), use: apiComments)
        routes.on(.POST, .apiRiskAssessmentComments(AppPath.any), .riskAssessment(.viewSecurity), use: apiComment)
        routes.on(.GET, .apiAreaAssessments(AppPath.any), .securityArea(.viewSecurity), use: apiList)
        routes.on(.POST, .apiAreaAssessments(AppPath.any), .securityArea(.manageSecurity), use: apiStart)
        routes.on(.GET, .apiRiskAssessment(AppPath.any), .riskAssessment(.viewSecurity), use: apiShow)
        routes.on(.PUT, .apiRiskAssessmentContent(AppPath.any), .riskAssessment(.manageSecurity), use: apiSave)
        routes.on(.POST, .apiRiskAssessmentMoves(AppPath.any), .riskAssessment(.viewSecurity), use: apiMove)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let area = try await req.securityAreaParameter()
        let unit = try await req.loadUnit(area.$unit.id)
        let versions = try await RiskAssessmentService.versions(of: [area.id!], on: req.db)[area.id!] ?? []
        let status =
            try await RiskAssessmentService.statuses(of: [area.id!], at: req.now, on: req.db)[area.id!] ?? .none
        let page = AssessmentListPage(
            area: area, versions: versions, status: status,
            mayManage: try req.requireActor().may(.manageSecurity, on: unit.unitPath), csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("assessment.title_of", area.name(in: req.localizer.code)),
            content: page.body(req.localizer))
    }

    @Sendable func start(_ req: Request) async throws -> Response {
        let area = try await req.securityAreaParameter()
        let record = try await RiskAssessmentService.draft(for: area, by: req.auditContext, on: req.db)
        return req.redirect(to: AppPath.riskAssessment(record.id!).path)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        try await render(req)
    }

    func render(
        _ req: Request, threat: FormState = FormState(), move: FormState = FormState(), comment: FormState = FormState()
    ) async throws -> Response {
        let record = try await req.riskAssessmentParameter()
        let area = try await req.loadArea(record.$area.id)
        let unit = try await req.loadUnit(area.$unit.id)
        let actor = try req.requireActor()
        let title = req.localizer("assessment.page_title", area.name(in: req.localizer.code), record.version)
        let build = { (csrf: String) async throws -> String in
            try await body(req, record, area, unit, actor, forms: (threat, move, comment), csrf: csrf)
        }
        if threat.errors.isEmpty && move.errors.isEmpty && comment.errors.isEmpty {
            let may = [
                actor.may(.manageSecurity, on: unit.unitPath), actor.may(.approveSecurity, on: unit.unitPath),
            ].map { String($0) }
            let html = try await req.renderedForm(
                ["assessment", record.id!.uuidString] + may, showing: SecurityController.scopes, render: build)
            return Layout.response(for: req, title: title, markup: html)
        }
        return Layout.response(for: req, title: title, markup: try await build(req.csrfToken))
    }

    private func body(
        _ req: Request, _ record: RiskAssessmentRecord, _ area: SecurityArea, _ unit: Unit, _ actor: Actor,
        forms: (FormState, FormState, FormState), csrf: String
    ) async throws -> String {
        let versions = try await RiskAssessmentService.versions(of: [area.id!], on: req.db)[area.id!] ?? []
        let page = AssessmentPage(
            record: record, area: area, previous: versions.last { $0.version < record.version },
            catalogue: try await MeasureCatalogueService.active(on: req.db),
            names: RiskNames(scale: try await RiskService.scale(on: req.db), t: req.localizer),
            acceptable: try await SecuritySettings.acceptableRisk(on: req.db),
            may: (actor.may(.manageSecurity, on: unit.unitPath), actor.may(.approveSecurity, on: unit.unitPath)),
            findings: try await AcceptableRiskService.findings(within: unit, at: req.now, kept: req.kept, on: req.db)
                .flatMap(\.findings).filter { $0.assessmentID == record.id },
            comments: try await RiskAssessmentService.comments(of: record, on: req.db),
            mayComment: AssessmentReview.mayComment(actor.grants, state: record.state, on: unit.unitPath),
            forms: forms, csrf: csrf)
        return page.body(req.localizer).render()
    }

    private func changing(
        _ req: Request, _ change: (inout AssessmentContent, [String: String], [String]) throws -> Void,
        reshowThreat: Bool = true
    ) async throws -> Response {
        let record = try await req.riskAssessmentParameter()
        let form = try req.content.decode([String: String].self)
        let kinds = try await RiskAssessmentService.kinds(on: req.db)
        return try await req.saveForm(
            values: form,
            {
                var content = record.assessment
                try change(&content, form, kinds)
                try await RiskAssessmentService.save(record, content, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.riskAssessment(record.id!).path, said: Said(.saved))
            }, reshow: { reshowThreat ? try await render(req, threat: $0) : try await render(req, move: $0) })
    }

    @Sendable func addThreat(_ req: Request) async throws -> Response {
        try await changing(req) { content, form, kinds in
            content.threats.append(try AssessedThreat.parse(form, kinds: kinds))
        }
    }

    @Sendable func editThreat(_ req: Request) async throws -> Response {
        let record = try await req.riskAssessmentParameter()
        guard let id = req.parameters.get("threatID").flatMap(UUID.init(uuidString:)),
            let th = record.assessment.threats.first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        let values = [
            "kind": th.kind, "description": th.description, "likelihood": String(th.inherent.likelihood),
            "impact": String(th.inherent.impact), "measures": th.measures,
            "residual_likelihood": String(th.residual.likelihood), "residual_impact": String(th.residual.impact),
            "decision": th.decision.rawValue,
        ]
        return try await threatPage(req, record, id, FormState(values: values))
    }

    private func threatPage(
        _ req: Request, _ record: RiskAssessmentRecord, _ id: UUID, _ form: FormState
    ) async throws
        -> Response
    {
        let names = RiskNames(scale: try await RiskService.scale(on: req.db), t: req.localizer)
        let page = ThreatForm(
            action: AppPath.riskAssessmentThreat(record.id!, id).path, names: names, form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("assessment.edit_threat"),
            content: .section(.class("wide-form"), page.body(req.localizer)))
    }

    @Sendable func saveThreat(_ req: Request) async throws -> Response {
        let record = try await req.riskAssessmentParameter()
        guard let id = req.parameters.get("threatID").flatMap(UUID.init(uuidString:)),
            record.assessment.threats.contains(where: { $0.id == id })
        else { throw Abort(.notFound) }
        let form = try req.content.decode([String: String].self)
        let kinds = try await RiskAssessmentService.kinds(on: req.db)
        return try await req.saveForm(
            values: form,
            {
                var content = record.assessment
                let threat = try AssessedThreat.parse(form, kinds: kinds, id: id)
                content.threats = content.threats.map { $0.id == id ? threat : $0 }
                try await RiskAssessmentService.save(record, content, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.riskAssessment(record.id!).path, said: Said(.saved))
            }, reshow: { try await threatPage(req, record, id, $0) })
    }

    @Sendable func removeThreat(_ req: Request) async throws -> Response {
        let id = req.parameters.get("threatID").flatMap(UUID.init(uuidString:))
        return try await changing(req) { content, _, _ in content.threats.removeAll { $0.id == id } }
    }

    @Sendable func saveMeasures(_ req: Request) async throws -> Response {
        try await changing(req) { content, form, _ in
            content.addedMeasures = form.keys.filter { $0.hasPrefix("measure-") && form[$0] == "true" }
                .map { String($0.dropFirst("measure-".count)) }.sorted()
        }
    }

    @Sendable func move(_ req: Request) async throws -> Response {
        let record = try await req.riskAssessmentParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                guard let move = form["move"].flatMap(AssessmentMove.init(rawValue:)) else {
                    throw DomainError(.invalidChoice, field: "move")
                }
                try await RiskAssessmentService.move(
                    record, move, reason: form["reason"], by: req.requireActor(), context: req.auditContext, on: req.db)
                await RiskAssessmentService.announce(
                    record, by: try req.requireActor(), app: req.application, on: req.db)
                let said: Said.What =
                    switch move {
                    case .submit: .submitted
                    case .withdraw: .withdrawn
                    case .approve: .levelApproved
                    case .returnToOfficer: .levelReturned
                    }
                return req.redirect(to: AppPath.riskAssessment(record.id!).path, said: Said(said))
            }, reshow: { try await render(req, move: $0) })
    }

    @Sendable func comment(_ req: Request) async throws -> Response {
        let record = try await req.riskAssessmentParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                _ = try await RiskAssessmentService.comment(
                    on: record, threat: form["threat"], body: form["body"], by: req.requireActor(),
                    context: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.riskAssessment(record.id!).path + "#threads", said: Said(.sent))
            }, reshow: { try await render(req, comment: $0) })
    }

    // MARK: API

    @Sendable func apiComments(_ req: Request) async throws -> [AssessmentCommentDTO] {
        try await RiskAssessmentService.comments(of: try await req.riskAssessmentParameter(), on: req.db)
            .map(AssessmentCommentDTO.init)
    }

    @Sendable func apiComment(_ req: Request) async throws -> Response {
        let record = try await req.riskAssessmentParameter()
        let body = try req.decodeJSON(AssessmentCommentBody.self)
        let comment = try await RiskAssessmentService.comment(
            on: record, threat: body.threatID?.uuidString, body: body.body, by: req.requireActor(),
            context: req.auditContext, on: req.db)
        return try await AssessmentCommentDTO(comment).encodeResponse(status: .created, for: req)
    }

    @Sendable func apiList(_ req: Request) async throws -> [AssessmentDTO] {
        let area = try await req.securityAreaParameter()
        return (try await RiskAssessmentService.versions(of: [area.id!], on: req.db)[area.id!] ?? []).map(
            AssessmentDTO.init)
    }

    @Sendable func apiStart(_ req: Request) async throws -> Response {
        let area = try await req.securityAreaParameter()
        let record = try await RiskAssessmentService.draft(for: area, by: req.auditContext, on: req.db)
        return try await AssessmentDTO(record).encodeResponse(status: .created, for: req)
    }

    @Sendable func apiShow(_ req: Request) async throws -> AssessmentDTO {
        AssessmentDTO(try await req.riskAssessmentParameter())
    }

    @Sendable func apiSave(_ req: Request) async throws -> AssessmentDTO {
        let record = try await req.riskAssessmentParameter()
        let content = try req.decodeJSON(AssessmentContent.self)
        try await RiskAssessmentService.save(record, content, by: req.auditContext, on: req.db)
        return AssessmentDTO(record)
    }

    @Sendable func apiMove(_ req: Request) async throws -> AssessmentDTO {
        let record = try await req.riskAssessmentParameter()
        let body = try req.decodeJSON(LevelDecisionBody.self)
        guard let move = AssessmentMove(rawValue: body.move) else { throw DomainError(.invalidChoice, field: "move") }
        try await RiskAssessmentService.move(
            record, move, reason: body.reason, by: req.requireActor(), context: req.auditContext, on: req.db)
        await RiskAssessmentService.announce(record, by: try req.requireActor(), app: req.application, on: req.db)
        return AssessmentDTO(record)
    }
}

/// An assessment version as the API gives it.
struct AssessmentDTO: Content {
    var id: UUID; var areaID: UUID; var version: Int; var state: String; var content: AssessmentContent
    var validUntil: Date?; var submittedBy: String?; var submittedAt: Date?; var decidedBy: String?
    var decidedAt: Date?; var decisionNote: String?
    init(_ r: RiskAssessmentRecord) {
        id = r.id!; areaID = r.$area.id; version = r.version; state = r.state.rawValue; content = r.assessment
        validUntil = r.validUntil; submittedBy = r.submittedByName; submittedAt = r.submittedAt
        decidedBy = r.decidedByName; decidedAt = r.decidedAt; decisionNote = r.decisionNote
    }
}

/// A message in an assessment's threads.
struct AssessmentCommentDTO: Content {
    var id: UUID; var threatID: UUID?; var body: String; var author: String; var at: Date
    init(_ c: AssessmentComment) { id = c.id!; threatID = c.threatID; body = c.body; author = c.authorName; at = c.at }
}

struct AssessmentCommentBody: Content {
    /// The threat the message is about; none: the assessment as a whole.
    var threatID: UUID?
    var body: String?
}

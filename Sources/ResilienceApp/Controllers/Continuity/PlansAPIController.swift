import Fluent
import ResilienceCore
import Vapor

/// `/api/v1` for business continuity plans: the same services and permissions as the pages.
/// Plans travel as the JSON of the export file (ISO 8601 dates, sorted keys).
struct PlansAPIController {
    func register(_ api: any RoutesBuilder) {
        api.on(.GET, .apiUnitPlans(AppPath.any), .unit(.viewPlans), use: list)
        api.on(.POST, .apiUnitPlans(AppPath.any), .unit(.editPlans), use: create)
        api.on(.POST, .apiUnitPlansImport(AppPath.any), .unit(.editPlans), use: importPlan)
        api.on(.GET, .apiPlan(AppPath.any), .plan(.viewPlans), use: show)
        api.on(.PUT, .apiPlanContent(AppPath.any), .plan(.editPlans), use: replaceContent)
        api.on(.GET, .apiPlanVersions(AppPath.any), .plan(.viewPlans), use: versions)
        api.on(.GET, .apiPlanVersion(AppPath.any, 0), .plan(.viewPlans), use: version)
        api.on(.GET, .apiPlanCompare(AppPath.any), .plan(.viewPlans), use: compare)
        api.on(.GET, .apiPlanExport(AppPath.any), .plan(.viewPlans), use: export)
        api.on(.GET, .apiImpactScale, .signedIn, use: scale)
        api.on(.PUT, .apiImpactScale, .headquarters(.configureContinuity), use: setScale)
    }

    struct Summary: Codable {
        var id: UUID, unitID: UUID, cycle: Int, state: String, revision: Int, latestVersion: Int
        var updatedAt: Date?, updatedBy: String?, approvedAt: Date?, dueAt: Date?
        init(_ p: Plan) {
            id = p.id!; unitID = p.$unit.id; cycle = p.cycle; state = p.state.rawValue; revision = p.revision
            latestVersion = p.latestVersion; updatedAt = p.updatedAt; updatedBy = p.updatedByName
            approvedAt = p.approvedAt; dueAt = p.dueAt
        }
    }

    struct CheckDTO: Codable {
        var code: String, severity: String, section: String, itemID: UUID?, args: [String], message: String
    }
    struct AnalysisDTO: Codable {
        var processID: UUID, name: String, recoveryOrder: Int, mtpdHours: Double?, rtoHours: Double?,
            rtoExceedsMTPD: Bool
        var tier: String?, drivingCategory: String?, ratedCells: Int, totalCells: Int
    }
    struct Detail: Codable {
        var plan: Summary, content: PlanContent, scale: ImpactScale, checks: [CheckDTO], canSubmit: Bool
        var completeness: [String: Double], analysis: [AnalysisDTO]
    }
    struct VersionDTO: Codable {
        var number: Int, createdAt: Date?, createdBy: String, note: String?, content: PlanContent?, scale: ImpactScale?
    }
    struct ChangeDTO: Codable { var section: String, itemID: UUID?, itemName: String, kind: String, fields: [String] }
    struct CompareDTO: Codable { var from: String, to: String, changes: [ChangeDTO] }
    struct CreateBody: Codable { var cycle: Int?; var start: String? }
    /// `revision` is the one the writer read: required, so that two writers never overwrite each other.
    struct ContentBody: Codable { var revision: Int; var content: PlanContent }

    private func json<T: Encodable>(_ value: T, _ status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: PlanCodec.encode(value)))
        response.headers.contentType = .json
        return response
    }

    private func decode<T: Decodable>(_ req: Request, _ type: T.Type) throws -> T {
        guard req.headers.contentType == .json else { throw Abort(.unsupportedMediaType) }
        guard let body = req.body.data else { throw AppError.badRequest(req.localizer("error.decoding.malformed")) }
        do { return try PlanCodec.decode(type, String(buffer: body)) } catch let error as DomainError {
            throw ValidationErrors([error])
        } catch {
            throw AppError.badRequest(AppErrorMiddleware.describe(decoding: error, req.localizer))
        }
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        return json(try await PlanService.plans(of: unit.requireID(), on: req.db).map(Summary.init))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let body = try decode(req, CreateBody.self)
        let plan = try await PlanService.create(
            at: unit, cycle: body.cycle.map(String.init), start: body.start, by: req.auditContext, on: req.db)
        return json(try await detail(req, plan), .created)
    }

    /// The body is an exported file; `?cycle=` files it under another cycle.
    @Sendable func importPlan(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        guard req.headers.contentType == .json else { throw Abort(.unsupportedMediaType) }
        guard let body = req.body.data else { throw AppError.badRequest(req.localizer("error.decoding.malformed")) }
        let plan = try await PlanService.importDocument(
            Data(buffer: body), into: unit, cycle: req.query[String.self, at: "cycle"],
            by: req.auditContext, on: req.db)
        return json(try await detail(req, plan), .created)
    }

    func detail(_ req: Request, _ plan: Plan) async throws -> Detail {
        let s = try await req.snapshot(plan)
        let t = req.localizer
        let ordered = ImpactAnalysis.recoveryOrder(s.content.processes, scale: s.scale)
        return Detail(
            plan: Summary(plan), content: s.content, scale: s.scale,
            checks: s.checks.map {
                CheckDTO(
                    code: $0.code.rawValue, severity: $0.severity.rawValue, section: $0.section.rawValue,
                    itemID: $0.itemID, args: $0.args, message: PlanPages.message($0, t))
            },
            canSubmit: PlanChecks.canSubmit(s.checks),
            completeness: Dictionary(uniqueKeysWithValues: s.completeness.sections.map { ($0.key.rawValue, $0.value) })
                .merging(["overall": s.completeness.overall]) { a, _ in a },
            analysis: ordered.enumerated().map { i, p in
                let a = ImpactAnalysis.analyse(p, scale: s.scale)
                return AnalysisDTO(
                    processID: p.id, name: p.name, recoveryOrder: i + 1, mtpdHours: a.mtpdHours, rtoHours: a.rtoHours,
                    rtoExceedsMTPD: a.rtoExceedsMTPD, tier: a.tier?.rawValue, drivingCategory: a.drivingCategory,
                    ratedCells: a.ratedCells, totalCells: a.totalCells)
            })
    }

    /// The same plan at the same revision reads the same in a language: encoded once.
    @Sendable func show(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let day = String(Int(req.now.timeIntervalSince1970 / 86_400))
        let key = KeptCache.Key<String>(
            .page,
            [
                "api-plan", plan.id!.uuidString, String(plan.revision), plan.state.rawValue,
                String(plan.latestVersion), day, req.localizer.code,
            ])
        let body = try await req.kept.value(key) {
            PlanCodec.encode(try await detail(req, plan))
        }
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = .json
        return response
    }

    /// Replaces the whole content; refused (422) if someone saved since the `revision` the writer read.
    @Sendable func replaceContent(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let body = try decode(req, ContentBody.self)
        try await PlanService.change(
            plan, expectedRevision: body.revision, by: req.auditContext, kept: req.kept, on: req.db
        ) {
            content in
            let changes = PlanDiff.compare(content, body.content)
            content = body.content
            return (
                "content", "",
                changes.map { "\($0.section.rawValue)/\($0.itemName): \($0.kind.rawValue)" }.joined(separator: "; ")
            )
        }
        return json(try await detail(req, plan))
    }

    @Sendable func versions(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        return json(
            try await PlanService.versions(of: plan, on: req.db).map {
                VersionDTO(
                    number: $0.number, createdAt: $0.createdAt, createdBy: $0.createdByName, note: $0.note,
                    content: nil, scale: nil)
            })
    }

    @Sendable func version(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        guard let raw = req.parameters.get("number"), let number = Int(raw),
            let v = try await PlanService.version(number, of: plan, on: req.db)
        else { throw Abort(.notFound) }
        let s = try await req.snapshot(v)
        return json(
            VersionDTO(
                number: v.number, createdAt: v.createdAt, createdBy: v.createdByName, note: v.note, content: s.content,
                scale: s.scale))
    }

    @Sendable func compare(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let (from, to, comparison) = try await PlansController().comparison(req, plan)
        return json(
            CompareDTO(
                from: from, to: to,
                changes: comparison.changes.map {
                    ChangeDTO(
                        section: $0.section.rawValue, itemID: $0.itemID, itemName: $0.itemName, kind: $0.kind.rawValue,
                        fields: $0.fields)
                }))
    }

    @Sendable func export(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let unit = try await req.loadUnit(plan.$unit.id)
        var version: PlanVersion?
        if let raw = req.query[String.self, at: "version"] {
            guard let number = Int(raw), let v = try await PlanService.version(number, of: plan, on: req.db) else {
                throw Abort(.notFound)
            }
            version = v
        }
        return json(
            try await PlanService.document(plan, unit: unit, version: version, now: req.now, kept: req.kept, on: req.db)
        )
    }

    @Sendable func scale(_ req: Request) async throws -> Response {
        json(try await PlanService.currentScale(on: req.db))
    }

    @Sendable func setScale(_ req: Request) async throws -> Response {
        let scale = try decode(req, ImpactScale.self)
        try await PlanService.setScale(scale, by: req.auditContext, on: req.db)
        return json(scale)
    }
}

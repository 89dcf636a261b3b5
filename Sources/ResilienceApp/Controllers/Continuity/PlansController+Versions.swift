import Fluent
@preconcurrency import Plot
import ResilienceCore
import SQLKit
import Vapor

/// Versions and their comparison, the pocket plan and the exports.
extension PlansController {
    // MARK: Versions

    @Sendable func versions(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let frame = try await frame(req, plan, "versions")
        let rows = try await PlanService.versions(of: plan, on: req.db)
        let page = VersionsPage(
            frame: frame,
            rows: rows.map { .init(number: $0.number, at: $0.createdAt, by: $0.createdByName, note: $0.note) })
        return Layout.response(
            for: req, title: title(req, frame, req.localizer("plan.versions")), content: page.body(req.localizer))
    }

    func versionParameter(_ req: Request, _ plan: Plan) async throws -> PlanVersion {
        guard let raw = req.parameters.get("number"), let number = Int(raw),
            let version = try await PlanService.version(number, of: plan, on: req.db)
        else { throw Abort(.notFound) }
        return version
    }

    /// A version reads as its pocket plan.
    @Sendable func version(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let version = try await versionParameter(req, plan)
        return try await pocketResponse(req, plan, version: version, download: false)
    }

    /// `from` and `to` are version numbers or `draft` (the working copy).
    @Sendable func compare(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let (from, to, comparison) = try await comparison(req, plan)
        let frame = try await frame(req, plan, "versions")
        let t = req.localizer
        var page = ComparePage(frame: frame, fromLabel: from, toLabel: to, comparison: comparison)
        let rendered = page
        page.renderedChanges = await req.kept.value(KeptCache.Key(.page, ["compare", comparison.key, t.code])) {
            rendered.changesBlock(t).render()
        }
        return Layout.response(for: req, title: title(req, frame, t("plan.compare")), content: page.body(t))
    }

    func comparison(_ req: Request, _ plan: Plan) async throws -> (String, String, PlanComparison) {
        let t = req.localizer
        // Both versions' records in one read (their contents come from the cache).
        let versions = plan.latestVersion > 0 ? try await PlanService.versions(of: plan, on: req.db) : []
        func side(_ raw: String?, _ fallback: String) async throws -> (label: String, key: String, content: PlanContent)
        {
            let value = raw ?? fallback
            if value == "draft" {
                return (
                    t("plan.working_copy"), "\(plan.id!):r\(plan.revision)",
                    try await req.snapshot(plan).content
                )
            }
            // The unit's plan in force (last year's approved plan), as it was approved.
            if value == "in_force" {
                guard let other = try await Self.otherInForce(plan, on: req.db),
                    let version = try await PlanService.version(other.latestVersion, of: other, on: req.db)
                else { throw Abort(.notFound) }
                return (
                    t("plan.in_force_cycle", other.cycle), "\(version.id!)", try await req.snapshot(version).content
                )
            }
            guard let number = Int(value) else { throw AppError.badRequest(t("error.decoding.invalid", "from/to")) }
            guard let version = versions.first(where: { $0.number == number }) else { throw Abort(.notFound) }
            return (
                t("plan.version_n", number), "\(version.id!)",
                try await req.snapshot(version).content
            )
        }
        let from = try await side(
            req.query[String.self, at: "from"], plan.latestVersion > 0 ? String(plan.latestVersion) : "draft")
        let to = try await side(req.query[String.self, at: "to"], "draft")
        return (
            from.label, to.label,
            PlanComparison.of(from.content, to.content, key: "\(from.key)|\(to.key)", kept: req.kept)
        )
    }

    // MARK: Pocket plan and exports

    @Sendable func pocket(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        return try await pocketResponse(req, plan, version: try await requestedVersion(req, plan), download: false)
    }

    @Sendable func pocketDownload(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        return try await pocketResponse(req, plan, version: try await requestedVersion(req, plan), download: true)
    }

    func requestedVersion(_ req: Request, _ plan: Plan) async throws -> PlanVersion? {
        guard let raw = req.query[String.self, at: "version"] else { return nil }
        guard let number = Int(raw), let version = try await PlanService.version(number, of: plan, on: req.db) else {
            throw Abort(.notFound)
        }
        return version
    }

    func fileName(_ unit: Unit, _ plan: Plan, _ version: PlanVersion?, _ ext: String) -> String {
        let code = (unit.code ?? "plan").filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return "bcp-\(code)-\(plan.cycle)\(version.map { "-v\($0.number)" } ?? "").\(ext)"
    }

    func pocketResponse(_ req: Request, _ plan: Plan, version: PlanVersion?, download: Bool) async throws -> Response {
        let unit = try await req.loadUnit(plan.$unit.id)
        let t = req.localizer
        // The same plan at the same revision in the same language is the same page: rendered once.
        let key = "\(version.map { "v\($0.id!)" } ?? "\(plan.id!):\(plan.revision)"):\(t.code):\(unit.name)"
        let html = try await req.kept.value(KeptCache.Key(.pocketPlan, [key])) {
            let snapshot = try await req.snapshot(plan, version)
            let pocket = PocketPlan(
                unitName: unit.name, cycle: plan.cycle,
                versionLabel: version.map { t("plan.version_n", $0.number) } ?? t("plan.working_copy"),
                generatedAt: version?.createdAt ?? plan.updatedAt ?? req.now, snapshot: snapshot)
            return pocket.document(t).render()
        }
        let response = Response(status: .ok)
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        if download {
            response.headers.replaceOrAdd(
                name: .contentDisposition, value: "attachment; filename=\"\(fileName(unit, plan, version, "html"))\"")
        }
        response.body = .init(string: html)
        return response
    }

    @Sendable func export(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let unit = try await req.loadUnit(plan.$unit.id)
        let version = try await requestedVersion(req, plan)
        let document = try await PlanService.document(
            plan, unit: unit, version: version, now: req.now, kept: req.kept, on: req.db)
        let response = Response(status: .ok, body: .init(string: PlanCodec.encode(document, pretty: true)))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(fileName(unit, plan, version, "json"))\"")
        return response
    }

    @Sendable func csv(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let unit = try await req.loadUnit(plan.$unit.id)
        let version = try await requestedVersion(req, plan)
        let snapshot = try await req.snapshot(plan, version)
        let response = Response(status: .ok, body: .init(string: PlanCSV.processes(snapshot, req.localizer)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(fileName(unit, plan, version, "csv"))\"")
        return response
    }
}

import Fluent
@preconcurrency import Plot
import ResilienceCore
import SQLKit
import Vapor

/// The impact analysis of one process, and the scale HQ configures.
extension PlansController {
    // MARK: Impact analysis

    @Sendable func impact(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let id = try itemParameter(req)
        let snapshot = try await req.snapshot(plan)
        guard let process = snapshot.content.processes.first(where: { $0.id == id }) else { throw Abort(.notFound) }
        return try await impactPage(
            req, plan, process, form: FormState(values: ImpactPage.values(process, snapshot.scale)))
    }

    func impactPage(_ req: Request, _ plan: Plan, _ process: CriticalProcess, form: FormState) async throws -> Response
    {
        let scale = try await req.snapshot(plan).scale
        let frame = try await frame(req, plan, PlanSection.impact.rawValue)
        let page = ImpactPage(
            frame: frame, process: process, scale: scale, analysis: ImpactAnalysis.analyse(process, scale: scale),
            mayEdit: try await may(req, .editPlans, plan), form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: title(req, frame, "\(req.localizer("section.impact")): \(process.name)"),
            content: page.body(req.localizer))
    }

    @Sendable func saveImpact(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let id = try itemParameter(req)
        let snapshot = try await req.snapshot(plan)
        guard let process = snapshot.content.processes.first(where: { $0.id == id }) else { throw Abort(.notFound) }
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let (impact, capacity, rto) = try Self.parseImpact(form, snapshot.scale)
                try await PlanService.change(plan, by: req.auditContext, kept: req.kept, on: req.db) { content in
                    guard let index = content.processes.firstIndex(where: { $0.id == id }) else {
                        throw Abort(.notFound)
                    }
                    let before = content.processes[index]
                    content.processes[index].impact = impact
                    content.processes[index].minimumCapacity = capacity
                    content.processes[index].rtoHours = rto
                    return (
                        "impact: \(before.name)",
                        PlanCodec.encode([
                            "impact": PlanCodec.encode(before.impact), "rto": before.rtoHours.map { String($0) } ?? "",
                        ]),
                        PlanCodec.encode(["impact": PlanCodec.encode(impact), "rto": rto.map { String($0) } ?? ""])
                    )
                }
                return req.redirect(to: AppPath.planImpact(plan.id!, id).path, said: Said(.saved))
            }, reshow: { try await impactPage(req, plan, process, form: $0) })
    }

    static func parseImpact(
        _ form: [String: String], _ scale: ImpactScale
    ) throws -> ([String: [Int?]], [Int?], Double?) {
        var v = ValidationCollector()
        var impact: [String: [Int?]] = [:]
        for category in scale.categories {
            var row: [Int?] = []
            for k in scale.ladderHours.indices {
                let field = "impact-\(category)-\(k)"
                let raw = (form[field] ?? "").trimmingCharacters(in: .whitespaces)
                if raw.isEmpty { row.append(nil); continue }
                if let r = Int(raw), (ImpactScale.minimumRating...ImpactScale.maximumRating).contains(r) {
                    row.append(r)
                } else {
                    v.add(DomainError(.ratingOutOfRange, field: field)); row.append(nil)
                }
            }
            while row.last == .some(nil) { row.removeLast() }
            if !row.isEmpty { impact[category] = row }
        }
        var capacity: [Int?] = []
        for k in scale.ladderHours.indices {
            let field = "minimumCapacity-\(k)"
            let raw = (form[field] ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { capacity.append(nil); continue }
            capacity.append(try v.check { try TextRules.integer(raw, field: field, in: 0...100) })
        }
        while capacity.last == .some(nil) { capacity.removeLast() }
        let rto = try v.check { try TextRules.hours(form["rtoHours"], field: "rtoHours", positive: true) } ?? nil
        try v.finish()
        return (impact, capacity, rto)
    }

    // MARK: The impact scale

    @Sendable func scale(_ req: Request) async throws -> Response {
        let scale = try await PlanService.currentScale(on: req.db)
        return scalePage(req, ImpactScaleForm.values(scale), saved: req.query[String.self, at: "saved"] != nil)
    }

    func scalePage(_ req: Request, _ form: FormState, saved: Bool = false) -> Response {
        let page = ImpactScalePage(form: form, saved: saved, csrf: req.csrfToken)
        return Layout.response(for: req, title: req.localizer("scale.title"), content: page.body(req.localizer))
    }

    @Sendable func saveScale(_ req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await PlanService.setScale(try ImpactScaleForm.parse(form), by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.impactScale.with([("saved", "1")]))
            }, reshow: { scalePage(req, $0) })
    }
}

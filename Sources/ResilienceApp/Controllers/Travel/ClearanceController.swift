import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Security clearance, pages: an officer's queue and its CSV, the decision on a leg; HQ's
/// aviation advice and air operators, approvals of full flights, senior officials' travel cases,
/// and the travel rules.
struct ClearanceController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .travelClearances, .somewhere(.manageSecurity), use: queue)
        routes.on(.GET, .travelClearancesCSV, .somewhere(.manageSecurity), use: csv)
        routes.on(.POST, .travelLegDecision(AppPath.any, AppPath.any), .travelLeg(.manageSecurity), use: decide)
        routes.on(.POST, .travelLegAdvice(AppPath.any, AppPath.any), .headquarters(.manageSecurity), use: advise)
        routes.on(.POST, .travelLegFlight(AppPath.any, AppPath.any), .headquarters(.manageSecurity), use: approveFlight)
        routes.on(.POST, .travelCase(AppPath.any), .headquarters(.manageSecurity), use: assess)
        routes.on(.GET, .travelAviation, .headquarters(.manageSecurity), use: aviation)
        routes.on(.POST, .airOperators, .headquarters(.manageSecurity), use: addOperator)
        routes.on(.POST, .airOperator(AppPath.any), .headquarters(.manageSecurity), use: updateOperator)
        routes.on(.GET, .travelCases, .headquarters(.manageSecurity), use: cases)
        routes.on(.GET, .travelSettings, .headquarters(.configureSecurity), use: settings)
        routes.on(.POST, .travelSettings, .headquarters(.configureSecurity), use: saveSettings)
    }

    /// The roots of the subtrees where the actor clears travel; nil when that is everywhere.
    static func clearingRoots(_ req: Request) async throws -> [Unit]? {
        let roots = try await UnitQueries.scopeRoots(try req.requireActor(), .manageSecurity, on: req.db)
        return roots.contains { $0.depth == 0 } ? nil : roots
    }

    static func after(_ req: Request) -> (Date, UUID)? {
        guard let raw = req.query[String.self, at: "after"], let cut = raw.lastIndex(of: "|"),
            let seconds = Double(raw[..<cut]), let id = UUID(uuidString: String(raw[raw.index(after: cut)...]))
        else { return nil }
        return (Date(timeIntervalSince1970: seconds), id)
    }

    @Sendable func queue(_ req: Request) async throws -> Response {
        let per = req.pageRequest.per
        let rows = try await TravelReads.queue(
            within: try await Self.clearingRoots(req), after: Self.after(req), per: per, on: req.db)
        let shown = Array(rows.prefix(per))
        let info = PageInfo(
            page: 1, per: per, total: nil, hasMore: rows.count > per,
            nextAfter: rows.count > per
                ? shown.last.map { "\($0.departs.timeIntervalSince1970)|\($0.legID.uuidString)" } : nil,
            previousBefore: nil)
        let t = req.localizer
        return Layout.response(
            for: req, title: t("travel.queue_title"), content: ClearanceQueuePage(rows: shown, page: info).body(t))
    }

    /// Every leg waiting in the officer's areas, as CSV (at most 10,000 rows).
    @Sendable func csv(_ req: Request) async throws -> Response {
        let t = req.localizer
        let rows = try await TravelReads.queue(
            within: try await Self.clearingRoots(req), after: nil, per: 10_000, on: req.db)
        var lines = [
            [
                t("travel.traveller"), t("travel.field.purpose"), t("travel.field.from"), t("travel.field.to"),
                t("travel.field.departs"), t("travel.field.arrives"), t("travel.field.means"), t("travel.field.flight"),
                t("travel.clearance_title"), t("travel.link"),
            ].map(RiskCSV.quoted).joined(separator: ",")
        ]
        let base = req.application.appConfig.publicURL ?? ""
        for r in rows.prefix(10_000) {
            lines.append(
                [
                    r.traveller, r.purpose, r.from, r.to, ISO8601DateFormatter().string(from: r.departs),
                    ISO8601DateFormatter().string(from: r.arrives), t("travel.means.\(r.means.rawValue)"),
                    r.flight ?? "", t("travel.clearance.\(r.clearance.rawValue)"),
                    base + AppPath.travelRequest(r.requestID).path,
                ].map(RiskCSV.quoted).joined(separator: ","))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "clearances.csv")
        return Response(status: .ok, headers: headers, body: .init(string: RiskCSV.file(lines)))
    }

    @Sendable func decide(_ req: Request) async throws -> Response {
        let request = try await req.travelRequestParameter()
        let leg = try await req.travelLegParameter()
        let form = try req.content.decode([String: String].self)
        let clear = form["decision"] == "clear"
        return try await req.saveForm(
            values: form,
            {
                try await TravelService.decide(
                    leg, of: request, clear: clear, text: clear ? form["conditions"] : form["reason"],
                    by: req.auditContext, app: req.application, on: req.db)
                return req.redirect(
                    to: AppPath.travelRequest(request.id!).path,
                    said: Said(clear ? .legCleared : .legRefused, request.purpose))
            }, reshow: { try await TravelController().tripPage(req, failed: "decision-\(leg.id!.uuidString)", $0) })
    }

    @Sendable func advise(_ req: Request) async throws -> Response {
        let request = try await req.travelRequestParameter()
        let leg = try await req.travelLegParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await TravelService.advise(
                    leg, of: request, advice: form["advice"], by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.travelRequest(request.id!).path, said: Said(.advised, request.purpose))
            }, reshow: { try await TravelController().tripPage(req, failed: "advice-\(leg.id!.uuidString)", $0) })
    }

    @Sendable func approveFlight(_ req: Request) async throws -> Response {
        let request = try await req.travelRequestParameter()
        let leg = try await req.travelLegParameter()
        return try await req.saveForm(
            values: [:],
            {
                try await TravelService.approveFlight(leg, of: request, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.travelRequest(request.id!).path, said: Said(.saved, leg.flight))
            }, reshow: { try await TravelController().tripPage(req, failed: "flight-\(leg.id!.uuidString)", $0) })
    }

    @Sendable func assess(_ req: Request) async throws -> Response {
        let request = try await req.travelRequestParameter()
        let form = try req.content.decode([String: String].self)
        guard
            let travelCase = try await TravelCase.query(on: req.db).filter(\.$request.$id == request.requireID())
                .first()
        else { throw Abort(.notFound) }
        return try await req.saveForm(
            values: form,
            {
                try await TravelService.assess(travelCase, of: request, form, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.travelRequest(request.id!).path + "#case", said: Said(.saved))
            }, reshow: { try await TravelController().tripPage(req, failed: "case", $0) })
    }

    // MARK: Aviation

    @Sendable func aviation(_ req: Request) async throws -> Response { try await aviationPage(req, FormState()) }

    private func aviationPage(_ req: Request, _ form: FormState) async throws -> Response {
        let t = req.localizer
        let page = AviationPage(
            operators: try await AirOperator.query(on: req.db).sort(\.$name).all(),
            waiting: try await TravelReads.adviceQueue(on: req.db), today: PlanChecks.isoDay(req.now),
            given: try await TravelReads.adviceGiven(at: req.now, on: req.db), form: form,
            csrf: req.csrfToken)
        return Layout.response(
            for: req, title: t("aviation.title"), status: form.errors.isEmpty ? .ok : .unprocessableEntity,
            content: page.body(t))
    }

    @Sendable func addOperator(_ req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let op = try await AdvisoryService.saveOperator(nil, form, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.travelAviation.path, said: Said(.added, op.name))
            }, reshow: { try await aviationPage(req, $0) })
    }

    @Sendable func updateOperator(_ req: Request) async throws -> Response {
        let op = try await req.parameterModel(AirOperator.self, "operatorID")
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                _ = try await AdvisoryService.saveOperator(op, form, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.travelAviation.path, said: Said(.saved, op.name))
            }, reshow: { try await aviationPage(req, $0) })
    }

    // MARK: Protective services

    @Sendable func cases(_ req: Request) async throws -> Response {
        let t = req.localizer
        let cases = try await TravelReads.cases(on: req.db)
        let page = TravelCasesPage(
            cases: cases, reviewed: (cases.filter { $0.0.assessedAt != nil }.count, cases.count))
        return Layout.response(for: req, title: t("travel.cases_title"), content: page.body(t))
    }

    // MARK: Settings

    @Sendable func settings(_ req: Request) async throws -> Response {
        try await settingsPage(
            req, FormState(values: TravelSettings.values(try await TravelSettings.rules(on: req.db))))
    }

    private func settingsPage(_ req: Request, _ form: FormState) async throws -> Response {
        let t = req.localizer
        return Layout.response(
            for: req, title: t("travel.settings_title"), status: form.errors.isEmpty ? .ok : .unprocessableEntity,
            content: TravelSettingsPage(form: form, csrf: req.csrfToken).body(t))
    }

    @Sendable func saveSettings(_ req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let rules = try TravelSettings.parse(form)
                try await SettingStore.set(TravelSettings.key, to: rules, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.travelSettings.path, said: Said(.saved))
            }, reshow: { try await settingsPage(req, $0) })
    }
}

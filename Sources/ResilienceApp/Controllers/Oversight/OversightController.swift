import Fluent
@preconcurrency import Plot
import ResilienceCore
import Vapor

/// Oversight from office to HQ: a unit's dashboard (and its CSV), the regional compliance report,
/// HQ's overview of every region, and yearly campaigns; pages and API alike.
struct OversightController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .unitDashboard(AppPath.any), .unit(.viewOversight), use: dashboard)
        routes.on(.GET, .unitDashboardCSV(AppPath.any), .unit(.viewOversight), use: dashboardCSV)
        routes.on(.GET, .unitCompliance(AppPath.any), .unit(.viewOversight), use: compliance)
        routes.on(.POST, .unitCompliance(AppPath.any), .unit(.reportCompliance), use: submitReport)
        routes.on(.GET, .oversight, .somewhere(.viewOversight), use: overview)
        routes.on(.GET, .unitCampaigns(AppPath.any), .unit(.viewOversight), use: campaigns)
        routes.on(.POST, .unitCampaigns(AppPath.any), .unit(.runCampaigns), use: openCampaign)
        routes.on(.GET, .campaign(AppPath.any), .campaign(.viewOversight), use: campaign)
        routes.on(.GET, .apiUnitDashboard(AppPath.any), .unit(.viewOversight), use: apiDashboard)
        routes.on(.GET, .apiUnitComplianceReports(AppPath.any), .unit(.viewOversight), use: apiReports)
        routes.on(.POST, .apiUnitComplianceReports(AppPath.any), .unit(.reportCompliance), use: apiSubmitReport)
        routes.on(.GET, .apiOversight, .somewhere(.viewOversight), use: apiOverview)
        routes.on(.GET, .apiUnitCampaigns(AppPath.any), .unit(.viewOversight), use: apiCampaigns)
        routes.on(.POST, .apiUnitCampaigns(AppPath.any), .unit(.runCampaigns), use: apiOpenCampaign)
        routes.on(.GET, .apiCampaign(AppPath.any), .campaign(.viewOversight), use: apiCampaign)
    }

    // MARK: Dashboard

    struct Dashboard {
        var rows: [OversightService.Row]; var shown: [OversightService.Row]; var filter: OversightService.Filter;
        var query: [(String, String?)]
        var clock: PlanDue.Clock
    }

    func dashboardRows(_ req: Request, _ unit: Unit, _ standings: OversightService.Standings, now: Date) -> Dashboard {
        let q = { (name: String) in req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        let filter = OversightService.Filter(state: q("state"), standing: q("standing"), kind: q("kind"), text: q("q"))
        let rows = unit.depth == 0 ? standings.rows : standings.rows.filter { $0.path.hasPrefix(unit.path) }
        let clock = PlanDue.Clock(now)
        let shown = OversightService.ordered(rows.filter { filter.keeps($0, clock: clock) }, clock: clock)
        return Dashboard(
            rows: rows, shown: shown, filter: filter,
            query: [("state", q("state")), ("standing", q("standing")), ("kind", q("kind")), ("q", q("q"))],
            clock: clock)
    }

    /// What a unit's dashboard shows: the standings of the units below it (from their plans,
    /// activations and risks) and the tree.
    static func dashboardScopes(_ unit: Unit) -> [DataScope] {
        [.under(.plans, unit.id!), .under(.activations, unit.id!), .under(.risks, unit.id!), .all(.units)]
    }

    /// What HQ's overview shows: every region's standings, their reports and their history.
    static let overviewScopes = OversightService.standingScopes + [.all(.compliance), .all(.snapshots)]

    @Sendable func dashboard(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let t = req.localizer
        let content = try await req.rendered(
            ["dashboard", unit.id!.uuidString, req.url.query ?? ""], showing: Self.dashboardScopes(unit)
        ) {
            let standings = try await OversightService.standings(kept: req.kept, on: req.db)
            let now = req.now
            let d = dashboardRows(req, unit, standings, now: now)
            let page = DashboardPage(
                unitID: unit.id!, unitName: unit.name, isRegionOrHQ: unit.kind == .region || unit.kind == .headquarters,
                figures: OversightService.figures(of: d.rows, now: now), rows: d.shown, total: d.rows.count,
                query: d.query, filter: d.filter, clock: d.clock)
            return page.body(t).render()
        }
        return Layout.response(for: req, title: t("oversight.dashboard_of", unit.name), markup: content)
    }

    @Sendable func dashboardCSV(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let now = req.now
        let t = req.localizer
        let d = dashboardRows(req, unit, try await OversightService.standings(kept: req.kept, on: req.db), now: now)
        let header = [
            t("field.unit"), t("field.code"), t("field.kind"), t("field.status"), t("plan.cycle"),
            t("oversight.approved"), t("oversight.due"),
            t("oversight.standing"), t("oversight.last_exercise"), t("figure.with_risk_register"),
            t("oversight.open_feedback"),
        ]
        let lines = d.shown.map { r in
            [
                r.name, r.code ?? "", t.kind(r.kind), t("plan_status.\(r.current_state?.rawValue ?? "none")"),
                r.current_cycle.map(String.init) ?? "",
                r.approvedInForce.map(OversightService.day) ?? "", r.dueInForce.map(OversightService.day) ?? "",
                t("standing.\(r.standing(d.clock).rawValue)"), r.last_exercise.map(OversightService.day) ?? "",
                t((r.has_risk_register ?? false) ? "common.yes" : "common.no"), String(r.open_threads ?? 0),
            ]
        }
        let response = Response(status: .ok, body: .init(string: PlanCSV.document([header] + lines)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(
            .attachment, filename: "dashboard-\(unit.code ?? "unit")-\(OversightService.day(now)).csv")
        return response
    }

    // MARK: Compliance

    @Sendable func compliance(_ req: Request) async throws -> Response {
        try await compliancePage(req, form: FormState(values: ["at": OversightService.day(req.now)]))
    }

    func compliancePage(_ req: Request, form: FormState) async throws -> Response {
        let unit = try await req.unitParameter()
        let page = CompliancePage(
            unitID: unit.id!, unitName: unit.name,
            figures: OversightService.figures(
                of: try await OversightService.rows(under: unit, kept: req.kept, on: req.db), now: req.now),
            reports: try await OversightService.reports(of: unit, on: req.db),
            mayReport: try req.requireActor().may(.reportCompliance, on: unit.unitPath) && unit.kind == .region,
            form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("compliance.title_of", unit.name), content: page.body(req.localizer))
    }

    @Sendable func submitReport(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                _ = try await OversightService.submitReport(
                    for: unit, at: form["at"], comments: form["comments"], by: req.auditContext,
                    now: req.now, app: req.application, on: req.db)
                return req.redirect(to: AppPath.unitCompliance(unit.id!).path, said: Said(.sent))
            }, reshow: { try await compliancePage(req, form: $0) })
    }

    // MARK: HQ's overview

    struct Overview {
        var total: ComplianceFigures?
        var regions: [(region: OversightService.Region, figures: ComplianceFigures, lastReport: Date?)]
        var snapshots: [UUID: [OversightService.Point]]
        var days: [String]
    }

    /// The regions the person oversees, and whether that is all of them (HQ).
    func visibleRegions(
        _ req: Request, _ standings: OversightService.Standings
    ) async throws -> (regions: [OversightService.Region], all: Bool) {
        let actor = try req.requireActor()
        let mine = standings.regions.filter { actor.may(.viewOversight, on: $0.unitPath) }
        guard let root = try await UnitQueries.root(on: req.db) else { return (mine, false) }
        return (mine, actor.may(.viewOversight, on: root.unitPath))
    }

    /// Every region the person oversees; the whole organization's figures when they oversee HQ.
    func overviewData(
        _ req: Request, _ standings: OversightService.Standings,
        visible: (regions: [OversightService.Region], all: Bool),
        now: Date
    ) async throws -> Overview {
        let ids = Set(visible.regions.map(\.id))
        let mine = OversightService.regions(standings, now: now).filter { ids.contains($0.region.id) }
        let reports =
            ids.isEmpty
            ? []
            : try await ComplianceReport.query(on: req.db).filter(\.$unitID ~~ Array(ids)).sort(\.$at, .descending)
                .all()
        let lastReport = Dictionary(reports.map { ($0.unitID, $0.at) }, uniquingKeysWith: { a, _ in a })
        let since = PlanDue.utc.date(byAdding: .month, value: -12, to: now) ?? now
        let snapshots = try await OversightService.snapshots(of: Array(ids), since: since, now: now, on: req.db)
        let days = Set(snapshots.values.flatMap { $0.map(\.day) }).sorted()
        var total: ComplianceFigures?
        if visible.all {
            total = mine.reduce(into: ComplianceFigures.of([], at: now)) { sum, r in
                sum.units += r.figures.units; sum.inForce += r.figures.inForce;
                sum.updatedWithinYear += r.figures.updatedWithinYear
                sum.testedWithinYear += r.figures.testedWithinYear; sum.withRiskRegister += r.figures.withRiskRegister;
                sum.overdue += r.figures.overdue
            }
        }
        return Overview(
            total: total, regions: mine.map { ($0.region, $0.figures, lastReport[$0.region.id]) }, snapshots: snapshots,
            days: days)
    }

    @Sendable func overview(_ req: Request) async throws -> Response {
        let t = req.localizer
        let standings = try await OversightService.standings(kept: req.kept, on: req.db)
        let visible = try await visibleRegions(req, standings)
        let key = ["oversight", visible.all ? "all" : visible.regions.map(\.id.uuidString).joined(separator: ",")]
        let content = try await req.rendered(key, showing: Self.overviewScopes) {
            let o = try await overviewData(req, standings, visible: visible, now: req.now)
            let page = OversightPage(
                total: o.total,
                regions: o.regions.map {
                    .init(
                        id: $0.region.id, name: $0.region.name, code: $0.region.code, figures: $0.figures,
                        lastReport: $0.lastReport)
                },
                history: Figure.allCases.map { figure in
                    (
                        figure,
                        o.regions.map { r in
                            (r.region.name, (o.snapshots[r.region.id] ?? []).map { ($0.day, figure.share($0.figures)) })
                        }
                    )
                },
                days: o.days)
            return page.body(t).render()
        }
        return Layout.response(for: req, title: t("oversight.title"), markup: content)
    }

    // MARK: Campaigns

    @Sendable func campaigns(_ req: Request) async throws -> Response {
        let year = Calendar(identifier: .gregorian).component(.year, from: req.now)
        return try await campaignsPage(
            req,
            form: FormState(values: [
                "cycle": String(year + 1), "kinds-country_operation": "true", "kinds-office": "true",
            ]))
    }

    func campaignsPage(_ req: Request, form: FormState) async throws -> Response {
        let unit = try await req.unitParameter()
        let rows = try await Campaign.query(on: req.db).filter(\.$scopeUnitID == unit.requireID()).sort(
            \.$createdAt, .descending
        ).all()
        let page = CampaignsPage(
            unitID: unit.id!, unitName: unit.name,
            rows: rows.map {
                .init(id: $0.id!, cycle: $0.cycle, deadline: $0.deadline, openedBy: $0.openedByName, at: $0.createdAt)
            },
            mayOpen: try req.requireActor().may(.runCampaigns, on: unit.unitPath), form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("campaign.title_of", unit.name), content: page.body(req.localizer))
    }

    @Sendable func openCampaign(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        let input = CampaignService.Input(
            cycle: form["cycle"], deadline: form["deadline"],
            kinds: OversightService.planningKinds.map(\.rawValue).filter { form["kinds-\($0)"] == "true" },
            note: form["note"])
        return try await req.saveForm(
            values: form,
            {
                let campaign = try await CampaignService.open(
                    at: unit, input, by: req.auditContext, now: req.now, app: req.application, on: req.db)
                return req.redirect(to: AppPath.campaign(campaign.id!).path, said: Said(.created))
            }, reshow: { try await campaignsPage(req, form: $0) })
    }

    @Sendable func campaign(_ req: Request) async throws -> Response {
        let campaign = try await req.parameterModel(Campaign.self, "campaignID")
        let scope = try await req.loadUnit(campaign.scopeUnitID)
        let now = req.now
        let page = CampaignPage(
            campaign: campaign, scopeName: scope.name,
            progress: try await CampaignService.progress(campaign, now: now, on: req.db), now: now)
        return Layout.response(
            for: req, title: req.localizer("campaign.title_one", scope.name, campaign.cycle),
            content: page.body(req.localizer))
    }

    // MARK: API

    struct FiguresDTO: Content {
        var units: Int, inForce: Int, updatedWithinYear: Int, testedWithinYear: Int, withRiskRegister: Int, overdue: Int
        init(_ f: ComplianceFigures) {
            units = f.units; inForce = f.inForce; updatedWithinYear = f.updatedWithinYear;
            testedWithinYear = f.testedWithinYear
            withRiskRegister = f.withRiskRegister; overdue = f.overdue
        }
    }

    struct DashboardDTO: Content {
        struct Row: Content {
            var unitID: UUID; var name: String; var code: String?; var kind: String; var planID: UUID?; var cycle: Int?;
            var state: String?
            var approvedAt: Date?; var dueAt: Date?; var standing: String; var lastExercise: Date?;
            var hasRiskRegister: Bool; var openFeedback: Int
        }
        var figures: FiguresDTO; var total: Int; var items: [Row]
    }

    @Sendable func apiDashboard(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        return KeptJSON.response(
            try await req.rendered(
                ["api-dashboard", unit.id!.uuidString, req.url.query ?? ""], showing: Self.dashboardScopes(unit)
            ) {
                let standings = try await OversightService.standings(kept: req.kept, on: req.db)
                let now = req.now
                let d = dashboardRows(req, unit, standings, now: now)
                return try KeptJSON.encode(
                    DashboardDTO(
                        figures: .init(OversightService.figures(of: d.rows, now: now)), total: d.rows.count,
                        items: d.shown.map { r in
                            .init(
                                unitID: r.id, name: r.name, code: r.code, kind: r.kind.rawValue,
                                planID: r.current_plan_id, cycle: r.current_cycle,
                                state: r.current_state?.rawValue, approvedAt: r.approvedInForce,
                                dueAt: r.dueInForce, standing: r.standing(d.clock).rawValue,
                                lastExercise: r.last_exercise,
                                hasRiskRegister: r.has_risk_register ?? false, openFeedback: r.open_threads ?? 0)
                        }))
            })
    }

    struct ReportDTO: Content {
        var id: UUID; var unitID: UUID; var at: Date; var figures: FiguresDTO; var comments: String;
        var submittedBy: String
        init(_ r: ComplianceReport) {
            id = r.id!; unitID = r.unitID; at = r.at; figures = .init(r.figures); comments = r.comments;
            submittedBy = r.submittedByName
        }
    }

    @Sendable func apiReports(_ req: Request) async throws -> [ReportDTO] {
        try await OversightService.reports(of: try await req.unitParameter(), on: req.db).map(ReportDTO.init)
    }

    struct ReportBody: Content { var at: String?; var comments: String? }

    @Sendable func apiSubmitReport(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let body = try req.decodeJSON(ReportBody.self)
        let report = try await OversightService.submitReport(
            for: unit, at: body.at, comments: body.comments, by: req.auditContext,
            now: req.now, app: req.application, on: req.db)
        return try await ReportDTO(report).encodeResponse(status: .created, for: req)
    }

    struct OverviewDTO: Content {
        struct Region: Content {
            var unitID: UUID; var name: String; var figures: FiguresDTO; var lastReport: Date?; var history: [Point]
        }
        struct Point: Content { var day: String; var figures: FiguresDTO }
        var total: FiguresDTO?; var regions: [Region]
    }

    @Sendable func apiOverview(_ req: Request) async throws -> Response {
        let standings = try await OversightService.standings(kept: req.kept, on: req.db)
        let visible = try await visibleRegions(req, standings)
        let key = ["api-oversight", visible.all ? "all" : visible.regions.map(\.id.uuidString).joined(separator: ",")]
        return KeptJSON.response(
            try await req.rendered(key, showing: Self.overviewScopes) {
                let o = try await overviewData(req, standings, visible: visible, now: req.now)
                return try KeptJSON.encode(
                    OverviewDTO(
                        total: o.total.map(FiguresDTO.init),
                        regions: o.regions.map { r in
                            .init(
                                unitID: r.region.id, name: r.region.name, figures: .init(r.figures),
                                lastReport: r.lastReport,
                                history: (o.snapshots[r.region.id] ?? []).map {
                                    .init(day: $0.day, figures: .init($0.figures))
                                })
                        }))
            })
    }

    struct CampaignDTO: Content {
        struct Unit: Content { var unitID: UUID; var name: String; var planID: UUID; var state: String; var late: Bool }
        var id: UUID; var scopeUnitID: UUID; var cycle: Int; var deadline: Date; var note: String?; var openedBy: String
        var done: Int?; var late: Int?; var units: [Unit]?
    }

    func dto(_ c: Campaign, progress: CampaignService.Progress?, now: Date) -> CampaignDTO {
        CampaignDTO(
            id: c.id!, scopeUnitID: c.scopeUnitID, cycle: c.cycle, deadline: c.deadline, note: c.note,
            openedBy: c.openedByName,
            done: progress?.done, late: progress?.late,
            units: progress?.rows.map {
                .init(
                    unitID: $0.unit_id, name: $0.name, planID: $0.plan_id, state: $0.state.rawValue,
                    late: CampaignProgress.isLate($0.state, deadline: c.deadline, now: now))
            })
    }

    @Sendable func apiCampaigns(_ req: Request) async throws -> [CampaignDTO] {
        let unit = try await req.unitParameter()
        return try await Campaign.query(on: req.db).filter(\.$scopeUnitID == unit.requireID()).sort(
            \.$createdAt, .descending
        ).all()
            .map { dto($0, progress: nil, now: req.now) }
    }

    @Sendable func apiOpenCampaign(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let body = try req.decodeJSON(CampaignService.Input.self)
        let campaign = try await CampaignService.open(
            at: unit, body, by: req.auditContext, now: req.now, app: req.application, on: req.db)
        let now = req.now
        return try await dto(
            campaign, progress: try await CampaignService.progress(campaign, now: now, on: req.db), now: now
        )
        .encodeResponse(status: .created, for: req)
    }

    @Sendable func apiCampaign(_ req: Request) async throws -> CampaignDTO {
        let campaign = try await req.parameterModel(Campaign.self, "campaignID")
        let now = req.now
        return dto(campaign, progress: try await CampaignService.progress(campaign, now: now, on: req.db), now: now)
    }
}

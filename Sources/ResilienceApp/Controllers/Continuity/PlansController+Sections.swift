import Fluent
@preconcurrency import Plot
import ResilienceCore
import Vapor

/// A section's page: kept while no one's typing is shown, drawn anew with a refused form.
extension PlansController {
    @Sendable func section(_ req: Request) async throws -> Response {
        let section = try sectionParameter(req)
        let plan = try await req.planParameter()
        let snapshot = try await req.snapshot(plan)
        var form = FormState(values: SingleSection.values(section, snapshot.content))
        if section == .impact, let by = req.query[String.self, at: "by"] { form.values["by"] = by }
        return try await sectionPage(req, plan, section, form: form, kept: true)
    }

    /// A section's page; `kept` when it shows no one's typing (no refused form): rendered once per
    /// version of the unit's plans (every save, move and thread), of its risks (the linked risks),
    /// of the settings (the risk scale) and units (the name), and, for whoever may edit the
    /// processes, of the names offered for minimum staff; per language, rights, grouping and UTC
    /// day (the plan's due date is told in days).
    func sectionPage(
        _ req: Request, _ plan: Plan, _ section: PlanSection, form: FormState, kept: Bool = false
    ) async throws -> Response {
        guard kept else { return try await sectionPage(req, plan, section, form: form) }
        let unit = try await req.loadUnit(plan.$unit.id)
        let mayEdit = try await may(req, .editPlans, plan)
        let mayComment = try await mayComment(req, plan)
        var scopes: [DataScope] = [.own(.plans, unit.id!), .own(.risks, unit.id!), .all(.settings), .all(.units)]
        if mayEdit && section == .processes { scopes += [.under(.people, unit.id!), .under(.personnel, unit.id!)] }
        let t = req.localizer
        let html = try await req.renderedForm(
            ["plan-section", plan.id!.uuidString, section.rawValue, String(mayEdit), String(mayComment), form["by"]],
            showing: scopes, period: 86_400
        ) { csrf in
            let page = try await sectionContent(req, plan, section, form: form, csrf: csrf)
            return page.body(t).render()
        }
        let title = self.title(req, try await frame(req, plan, section.rawValue), t("section.\(section.rawValue)"))
        return Layout.response(for: req, title: title, markup: html)
    }

    func sectionPage(_ req: Request, _ plan: Plan, _ section: PlanSection, form: FormState) async throws -> Response {
        let page = try await sectionContent(req, plan, section, form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: title(req, page.frame, req.localizer("section.\(section.rawValue)")),
            content: page.body(req.localizer))
    }

    /// What a section's page shows, read.
    func sectionContent(
        _ req: Request, _ plan: Plan, _ section: PlanSection, form: FormState, csrf: String
    ) async throws -> SectionPage {
        let snapshot = try await req.snapshot(plan)
        let frame = try await frame(req, plan, section.rawValue)
        let mayEdit = try await may(req, .editPlans, plan)
        var form = form
        if ListSpec.spec(section) != nil && form.values.isEmpty { form.values = Self.defaults(section) }
        var page = SectionPage(
            frame: frame, section: section, snapshot: snapshot, mayEdit: mayEdit, form: form,
            context: mayEdit && section == .processes
                ? try await context(req, plan, snapshot.content)
                : PlanFormContext(sites: snapshot.content.sites, people: []),
            csrf: csrf)
        page.mayComment = try await mayComment(req, plan)
        if section == .scenarios || section == .processes {
            page.linkedRisks = (
                try await RiskService.linkedRisks(of: plan.$unit.id, section, on: req.db),
                RiskNames(scale: try await RiskService.scale(on: req.db), t: req.localizer)
            )
        }
        if section == .impact {
            let t = req.localizer
            let key = KeptCache.Key<String>(
                .page, ["impact", plan.id!.uuidString, String(plan.revision), t.code, form["by"]])
            let rendered = page
            page.renderedImpact = await req.kept.value(key) { rendered.impactSummary(t).render() }
        }
        return page
    }

    static func defaults(_ section: PlanSection) -> [String: String] {
        switch section {
        case .team: ["function": TeamFunction.security.rawValue]
        case .scenarios: ["kind": ScenarioKind.fire.rawValue]
        case .agreements: ["kind": AgreementKind.officeSpace.rawValue]
        case .exercises: ["kind": ExerciseKind.tabletop.rawValue]
        default: [:]
        }
    }
}

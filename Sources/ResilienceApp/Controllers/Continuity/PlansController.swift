import Fluent
@preconcurrency import Plot
import ResilienceCore
import SQLKit
import Vapor

/// The pages of business continuity plans: a unit's plans, each section, the impact analysis,
/// versions and their comparison, the pocket plan and the exports.
struct PlansController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .unitPlans(AppPath.any), .unit(.viewPlans), use: unitPlans)
        routes.on(.POST, .unitPlans(AppPath.any), .unit(.editPlans), use: create)
        routes.on(.POST, .unitPlansImport(AppPath.any), .unit(.editPlans), use: importPlan)
        routes.on(.GET, .plan(AppPath.any), .plan(.viewPlans), use: overview)
        routes.on(.GET, .planSection(AppPath.any, .team), .plan(.viewPlans), use: section)
        routes.on(.POST, .planSection(AppPath.any, .team), .plan(.editPlans), use: saveSection)
        routes.on(.GET, .planItem(AppPath.any, .team, AppPath.any), .plan(.viewPlans), use: item)
        routes.on(.POST, .planItem(AppPath.any, .team, AppPath.any), .plan(.editPlans), use: saveItem)
        routes.on(.POST, .planItemMove(AppPath.any, .team, AppPath.any), .plan(.editPlans), use: moveItem)
        routes.on(.GET, .planItemRemove(AppPath.any, .team, AppPath.any), .plan(.editPlans), use: confirmRemove)
        routes.on(.POST, .planItemRemove(AppPath.any, .team, AppPath.any), .plan(.editPlans), use: removeItem)
        routes.on(.GET, .planImpact(AppPath.any, AppPath.any), .plan(.viewPlans), use: impact)
        routes.on(.POST, .planImpact(AppPath.any, AppPath.any), .plan(.editPlans), use: saveImpact)
        routes.on(.GET, .planVersions(AppPath.any), .plan(.viewPlans), use: versions)
        routes.on(.GET, .planVersion(AppPath.any, 0), .plan(.viewPlans), use: version)
        routes.on(.GET, .planCompare(AppPath.any), .plan(.viewPlans), use: compare)
        routes.on(.GET, .planPocket(AppPath.any), .plan(.viewPlans), use: pocket)
        routes.on(.GET, .planPocketDownload(AppPath.any), .plan(.viewPlans), use: pocketDownload)
        routes.on(.GET, .planExport(AppPath.any), .plan(.viewPlans), use: export)
        routes.on(.GET, .planCSV(AppPath.any), .plan(.viewPlans), use: csv)
        routes.on(.GET, .impactScale, .headquarters(.configureContinuity), use: scale)
        routes.on(.POST, .impactScale, .headquarters(.configureContinuity), use: saveScale)
    }

    // MARK: A unit's plans

    @Sendable func unitPlans(_ req: Request) async throws -> Response {
        try await unitPlansPage(
            req,
            form: FormState(values: ["cycle": String(Calendar(identifier: .gregorian).component(.year, from: req.now))]
            ),
            importForm: FormState())
    }

    func unitPlansPage(_ req: Request, form: FormState, importForm: FormState) async throws -> Response {
        let unit = try await req.unitParameter()
        let plans = try await PlanService.plans(of: unit.requireID(), on: req.db)
        let hasFinal = try await PlanService.approvedVersion(of: unit.requireID(), on: req.db) != nil
        var form = form
        if form["start"].isEmpty {
            form.values["start"] = hasFinal ? PlanService.Start.inForce.rawValue : PlanService.Start.empty.rawValue
        }
        let page = UnitPlansPage(
            unitID: unit.id!, unitName: unit.name,
            rows: plans.map {
                .init(
                    id: $0.id!, cycle: $0.cycle, state: $0.state, versions: $0.latestVersion, updated: $0.updatedAt,
                    by: $0.updatedByName, dueAt: $0.dueInForce)
            },
            mayEdit: try req.requireActor().may(.editPlans, on: unit.unitPath), hasFinal: hasFinal,
            form: form, importForm: importForm, csrf: req.csrfToken, now: req.now)
        return Layout.response(
            for: req, title: req.localizer("plan.unit_title", unit.name), content: page.body(req.localizer))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let plan = try await PlanService.create(
                    at: unit, cycle: form["cycle"], start: form["start"], by: req.auditContext, on: req.db)
                return req.redirect(
                    to: AppPath.plan(plan.id!).path, said: Said(.created, req.localizer("plan.cycle_title", plan.cycle))
                )
            }, reshow: { try await unitPlansPage(req, form: $0, importForm: FormState()) })
    }

    struct ImportForm: Content { var file: File?; var cycle: String? }

    @Sendable func importPlan(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let form = (try? req.content.decode(ImportForm.self)) ?? ImportForm()
        return try await req.saveForm(
            values: ["cycle": form.cycle ?? ""],
            {
                guard let file = form.file, file.data.readableBytes > 0 else {
                    throw ValidationErrors([DomainError(.required, field: "file")])
                }
                let plan = try await PlanService.importDocument(
                    Data(buffer: file.data), into: unit, cycle: form.cycle, by: req.auditContext, on: req.db)
                return req.redirect(
                    to: AppPath.plan(plan.id!).path,
                    said: Said(.imported, req.localizer("plan.cycle_title", plan.cycle)))
            }, reshow: { try await unitPlansPage(req, form: FormState(), importForm: $0) })
    }

    // MARK: One plan

    func frame(_ req: Request, _ plan: Plan, _ current: String) async throws -> PlanFrame {
        let unit = try await req.loadUnit(plan.$unit.id)
        return PlanFrame(
            planID: plan.id!, unitID: unit.id!, unitName: unit.name, cycle: plan.cycle, state: plan.state,
            dueAt: plan.dueInForce,
            latestVersion: plan.latestVersion, current: current, now: req.now)
    }

    /// Whether the person may do `action` on the plan; editing also needs the plan to be a draft
    /// or returned (a submitted or approved plan is read-only).
    /// The unit's plan in force when it is not this one (last year's, while this year's is written).
    static func otherInForce(_ plan: Plan, on db: any Database) async throws -> Plan? {
        guard plan.state != .inForce else { return nil }
        return try await Plan.query(on: db).filter(\.$unit.$id == plan.$unit.id).filter(\.$state == .inForce)
            .filter(\.$id != plan.requireID()).field(\.$id).field(\.$cycle).field(\.$latestVersion).field(\.$unit.$id)
            .field(\.$state).first()
    }

    /// An item's anchor on its section's list.
    static func anchor(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// A reviewer reading a plan in review opens threads from what they read.
    func mayComment(_ req: Request, _ plan: Plan) async throws -> Bool {
        guard plan.state.opensFeedback else { return false }
        return try await may(req, .reviewPlans, plan)
    }

    func may(_ req: Request, _ action: Action, _ plan: Plan) async throws -> Bool {
        if action == .editPlans && !plan.state.isEditable { return false }
        return try req.requireActor().may(action, on: try await req.loadUnit(plan.$unit.id).unitPath)
    }

    func title(_ req: Request, _ frame: PlanFrame, _ what: String) -> String {
        "\(frame.unitName) · \(req.localizer("plan.cycle_title", frame.cycle)) · \(what)"
    }

    @Sendable func overview(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let frame = try await frame(req, plan, "overview")
        let actor = try req.requireActor()
        let unit = try await req.loadUnit(plan.$unit.id)
        var page = PlanOverviewPage(
            frame: frame, snapshot: try await req.snapshot(plan),
            updated: plan.updatedAt,
            updatedBy: plan.updatedByName,
            moves: ReviewCycle.available(from: plan.state, grants: actor.grants, on: unit.unitPath),
            openThreads: try await FeedbackThread.query(on: req.db).filter(\.$plan.$id == plan.requireID())
                .filter(\.$state != .resolved).count(),
            inForceCycle: try await Self.otherInForce(plan, on: req.db)?.cycle)
        let t = req.localizer
        // Kept for the plan's revision and the security data it is weighed against.
        let security = try await DataVersions.version(
            of: [.all(.security), .all(.dutyStations), .all(.settings), .all(.units)], on: req.db)
        let content = page.snapshot.content
        let day = String(Int(req.now.timeIntervalSince1970 / 86_400))
        page.renderedAcceptableRisk = try await req.kept.value(
            KeptCache.Key<String>(.acceptableRisk, [plan.id!.uuidString, String(plan.revision), security, day, t.code])
        ) {
            let findings = try await AcceptableRiskService.findings(content, unit: unit, at: req.now, on: req.db)
            let names = RiskNames(scale: try await RiskService.scale(on: req.db), t: t)
            return AcceptableRiskViews.section(findings, names).render()
        }
        let rendered = page
        // The plan's revision, bumped by every save, is the version of what the detail shows.
        page.renderedDetail = await req.kept.value(
            KeptCache.Key(.page, ["plan-detail", plan.id!.uuidString, String(plan.revision), t.code, day])
        ) {
            rendered.detail(t).render()
        }
        return Layout.response(
            for: req, title: title(req, frame, req.localizer("plan.overview")), content: page.body(req.localizer))
    }

    func sectionParameter(_ req: Request) throws -> PlanSection {
        guard let raw = req.parameters.get("section"), let section = PlanSection(rawValue: raw) else {
            throw Abort(.notFound)
        }
        return section
    }

    func itemParameter(_ req: Request) throws -> UUID {
        guard let raw = req.parameters.get("itemID"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    /// Names to offer for minimum staff: accounts posted in the unit's subtree, its personnel
    /// records, and people the plan already names without either.
    func context(_ req: Request, _ plan: Plan, _ content: PlanContent) async throws -> PlanFormContext {
        let unit = try await req.loadUnit(plan.$unit.id)
        // By the units of the subtree (the index on home units), not by a join that read every account.
        let accounts = try await User.query(on: req.db)
            .filter(.sql(PersonnelReads.inSubtree(unit, column: "users.home_unit_id"))).filter(\.$isActive == true)
            .sort(\.$displayName).field(\.$displayName).limit(300).all().map(\.displayName)
        let personnel = try await Personnel.query(on: req.db).filter(\.$leftAt == nil)
            .filter(.sql(PersonnelReads.inSubtree(unit))).sort(\.$name).field(\.$id).field(\.$name).limit(300).all()
            .map(\.name)
        let named = content.processes.flatMap(\.staff).filter(\.isUnlisted).map(\.name)
        return PlanFormContext(sites: content.sites, people: Array(Set(accounts + personnel + named)).sorted())
    }

    /// The keys of typed names that are accounts of the unit's subtree, or else its personnel
    /// records, so that minimum staff link to them.
    func people(named form: [String: String], plan: Plan, on db: any Database) async throws -> [String: String] {
        let names = Array(
            Set(
                form.filter { $0.key.hasPrefix("staff-") && $0.key.hasSuffix("-name") }.map {
                    $0.value.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty }))
        guard !names.isEmpty else { return [:] }
        guard let unit = try await Unit.find(plan.$unit.id, on: db) else { return [:] }
        var keys: [String: String] = [:]
        for record in try await Personnel.query(on: db).filter(\.$leftAt == nil)
            .filter(.sql(PersonnelReads.inSubtree(unit))).filter(\.$name ~~ names).all()
        {
            keys[record.name] = record.$user.id.map(StaffAssignment.account) ?? StaffAssignment.personnel(record.id!)
        }
        for user in try await User.query(on: db)
            .filter(.sql(PersonnelReads.inSubtree(unit, column: "users.home_unit_id"))).filter(\.$displayName ~~ names)
            .all()
        {
            keys[user.displayName] = StaffAssignment.account(user.id!)
        }
        return keys
    }

    @Sendable func saveSection(_ req: Request) async throws -> Response {
        let section = try sectionParameter(req)
        let plan = try await req.planParameter()
        let form = try req.content.decode([String: String].self)
        let spec = ListSpec.spec(section)
        if spec == nil && SingleSection.fields(section).isEmpty { throw Abort(.notFound) }
        let staffKeys = try await people(named: form, plan: plan, on: req.db)
        return try await req.saveForm(
            values: form,
            {
                let count = try await req.snapshot(plan).content.count(section)
                var added: UUID?
                try await mapErrors(spec?.key, index: spec.map { _ in count }) {
                    try await PlanService.change(plan, by: req.auditContext, kept: req.kept, on: req.db) { content in
                        guard let spec else { return try SingleSection.save(section, &content, form) }
                        let before = Set(content.ids(section))
                        let saved = try spec.save(&content, nil, form, staffKeys)
                        added = content.ids(section).first { !before.contains($0) }
                        return saved
                    }
                }
                // The list, at the item just added (marked by :target).
                return req.redirect(
                    to: AppPath.planSection(plan.id!, section).path + (added.map { "#item-\(Self.anchor($0))" } ?? ""),
                    said: spec == nil ? Said(.saved) : Said(.added, form["name"]))
            }, reshow: { try await sectionPage(req, plan, section, form: $0) })
    }

    /// Refusals from the core name the item by its path in the plan (`processes[3].name`); a
    /// form shows them beside its own fields (`name`).
    func mapErrors(_ key: String?, index: Int?, _ body: () async throws -> Void) async throws {
        do { try await body() } catch let errors as ValidationErrors {
            guard let key, let index else { throw errors }
            let prefix = "\(key)[\(index)]."
            throw ValidationErrors(
                errors.errors.map { e in
                    var e = e
                    if let field = e.field {
                        e.field = ListSpec.formField(
                            field.hasPrefix(prefix) ? String(field.dropFirst(prefix.count)) : field)
                    }
                    return e
                })
        }
    }

    @Sendable func item(_ req: Request) async throws -> Response {
        let section = try sectionParameter(req)
        guard let spec = ListSpec.spec(section) else { throw Abort(.notFound) }
        let plan = try await req.planParameter()
        let id = try itemParameter(req)
        guard let values = spec.values(try await req.snapshot(plan).content, id)
        else {
            throw Abort(.notFound)
        }
        return try await itemPage(req, plan, section, id, form: FormState(values: values))
    }

    func itemPage(
        _ req: Request, _ plan: Plan, _ section: PlanSection, _ id: UUID, form: FormState
    ) async throws -> Response {
        let spec = ListSpec.spec(section)!
        let snapshot = try await req.snapshot(plan)
        let frame = try await frame(req, plan, section.rawValue)
        let mayEdit = try await may(req, .editPlans, plan)
        let name = spec.rows(snapshot.content, req.localizer).first { $0.id == id }?.name ?? ""
        let page = ItemPage(
            frame: frame, section: section, itemID: id, mayEdit: mayEdit, form: form,
            context: mayEdit ? try await context(req, plan, snapshot.content) : PlanFormContext(sites: [], people: []),
            reading: mayEdit
                ? [] : ItemReading.fields(snapshot.content, section, id, scale: snapshot.scale, req.localizer),
            mayComment: try await mayComment(req, plan), csrf: req.csrfToken)
        return Layout.response(for: req, title: title(req, frame, name), content: page.body(req.localizer))
    }

    @Sendable func saveItem(_ req: Request) async throws -> Response {
        let section = try sectionParameter(req)
        guard let spec = ListSpec.spec(section) else { throw Abort(.notFound) }
        let plan = try await req.planParameter()
        let id = try itemParameter(req)
        guard let index = try await req.snapshot(plan).content.index(section, id)
        else {
            throw Abort(.notFound)
        }
        let form = try req.content.decode([String: String].self)
        let staffKeys = try await people(named: form, plan: plan, on: req.db)
        return try await req.saveForm(
            values: form,
            {
                try await mapErrors(spec.key, index: index) {
                    try await PlanService.change(plan, by: req.auditContext, kept: req.kept, on: req.db) {
                        try spec.save(&$0, id, form, staffKeys)
                    }
                }
                return req.redirect(
                    to: AppPath.planSection(plan.id!, section).path + "#item-\(Self.anchor(id))",
                    said: Said(.saved, form["name"]))
            }, reshow: { try await itemPage(req, plan, section, id, form: $0) })
    }

    @Sendable func moveItem(_ req: Request) async throws -> Response {
        let section = try sectionParameter(req)
        guard let spec = ListSpec.spec(section) else { throw Abort(.notFound) }
        let plan = try await req.planParameter()
        let id = try itemParameter(req)
        let direction = try? req.content.get(String.self, at: "direction")
        guard let step = direction == "up" ? -1 : direction == "down" ? 1 : nil else {
            throw AppError.badRequest(req.localizer("error.decoding.invalid", "direction"))
        }
        try await PlanService.change(plan, by: req.auditContext, kept: req.kept, on: req.db) { content in
            guard let change = spec.move(&content, id, step) else { throw Abort(.notFound) }
            return change
        }
        return req.redirect(to: AppPath.planSection(plan.id!, section).path, said: Said(.moved))
    }

    @Sendable func confirmRemove(_ req: Request) async throws -> Response {
        let section = try sectionParameter(req)
        guard let spec = ListSpec.spec(section) else { throw Abort(.notFound) }
        let plan = try await req.planParameter()
        let id = try itemParameter(req)
        let t = req.localizer
        guard
            let name = spec.rows(try await req.snapshot(plan).content, t).first(
                where: {
                    $0.id == id
                })?.name
        else { throw Abort(.notFound) }
        return ConfirmPage.response(
            req, title: t("plan.remove_title", name),
            message: t("plan.remove_confirm", name, t("section.\(section.rawValue)")),
            action: .planItemRemove(plan.id!, section, id), submit: t("plan.remove"),
            cancel: .planSection(plan.id!, section))
    }

    @Sendable func removeItem(_ req: Request) async throws -> Response {
        let section = try sectionParameter(req)
        guard let spec = ListSpec.spec(section) else { throw Abort(.notFound) }
        let plan = try await req.planParameter()
        let id = try itemParameter(req)
        try await PlanService.change(plan, by: req.auditContext, kept: req.kept, on: req.db) { content in
            guard let change = spec.remove(&content, id) else { throw Abort(.notFound) }
            return change
        }
        return req.redirect(to: AppPath.planSection(plan.id!, section).path, said: Said(.removed))
    }

}

extension PlanContent {
    /// The ids of a list section's items, in order (none for a single-record section).
    func ids(_ section: PlanSection) -> [UUID] {
        switch section {
        case .team: team.map(\.id)
        case .scenarios: scenarios.map(\.id)
        case .processes: processes.map(\.id)
        case .sites: sites.map(\.id)
        case .agreements: agreements.map(\.id)
        case .exercises: exercises.map(\.id)
        default: []
        }
    }

    func count(_ section: PlanSection) -> Int { ids(section).count }

    func index(_ section: PlanSection, _ id: UUID) -> Int? { ids(section).firstIndex(of: id) }
}

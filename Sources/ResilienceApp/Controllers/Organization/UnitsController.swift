import Fluent
import ResilienceCore
import Vapor

/// The pages of the organization tree.
struct UnitsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .units, .somewhere(.viewOrganization), use: index)
        routes.on(.GET, .unitSuggestions, .somewhere(.viewOrganization), use: suggestions)
        routes.on(.GET, .unit(AppPath.any), .unit(.viewOrganization), use: show)
        routes.on(.GET, .unitEdit(AppPath.any), .unit(.manageOrganization), use: edit)
        routes.on(.POST, .unitEdit(AppPath.any), .unit(.manageOrganization), use: update)
        routes.on(.GET, .unitNewChild(AppPath.any), .unit(.manageOrganization), use: newChild)
        routes.on(.POST, .unitChildren(AppPath.any), .unit(.manageOrganization), use: createChild)
        routes.on(.GET, .unitMove(AppPath.any), .unit(.manageOrganization), use: moveForm)
        routes.on(.POST, .unitMove(AppPath.any), .unit(.manageOrganization), use: move)
        routes.on(.GET, .unitRetire(AppPath.any), .unit(.manageOrganization), use: confirmRetire)
        routes.on(.POST, .unitRetire(AppPath.any), .unit(.manageOrganization), use: retire)
    }

    /// The tree's roots, the person's units and what a search finds: kept for the units'
    /// version, per the person's units, search and page, and language.
    @Sendable func index(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let html = try await req.rendered(
            ["units", actor.grants.map(\.unitID.uuidString).sorted().joined(separator: ","), req.url.query ?? ""],
            showing: [.all(.units)], period: 86_400
        ) { try await indexContent(req, actor).render() }
        return Layout.response(for: req, title: req.localizer("nav.units"), markup: html)
    }

    private func indexContent(_ req: Request, _ actor: Actor) async throws -> BodyNode {
        let roots = try await Unit.query(on: req.db).filter(\.$parent.$id == nil).sort(\.$name).all()
        let mine = try await Unit.query(on: req.db).filter(\.$id ~~ actor.grants.map(\.unitID)).sort(\.$depth).sort(
            \.$name
        ).all()
        let q = req.searchText
        var results: [Unit]?
        var info: PageInfo?
        if !q.isEmpty {
            (results, info) = try await UnitQueries.search(String(q.prefix(100)), within: nil, on: req.db).paged(req)
        }
        let page = UnitsIndexPage(
            roots: roots.map(UnitQueries.item), mine: mine.map(UnitQueries.item), query: q,
            results: results?.map(UnitQueries.item), resultsPage: info)
        return page.body(req.localizer)
    }

    /// What a form's unit field offers as it is typed: active units whose name or code holds the
    /// text, each as "Name (CODE)", which the form then reads back.
    struct Suggestion: Content { var id: UUID; var label: String }

    @Sendable func suggestions(_ req: Request) async throws -> [Suggestion] {
        let q = req.searchText
        guard q.count >= 2 else { return [] }
        return try await UnitQueries.search(String(q.prefix(100)), within: nil, on: req.db).filter(\.$retiredAt == nil)
            .limit(12).all()
            .map { unit in Suggestion(id: unit.id!, label: unit.code.map { "\(unit.name) (\($0))" } ?? unit.name) }
    }

    /// A unit's page, kept for the versions of the tree, the unit's duty stations, the security
    /// areas (their names) and the accounts (the count of its people), per what the person may
    /// do, the page of children, and language.
    @Sendable func show(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let unit = try await req.unitParameter()
        let unitID = try unit.requireID()
        let may = [.manageOrganization, .viewPeople, .viewAudit, .viewSecurity].map {
            actor.may($0, on: unit.unitPath) ? "1" : "0"
        }
        let html = try await req.renderedForm(
            ["unit", unitID.uuidString, req.url.query ?? "", may.joined()],
            showing: [.all(.units), .own(.dutyStations, unitID), .all(.security), .all(.people)], period: 86_400
        ) { csrf in try await showContent(req, actor, unit, csrf: csrf).render() }
        return Layout.response(for: req, title: unit.name, markup: html)
    }

    private func showContent(_ req: Request, _ actor: Actor, _ unit: Unit, csrf: String) async throws -> BodyNode {
        let unitID = try unit.requireID()
        let ancestors = try await UnitQueries.ancestors(of: unit, on: req.db)
        let (children, info) = try await UnitQueries.children(of: unitID, on: req.db).pagedWithoutTotal(req)
        let stations = try await DutyStation.query(on: req.db).filter(\.$unit.$id == unitID).with(\.$area).sort(\.$name)
            .limit(200)
            .all()
        let mayPeople = actor.may(.viewPeople, on: unit.unitPath)
        let people = mayPeople ? try await User.query(on: req.db).filter(\.$homeUnit.$id == unitID).count() : 0
        let page = UnitPage(
            unit: UnitQueries.item(unit), ancestors: ancestors.map(UnitQueries.item),
            children: children.map(UnitQueries.item),
            childrenPage: info,
            stations: stations.map {
                .init(
                    id: $0.id!, name: $0.name, country: $0.country, area: $0.areaName(req.localizer.code),
                    retired: $0.retiredAt != nil)
            },
            peopleCount: people,
            may: (
                actor.may(.manageOrganization, on: unit.unitPath), mayPeople, actor.may(.viewAudit, on: unit.unitPath),
                actor.may(.viewSecurity, on: unit.unitPath)
            ),
            csrf: csrf)
        return page.body(req.localizer)
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        return editPage(req, unit, FormState(values: ["name": unit.name, "code": unit.code ?? ""]))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let input = try req.content.decode(UnitInput.self)
        return try await req.saveForm(
            values: ["name": input.name ?? "", "code": input.code ?? ""],
            {
                try await UnitService.update(unit, input, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.unit(unit.id!).path, said: Said(.saved, input.name))
            }, reshow: { editPage(req, unit, $0) })
    }

    private func editPage(_ req: Request, _ unit: Unit, _ form: FormState) -> Response {
        let page = UnitFormPage(
            action: AppPath.unitEdit(unit.id!).path, kinds: [], form: form, csrf: req.csrfToken,
            submit: req.localizer("common.save"))
        return Layout.response(
            for: req, title: req.localizer("unit.edit_title", unit.name),
            content: page.body(req.localizer))
    }

    @Sendable func newChild(_ req: Request) async throws -> Response {
        let parent = try await req.unitParameter()
        return childPage(req, parent, FormState(values: ["kind": parent.kind.allowedChildren.first?.rawValue ?? ""]))
    }

    @Sendable func createChild(_ req: Request) async throws -> Response {
        let parent = try await req.unitParameter()
        let input = try req.content.decode(UnitInput.self)
        return try await req.saveForm(
            values: ["name": input.name ?? "", "code": input.code ?? "", "kind": input.kind ?? ""],
            {
                let unit = try await UnitService.create(under: parent, input, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.unit(unit.id!).path, said: Said(.created, unit.name))
            }, reshow: { childPage(req, parent, $0) })
    }

    private func childPage(_ req: Request, _ parent: Unit, _ form: FormState) -> Response {
        let page = UnitFormPage(
            action: AppPath.unitChildren(parent.id!).path, kinds: parent.kind.allowedChildren, form: form,
            csrf: req.csrfToken, submit: req.localizer("unit.create"))
        return Layout.response(
            for: req, title: req.localizer("unit.new_child_title", parent.name),
            content: page.body(req.localizer))
    }

    @Sendable func moveForm(_ req: Request) async throws -> Response {
        try await movePage(req, try await req.unitParameter(), error: nil)
    }

    @Sendable func move(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let unit = try await req.unitParameter()
        let form = try req.content.decode([String: String].self)
        guard let raw = form["parentID"], let id = UUID(uuidString: raw),
            let parent = try await Unit.find(id, on: req.db)
        else {
            return try await movePage(
                req, unit, error: req.localizer.message(DomainError(.notFound, field: "parent")),
                status: .unprocessableEntity)
        }
        guard actor.may(.manageOrganization, on: parent.unitPath) else { throw Abort(.forbidden) }
        do {
            try await UnitService.move(unit, under: parent, by: req.auditContext, on: req.db)
        } catch let error as DomainError {
            return try await movePage(req, unit, error: req.localizer.message(error), status: .unprocessableEntity)
        }
        return req.redirect(to: AppPath.unit(unit.id!).path, said: Said(.moved, unit.name))
    }

    /// Candidates are the units the person manages that accept this kind, outside its own subtree.
    private func movePage(
        _ req: Request, _ unit: Unit, error: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let actor = try req.requireActor()
        let q = req.searchText
        let scope = try await UnitQueries.scopeRoots(actor, .manageOrganization, on: req.db)
        let candidates = try await UnitQueries.search(q, within: scope, on: req.db)
            .filter(\.$kind ~~ Array(unit.kind.allowedParents)).filter(\.$retiredAt == nil)
            .filter(\.$path, .custom("NOT LIKE"), unit.path + "%")
            .filter(\.$id != unit.$parent.id ?? UUID())
            .limit(50).all()
        let page = UnitMovePage(
            unit: UnitQueries.item(unit), query: q, candidates: candidates.map(UnitQueries.item),
            error: error, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("unit.move_title", unit.name), status: status,
            content: page.body(req.localizer))
    }

    @Sendable func confirmRetire(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let t = req.localizer
        return ConfirmPage.response(
            req, title: t("unit.retire_title", unit.name), message: t("unit.retire_confirm", unit.name),
            action: .unitRetire(unit.id!), submit: t("unit.retire"), cancel: .unit(unit.id!))
    }

    @Sendable func retire(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        try await UnitService.retire(unit, by: req.auditContext, on: req.db)
        return req.redirect(to: AppPath.unit(unit.id!).path, said: Said(.retired, unit.name))
    }
}

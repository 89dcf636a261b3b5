import Fluent
import ResilienceCore
import Vapor

/// The pages of accounts and their roles.
struct UsersController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .users, .somewhere(.viewPeople), use: index)
        routes.on(.GET, .userNew, .somewhere(.manageAccounts), use: new)
        routes.on(.POST, .users, .somewhere(.manageAccounts), use: create)
        routes.on(.GET, .user(AppPath.any), .user(.viewPeople), use: show)
        routes.on(.GET, .userEdit(AppPath.any), .user(.manageAccounts), use: edit)
        routes.on(.POST, .userEdit(AppPath.any), .user(.manageAccounts), use: update)
        routes.on(.POST, .userGrants(AppPath.any), .user(.viewPeople), use: grant)
        routes.on(.GET, .grantRevoke(AppPath.any), .grant, use: confirmRevoke)
        routes.on(.POST, .grantRevoke(AppPath.any), .grant, use: revoke)
    }

    /// One page of the accounts a person may see, optionally under one unit and matching a text.
    static func scopedPage(_ req: Request) async throws -> (rows: [UserRow], info: PageInfo, text: String, unit: Unit?)
    {
        let actor = try req.requireActor()
        var units: [UUID]?
        if case .units(let ids) = try await UnitQueries.scope(actor, .viewPeople, on: req.db) { units = ids }
        var unitFilter: Unit?
        if let raw = req.query[String.self, at: "unit"], let id = UUID(uuidString: raw),
            let unit = try await Unit.find(id, on: req.db)
        {
            unitFilter = unit
            let subtree = try await UnitQueries.subtreeIDs(of: unit, on: req.db)
            units = units.map { scope in Array(Set(scope).intersection(subtree)) } ?? subtree
        }
        let q = req.searchText
        let after = req.query[String.self, at: "after"].map { String($0.prefix(64)) }
        let before = req.query[String.self, at: "before"].map { String($0.prefix(64)) }
        let (rows, info) = try await ListReads.users(
            in: units, matching: q, page: req.pageRequest, after: after, before: before, on: req.db)
        return (rows, info, q, unitFilter)
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        let (users, info, q, unit) = try await Self.scopedPage(req)
        let rows = users.map {
            UsersPage.Row(
                id: $0.id, username: $0.username, displayName: $0.displayName, unitID: $0.homeUnitID,
                unitName: $0.unitName, active: $0.isActive)
        }
        let page = UsersPage(
            rows: rows, info: info, query: q,
            unitFilter: unit.map { ($0.id!, $0.name) },
            mayCreate: try req.requireActor().maySomewhere(.manageAccounts))
        return Layout.response(for: req, title: req.localizer("nav.users"), content: page.body(req.localizer))
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        var homeUnit = ""
        if let raw = req.query[String.self, at: "unit"], let unit = try await UnitQueries.resolve(raw, on: req.db) {
            homeUnit = unit.code ?? unit.id!.uuidString.lowercased()
        }
        return formPage(req, creating: true, action: AppPath.users.path, FormState(values: ["homeUnit": homeUnit]))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode([String: String].self)
        var input = Self.input(form)
        input.confirmation = input.password
        return try await req.saveForm(
            values: form,
            {
                let user = try await AccountService.create(
                    input, by: req.auditContext, on: req.db, hasher: req.password.sync
                ) {
                    actor.may(.manageAccounts, on: $0.unitPath)
                }
                return req.redirect(to: AppPath.user(user.id!).path, said: Said(.created, user.displayName))
            }, reshow: { formPage(req, creating: true, action: AppPath.users.path, $0) })
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        try await userPage(req, FormState())
    }

    private func userPage(_ req: Request, _ form: FormState) async throws -> Response {
        let actor = try req.requireActor()
        let user = try await req.userParameter()
        let home = try await req.loadUnit(user.$homeUnit.id)
        let grants = try await RoleGrant.query(on: req.db).filter(\.$user.$id == user.requireID())
            .with(\.$unit).with(\.$grantedBy).sort(\.$revokedAt).sort(\.$createdAt, .descending).all()
        let rows = grants.map { g in
            UserPage.GrantRow(
                id: g.id!, role: g.role, unitID: g.$unit.id, unitName: g.unit.name, granted: g.createdAt,
                grantedBy: g.grantedBy?.username, revoked: g.revokedAt,
                mayRevoke: actor.may(.grant(g.role), on: g.unit.unitPath))
        }
        var form = form
        if form.values["unit"] == nil { form.values["unit"] = home.code ?? home.id!.uuidString.lowercased() }
        let page = UserPage(
            user: .init(
                id: user.id!, username: user.username, displayName: user.displayName, unitID: home.id!,
                unitName: home.name, active: user.isActive),
            email: user.email, lastSignIn: user.lastSignInAt, grants: rows,
            grantableRoles: Access.grantableRoles(actor.grants),
            mayEdit: actor.may(.manageAccounts, on: home.unitPath), mayAudit: actor.may(.viewAudit, on: home.unitPath),
            form: form, csrf: req.csrfToken)
        return Layout.response(for: req, title: user.displayName, content: page.body(req.localizer))
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let user = try await req.userParameter()
        let home = try await req.loadUnit(user.$homeUnit.id)
        let values = [
            "displayName": user.displayName, "email": user.email ?? "", "language": user.language ?? "",
            "homeUnit": home.code ?? home.id!.uuidString.lowercased(), "isActive": String(user.isActive),
        ]
        return formPage(req, creating: false, action: AppPath.userEdit(user.id!).path, FormState(values: values))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let user = try await req.userParameter()
        var form = try req.content.decode([String: String].self)
        form["isActive"] = form["isActive"] ?? "false"
        let input = Self.input(form)
        return try await req.saveForm(
            values: form,
            {
                try await AccountService.update(user, input, by: req.auditContext, on: req.db) {
                    actor.may(.manageAccounts, on: $0.unitPath)
                }
                return req.redirect(to: AppPath.user(user.id!).path, said: Said(.saved))
            }, reshow: { formPage(req, creating: false, action: AppPath.userEdit(user.id!).path, $0) })
    }

    @Sendable func grant(_ req: Request) async throws -> Response {
        let user = try await req.userParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                _ = try await GrantService.grant(
                    GrantInput(role: form["role"], unitID: form["unit"]), to: user,
                    by: try req.requireActor(), at: req.now, on: req.db)
                return req.redirect(to: AppPath.user(user.id!).path, said: Said(.granted))
            },
            reshow: { form in
                var form = form
                form.errors["unit"] = form.errors["unit"] ?? form.errors["unitID"]
                return try await userPage(req, form)
            })
    }

    @Sendable func confirmRevoke(_ req: Request) async throws -> Response {
        let grant = try await req.grantParameter()
        let t = req.localizer
        let unit = try await req.loadUnit(grant.$unit.id)
        guard let user = try await User.find(grant.$user.id, on: req.db) else { throw Abort(.notFound) }
        return ConfirmPage.response(
            req, title: t("user.revoke_title", t.role(grant.role)),
            message: t("user.revoke_confirm", t.role(grant.role), user.displayName, unit.name),
            action: .grantRevoke(grant.id!), submit: t("user.revoke"), cancel: .user(user.id!))
    }

    @Sendable func revoke(_ req: Request) async throws -> Response {
        let grant = try await req.grantParameter()
        try await GrantService.revoke(grant, by: try req.requireActor(), at: req.now, on: req.db)
        return req.redirect(to: AppPath.user(grant.$user.id).path, said: Said(.revoked))
    }

    static func input(_ form: [String: String]) -> AccountInput {
        AccountInput(
            username: form["username"], displayName: form["displayName"], email: form["email"],
            password: form["password"], confirmation: nil, homeUnitID: form["homeUnit"],
            language: form["language"], isActive: form["isActive"])
    }

    private func formPage(_ req: Request, creating: Bool, action: String, _ form: FormState) -> Response {
        var form = form
        form.errors["homeUnit"] = form.errors["homeUnitID"] ?? form.errors["homeUnit"]
        let page = UserFormPage(action: action, creating: creating, form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer(creating ? "user.new" : "user.edit"),
            content: page.body(req.localizer))
    }
}

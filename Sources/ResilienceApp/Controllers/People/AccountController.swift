import Fluent
import ResilienceCore
import Vapor

/// The signed-in person's own account: profile, password, API tokens.
struct AccountController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .account, .signedIn, use: profile)
        routes.on(.POST, .account, .signedIn, use: saveProfile)
        routes.on(.GET, .accountPassword, .signedIn, use: password)
        routes.on(.POST, .accountPassword, .signedIn, use: changePassword)
        routes.on(.GET, .accountTokens, .signedIn, use: tokens)
        routes.on(.POST, .accountTokens, .signedIn, use: createToken)
        routes.on(.POST, .accountTokenRevoke(AppPath.any), .signedIn, use: revokeToken)
    }

    private func me(_ req: Request) async throws -> User {
        guard let user = try await User.find(try req.requireActor().id, on: req.db) else { throw Abort(.unauthorized) }
        return user
    }

    @Sendable func profile(_ req: Request) async throws -> Response {
        let user = try await me(req)
        let form = FormState(values: [
            "displayName": user.displayName, "email": user.email ?? "", "language": user.language ?? "",
        ])
        return profilePage(req, user, form, saved: req.query[String.self, at: "saved"] != nil)
    }

    @Sendable func saveProfile(_ req: Request) async throws -> Response {
        let user = try await me(req)
        let input = try req.content.decode(AccountInput.self)
        let values = [
            "displayName": input.displayName ?? "", "email": input.email ?? "", "language": input.language ?? "",
        ]
        return try await req.saveForm(
            values: values,
            {
                try await AccountService.updateProfile(user, input, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.account.with([("saved", "1")]))
            }, reshow: { profilePage(req, user, $0) })
    }

    private func profilePage(_ req: Request, _ user: User, _ form: FormState, saved: Bool = false) -> Response {
        Layout.response(
            for: req, title: req.localizer("account.title"),
            content: ProfilePage(form: form, username: user.username, csrf: req.csrfToken, saved: saved).body(
                req.localizer))
    }

    @Sendable func password(_ req: Request) async throws -> Response {
        passwordPage(req, FormState(), saved: req.query[String.self, at: "saved"] != nil)
    }

    @Sendable func changePassword(_ req: Request) async throws -> Response {
        let user = try await me(req)
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: [:],
            {
                try await AccountService.changePassword(
                    user, current: form["current"] ?? "", new: form["password"] ?? "",
                    confirmation: form["confirmation"] ?? "", by: req.auditContext,
                    on: req.db, hasher: req.password.sync)
                try await SessionAuth.endOthers(of: user.requireID(), keeping: req)
                return req.redirect(to: AppPath.accountPassword.with([("saved", "1")]))
            }, reshow: { passwordPage(req, $0) })
    }

    private func passwordPage(_ req: Request, _ form: FormState, saved: Bool = false) -> Response {
        Layout.response(
            for: req, title: req.localizer("account.change_password"),
            content: PasswordPage(form: form, csrf: req.csrfToken, saved: saved).body(req.localizer))
    }

    @Sendable func tokens(_ req: Request) async throws -> Response {
        try await tokensPage(req, FormState(), newToken: nil)
    }

    @Sendable func createToken(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let (_, token) = try await TokenService.create(
                    for: actor.id, name: form["name"], by: req.auditContext, on: req.db)
                return try await tokensPage(req, FormState(), newToken: token, status: .created)
            }, reshow: { try await tokensPage(req, $0, newToken: nil) })
    }

    @Sendable func revokeToken(_ req: Request) async throws -> Response {
        try await TokenService.revoke(
            req.parameters.get("tokenID"), of: try req.requireActor().id, by: req.auditContext, on: req.db)
        return req.redirect(to: AppPath.accountTokens.path, said: Said(.revoked))
    }

    private func tokensPage(
        _ req: Request, _ form: FormState, newToken: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let rows = try await TokenService.list(of: try req.requireActor().id, on: req.db).map {
            TokensPage.Row(
                id: try $0.requireID(), name: $0.name, created: $0.createdAt, lastUsed: $0.lastUsedAt,
                revoked: $0.revokedAt)
        }
        let page = TokensPage(rows: rows, newToken: newToken, form: form, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("tokens.title"), status: status, content: page.body(req.localizer))
    }
}

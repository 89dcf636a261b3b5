import Fluent
import Vapor

/// Sign-in, sign-out and the language switch.
struct SessionController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .signIn, .anyone, use: show)
        routes.on(.POST, .signIn, .anyone, use: signIn)
        routes.on(.POST, .signOut, .signedIn, use: signOut)
        routes.on(.POST, .language, .anyone, use: language)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        if req.actor != nil { return req.redirect(to: AppPath.home.path) }
        // Why sign-in is needed now: a session that ended, with or without a form kept to send.
        let notice =
            req.query[String.self, at: "held"] == "1"
            ? req.localizer("sign_in.held")
            : req.query[String.self, at: "expired"] == "1" ? req.localizer("sign_in.expired") : nil
        return page(req, FormState(), next: safeNext(req.query[String.self, at: "next"]), notice: notice)
    }

    @Sendable func signIn(_ req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let next = safeNext(form["next"])
        guard
            let user = try await SignInService.signIn(
                username: form["username"] ?? "", password: form["password"] ?? "",
                request: req)
        else {
            var state = FormState(values: ["username": form["username"] ?? ""])
            state.summary = req.localizer("sign_in.failed")
            return page(req, state, next: next, status: .unauthorized)
        }
        // Always a new session at sign-in, so that a cookie planted before cannot be taken over.
        let response = req.redirect(to: next)
        try await SessionAuth.start(for: user.requireID(), on: req, response: response)
        // A form kept when the session ended is sent now, as this person, and answers instead.
        return try await HeldPost.send(for: user.requireID(), signedIn: response, req) ?? response
    }

    @Sendable func signOut(_ req: Request) async throws -> Response {
        if let actor = req.actor {
            try await Audit.record(
                on: req.db, by: req.auditContext, .signOut, entity: User.auditEntity, id: actor.id,
                unitID: actor.homeUnitID, subjectUserID: actor.id, summary: actor.username)
        }
        let response = req.redirect(to: AppPath.signIn.path)
        try await SessionAuth.end(req, response: response)
        return response
    }

    /// Saves the choice on the account when signed in, and in a cookie in any case.
    @Sendable func language(_ req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        guard let language = Catalogue.shared.language(form["language"]) else {
            throw AppError.badRequest(req.localizer("error.decoding.invalid", "language"))
        }
        if let actor = req.actor, let user = try await User.find(actor.id, on: req.db) {
            try await AccountService.setLanguage(user, language.code, by: req.auditContext, on: req.db)
        }
        let response = req.redirect(to: safeNext(form["next"]))
        response.cookies[LanguageMiddleware.cookieName] = HTTPCookies.Value(
            string: language.code, expires: req.now.addingTimeInterval(365 * 24 * 3600), maxAge: nil, path: "/",
            isSecure: req.application.appConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    private func page(
        _ req: Request, _ form: FormState, next: String, notice: String? = nil, status: HTTPResponseStatus = .ok
    ) -> Response {
        Layout.response(
            for: req, title: req.localizer("sign_in.title"), status: status,
            content: SignInPage(form: form, next: next, notice: notice, csrf: req.csrfToken).body(req.localizer))
    }
}

/// Only a path on this site may be a redirect target: never another host. It must start with one
/// `/` followed by a path character, and hold only printable ASCII without a backslash: browsers
/// drop tabs and line breaks from a location, so `/\t/host` would become `//host`. Nothing is
/// stripped: anything else goes home.
func safeNext(_ raw: String?) -> String {
    guard let raw, raw.utf8.count < 500, raw.first == "/",
        raw.utf8.allSatisfy({ (0x21...0x7e).contains($0) && $0 != UInt8(ascii: "\\") }),
        raw.utf8.dropFirst().first != UInt8(ascii: "/")
    else {
        return AppPath.home.path
    }
    return raw
}

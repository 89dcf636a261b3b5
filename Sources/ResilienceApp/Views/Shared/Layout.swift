@preconcurrency import Plot
import ResilienceCore
import Vapor

typealias BodyNode = Node<HTML.BodyContext>

/// The one page frame: header with navigation, the language switch, the content, a footer.
enum Layout {
    /// - Parameter refresh: seconds after which the browser reloads the page (a live status
    ///   view without JavaScript); nil for pages with forms being filled in.
    static func response(
        for request: Request, title: String, status: HTTPResponseStatus = .ok,
        refresh: Int? = nil, content: BodyNode
    ) -> Response {
        // Forms rendered here have their `_once` hole filled at once (kept ones when kept).
        let markup = Stencil(content.render()).filled([.csrf: request.csrfToken, .once: request.onceToken])
        return response(for: request, title: title, status: status, refresh: refresh, markup: markup)
    }

    /// The same, for content already rendered (a kept page). The frame around the content is
    /// kept per language, title, page address and person (their name and navigation), as a
    /// `Stencil` with holes for the content and the anti-forgery token that each request fills:
    /// rendering it anew through Plot was an eighth of the CPU of serving a kept page.
    static func response(
        for request: Request, title: String, status: HTTPResponseStatus = .ok,
        refresh: Int? = nil, markup: String
    ) -> Response {
        let t = request.localizer
        let content = Stencil.marker(.content), csrf = Stencil.marker(.csrf)
        let person = request.actor.map { [$0.id.uuidString, $0.displayName] + navigation($0).map(\.key) } ?? []
        let key = KeptCache.Key<Stencil>(
            .frame, [t.code, title, refresh.map(String.init) ?? "", request.url.string] + person)
        let frame = request.kept.cached(key, cost: \.bytes) {
            Stencil(
                HTML(
                    .attribute(named: "lang", value: t.code),
                    .attribute(named: "dir", value: t.language.direction),
                    .head(
                        .meta(.charset(.utf8)),
                        .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                        .unwrap(refresh) {
                            .meta(.attribute(named: "http-equiv", value: "refresh"), .content(String($0)))
                        },
                        .title("\(title) · \(t("app.name"))"),
                        .link(.rel(.stylesheet), .href(Assets.shared.path("styles.css"))),
                        .link(
                            .rel(.icon), .attribute(named: "type", value: "image/svg+xml"),
                            .href(Assets.shared.path("favicon.svg"))),
                        .script(.src(Assets.shared.path("app.js")), .attribute(named: "defer", value: "defer"))
                    ),
                    .body(
                        .a(.class("skip"), .href("#main"), .text(t("nav.skip"))),
                        header(request, csrf: csrf),
                        .main(.id("main"), .h1(.text(title)), .raw(content)),
                        .footer(.p(.text(t("app.footer"))))
                    )
                ).render())
        }
        let response = Response(status: status)
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        // What the post that led here did, said once at the top of the content.
        let said = request.said
        response.body = .init(
            string: frame.filled([
                .csrf: request.csrfToken, .once: request.onceToken, .content: (said?.markup(t) ?? "") + markup,
            ]))
        if said != nil { Said.shown(response) }
        return response
    }

    private static func header(_ request: Request, csrf: String) -> BodyNode {
        let t = request.localizer
        let actor = request.actor
        return .header(
            .class("top"),
            .a(.class("brand"), .href(AppPath.home.path), .text(t("app.name"))),
            .unwrap(actor) { actor in
                .nav(
                    .attribute(named: "aria-label", value: t("nav.label")),
                    .ul(
                        .forEach(navigation(actor)) { item in
                            .li(.a(.href(item.path.path), .text(t(item.key))))
                        })
                )
            },
            languageSwitch(request, csrf: csrf),
            .unwrap(actor) { actor in
                .div(
                    .class("who"),
                    .a(.href(AppPath.account.path), .text(actor.displayName)),
                    postForm(
                        AppPath.signOut.path, csrf: csrf, inline: true,
                        .button(.type(.submit), .class("link"), .text(t("nav.sign_out")))))
            }
        )
    }

    /// The sections a person may use; nothing else is linked.
    static func navigation(_ actor: Actor) -> [(path: AppPath, key: String)] {
        var items: [(AppPath, String)] = [(.home, "nav.home")]
        if actor.maySomewhere(.viewOrganization) {
            items.append((.units, "nav.units"))
            items.append((.dutyStations, "nav.duty_stations"))
        }
        if actor.maySomewhere(.viewPeople) { items.append((.users, "nav.users")) }
        if actor.maySomewhere(.viewAudit) { items.append((.audit, "nav.audit")) }
        if actor.maySomewhere(.viewOversight) { items.append((.oversight, "nav.oversight")) }
        if actor.maySomewhere(.viewSecurity) { items.append((.security, "nav.security")) }
        if actor.maySomewhere(.viewIndicators) { items.append((.indicators, "nav.indicators")) }
        items.append((.travel, "nav.travel"))
        if actor.maySomewhere(.configureContinuity) {
            items.append((.impactScale, "nav.impact_scale")); items.append((.riskScale, "nav.risk_scale"))
        }
        items.append((.inbox, "nav.inbox"))
        items.append((.account, "nav.account"))
        return items
    }

    /// One button per language; works without JavaScript.
    private static func languageSwitch(_ request: Request, csrf: String) -> BodyNode {
        let t = request.localizer
        return postForm(
            AppPath.language.path, csrf: csrf, inline: true,
            .input(.type(.hidden), .name("next"), .value(request.url.string)),
            .span(.class("visually-hidden"), .text(t("nav.language"))),
            .forEach(Catalogue.shared.languages) { language in
                .button(
                    .type(.submit), .name("language"), .value(language.code),
                    .attribute(named: "lang", value: language.code),
                    .attribute(named: "aria-pressed", value: language.code == t.code ? "true" : "false"),
                    .class(language.code == t.code ? "lang current" : "lang"),
                    .text(language.name))
            })
    }
}

/// A form that posts, carrying the anti-forgery token.
func postForm(_ action: String, csrf: String, inline: Bool = false, _ nodes: BodyNode...) -> BodyNode {
    formElement(action, csrf: csrf, inline: inline, multipart: false, nodes)
}

/// A form that posts a file (an import), carrying the anti-forgery token.
func uploadForm(_ action: String, csrf: String, _ nodes: BodyNode...) -> BodyNode {
    formElement(action, csrf: csrf, inline: false, multipart: true, nodes)
}

private func formElement(
    _ action: String, csrf: String, inline: Bool, multipart: Bool, _ nodes: [BodyNode]
)
    -> BodyNode
{
    .element(
        named: "form",
        nodes: [
            .attribute(named: "action", value: action), .attribute(named: "method", value: "post"),
            .if(multipart, .attribute(named: "enctype", value: "multipart/form-data")),
            .class(inline ? "inline" : "stack"),
            .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(csrf)),
            .input(.type(.hidden), .name(RepeatedPostMiddleware.fieldName), .value(Stencil.marker(.once))),
        ] + nodes)
}

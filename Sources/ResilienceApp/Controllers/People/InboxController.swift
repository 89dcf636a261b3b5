import Fluent
@preconcurrency import Plot
import ResilienceCore
import Vapor

/// A person's inbox: what needs them, newest first; and `/api/v1/inbox` for programs.
struct InboxController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .inbox, .signedIn, use: index)
        routes.on(.POST, .inboxRead, .signedIn, use: markRead)
        routes.on(.GET, .apiInbox, .signedIn, use: apiIndex)
        routes.on(.POST, .apiInboxRead, .signedIn, use: apiMarkRead)
    }

    private func items(_ req: Request) async throws -> [InboxItem] {
        try await InboxItem.query(on: req.db).filter(\.$user.$id == req.requireActor().id).sort(
            \.$createdAt, .descending
        ).limit(200).all()
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        let t = req.localizer
        let rows = try await items(req)
        let page: BodyNode = .group(
            .if(
                rows.contains { $0.readAt == nil },
                postForm(
                    AppPath.inboxRead.path, csrf: req.csrfToken, inline: true,
                    .button(.type(.submit), .safe(t("inbox.mark_read"))))),
            dataTable(
                caption: t("inbox.title"), headers: [t("audit.when"), t("inbox.what")],
                rows: rows.map { item in
                    let args = (try? PlanCodec.decode([String].self, item.args)) ?? []
                    let text = t.catalogue.text("inbox.\(item.kind)", in: t.code, args)
                    return [
                        .safe(t.dateTime(item.createdAt)),
                        item.readAt == nil
                            ? .strong(.a(.href(item.link), .safe(text))) : .a(.href(item.link), .safe(text)),
                    ]
                }, empty: t("inbox.empty")))
        return Layout.response(for: req, title: t("inbox.title"), content: page)
    }

    @Sendable func markRead(_ req: Request) async throws -> Response {
        try await InboxItem.query(on: req.db).filter(\.$user.$id == req.requireActor().id).filter(\.$readAt == nil).set(
            \.$readAt, to: req.now
        ).update()
        return req.redirect(to: AppPath.inbox.path, said: Said(.read))
    }

    struct ItemDTO: Content {
        var id: UUID; var kind: String; var text: String; var link: String; var createdAt: Date?; var readAt: Date?
    }

    @Sendable func apiIndex(_ req: Request) async throws -> [ItemDTO] {
        let t = req.localizer
        return try await items(req).map { item in
            let args = (try? PlanCodec.decode([String].self, item.args)) ?? []
            return ItemDTO(
                id: item.id!, kind: item.kind, text: t.catalogue.text("inbox.\(item.kind)", in: t.code, args),
                link: item.link,
                createdAt: item.createdAt, readAt: item.readAt)
        }
    }

    @Sendable func apiMarkRead(_ req: Request) async throws -> Response {
        try await InboxItem.query(on: req.db).filter(\.$user.$id == req.requireActor().id).filter(\.$readAt == nil).set(
            \.$readAt, to: req.now
        ).update()
        return Response(status: .noContent)
    }
}

import Fluent
import Vapor

struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .home, .signedIn, use: home)
        routes.on(.GET, .healthz, .anyone, use: health)
    }

    @Sendable func home(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let home = try await req.loadUnit(actor.homeUnitID)
        let units = try await Unit.query(on: req.db).filter(\.$id ~~ actor.grants.map(\.unitID)).all()
        let byID = Dictionary(units.compactMap { u in u.id.map { ($0, u) } }, uniquingKeysWith: { a, _ in a })
        let rows = actor.grants.sorted { $0.role < $1.role }.compactMap { g -> HomePage.GrantRow? in
            byID[g.unitID].map { .init(role: g.role, unitID: g.unitID, unitName: $0.name, unitKind: $0.kind) }
        }
        let page = HomePage(
            displayName: actor.displayName, homeUnit: (try home.requireID(), home.name, home.kind), grants: rows,
            unread: try await Notifier.unreadCount(actor.id, on: req.db), tasks: try await HomeTasks.of(actor, req))
        return Layout.response(for: req, title: req.localizer("home.title"), content: page.body(req.localizer))
    }

    /// 200 when the database answers, 503 when it does not.
    @Sendable func health(_ req: Request) async throws -> Response {
        do {
            _ = try await Unit.query(on: req.db).limit(1).all()
            return Response(status: .ok, body: "ok")
        } catch {
            req.logger.error("health check: database does not answer: \(String(reflecting: error))")
            return Response(status: .serviceUnavailable, body: "database unavailable")
        }
    }
}

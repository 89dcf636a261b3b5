import Fluent
import ResilienceCore
import Vapor

/// Browsing the audit trail per unit (with its subtree) and per person.
struct AuditController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .audit, .somewhere(.viewAudit), use: index)
    }

    /// The entries a person may read, narrowed by `unit` or `user`; 403 for a unit or person
    /// outside their scope.
    static func scopedQuery(_ req: Request) async throws -> (QueryBuilder<AuditEntry>, String?, [(String, String?)]) {
        let actor = try req.requireActor()
        let query = AuditEntry.query(on: req.db).sort(\.$at, .descending)
        if let raw = req.query[String.self, at: "unit"] {
            guard let id = UUID(uuidString: raw), let unit = try await Unit.find(id, on: req.db) else {
                throw Abort(.notFound)
            }
            guard actor.may(.viewAudit, on: unit.unitPath) else { throw Abort(.forbidden) }
            query.filter(\.$unitID ~~ (try await UnitQueries.subtreeIDs(of: unit, on: req.db)))
            return (query, unit.name, [("unit", raw)])
        }
        if let raw = req.query[String.self, at: "user"] {
            guard let id = UUID(uuidString: raw), let user = try await User.find(id, on: req.db) else {
                throw Abort(.notFound)
            }
            let home = try await req.loadUnit(user.$homeUnit.id)
            guard actor.may(.viewAudit, on: home.unitPath) else { throw Abort(.forbidden) }
            query.group(.or) { $0.filter(\.$actorID == id).filter(\.$subjectUserID == id) }
            return (query, user.username, [("user", raw)])
        }
        if case .units(let ids) = try await UnitQueries.scope(actor, .viewAudit, on: req.db) {
            query.filter(\.$unitID ~~ ids)
        }
        return (query, nil, [])
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        let (query, filter, params) = try await Self.scopedQuery(req)
        let (entries, info) = try await query.pagedWithoutTotal(req)
        let rows = entries.map {
            AuditPage.Row(
                at: $0.at, actor: $0.actorName, actorID: $0.actorID, action: $0.action, entity: $0.entityType,
                summary: $0.summary, before: Audit.decode($0.before), after: Audit.decode($0.after))
        }
        // The units and people the changes name by id, by their names.
        let ids = Set(
            rows.flatMap { r in
                (Array(r.before) + Array(r.after)).filter { $0.key.hasSuffix("_id") }.compactMap {
                    UUID(uuidString: $0.value)
                }
            })
        var names: [UUID: String] = [:]
        if !ids.isEmpty {
            for unit in try await Unit.query(on: req.db).filter(\.$id ~~ ids).all() { names[unit.id!] = unit.name }
            for user in try await User.query(on: req.db).filter(\.$id ~~ ids).all() {
                names[user.id!] = user.displayName
            }
            for area in try await SecurityArea.query(on: req.db).filter(\.$id ~~ ids).all() {
                names[area.id!] = area.name(in: req.localizer.code)
            }
            for station in try await DutyStation.query(on: req.db).filter(\.$id ~~ ids).all() {
                names[station.id!] = station.name
            }
            for agency in try await Agency.query(on: req.db).filter(\.$id ~~ ids).all() {
                names[agency.id!] = agency.shortName(in: req.localizer.code)
            }
            for measure in try await SecurityMeasure.query(on: req.db).filter(\.$id ~~ ids).all() {
                names[measure.id!] = "\(measure.code) \(measure.name(in: req.localizer.code))"
            }
        }
        let page = AuditPage(rows: rows, info: info, filter: filter, query: params, names: names)
        return Layout.response(for: req, title: req.localizer("nav.audit"), content: page.body(req.localizer))
    }
}

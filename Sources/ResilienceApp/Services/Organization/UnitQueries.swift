import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// Reads of the tree that pages and the API share.
enum UnitQueries {
    static func item(_ unit: Unit) -> UnitPage.Item {
        UnitPage.Item(id: unit.id!, name: unit.name, kind: unit.kind, code: unit.code, retired: unit.isRetired)
    }

    /// The units above this one, root first, in one query.
    static func ancestors(of unit: Unit, on db: any Database) async throws -> [Unit] {
        let ids = Array(unit.unitPath.ids.dropLast())
        guard !ids.isEmpty else { return [] }
        return try await Unit.query(on: db).filter(\.$id ~~ ids).all().sorted { $0.depth < $1.depth }
    }

    static func children(of unitID: UUID, on db: any Database) -> QueryBuilder<Unit> {
        Unit.query(on: db).filter(\.$parent.$id == unitID).sort(\.$retiredAt).sort(\.$name)
    }

    /// Units whose name or code contains the text, limited to the subtrees given (nil: all).
    static func search(_ text: String, within scope: [Unit]?, on db: any Database) -> QueryBuilder<Unit> {
        let query = Unit.query(on: db).sort(\.$depth).sort(\.$name)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty {
            let like = (db as? any SQLDatabase)?.caseInsensitiveLike ?? "LIKE"
            query.group(.or) {
                $0.filter(\.$name, .custom(like), "%\(trimmed)%").filter(\.$code == trimmed.uppercased())
            }
        }
        if let scope { query.within(scope) }
        return query
    }

    /// What a list may show for an action: everything (a grant at the root of the tree), or the
    /// units inside the subtrees where it is allowed. Filtering rows by a list of unit ids uses the
    /// rows' own unit index, which a join on the tree's paths cannot.
    enum Scope {
        case everything
        case units([UUID])
    }

    static func scope(_ actor: Actor, _ action: Action, on db: any Database) async throws -> Scope {
        let roots = try await scopeRoots(actor, action, on: db)
        if roots.contains(where: { $0.$parent.id == nil }) { return .everything }
        if roots.isEmpty { return .units([]) }
        let ids = try await Unit.query(on: db).within(roots).field(\.$id).all().compactMap(\.id)
        return .units(ids)
    }

    /// The units at which the action is allowed, as the roots of the subtrees a list may show.
    static func scopeRoots(_ actor: Actor, _ action: Action, on db: any Database) async throws -> [Unit] {
        let ids = Access.scope(actor.grants, action)
        guard !ids.isEmpty else { return [] }
        return try await Unit.query(on: db).filter(\.$id ~~ ids).all()
    }
}

extension QueryBuilder where Model == Unit {
    /// Only units inside one of these subtrees.
    @discardableResult
    func within(_ roots: [Unit]) -> Self {
        if roots.isEmpty { return filter(\.$id == UUID()) }
        return group(.or) { group in
            for root in roots { group.filter(\.$path, .custom("LIKE"), root.path + "%") }
        }
    }
}

extension UnitQueries {
    /// Headquarters: the top of the tree, where organization-wide settings are decided.
    static func root(on db: any Database) async throws -> Unit? {
        try await Unit.query(on: db).filter(\.$depth == 0).filter(\.$kind == .headquarters).sort(\.$createdAt).first()
    }

    /// The unit and every unit below it.
    static func subtreeIDs(of unit: Unit, on db: any Database) async throws -> [UUID] {
        try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), unit.path + "%").field(\.$id).all().compactMap(
            \.id)
    }

    /// The active unit a form or a program names (by code or id), or a refusal on `field`:
    /// required, not found, or retired.
    static func active(
        _ reference: String?, field: String, on db: any Database,
        validator: inout ValidationCollector
    ) async throws -> Unit? {
        guard !(reference ?? "").trimmingCharacters(in: .whitespaces).isEmpty else {
            validator.add(DomainError(.required, field: field)); return nil
        }
        let found = try await find(reference, on: db)
        if found.count > 1 {
            let names = found.prefix(6).map { u in u.code.map { "\(u.name) (\($0))" } ?? u.name }
            validator.add(DomainError(.ambiguousUnit, field: field, args: [names.joined(separator: "; ")]))
            return nil
        }
        guard let unit = found.first else {
            validator.add(DomainError(.notFound, field: field)); return nil
        }
        if unit.isRetired { validator.add(DomainError(.retired, field: field)); return nil }
        return unit
    }

    /// A unit named by its code or its id, as typed in a form.
    static func resolve(_ reference: String?, on db: any Database) async throws -> Unit? {
        let found = try await find(reference, on: db)
        return found.count == 1 ? found[0] : nil
    }

    /// The units a reference typed in a form may mean, as people type one: an id, a code, a name
    /// with its code as the suggestions offer it ("Garissa (KEN-GAR)"), a name, or a part of one
    /// that only one active unit's name holds. Several: the reference is ambiguous.
    static func find(_ reference: String?, on db: any Database) async throws -> [Unit] {
        let ref = (reference ?? "").trimmingCharacters(in: .whitespaces)
        guard !ref.isEmpty else { return [] }
        if let id = UUID(uuidString: ref) { return try await Unit.find(id, on: db).map { [$0] } ?? [] }
        var code = ref
        if let match = ref.wholeMatch(of: #/.*\(([^()]+)\)/#) { code = String(match.output.1) }
        if let unit = try await Unit.query(on: db).filter(\.$code == code.uppercased()).first() { return [unit] }
        let named = try await search(ref, within: nil, on: db).filter(\.$retiredAt == nil).limit(20).all()
        let exact = named.filter { $0.name.lowercased() == ref.lowercased() }
        return exact.isEmpty ? named : exact
    }
}

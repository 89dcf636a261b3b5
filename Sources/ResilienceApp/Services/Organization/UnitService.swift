import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// What a person fills in for a unit, from a form or from JSON.
struct UnitInput: Codable, Sendable {
    var name: String?
    var code: String?
    var kind: String?
}

/// Creating, renaming, moving and retiring units, each audited in the same transaction.
enum UnitService {
    static func create(
        under parent: Unit?, _ input: UnitInput, by context: AuditContext,
        on db: any Database
    ) async throws -> Unit {
        var validator = ValidationCollector()
        let name = try validator.check { try TextRules.name(input.name, field: "name") }
        let code = try validator.check { try TextRules.code(input.code, field: "code") } ?? nil
        let kind = try validator.check { () throws -> UnitKind in
            guard let kind = UnitKind(rawValue: input.kind ?? "") else {
                throw DomainError(.invalidChoice, field: "kind")
            }
            try OrganizationRules.checkPlacement(kind: kind, parentKind: parent?.kind)
            return kind
        }
        if parent?.isRetired == true { validator.add(DomainError(.unitParentRetired, field: "parent")) }
        if let code, try await Unit.query(on: db).filter(\.$code == code).first() != nil {
            validator.add(DomainError(.taken, field: "code"))
        }
        try validator.finish()
        let unit = Unit(name: name!, code: code, kind: kind!, parentPath: parent?.unitPath, parentID: parent?.id)
        try await db.transaction { db in
            try await unit.create(on: db)
            try await Audit.record(on: db, by: context, .create, unit, unitID: unit.id, summary: unit.name)
        }
        return unit
    }

    static func update(_ unit: Unit, _ input: UnitInput, by context: AuditContext, on db: any Database) async throws {
        var validator = ValidationCollector()
        let name = try validator.check { try TextRules.name(input.name, field: "name") }
        let code = try validator.check { try TextRules.code(input.code, field: "code") } ?? nil
        if let code, let other = try await Unit.query(on: db).filter(\.$code == code).first(), other.id != unit.id {
            validator.add(DomainError(.taken, field: "code"))
        }
        try validator.finish()
        let before = unit.auditFields
        unit.name = name!
        unit.code = code
        try await db.transaction { db in
            try await unit.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, unit, before: before, unitID: unit.id, summary: unit.name)
        }
    }

    /// Moves a unit and its whole subtree under a new parent.
    static func move(_ unit: Unit, under newParent: Unit, by context: AuditContext, on db: any Database) async throws {
        try OrganizationRules.checkMove(
            unitPath: unit.unitPath, kind: unit.kind, newParentPath: newParent.unitPath,
            newParentKind: newParent.kind, newParentRetired: newParent.isRetired)
        let before = unit.auditFields
        let oldPath = unit.path
        let newPath = newParent.unitPath.appending(try unit.requireID()).encoded
        let delta = newParent.depth + 1 - unit.depth
        try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            // One statement rewrites the path prefix of every unit in the subtree.
            try await sql.raw(
                """
                UPDATE units SET path = \(bind: newPath) || substr(path, CAST(\(bind: oldPath.count + 1) AS INTEGER)),
                depth = depth + CAST(\(bind: delta) AS INTEGER) WHERE path LIKE \(bind: oldPath + "%")
                """
            ).run()
            unit.path = newPath
            unit.depth += delta
            unit.$parent.id = newParent.id
            try await unit.save(on: db)
            try await Audit.record(
                on: db, by: context, .move, unit, before: before, unitID: unit.id,
                summary: "\(unit.name) → \(newParent.name)")
        }
    }

    static func retire(_ unit: Unit, by context: AuditContext, on db: any Database) async throws {
        let activeChildren = try await Unit.query(on: db).filter(\.$parent.$id == unit.requireID())
            .filter(\.$retiredAt == nil).count()
        try OrganizationRules.checkRetire(activeChildren: activeChildren, alreadyRetired: unit.isRetired)
        let before = unit.auditFields
        unit.retiredAt = context.at
        try await db.transaction { db in
            try await unit.save(on: db)
            try await Audit.record(
                on: db, by: context, .retire, unit, before: before, unitID: unit.id, summary: unit.name)
        }
    }
}

import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Who a session or token is, remembered in the application's cache for the reads that follow,
/// with the version of the person's access it was read at; and the units paths name, with the
/// units' version. A read that uses them assumes those versions (`Assumptions`): sign-out,
/// revocation, deactivation and a change of grants bump the person's access, a change of the
/// organization the units', and the request is answered from the database instead.
struct ActorMemo: Sendable {
    var actor: Actor
    var credentialID: UUID
    var lastUsed: Date?
    var accessVersion: Int64

    /// Remembered only until the credential is due to be touched again (a session slides its
    /// expiry every few minutes, a token records its use each minute): that write, and the
    /// check of the session's expiry, stay where they were.
    func isUsable(now: Date, touchInterval: TimeInterval) -> Bool {
        guard let lastUsed else { return false }
        return now.timeIntervalSince(lastUsed) <= touchInterval
    }

    static func key(_ hash: String) -> KeptCache.Key<ActorMemo> { KeptCache.Key(.actor, [hash]) }
}

/// A unit as a path names it, remembered with the units' version it was read at.
struct UnitMemo: Sendable {
    var id: UUID, createdAt: Date?, updatedAt: Date?, name: String, code: String?, kind: UnitKind
    var path: String, depth: Int, retiredAt: Date?, parentID: UUID?
    var unitsVersion: Int64

    init(_ unit: Unit, unitsVersion: Int64) {
        id = unit.id!; createdAt = unit.createdAt; updatedAt = unit.updatedAt; name = unit.name; code = unit.code
        kind = unit.kind; path = unit.path; depth = unit.depth; retiredAt = unit.retiredAt; parentID = unit.$parent.id
        self.unitsVersion = unitsVersion
    }

    /// A unit of its own for the request (a handler may change what it reads).
    var unit: Unit {
        let unit = Unit()
        unit.id = id; unit.$id.exists = true
        unit.createdAt = createdAt; unit.updatedAt = updatedAt; unit.name = name; unit.code = code; unit.kind = kind
        unit.path = path; unit.depth = depth; unit.retiredAt = retiredAt; unit.$parent.id = parentID
        return unit
    }

    static func key(_ id: UUID) -> KeptCache.Key<UnitMemo> { KeptCache.Key(.actor, ["unit", id.uuidString]) }
}

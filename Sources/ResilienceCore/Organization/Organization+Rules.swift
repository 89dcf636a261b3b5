import Foundation

/// The rules of the organization tree, decided over plain values.
public enum OrganizationRules {
    /// Checks that a unit of `kind` may be placed under `parent`. `parent` is nil for the root.
    public static func checkPlacement(kind: UnitKind, parentKind: UnitKind?) throws(DomainError) {
        guard let parentKind else {
            if kind == .headquarters { return }
            throw DomainError(.unitNeedsParent, field: "parent")
        }
        guard kind.allowedParents.contains(parentKind) else {
            throw DomainError(
                .unitPlacementNotAllowed, field: "parent",
                args: [kind.rawValue, parentKind.rawValue])
        }
    }

    /// Checks a move of `unit` under `newParent`: the new parent must not be the unit itself or
    /// one of its descendants (that would make a cycle), must be active, and must accept the kind.
    public static func checkMove(
        unitPath: UnitPath, kind: UnitKind,
        newParentPath: UnitPath, newParentKind: UnitKind, newParentRetired: Bool
    ) throws(DomainError) {
        guard let unitID = unitPath.unitID else { throw DomainError(.unitNeedsParent, field: "parent") }
        if newParentPath.isWithin(unitID) {
            throw DomainError(.unitMoveCycle, field: "parent")
        }
        if newParentRetired {
            throw DomainError(.unitParentRetired, field: "parent")
        }
        try checkPlacement(kind: kind, parentKind: newParentKind)
    }

    /// A unit can be retired only once all of its children are retired: a retired unit never
    /// hides active work beneath it.
    public static func checkRetire(activeChildren: Int, alreadyRetired: Bool) throws(DomainError) {
        if alreadyRetired { throw DomainError(.alreadyRetired) }
        if activeChildren > 0 { throw DomainError(.unitHasActiveChildren, args: [String(activeChildren)]) }
    }
}

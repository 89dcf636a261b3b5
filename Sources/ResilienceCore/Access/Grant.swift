import Foundation

/// A role held on a unit, and so on every unit below it.
public struct Grant: Hashable, Sendable {
    public var role: Role
    public var unitID: UUID

    public init(role: Role, unitID: UUID) {
        self.role = role
        self.unitID = unitID
    }

    /// True when this grant holds at the unit whose path is given.
    public func covers(_ target: UnitPath) -> Bool { target.isWithin(unitID) }
}

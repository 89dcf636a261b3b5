import Foundation

/// Where a unit sits: the identifiers from the root down to the unit itself.
///
/// Stored on each unit as a materialized path so that "the subtree of X" and "is X above Y" are
/// answered without walking the tree.
public struct UnitPath: Hashable, Sendable {
    public var ids: [UUID]

    public init(_ ids: [UUID]) { self.ids = ids }

    /// The empty path: nothing is above it, so only a grant that holds everywhere covers it.
    public static let root = UnitPath([])

    public var unitID: UUID? { ids.last }

    /// True when `other` is this unit or one of its ancestors.
    public func isWithin(_ ancestor: UUID) -> Bool { ids.contains(ancestor) }

    /// The path of a child of this unit.
    public func appending(_ id: UUID) -> UnitPath { UnitPath(ids + [id]) }

    /// The stored form, `/a/b/c/`: every prefix of it is the stored form of an ancestor, which
    /// makes subtree queries a `LIKE 'prefix%'`.
    public var encoded: String { "/" + ids.map { $0.uuidString.lowercased() }.map { $0 + "/" }.joined() }

    public init?(encoded: String) {
        let parts = encoded.split(separator: "/").map(String.init)
        var ids: [UUID] = []
        for part in parts {
            guard let id = UUID(uuidString: part) else { return nil }
            ids.append(id)
        }
        self.ids = ids
    }
}

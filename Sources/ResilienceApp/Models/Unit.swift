import Fluent
import Foundation
import ResilienceCore

/// A unit of the organization: headquarters, region, country operation or office.
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    @Field(key: "name") var name: String
    @OptionalField(key: "code") var code: String?
    @Field(key: "kind") var kind: UnitKind
    /// The materialized path `/root/…/self/` (see `UnitPath.encoded`).
    @Field(key: "path") var path: String
    @Field(key: "depth") var depth: Int
    @OptionalField(key: "retired_at") var retiredAt: Date?

    // Relationships
    @OptionalParent(key: "parent_id") var parent: Unit?

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it decodes, which
    /// was most of the CPU of a list page (see `ModelPropertiesTests`, which holds this list to
    /// what reflection finds).
    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $name, $code, $kind, $path, $depth, $retiredAt, $parent]
    }

    init() {}

    init(id: UUID = UUID(), name: String, code: String?, kind: UnitKind, parentPath: UnitPath?, parentID: UUID?) {
        self.id = id
        self.name = name
        self.code = code
        self.kind = kind
        self.$parent.id = parentID
        let path = (parentPath ?? .root).appending(id)
        self.path = path.encoded
        self.depth = path.ids.count - 1
    }

    var unitPath: UnitPath { UnitPath(encoded: path) ?? .root }
    var isRetired: Bool { retiredAt != nil }
}

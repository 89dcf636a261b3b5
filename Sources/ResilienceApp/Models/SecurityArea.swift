import Fluent
import Foundation
import ResilienceCore

/// A security area (安全区域): a part of a country with one security level, into which the
/// country's security officer puts its duty stations.
final class SecurityArea: Model, @unchecked Sendable {
    static let schema = "security_areas"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    /// ISO 3166-1 alpha-2: only duty stations of this country may be in the area.
    @Field(key: "country") var country: String
    /// The name in each language that has one (JSON, language code → name).
    @Field(key: "names") var names: String

    // Relationships
    /// The country operation whose security officer keeps the area (or, for a country with no
    /// country operation, the unit of its first duty station).
    @Parent(key: "unit_id") var unit: Unit

    var properties: [any AnyProperty] { [$id, $createdAt, $updatedAt, $country, $names, $unit] }

    init() {}

    /// The names by language.
    var nameByLanguage: [String: String] { NameSet.decode(names) }

    /// The name in `language`, else in the fallback language, else any.
    func name(in language: String) -> String { NameSet.pick(names, language) }
}

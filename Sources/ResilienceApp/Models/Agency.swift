import Fluent
import Foundation
import ResilienceCore

/// An organization of the UN security management system (UNHCR, WFP, UNICEF …), present at duty
/// stations with its personnel; HQ keeps the list.
final class Agency: Model, @unchecked Sendable {
    static let schema = "agencies"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    /// Per language (JSON): "UNHCR", "难民署".
    @Field(key: "short_names") var shortNames: String
    /// Per language (JSON): "Office of the United Nations High Commissioner for Refugees".
    @Field(key: "full_names") var fullNames: String
    @OptionalField(key: "retired_at") var retiredAt: Date?

    var properties: [any AnyProperty] { [$id, $createdAt, $updatedAt, $shortNames, $fullNames, $retiredAt] }

    init() {}

    func shortName(in language: String) -> String { NameSet.pick(shortNames, language) }
    func fullName(in language: String) -> String { NameSet.pick(fullNames, language) }
}

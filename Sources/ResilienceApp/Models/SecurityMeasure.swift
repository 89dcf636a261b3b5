import Fluent
import Foundation
import ResilienceCore

/// A measure of HQ's catalogue of security risk management measures (最低运作安保标准): what a
/// duty station must have in place from a security level on, or where its area's risk
/// assessment asks for it.
final class SecurityMeasure: Model, @unchecked Sendable {
    static let schema = "security_measures"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // Data fields
    /// Short and stable, as people cite it: `TEL-01`.
    @Field(key: "code") var code: String
    @Field(key: "category") var category: MeasureCategory
    /// From this level on every duty station must meet it; nil: only where an assessment adds it.
    @OptionalField(key: "baseline_from") var baselineFrom: Int?
    /// What the measure asks for, per language (JSON).
    @Field(key: "names") var names: String
    /// Retired measures stay in the history of compliance but are no longer required.
    @OptionalField(key: "retired_at") var retiredAt: Date?

    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $code, $category, $baselineFrom, $names, $retiredAt]
    }

    init() {}

    func name(in language: String) -> String { NameSet.pick(names, language) }

    /// The measure as the core's rules read it.
    var measure: Measure { Measure(code: code, baselineFrom: baselineFrom.flatMap(SecurityLevel.init(rawValue:))) }
}

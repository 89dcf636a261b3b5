import Fluent
import Foundation
import ResilienceCore

/// A unit's register settings: the kinds of risk it marks relevant (all standard kinds unless
/// it says otherwise).
final class RiskRegister: Model, @unchecked Sendable {
    static let schema = "risk_registers"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "unit_id") var unitID: UUID
    /// `[String]` as JSON.
    @Field(key: "relevant_kinds") var relevantKinds: String

    var properties: [any AnyProperty] { [$id, $updatedAt, $unitID, $relevantKinds] }

    init() {}
}

import Fluent
import Foundation
import ResilienceCore

/// An indicator's value for a unit (HQ or a region) on one day: the history the indicators
/// page draws. The continuity indicators' history is in `ComplianceSnapshot`.
final class IndicatorSnapshot: Model, @unchecked Sendable {
    static let schema = "indicator_snapshots"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    /// YYYY-MM-DD (UTC).
    @Field(key: "day") var day: String
    @Field(key: "indicator") var indicator: String
    /// 0…1.
    @Field(key: "value") var value: Double

    var properties: [any AnyProperty] { [$id, $unitID, $day, $indicator, $value] }

    init() {}
}

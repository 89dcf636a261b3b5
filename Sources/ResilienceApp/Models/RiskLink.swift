import Fluent
import Foundation
import ResilienceCore

/// A risk's link to an item of its unit's plans: the scenario it leads to, or a critical process
/// it threatens. Plans copied into a new cycle keep their items' ids, so a link lasts.
final class RiskLink: Model, @unchecked Sendable {
    static let schema = "risk_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "risk_id") var riskID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// `scenarios` or `processes`: the plan's section of the item.
    @Field(key: "target") var target: PlanSection
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "label") var label: String

    var properties: [any AnyProperty] { [$id, $riskID, $unitID, $target, $itemID, $label] }

    init() {}
}

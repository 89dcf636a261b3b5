import Fluent
import Foundation
import ResilienceCore

final class CampaignUnit: Model, @unchecked Sendable {
    static let schema = "campaign_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "plan_id") var planID: UUID

    var properties: [any AnyProperty] { [$id, $campaignID, $unitID, $planID] }

    init() {}
}

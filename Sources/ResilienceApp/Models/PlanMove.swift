import Fluent
import Foundation
import ResilienceCore

/// One move of a plan through its review cycle. Never updated or deleted.
final class PlanMove: Model, @unchecked Sendable {
    static let schema = "plan_moves"

    @ID(key: .id) var id: UUID?
    @Field(key: "move") var move: ReviewMove
    @Field(key: "from_state") var from: ReviewState
    @Field(key: "to_state") var to: ReviewState
    /// The version submitted, or the version the move was made on.
    @OptionalField(key: "version") var version: Int?
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "at") var at: Date
    @Parent(key: "plan_id") var plan: Plan

    var properties: [any AnyProperty] {
        [$id, $move, $from, $to, $version, $comment, $actorID, $actorName, $at, $plan]
    }

    init() {}
}

import Fluent
import Foundation
import ResilienceCore

/// Feedback on one item of a submitted version: a section, an item of a list, or one field of it.
final class FeedbackThread: Model, @unchecked Sendable {
    static let schema = "feedback_threads"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// The version the feedback was given on.
    @Field(key: "version") var version: Int
    @Field(key: "section") var section: PlanSection
    @OptionalField(key: "item_id") var itemID: UUID?
    /// A field of the item, as the comparison names fields (`rtoHours`, `alternatives` …).
    @OptionalField(key: "field") var field: String?
    /// The item's name when the thread was opened (empty for a thread on a section).
    @Field(key: "label") var label: String
    @Field(key: "state") var state: FeedbackState
    @Field(key: "opened_by_name") var openedByName: String
    @OptionalField(key: "resolved_by_name") var resolvedByName: String?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @Parent(key: "plan_id") var plan: Plan
    @Children(for: \.$thread) var messages: [FeedbackMessage]

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $version, $section, $itemID, $field, $label, $state, $openedByName,
            $resolvedByName, $resolvedAt, $plan, $messages,
        ]
    }

    init() {}
}

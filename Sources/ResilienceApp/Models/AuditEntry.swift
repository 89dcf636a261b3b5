import Fluent
import Foundation
import ResilienceCore

/// One line of the append-only audit trail: who did what to which record, when, with the fields
/// before and after.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    // Managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date

    // Data fields
    @Field(key: "action") var action: AuditAction
    @Field(key: "entity_type") var entityType: String
    @OptionalField(key: "entity_id") var entityID: UUID?
    @Field(key: "summary") var summary: String
    /// JSON objects of field → value, holding only the fields that changed.
    @Field(key: "before") var before: String
    @Field(key: "after") var after: String
    /// The user name at the time, kept even if the account is later renamed.
    @OptionalField(key: "actor_name") var actorName: String?

    // Relationships (plain ids: the trail must outlive anything it mentions)
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// The unit the record belongs to, for browsing per unit.
    @OptionalField(key: "unit_id") var unitID: UUID?
    /// The person the record is about, for browsing per person.
    @OptionalField(key: "subject_user_id") var subjectUserID: UUID?

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it decodes, which
    /// was most of the CPU of a list page (see `ModelPropertiesTests`, which holds this list to
    /// what reflection finds).
    var properties: [any AnyProperty] {
        [
            $id, $at, $action, $entityType, $entityID, $summary, $before, $after, $actorName, $actorID, $unitID,
            $subjectUserID,
        ]
    }

    init() {}
}

import Fluent
import Foundation

/// Something that needs a person: an entry of their inbox, and an e-mail when a server is set up.
/// The text is written in the reader's language when shown, from `kind` and `args`.
final class InboxItem: Model, @unchecked Sendable {
    static let schema = "inbox_items"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The catalogue has `inbox.<kind>` with the arguments in order.
    @Field(key: "kind") var kind: String
    /// `[String]` as JSON.
    @Field(key: "args") var args: String
    /// Where the item leads, a path of this site.
    @Field(key: "link") var link: String
    @OptionalField(key: "unit_id") var unitID: UUID?
    @OptionalField(key: "read_at") var readAt: Date?
    @OptionalField(key: "emailed_at") var emailedAt: Date?
    @Parent(key: "user_id") var user: User

    var properties: [any AnyProperty] { [$id, $createdAt, $kind, $args, $link, $unitID, $readAt, $emailedAt, $user] }

    init() {}
}

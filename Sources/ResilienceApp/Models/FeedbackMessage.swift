import Fluent
import Foundation
import ResilienceCore

final class FeedbackMessage: Model, @unchecked Sendable {
    static let schema = "feedback_messages"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "from_reviewer") var fromReviewer: Bool
    @Field(key: "body") var body: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Parent(key: "thread_id") var thread: FeedbackThread

    var properties: [any AnyProperty] { [$id, $createdAt, $fromReviewer, $body, $authorID, $authorName, $thread] }

    init() {}
}

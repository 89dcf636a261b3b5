import Fluent
import Foundation

/// Someone looked at another person's personnel record: the person can see who, and when.
final class RecordView: Model, @unchecked Sendable {
    static let schema = "record_views"

    // Managed fields
    @ID(key: .id) var id: UUID?

    // Data fields
    @Field(key: "viewed_at") var viewedAt: Date

    // Relationships
    @Parent(key: "personnel_id") var personnel: Personnel
    @Parent(key: "viewer_id") var viewer: User

    var properties: [any AnyProperty] { [$id, $viewedAt, $personnel, $viewer] }

    init() {}
}

import Fluent
import Foundation
import ResilienceCore

/// A setting of the whole organization that HQ configures (the impact scale …), as JSON.
final class Setting: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "key") var key: String
    @Field(key: "value") var value: String

    var properties: [any AnyProperty] { [$id, $updatedAt, $key, $value] }

    init() {}
}

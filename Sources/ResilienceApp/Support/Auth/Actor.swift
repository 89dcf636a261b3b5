import Foundation
import ResilienceCore
import Vapor

/// The signed-in person making a request, with what they are granted.
struct Actor: Sendable {
    var id: UUID
    var username: String
    var displayName: String
    var language: String?
    var homeUnitID: UUID
    var grants: [Grant]

    func may(_ action: Action, on target: UnitPath) -> Bool { Access.allows(grants, action, on: target) }
    func maySomewhere(_ action: Action) -> Bool { Access.allowsSomewhere(grants, action) }
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }

    /// The signed-in person, if any.
    var actor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    /// The signed-in person; a route that needs one has already refused anonymous requests.
    func requireActor() throws -> Actor {
        guard let actor else { throw Abort(.unauthorized) }
        return actor
    }

    /// True for the JSON API, whose errors are JSON and whose auth is a bearer token.
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}

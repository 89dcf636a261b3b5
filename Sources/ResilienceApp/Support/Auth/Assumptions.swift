import Fluent
import Foundation
import Vapor

/// What a request took from memory instead of the database (who is asking, the unit its path
/// names), with the version of the data each was read at. The request's own read of versions
/// (a kept page's, see `Request.rendered`) checks them in the same statement; a request that
/// reads no versions has them checked once it has answered (`confirm`). Either way, an answer
/// built on something that has changed meanwhile is never sent: the request starts again from
/// the database (`ActorMiddleware`). Every server sharing the database sees the same versions,
/// so sign-out, revocation and deactivation on one are seen at once on all.
final class Assumptions: @unchecked Sendable {
    private let lock = NSLock()
    private var versions: [DataScope: Int64] = [:]
    private var confirmed = false

    var scopes: [DataScope] { lock.withLock { Array(versions.keys) } }

    func assume(_ scope: DataScope, at version: Int64) { lock.withLock { versions[scope] = version } }

    /// Checks the assumptions against versions read from the database; throws `Stale` when one
    /// has changed.
    func check(_ read: [DataScope: Int64]) throws {
        try lock.withLock {
            for (scope, version) in versions {
                guard (read[scope] ?? 0) == version else { throw Stale() }
            }
            confirmed = true
        }
    }

    var needsConfirming: Bool { lock.withLock { !versions.isEmpty && !confirmed } }

    /// Something a request took from memory has changed: it starts again from the database.
    struct Stale: Error {}
}

extension Request {
    private struct AssumptionsKey: StorageKey { typealias Value = Assumptions }

    /// What this request took from memory, to be checked with its versions.
    var assumptions: Assumptions {
        if let existing = storage[AssumptionsKey.self] { return existing }
        let new = Assumptions()
        storage[AssumptionsKey.self] = new
        return new
    }

    func forgetAssumptions() { storage[AssumptionsKey.self] = nil }

    /// The versions of `scopes` as one text, read in the same statement as the versions this
    /// request's assumptions were made at (throws `Assumptions.Stale` when one has changed).
    func versions(of scopes: [DataScope]) async throws -> String {
        let assumed = assumptions.scopes
        let read = try await DataVersions.counters(of: scopes + assumed.filter { !scopes.contains($0) }, on: db)
        if !assumed.isEmpty { try assumptions.check(read) }
        return DataVersions.text(scopes, read)
    }

    /// Checks the request's assumptions when nothing has checked them yet.
    func confirmAssumptions() async throws {
        guard assumptions.needsConfirming else { return }
        try assumptions.check(try await DataVersions.counters(of: assumptions.scopes, on: db))
    }
}

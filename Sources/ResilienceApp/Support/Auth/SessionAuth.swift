import Fluent
import Foundation
import Vapor

/// Browser sessions kept in the database, so several server processes can share them. A request
/// reads its session; only signing in, signing out and (every few minutes) sliding the expiry
/// write, so reads never queue behind writes.
enum SessionAuth {
    static let cookieName = "resilience_session"
    /// A session ends this long after it was last used.
    static let idleLifetime: TimeInterval = 12 * 3600
    /// How stale `last_seen_at` may get before a request refreshes it.
    static let touchInterval: TimeInterval = 5 * 60

    /// Starts a session for the user and puts its cookie on the response.
    static func start(for userID: UUID, on request: Request, response: Response) async throws {
        let (token, hash) = TokenAuth.generate()
        let session = UserSession()
        session.tokenHash = hash
        session.$user.id = userID
        session.lastSeenAt = request.now
        session.expiresAt = request.now.addingTimeInterval(idleLifetime)
        try await session.create(on: request.db)
        response.cookies[cookieName] = cookie(token, request)
    }

    /// The signed-in person of a request, if its cookie names a live session of an active account.
    static func actor(for request: Request, unitID: UUID? = nil) async throws -> ActorQuery.Found? {
        guard let token = request.sentCookies[cookieName]?.string, !token.isEmpty,
            let found = try await ActorQuery.find(
                .session, hash: TokenAuth.hash(token), unitID: unitID, now: request.now, on: request.db)
        else { return nil }
        if found.lastUsed.map({ request.now.timeIntervalSince($0) > touchInterval }) ?? true {
            try await UserSession.query(on: request.db).filter(\.$id == found.credentialID)
                .set(\.$lastSeenAt, to: request.now).set(\.$expiresAt, to: request.now.addingTimeInterval(idleLifetime))
                .update()
        }
        return found
    }

    /// Ends the request's session and clears its cookie.
    static func end(_ request: Request, response: Response) async throws {
        if let token = request.sentCookies[cookieName]?.string {
            let hash = TokenAuth.hash(token)
            let session = try await UserSession.query(on: request.db).filter(\.$tokenHash == hash).first()
            try await UserSession.query(on: request.db).filter(\.$tokenHash == hash).delete()
            // After the delete: a server reading the person in between remembers the new version.
            if let session { try await DataVersions.bump([.access(session.$user.id)], on: request.db) }
            request.kept.forget(ActorMemo.key(hash))
        }
        response.cookies[cookieName] = .expired
    }

    /// Ends every other session of the user (after a password change, a stolen cookie stops working).
    static func endOthers(of userID: UUID, keeping request: Request) async throws {
        let current = request.sentCookies[cookieName].map { TokenAuth.hash($0.string) } ?? ""
        try await UserSession.query(on: request.db).filter(\.$user.$id == userID).filter(\.$tokenHash != current)
            .delete()
        try await DataVersions.bump([.access(userID)], on: request.db)
    }

    /// The cookie outlives the session it names (the server decides when a session ends, sliding
    /// it with use): a browser kept open past the first twelve hours stays signed in, and a post
    /// after the session has ended is known as such (and kept, see `HeldPost`).
    static let cookieLifetime: TimeInterval = 30 * 86_400

    private static func cookie(_ token: String, _ request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, expires: request.now.addingTimeInterval(cookieLifetime), maxAge: nil, path: "/",
            isSecure: request.application.appConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}

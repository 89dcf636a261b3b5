import Crypto
import Fluent
import Vapor

/// Finds who is asking: a bearer token for the API, the session cookie for pages. A read (GET)
/// by someone read a moment ago uses what was remembered of them (`ActorMemo`) and checks it
/// with the page's own read of versions (`Assumptions`), so that a kept page costs one read;
/// anything else, and a read whose assumption has changed, reads the database.
struct ActorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The unit the path names is read with the person, in the same statement.
        let unitID = request.parameters.get("unitID").flatMap(UUID.init(uuidString:))
        guard let credential = Credential(request) else { return try await next.respond(to: request) }
        if request.method == .GET || request.method == .HEAD,
            let memo = request.kept.peek(ActorMemo.key(credential.hash)),
            memo.isUsable(now: request.now, touchInterval: credential.touchInterval)
        {
            let unit = unitID.flatMap { request.kept.peek(UnitMemo.key($0)) }
            if unitID == nil || unit != nil {
                request.actor = memo.actor
                request.assumptions.assume(.access(memo.actor.id), at: memo.accessVersion)
                if let unit {
                    request.loaded(unitParameter: unit.unit)
                    request.assumptions.assume(.all(.units), at: unit.unitsVersion)
                }
                if let response = try await Self.answer(request, next) { return response }
                // What was remembered has changed: forget it, and answer from the database.
                request.kept.forget(ActorMemo.key(credential.hash))
                request.forgetAssumptions()
                request.forgetLoaded()
                request.actor = nil
            }
        }
        let found: ActorQuery.Found? =
            switch credential.kind {
            case .token:
                try await TokenAuth.actor(for: credential.token, unitID: unitID, now: request.now, on: request.db)
            case .session: try await SessionAuth.actor(for: request, unitID: unitID)
            }
        if let found {
            request.actor = found.actor
            // Touched just now when it was due (see `SessionAuth.actor`, `TokenAuth.actor`).
            let due = found.lastUsed.map { request.now.timeIntervalSince($0) > credential.touchInterval } ?? true
            request.kept.keep(
                ActorMemo.key(credential.hash),
                ActorMemo(
                    actor: found.actor, credentialID: found.credentialID, lastUsed: due ? request.now : found.lastUsed,
                    accessVersion: found.accessVersion), cost: 256 + 64 * found.actor.grants.count)
            if let unit = found.unit {
                request.loaded(unitParameter: unit)
                request.kept.keep(UnitMemo.key(unit.id!), UnitMemo(unit, unitsVersion: found.unitsVersion), cost: 256)
            }
        }
        return try await next.respond(to: request)
    }

    /// The answer made with what was remembered, once what it assumed is confirmed (an error
    /// too: a refusal may come from a grant since revoked); nil when an assumption has changed.
    private static func answer(_ request: Request, _ next: any AsyncResponder) async throws -> Response? {
        let outcome: Result<Response, any Error>
        do { outcome = .success(try await next.respond(to: request)) } catch { outcome = .failure(error) }
        if case .failure(let error) = outcome, error is Assumptions.Stale { return nil }
        do { try await request.confirmAssumptions() } catch is Assumptions.Stale { return nil }
        return try outcome.get()
    }

    /// The credential a request carries: the API's bearer token, or the pages' session cookie.
    struct Credential {
        enum Kind { case token, session }
        var kind: Kind
        var token: String
        var hash: String

        init?(_ request: Request) {
            if request.isAPI {
                guard let bearer = request.headers.bearerAuthorization else { return nil }
                kind = .token; token = bearer.token
            } else {
                guard let cookie = request.sentCookies[SessionAuth.cookieName]?.string, !cookie.isEmpty else {
                    return nil
                }
                kind = .session; token = cookie
            }
            hash = TokenAuth.hash(token)
        }

        var touchInterval: TimeInterval { kind == .token ? TokenAuth.touchInterval : SessionAuth.touchInterval }
    }
}

/// API tokens: made of random bytes, stored as their SHA-256 only.
enum TokenAuth {
    /// A new token and the hash to store for it.
    static func generate() -> (token: String, hash: String) {
        let bytes = [UInt8].random(count: 32)
        let token = "rsl_" + Data(bytes).base64URLEncodedString()
        return (token, hash(token))
    }

    static func hash(_ token: String) -> String {
        // Hex by table: String(format:) per byte was a few per cent of every request.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)]); hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// How stale `last_used_at` may get before a request records the token's use.
    static let touchInterval: TimeInterval = 60

    static func actor(
        for token: String, unitID: UUID? = nil, now: Date, on db: any Database
    ) async throws -> ActorQuery.Found? {
        guard let found = try await ActorQuery.find(.token, hash: hash(token), unitID: unitID, now: now, on: db) else {
            return nil
        }
        // Touch at most once a minute: a busy script must not turn every read into a write.
        if found.lastUsed.map({ now.timeIntervalSince($0) > touchInterval }) ?? true {
            try await APIToken.query(on: db).filter(\.$id == found.credentialID).set(\.$lastUsedAt, to: now).update()
        }
        return found
    }
}

extension TokenAuth {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// 22 random characters of the URL-safe base-64 alphabet (132 bits): each page's `_once`.
    /// Drawn from three random words and written by table: random bytes through `Data`'s
    /// base-64 and three replacements were a twentieth of serving a kept page.
    static func randomText() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<3).map { _ in generator.next() as UInt64 }
        var out: [UInt8] = []
        out.reserveCapacity(22)
        for i in 0..<22 { out.append(alphabet[Int((words[i / 10] >> (6 * UInt64(i % 10))) & 63)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Request {
    private struct SentCookiesKey: StorageKey { typealias Value = HTTPCookies }

    /// The cookies the request came with, parsed once: Vapor parses the header again on every
    /// read of `cookies`, five times a request here (8 % of serving a kept page).
    var sentCookies: HTTPCookies {
        if let parsed = storage[SentCookiesKey.self] { return parsed }
        let parsed = cookies
        storage[SentCookiesKey.self] = parsed
        return parsed
    }
}

extension Data {
    func base64URLEncodedString() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

import Crypto
import Fluent
import Vapor

/// Finds who is asking: a bearer token for the API, the session cookie for pages.
struct ActorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The unit the path names is read with the person, in the same statement.
        let unitID = request.parameters.get("unitID").flatMap(UUID.init(uuidString:))
        let found: ActorQuery.Found?
        if request.isAPI {
            found =
                if let bearer = request.headers.bearerAuthorization {
                    try await TokenAuth.actor(for: bearer.token, unitID: unitID, now: request.now, on: request.db)
                } else { nil }
        } else {
            found = try await SessionAuth.actor(for: request, unitID: unitID)
        }
        request.actor = found?.actor
        if let unit = found?.unit { request.loaded(unitParameter: unit) }
        return try await next.respond(to: request)
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

    static func actor(
        for token: String, unitID: UUID? = nil, now: Date, on db: any Database
    ) async throws -> ActorQuery.Found? {
        guard let found = try await ActorQuery.find(.token, hash: hash(token), unitID: unitID, now: now, on: db) else {
            return nil
        }
        // Touch at most once a minute: a busy script must not turn every read into a write.
        if found.lastUsed.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await APIToken.query(on: db).filter(\.$id == found.credentialID).set(\.$lastUsedAt, to: now).update()
        }
        return found
    }
}

extension Data {
    func base64URLEncodedString() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

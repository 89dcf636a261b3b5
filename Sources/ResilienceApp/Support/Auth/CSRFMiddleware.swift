import Vapor

/// Protects every form that changes data with a double-submit token: a random cookie that
/// only this site can read, repeated in a hidden field. The API uses bearer tokens and is exempt.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "resilience_csrf"
    static let fieldName = "_csrf"
    let secure: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI { return try await next.respond(to: request) }
        let existing = request.sentCookies[Self.cookieName]?.string
        let token =
            existing.flatMap { $0.count == 43 ? $0 : nil } ?? Data([UInt8].random(count: 32)).base64URLEncodedString()
        request.csrfToken = token
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            _ = try await request.body.collect(max: 1 << 20).get()
            let sent = try? request.content.get(String.self, at: Self.fieldName)
            guard let existing, let sent, constantTimeEqual(sent, existing) else {
                throw AppError.csrf
            }
        }
        let response = try await next.respond(to: request)
        if existing != token {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, expires: nil, maxAge: nil, path: "/", isSecure: secure,
                isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token the forms of this page carry.
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }

    private struct OnceKey: StorageKey { typealias Value = String }

    /// The random value the forms of this page carry, drawn once per request: a repeat of a post
    /// is known by it (see `RepeatedPostMiddleware`).
    var onceToken: String {
        if let token = storage[OnceKey.self] { return token }
        let token = TokenAuth.randomText()
        storage[OnceKey.self] = token
        return token
    }
}

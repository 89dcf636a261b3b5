import Fluent
import Foundation
import Vapor

/// A form post that arrived after its sender's session had ended: kept (for a day, for that
/// person only) instead of lost, and sent for them as soon as they sign in again in the same
/// browser. They then see what it did, or the form again with what they typed and what to fix.
final class HeldPost: Model, @unchecked Sendable {
    static let schema = "held_posts"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "path") var path: String
    /// The fields as sent, as JSON (without the anti-forgery and repeat tokens).
    @Field(key: "fields") var fields: String
    @Field(key: "at") var at: Date

    var properties: [any AnyProperty] { [$id, $userID, $path, $fields, $at] }

    init() {}

    static let cookieName = "resilience_held"
    static let keptFor: TimeInterval = 86_400
    /// Larger posts (a file) are not kept.
    static let largest = 64 * 1024

    /// Keeps the post of a request refused for want of a session, when the browser's cookie still
    /// names the (ended) session of an account; nil when there is nothing to keep or nobody to
    /// keep it for.
    static func keep(_ request: Request) async -> HeldPost? {
        guard request.method == .POST, request.headers.contentType == .urlEncodedForm,
            let body = request.body.data, body.readableBytes <= largest,
            let token = request.sentCookies[SessionAuth.cookieName]?.string, !token.isEmpty,
            var fields = try? request.content.decode([String: String].self)
        else { return nil }
        do {
            guard
                let session = try await UserSession.query(on: request.db)
                    .filter(\.$tokenHash == TokenAuth.hash(token)).first()
            else { return nil }
            fields[CSRFMiddleware.fieldName] = nil
            fields[RepeatedPostMiddleware.fieldName] = nil
            let held = HeldPost()
            held.userID = session.$user.id
            held.path = request.url.path
            held.fields = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
            held.at = request.now
            try await held.create(on: request.db)
            try await HeldPost.query(on: request.db).filter(\.$at < request.now.addingTimeInterval(-keptFor)).delete()
            return held
        } catch {
            request.logger.warning("A post after the session ended could not be kept: \(error)")
            return nil
        }
    }

    /// After `userID` has signed in: sends the post this browser holds for them, as them, through
    /// every check a post passes, and answers with what it answered (nil when nothing is held).
    /// The new session's cookie goes with it.
    static func send(
        for userID: UUID, signedIn: Response, _ request: Request
    ) async throws -> Response? {
        guard let raw = request.sentCookies[cookieName]?.string, let id = UUID(uuidString: raw) else { return nil }
        // Only for the person who sent it: someone else signing in in this browser leaves it be.
        guard let held = try await HeldPost.find(id, on: request.db), held.userID == userID else { return nil }
        try await held.delete(on: request.db)
        guard request.now.timeIntervalSince(held.at) < keptFor,
            let session = signedIn.cookies[SessionAuth.cookieName]?.string,
            var fields = try? JSONDecoder().decode([String: String].self, from: Data(held.fields.utf8))
        else { return nil }
        fields[CSRFMiddleware.fieldName] = request.csrfToken
        fields[RepeatedPostMiddleware.fieldName] = request.onceToken
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        headers.replaceOrAdd(
            name: .cookie,
            value: [
                "\(SessionAuth.cookieName)=\(session)", "\(CSRFMiddleware.cookieName)=\(request.csrfToken)",
            ].joined(separator: "; "))
        for name in [HTTPHeaders.Name.acceptLanguage, .userAgent] {
            if let value = request.headers.first(name: name) { headers.replaceOrAdd(name: name, value: value) }
        }
        let body = fields.map { "\(encoded($0.key))=\(encoded($0.value))" }.joined(separator: "&")
        let post = Request(
            application: request.application, method: .POST, url: URI(path: held.path), headers: headers,
            collectedBody: ByteBuffer(string: body), remoteAddress: request.remoteAddress, logger: request.logger,
            on: request.eventLoop)
        let response = try await request.application.responder.respond(to: post).get()
        response.cookies[SessionAuth.cookieName] = signedIn.cookies[SessionAuth.cookieName]
        response.cookies[cookieName] = .expired
        return response
    }

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

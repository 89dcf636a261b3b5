import Fluent
import Foundation
import SQLKit
import Vapor

/// A form sent twice (a double click, a reload on a slow link, a retry after a timeout) saves once.
/// Every form of a page carries a fresh random `_once` (see `postForm`); the first post of it
/// claims `(once, path)` in `form_posts` before it runs, and keeps where it led. A repeat finds the
/// claim and is sent where the first one led, told that nothing was saved twice; while the first
/// is still running the repeat waits for it. A post that saves nothing (refused, or a page such as
/// an import's preview) gives its claim up, so that sending it again runs it again. Rows are kept
/// a day. Signing in, out and the language switch are not claimed: each sets cookies of its own.
struct RepeatedPostMiddleware: AsyncMiddleware {
    static let fieldName = "_once"
    static let keptFor: TimeInterval = 86_400
    /// How long a repeat waits for the first post to finish.
    static let wait: Duration = .seconds(10)

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, !request.isAPI, request.actor != nil,
            request.url.path != AppPath.signOut.path, request.url.path != AppPath.language.path,
            let once = try? request.content.get(String.self, at: Self.fieldName), once.count >= 16,
            let sql = request.db as? any SQLDatabase
        else { return try await next.respond(to: request) }
        let key = TokenAuth.hash("\(once) \(request.url.path)")
        let now = request.now
        let claimed = try await sql.insert(into: "form_posts").columns("key", "at").values(
            SQLBind(key), SQLBind(now)
        )
        .ignoringConflicts(with: "key").returning("key").all()
        guard !claimed.isEmpty else { return try await repeated(key, request, next, sql) }
        if Int.random(in: 0..<64) == 0 {
            try? await sql.delete(from: "form_posts").where("at", .lessThan, now.addingTimeInterval(-Self.keptFor))
                .run()
        }
        let response: Response
        do { response = try await next.respond(to: request) } catch {
            try? await sql.delete(from: "form_posts").where("key", .equal, key).run()
            throw error
        }
        if (300..<400).contains(response.status.code), let location = response.headers.first(name: .location) {
            try await sql.update("form_posts").set("location", to: location).where("key", .equal, key).run()
        } else {
            try await sql.delete(from: "form_posts").where("key", .equal, key).run()
        }
        return response
    }

    /// A repeat: where the first post led, once it has finished; the post itself when the first
    /// one saved nothing after all.
    private func repeated(
        _ key: String, _ request: Request, _ next: any AsyncResponder, _ sql: any SQLDatabase
    ) async throws -> Response {
        let deadline = ContinuousClock.now + Self.wait
        while true {
            let row = try await sql.select().column("location").from("form_posts").where("key", .equal, key).first()
            guard let row else { return try await next.respond(to: request) }
            if let location = try row.decodeNil(column: "location")
                ? nil : row.decode(column: "location", as: String.self)
            {
                return request.redirect(to: location, said: Said(.repeated))
            }
            if ContinuousClock.now > deadline { return request.redirect(to: request.url.path, said: Said(.repeated)) }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}

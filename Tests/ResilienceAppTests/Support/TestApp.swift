import Fluent
import Foundation
import NIOCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// Runs a test on a fresh database: in-memory SQLite, or with `RESILIENCE_TEST_POSTGRES_URL` set,
/// a schema of its own on that PostgreSQL server, so tests still run in parallel.
func withTestApp(demo: Bool = true, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    var schema: String?
    var database = AppConfig.Database.sqliteMemory
    if let url = ProcessInfo.processInfo.environment["RESILIENCE_TEST_POSTGRES_URL"], !url.isEmpty {
        schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        database = .postgres(url: url, searchPath: schema)
    }
    var throttle = SignInThrottle()
    throttle.delayStep = 0.01
    do {
        var config = AppConfig(database: database, bcryptCost: 4, throttle: throttle)
        // Tests run side by side on one PostgreSQL server of 100 connections: two per event loop
        // each keeps them within it (the server's default of four ran out of slots).
        config.postgresPoolPerEventLoop = 2
        // The whole suite shares the server, and a test of 64 sign-ins at once waits behind the
        // others for its connections: longer than a server would let a person wait.
        config.postgresPoolTimeoutSeconds = 120
        try await configure(app, config)
        if let schema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
        if demo { try await DemoData.load(on: app.db, hasher: app.password.sync, now: app.clock.now) }
        try await body(app)
    } catch {
        await cleanUp(app, schema)
        throw error
    }
    await cleanUp(app, schema)
}

private func cleanUp(_ app: Application, _ schema: String?) async {
    if let schema, let sql = app.db as? any SQLDatabase {
        try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
}

/// A browser in a test: keeps cookies, sends forms with the anti-forgery token.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var language = "en"

    init(_ app: Application) { self.app = app }

    var csrf: String { cookies[CSRFMiddleware.cookieName] ?? "" }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf: Bool = true) async throws -> TestingHTTPResponse {
        if self.csrf.isEmpty { try await get(AppPath.signIn.path) }
        var fields = form
        if csrf { fields[CSRFMiddleware.fieldName] = self.csrf }
        let body = fields.map { "\($0.key.urlEncoded)=\($0.value.urlEncoded)" }.joined(separator: "&")
        return try await send(.POST, path, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a file as an import form does (multipart, with the anti-forgery token).
    @discardableResult
    func upload(_ path: String, file: String) async throws -> TestingHTTPResponse {
        if csrf.isEmpty { try await get(AppPath.signIn.path) }
        let boundary = "----upload\(UUID().uuidString.prefix(8))"
        let body =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(CSRFMiddleware.fieldName)\"\r\n\r\n\(csrf)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    func send(
        _ method: HTTPMethod, _ path: String, body: String?, contentType: String? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .acceptLanguage, value: language)
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let contentType { headers.add(name: .contentType, value: contentType) }
        let response = try await app.testing().sendRequest(
            method, path, headers: headers,
            body: body.map { ByteBuffer(string: $0) })
        for value in response.headers[.setCookie] {
            let pair = value.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            // A cookie set empty or to expire now is cleared, as a browser does.
            if parts.count == 2, !parts[1].isEmpty, !value.contains("Max-Age=0") {
                cookies[parts[0]] = parts[1]
            } else if let name = parts.first {
                cookies[name] = nil
            }
        }
        return response
    }

    /// Signs in; true when the server accepted.
    @discardableResult
    func signIn(_ username: String, _ password: String = DemoData.password) async throws -> Bool {
        let response = try await post(AppPath.signIn.path, ["username": username, "password": password, "next": "/"])
        return response.status == .seeOther
    }
}

extension String {
    var urlEncoded: String { addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? self }
}

func unit(_ code: String, _ app: Application) async throws -> ResilienceApp.Unit {
    try #require(try await ResilienceApp.Unit.query(on: app.db).filter(\.$code == code).first())
}

func user(_ username: String, _ app: Application) async throws -> User {
    try #require(try await User.query(on: app.db).filter(\.$username == username).first())
}

/// Headers for calling the API as a demo account: a fresh bearer token, JSON.
func apiHeaders(_ username: String, _ app: Application) async throws -> HTTPHeaders {
    let account = try await user(username, app)
    let token = try await TokenService.create(for: account.requireID(), name: "test", by: app.systemContext, on: app.db)
        .1
    var headers = HTTPHeaders()
    headers.bearerAuthorization = BearerAuthorization(token: token)
    headers.contentType = .json
    return headers
}

/// The unit's plan of the newest cycle (in the demo, the draft being written).
func newestPlan(_ code: String, _ app: Application) async throws -> Plan {
    let u = try await unit(code, app)
    return try #require(
        try await Plan.query(on: app.db).filter(\.$unit.$id == u.requireID()).sort(\.$cycle, .descending).first())
}

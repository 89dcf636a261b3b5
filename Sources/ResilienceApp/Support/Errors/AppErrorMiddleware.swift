import AsyncKit
import Fluent
import NIOCore
import PostgresNIO
import ResilienceCore
import Vapor

/// Turns every error into a page for people and JSON for programs, in the request's language.
/// Nothing below it ever shows a stack trace or a database message to a user.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let failure = describe(error, request)
            if failure.status == .unauthorized, !request.isAPI { return await signInAgain(request) }
            return render(failure, for: request)
        }
    }

    /// To sign in, then back where the person was. A form sent after the session ended is kept
    /// and sent for them once they are signed in again; the sign-in page says why it is needed.
    private func signInAgain(_ request: Request) async -> Response {
        var query: [(String, String?)] = []
        var held: HeldPost?
        if request.method == .GET {
            query.append(("next", request.url.string))
        } else {
            held = await HeldPost.keep(request)
            query.append(("next", held?.path ?? AppPath.home.path))
        }
        if held != nil {
            query.append(("held", "1"))
        } else if request.sentCookies[SessionAuth.cookieName] != nil {
            query.append(("expired", "1"))
        }
        let response = request.redirect(to: AppPath.signIn.with(query), redirectType: .normal)
        if let held, let id = held.id {
            response.cookies[HeldPost.cookieName] = HTTPCookies.Value(
                string: id.uuidString, expires: nil, maxAge: Int(HeldPost.keptFor), path: "/",
                isSecure: request.application.appConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    /// What went wrong, as a status, a stable code, a message and per-field messages.
    struct Failure {
        var status: HTTPResponseStatus
        var code: String
        var message: String
        var fields: [(field: String, code: String, message: String)] = []
        /// What must be fixed first, when a move is refused for the plan's errors.
        var findings: [APIError.Body.Finding] = []
        var headers: HTTPHeaders = [:]
    }

    func describe(_ error: any Error, _ request: Request) -> Failure {
        let t = request.localizer
        switch error {
        case let blocked as BlockedByFindings:
            var failure = describe(blocked.refusal, request)
            failure.findings = blocked.findings.map {
                .init(
                    severity: $0.severity.rawValue, code: $0.code.rawValue, section: $0.section.rawValue,
                    item: $0.itemID, field: $0.field, message: PlanPages.message($0, t),
                    link: PlanPages.link(to: $0, planID: blocked.planID))
            }
            return failure
        case let errors as ValidationErrors:
            return Failure(
                status: .unprocessableEntity, code: "validation", message: t("error.validation"),
                fields: errors.errors.map { ($0.field ?? "", $0.problem.rawValue, t.message($0)) })
        case let error as DomainError:
            let status: HTTPResponseStatus =
                switch error.problem {
                case .notFound: .notFound
                case .taken, .grantExists: .conflict
                default: .unprocessableEntity
                }
            return Failure(
                status: status, code: error.problem.rawValue, message: t.message(error),
                fields: error.field.map { [($0, error.problem.rawValue, t.message(error))] } ?? [])
        case AppError.csrf:
            return Failure(status: .forbidden, code: "csrf", message: t("error.csrf"))
        case AppError.locked(let until):
            return Failure(
                status: .tooManyRequests, code: "locked", message: t("error.locked", t.dateTime(until)),
                headers: ["Retry-After": String(Int(max(1, until.timeIntervalSinceNow)))])
        case AppError.badRequest(let detail):
            return Failure(status: .badRequest, code: "bad_request", message: t("error.bad_request", detail))
        case is DecodingError:
            return Failure(
                status: .badRequest, code: "bad_request",
                message: t("error.bad_request", Self.describe(decoding: error, t)))
        case let abort as any AbortError:
            let status = abort.status
            let key = "error.status.\(status.code)"
            let text = t(key)
            var failure = Failure(
                status: status, code: Self.code(for: status),
                message: text == key ? t("error.status.other", String(status.code)) : text)
            failure.headers = abort.headers
            if status == .unauthorized, request.isAPI {
                failure.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            }
            return failure
        case _ where Self.isDatabaseUnreachable(error):
            request.logger.warning("Database not reachable: \(String(reflecting: error))")
            return Failure(
                status: .serviceUnavailable, code: "database_unavailable", message: t("error.database_unavailable"),
                headers: ["Retry-After": "10"])
        default:
            request.logger.report(error: error)
            return Failure(status: .internalServerError, code: "internal", message: t("error.status.500"))
        }
    }

    /// Errors that say the database cannot be reached now (restarting, a connection lost, the
    /// pool waiting in vain), as opposed to a fault of this request: they pass by themselves.
    static func isDatabaseUnreachable(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError:
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return true
            case .server:
                // SQLSTATE class 08 (connection exception) and 57P (the server shutting down or
                // starting up).
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || state.hasPrefix("57P")
            default:
                return false
            }
        case is ConnectionPoolTimeoutError, is NIOConnectionError, is ChannelError:
            return true
        case let error as ConnectionPoolError:
            return error == .shutdown
        case let error as IOError:
            return [ECONNREFUSED, ECONNRESET, EPIPE, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode)
        default:
            return false
        }
    }

    static func code(for status: HTTPResponseStatus) -> String {
        switch status {
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .payloadTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .badRequest: "bad_request"
        default: "http_\(status.code)"
        }
    }

    /// A decoding error told in terms of the JSON or form field, never of Swift types, in the
    /// request's language.
    static func describe(decoding error: any Error, _ t: Localizer) -> String {
        guard let error = error as? DecodingError else { return t("error.decoding.malformed") }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return t("error.decoding.missing", (path(context).isEmpty ? "" : path(context) + ".") + key.stringValue)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return t("error.decoding.wrong_type", path(context))
        case .dataCorrupted(let context):
            return path(context).isEmpty ? t("error.decoding.malformed") : t("error.decoding.invalid", path(context))
        @unknown default:
            return t("error.decoding.malformed")
        }
    }

    private func render(_ failure: Failure, for request: Request) -> Response {
        if request.isAPI {
            let body = APIError(
                error: .init(
                    status: Int(failure.status.code), code: failure.code, message: failure.message,
                    fields: failure.fields.isEmpty
                        ? nil : failure.fields.map { .init(field: $0.field, code: $0.code, message: $0.message) },
                    findings: failure.findings.isEmpty ? nil : failure.findings))
            let response = Response(status: failure.status, headers: failure.headers)
            try? response.content.encode(body, as: .json)
            return response
        }
        let page = ErrorPage(
            status: failure.status, message: failure.message,
            fields: failure.fields.map(\.message) + failure.findings.map(\.message))
        let response = Layout.response(
            for: request, title: request.localizer("error.title", String(failure.status.code)),
            status: failure.status, content: page.body(request.localizer))
        for (name, value) in failure.headers where name.lowercased() == "retry-after" {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }
}

/// The JSON body of every API error.
struct APIError: Content {
    struct Body: Content {
        struct Field: Content { var field: String; var code: String; var message: String }
        /// A finding on a plan that blocks the move: the item it concerns and where to fix it.
        struct Finding: Content {
            var severity: String; var code: String; var section: String; var item: UUID?; var field: String?
            var message: String; var link: String
        }
        var status: Int
        var code: String
        var message: String
        var fields: [Field]?
        var findings: [Finding]?
    }
    var error: Body
}

import Foundation
import ResilienceCore

/// An SMTP server to send e-mail through (plain SMTP, as a relay on the local network offers).
public struct SMTPConfig: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var from: String
    public init(host: String, port: Int, from: String) { self.host = host; self.port = port; self.from = from }
}

/// An SMS gateway, Kannel: messages are handed to its `sendsms` HTTP interface, and it calls the
/// server's inbound address with each reply, carrying the shared secret.
public struct SMSConfig: Sendable, Equatable {
    /// e.g. `http://127.0.0.1:13013/cgi-bin/sendsms`.
    public var sendURL: String
    public var username: String
    public var password: String
    /// The number people reply to (Kannel's `from`), when the operator gives one.
    public var sender: String?
    /// What Kannel must send with each reply and delivery report, so nobody else can answer for a person.
    public var secret: String
    /// Where Kannel reaches this server for delivery reports (`RESILIENCE_SMS_CALLBACK`, default
    /// `RESILIENCE_PUBLIC_URL`).
    public var callbackBase: String?
    public init(
        sendURL: String, username: String, password: String, sender: String?, secret: String,
        callbackBase: String? = nil
    ) {
        self.sendURL = sendURL; self.username = username; self.password = password; self.sender = sender
        self.secret = secret; self.callbackBase = callbackBase
    }
}

/// Everything the server reads from its environment, read in one place. No variable is needed to
/// run: each has a documented default.
public struct AppConfig: Sendable {
    /// Where the data lives.
    public enum Database: Sendable, Equatable {
        /// A SQLite file at this path (the embedded default).
        case sqliteFile(String)
        /// An in-memory SQLite database (tests).
        case sqliteMemory
        /// A PostgreSQL server; `searchPath` puts every table in one schema (tests use one
        /// schema each so that they run in parallel).
        case postgres(url: String, searchPath: String?)
    }

    public var database: Database
    /// bcrypt cost for new password hashes (`RESILIENCE_BCRYPT_COST`, default 12).
    public var bcryptCost: Int
    /// Mark cookies Secure (`RESILIENCE_SECURE_COOKIES=true` behind HTTPS; default false).
    public var secureCookies: Bool
    /// How failed sign-ins are slowed and locked.
    public var throttle: SignInThrottle
    /// Load the demo organization and accounts into an empty database when serving.
    public var demo: Bool
    /// PostgreSQL connections per event loop (`RESILIENCE_DB_POOL`, default 4): with one, every
    /// concurrent request queues behind the others' queries.
    public var postgresPoolPerEventLoop: Int = 4
    /// Seconds a request waits for a PostgreSQL connection before it is told the database is busy
    /// (`RESILIENCE_DB_POOL_TIMEOUT`, default 10).
    public var postgresPoolTimeoutSeconds: Int = 10
    /// Where e-mail goes (`RESILIENCE_SMTP_HOST`, `RESILIENCE_SMTP_PORT` default 25,
    /// `RESILIENCE_SMTP_FROM`); without a host the in-app inbox alone works.
    public var smtp: SMTPConfig?
    /// Where roll-call SMS go (`RESILIENCE_SMS_URL`, `RESILIENCE_SMS_USERNAME`, `RESILIENCE_SMS_PASSWORD`,
    /// `RESILIENCE_SMS_FROM`, `RESILIENCE_SMS_SECRET`); without URL and secret, roll-calls send no SMS.
    public var sms: SMSConfig?
    /// The address people reach the site at (`RESILIENCE_PUBLIC_URL`, e.g. `https://resilience.example.org`),
    /// for links in e-mail; without it e-mail carries the path alone.
    public var publicURL: String?
    /// How many megabytes of memory the kept pages and data may take (`RESILIENCE_KEPT_MB`,
    /// default 64): the one budget of the application's cache (`KeptCache`).
    public var keptMegabytes: Int = 64

    public init(
        database: Database, bcryptCost: Int = 12, secureCookies: Bool = false,
        throttle: SignInThrottle = SignInThrottle(), demo: Bool = false
    ) {
        self.database = database
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.throttle = throttle
        self.demo = demo
    }

    /// Reads the environment:
    /// - `DATABASE_URL`: `postgres://user:pass@host:port/db`, or `sqlite:///absolute/path.sqlite`;
    ///   default `resilience.sqlite` in the working directory.
    /// - `RESILIENCE_BCRYPT_COST`, `RESILIENCE_SECURE_COOKIES` as above.
    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment,
        demo: Bool = false
    ) throws -> AppConfig {
        var config = AppConfig(
            database: try parseDatabaseURL(env["DATABASE_URL"]),
            bcryptCost: Int(env["RESILIENCE_BCRYPT_COST"] ?? "") ?? 12,
            secureCookies: env["RESILIENCE_SECURE_COOKIES"] == "true",
            demo: demo
        )
        if let pool = Int(env["RESILIENCE_DB_POOL"] ?? ""), (1...64).contains(pool) {
            config.postgresPoolPerEventLoop = pool
        }
        if let seconds = Int(env["RESILIENCE_DB_POOL_TIMEOUT"] ?? ""), (1...600).contains(seconds) {
            config.postgresPoolTimeoutSeconds = seconds
        }
        if let mb = Int(env["RESILIENCE_KEPT_MB"] ?? ""), (1...4096).contains(mb) { config.keptMegabytes = mb }
        if let url = env["RESILIENCE_PUBLIC_URL"], !url.isEmpty {
            config.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let host = env["RESILIENCE_SMTP_HOST"], !host.isEmpty {
            config.smtp = SMTPConfig(
                host: host, port: Int(env["RESILIENCE_SMTP_PORT"] ?? "") ?? 25,
                from: env["RESILIENCE_SMTP_FROM"] ?? "resilience@localhost")
        }
        if let url = env["RESILIENCE_SMS_URL"], !url.isEmpty, let secret = env["RESILIENCE_SMS_SECRET"],
            !secret.isEmpty
        {
            config.sms = SMSConfig(
                sendURL: url, username: env["RESILIENCE_SMS_USERNAME"] ?? "",
                password: env["RESILIENCE_SMS_PASSWORD"] ?? "",
                sender: env["RESILIENCE_SMS_FROM"].flatMap { $0.isEmpty ? nil : $0 }, secret: secret,
                callbackBase: env["RESILIENCE_SMS_CALLBACK"].flatMap { $0.isEmpty ? nil : $0 })
        }
        return config
    }

    /// Turns `DATABASE_URL` into a database choice; nil or empty gives the SQLite default.
    public static func parseDatabaseURL(_ raw: String?) throws -> Database {
        guard let raw, !raw.isEmpty else { return .sqliteFile("resilience.sqlite") }
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            return .postgres(url: raw, searchPath: nil)
        }
        if raw.hasPrefix("sqlite://") {
            let path = String(raw.dropFirst("sqlite://".count))
            guard !path.isEmpty else {
                throw ConfigError("DATABASE_URL sqlite:// needs a path, e.g. sqlite:///var/lib/resilience.sqlite")
            }
            return path == ":memory:" ? .sqliteMemory : .sqliteFile(path)
        }
        throw ConfigError(
            "DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (got \(raw.prefix(12))…)")
    }
}

/// A configuration mistake, reported before the server starts.
public struct ConfigError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

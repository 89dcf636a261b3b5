import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import Vapor

/// Sets up the application: database, middleware, sessions, commands and routes.
public func configure(_ app: Application, _ config: AppConfig) async throws {
    app.appConfig = config
    app.clock = AppClock()
    app.kept = KeptCache(budget: config.keptMegabytes << 20)
    app.lifecycle.use(KeptCache.Report())
    // Blocking work (every SQLite statement, bcrypt, file reads) runs on this pool. SQLite waits
    // for another connection's write lock by retrying on its pool thread; with Vapor's default of
    // one thread per core, two such waits took every thread and the connection holding the lock
    // could not run its next statement: requests hung until the pool gave up (the parallel
    // sign-in finding). A pool larger than the connections that can wait keeps one free.
    app.threadPool = NIOThreadPool(numberOfThreads: max(8, 4 * System.coreCount))
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    try configureDatabase(app, config)
    app.migrations.add(Migrations.all)

    // Middleware runs in this order: errors are rendered last so that they see everything, and
    // the security headers go on every answer, errors included.
    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(ActorMiddleware())
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(CSRFMiddleware(secure: config.secureCookies))
    app.middleware.use(RepeatedPostMiddleware())

    app.routes.defaultMaxBodySize = "1mb"
    // Pages, JSON and the stylesheet gzipped for clients that take it: three to four times
    // smaller on a slow link.
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes

    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    // Roll-call SMS answers and looks at personnel records, written in batches as they arrive.
    app.smsReplies = BatchWriter(db: app.db) { answers, db in try await RollCallMessenger.inbound(answers, on: db) }
    app.recordViews = BatchWriter(db: app.db) { views, db in
        for batch in views.chunked(500) { try await Array(batch).create(on: db) }
        return views.map { _ in () }
    }
    try routes(app)
}

private func configureDatabase(_ app: Application, _ config: AppConfig) throws {
    switch config.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url, let searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let searchPath { configuration.searchPath = [searchPath] }
        app.databases.use(
            .postgres(
                configuration: configuration, maxConnectionsPerEventLoop: config.postgresPoolPerEventLoop,
                connectionPoolTimeout: .seconds(Int64(config.postgresPoolTimeoutSeconds)), sqlLogLevel: .debug),
            as: .psql)
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    /// The configuration the application was set up with.
    public var appConfig: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig(database: .sqliteMemory) }
        set { storage[ConfigKey.self] = newValue }
    }
}

import Fluent
import Vapor

/// Configures the app for a command line and, when it will serve, prepares the database: the
/// schema is brought up to date, demo data loaded with `--demo` on an empty database, and the
/// first administrator created when there is no account, and the hourly reminders started.
public func start(_ app: Application, demo: Bool) async throws {
    let config = try AppConfig.fromEnvironment(demo: demo)
    try await configure(app, config)
    let command = app.environment.arguments.dropFirst().first { !$0.hasPrefix("-") }
    guard command == nil || command == "serve" else { return }
    try await app.autoMigrate()
    if demo, try await DemoData.isEmpty(app.db) {
        try await DemoData.load(on: app.db, hasher: app.password.sync, now: app.clock.now)
        app.logger.notice("Loaded the demo organization.")
        print(DemoData.summary)
    } else if demo {
        print(DemoData.summary)
    }
    try await FirstAdministrator.ensure(on: app.db, hasher: app.password.sync, console: app.console, now: app.clock.now)
    // Reminders of due plans and the day's compliance figures, every hour while serving.
    OversightService.schedule(app)
    // Roll-call messages due by their contact plans, every minute.
    RollCallMessenger.schedule(app)
    // Travellers moved to where their cleared legs go, every minute.
    TravelTracking.schedule(app)
}

import Vapor

/// Every route, grouped by feature. Each is registered with the requirement it checks first.
func routes(_ app: Application) throws {
    // Session, home, account
    HomeController().register(app)
    SessionController().register(app)
    AccountController().register(app)
    // Organization
    UnitsController().register(app)
    DutyStationsController().register(app)
    // Business continuity plans
    PlansController().register(app)
    ActivationsController().register(app)
    ReviewController().register(app)
    // Oversight: dashboards, compliance reports, HQ's overview, campaigns
    OversightController().register(app)
    // The joint risk register
    RisksController().register(app)
    // People and access
    UsersController().register(app)
    AuditController().register(app)
    InboxController().register(app)
    // JSON API
    app.on(.GET, .apiOpenAPI, .anyone) { _ in
        Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: OpenAPIDocument.cached))
    }
    OrganizationAPIController().register(app)
    PeopleAPIController().register(app)
    PlansAPIController().register(app)
}

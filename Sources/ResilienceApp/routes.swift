import Vapor

/// Every route, grouped by feature. Each is registered with the requirement it checks first.
func routes(_ app: Application) throws {
    // The stylesheet, the script and the icon, from the executable's resources.
    app.on(.GET, .asset(":file"), .anyone) { req in
        guard let file = req.parameters.get("file"), let response = Assets.shared.response(file, for: req) else {
            throw Abort(.notFound)
        }
        return response
    }
    app.on(.GET, .favicon, .anyone) { req in
        req.redirect(to: Assets.shared.path("favicon.svg"), redirectType: .permanent)
    }
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
    // Security management: areas and their levels
    SecurityController().register(app)
    MeasuresController().register(app)
    AgenciesController().register(app)
    AssessmentsController().register(app)
    SecuritySettingsController().register(app)
    // Personnel and dependants, tracking, roll-calls after an incident
    PersonnelController().register(app)
    RollCallsController().register(app)
    // Travel: requests and clearance, advisories and directory, aviation, protective services
    TravelController().register(app)
    ClearanceController().register(app)
    AdvisoriesController().register(app)
    // Performance indicators
    IndicatorsController().register(app)
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
    SecurityAPIController().register(app)
    TravelAPIController().register(app)
}

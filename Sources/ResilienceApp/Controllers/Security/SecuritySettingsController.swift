import Fluent
import ResilienceCore
import Vapor

/// HQ's security settings, page and API: review intervals by level and acceptable risk.
struct SecuritySettingsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .securitySettings, .headquarters(.configureSecurity), use: show)
        routes.on(.POST, .securitySettings, .headquarters(.configureSecurity), use: save)
        routes.on(.GET, .apiSecuritySettings, .somewhere(.viewSecurity), use: apiShow)
        routes.on(.PUT, .apiSecuritySettings, .headquarters(.configureSecurity), use: apiSave)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        var values = SecuritySettingsPage.values(
            try await SecuritySettings.intervals(on: req.db), try await SecuritySettings.acceptableRisk(on: req.db))
        values["locatable_days"] = String(try await SecuritySettings.locatableDays(on: req.db))
        return try await page(req, FormState(values: values))
    }

    private func page(_ req: Request, _ form: FormState) async throws -> Response {
        let page = SecuritySettingsPage(
            form: form, names: RiskNames(scale: try await RiskService.scale(on: req.db), t: req.localizer),
            csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("settings.security_title"), content: page.body(req.localizer))
    }

    /// The settings a form or a body gives, every wrong field at once.
    static func parse(_ values: [String: String]) throws -> (LevelReviewIntervals, AcceptableRisk, Int) {
        var v = ValidationCollector()
        let months = try SecurityLevel.allCases.map { l in
            try v.check {
                try TextRules.integer(
                    values["months_\(l.rawValue)"], field: "months_\(l.rawValue)", in: LevelReviewIntervals.allowed)
            } ?? 0
        }
        var limits: [RiskLevel: ProgrammeCriticality?] = [:]
        for level in RiskLevel.allCases {
            let raw = values["limit_\(level.rawValue)"] ?? ""
            if raw == "none" { limits[level] = .some(nil); continue }
            guard let pc = ProgrammeCriticality(rawValue: raw) else {
                v.add(DomainError(.invalidChoice, field: "limit_\(level.rawValue)"))
                continue
            }
            limits[level] = pc
        }
        let days = try v.check {
            try TextRules.integer(
                values["locatable_days"], field: "locatable_days", in: SecuritySettings.locatableDaysAllowed)
        }
        try v.finish()
        var risk: AcceptableRisk?
        let intervals = try v.check { try LevelReviewIntervals(months: months) }
        risk = try v.check { try AcceptableRisk(limits) }
        try v.finish()
        return (intervals!, risk!, days!)
    }

    static func store(_ settings: (LevelReviewIntervals, AcceptableRisk, Int), _ req: Request) async throws {
        try await SettingStore.set(SecuritySettings.intervalsKey, to: settings.0, by: req.auditContext, on: req.db)
        try await SettingStore.set(SecuritySettings.acceptableRiskKey, to: settings.1, by: req.auditContext, on: req.db)
        try await SettingStore.set(SecuritySettings.locatableDaysKey, to: settings.2, by: req.auditContext, on: req.db)
    }

    @Sendable func save(_ req: Request) async throws -> Response {
        var form = try req.content.decode([String: String].self)
        if form["locatable_days"] == nil {
            form["locatable_days"] = String(try await SecuritySettings.locatableDays(on: req.db))
        }
        return try await req.saveForm(
            values: form,
            {
                try await Self.store(try Self.parse(form), req)
                return req.redirect(to: AppPath.securitySettings.path, said: Said(.saved))
            }, reshow: { try await page(req, $0) })
    }

    @Sendable func apiShow(_ req: Request) async throws -> SecuritySettingsDTO {
        SecuritySettingsDTO(
            try await SecuritySettings.intervals(on: req.db), try await SecuritySettings.acceptableRisk(on: req.db),
            try await SecuritySettings.locatableDays(on: req.db))
    }

    @Sendable func apiSave(_ req: Request) async throws -> SecuritySettingsDTO {
        let body = try req.decodeJSON(SecuritySettingsDTO.self)
        var values: [String: String] = [:]
        for (i, m) in body.reviewMonths.enumerated() { values["months_\(i + 1)"] = String(m) }
        for (level, limit) in body.acceptable { values["limit_\(level)"] = limit }
        let days = try await SecuritySettings.locatableDays(on: req.db)
        values["locatable_days"] = String(body.locatableDays ?? days)
        let settings = try Self.parse(values)
        try await Self.store(settings, req)
        return SecuritySettingsDTO(settings.0, settings.1, settings.2)
    }
}

/// HQ's security settings in the API: months between reviews for levels 1 to 6, and for each
/// residual risk level the least critical programme that may accept it (`pc1`…`pc4`, or `none`).
struct SecuritySettingsDTO: Content {
    var reviewMonths: [Int]
    var acceptable: [String: String]
    /// Days within which a confirmed location counts as locatable (default 30).
    var locatableDays: Int?
    init(_ intervals: LevelReviewIntervals, _ risk: AcceptableRisk, _ days: Int) {
        locatableDays = days
        reviewMonths = intervals.months
        acceptable = Dictionary(
            uniqueKeysWithValues: RiskLevel.allCases.map { ($0.rawValue, (risk.limits[$0] ?? nil)?.rawValue ?? "none") }
        )
    }
}

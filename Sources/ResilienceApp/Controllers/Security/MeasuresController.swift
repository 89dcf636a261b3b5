import Fluent
import ResilienceCore
import Vapor

/// HQ's catalogue of measures and each duty station's compliance with them, pages and API.
struct MeasuresController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .securityMeasures, .somewhere(.viewSecurity), use: catalogue)
        routes.on(.POST, .securityMeasures, .headquarters(.configureSecurity), use: create)
        routes.on(.GET, .securityMeasure(AppPath.any), .headquarters(.configureSecurity), use: edit)
        routes.on(.POST, .securityMeasure(AppPath.any), .headquarters(.configureSecurity), use: update)
        routes.on(.POST, .securityMeasureRetire(AppPath.any), .headquarters(.configureSecurity), use: retire)
        routes.on(.GET, .dutyStationMeasures(AppPath.any), .dutyStation(.viewOrganization), use: station)
        routes.on(.POST, .dutyStationMeasures(AppPath.any), .dutyStation(.manageSecurity), use: record)
        routes.on(.GET, .apiSecurityMeasures, .somewhere(.viewSecurity), use: apiCatalogue)
        routes.on(.POST, .apiSecurityMeasures, .headquarters(.configureSecurity), use: apiCreate)
        routes.on(.PATCH, .apiSecurityMeasure(AppPath.any), .headquarters(.configureSecurity), use: apiUpdate)
        routes.on(.GET, .apiDutyStationMeasures(AppPath.any), .dutyStation(.viewOrganization), use: apiStation)
        routes.on(.POST, .apiDutyStationMeasures(AppPath.any), .dutyStation(.manageSecurity), use: apiRecord)
    }

    // MARK: The catalogue

    @Sendable func catalogue(_ req: Request) async throws -> Response {
        try await cataloguePage(req, FormState())
    }

    private func cataloguePage(_ req: Request, _ form: FormState) async throws -> Response {
        let root = try await UnitQueries.root(on: req.db)
        let page = MeasureCataloguePage(
            measures: try await MeasureCatalogueService.active(on: req.db),
            mayConfigure: try root.map { try req.requireActor().may(.configureSecurity, on: $0.unitPath) } ?? false,
            form: form, csrf: req.csrfToken)
        return Layout.response(for: req, title: req.localizer("measures.catalogue"), content: page.body(req.localizer))
    }

    static func input(_ form: [String: String]) -> MeasureInput {
        MeasureInput(
            code: form["code"], category: form["category"], baselineFrom: form["baseline_from"],
            names: NameSet.fromForm(form, prefix: "name"))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let measure = try await MeasureCatalogueService.create(
                    Self.input(form), by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.securityMeasures.path, said: Said(.added, measure.code))
            }, reshow: { try await cataloguePage(req, $0) })
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let measure = try await req.parameterModel(SecurityMeasure.self, "measureID")
        var values = [
            "code": measure.code, "category": measure.category.rawValue,
            "baseline_from": measure.baselineFrom.map(String.init) ?? "",
        ]
        for (code, name) in NameSet.decode(measure.names) { values["name-\(code)"] = name }
        return editPage(req, measure, FormState(values: values))
    }

    private func editPage(_ req: Request, _ measure: SecurityMeasure, _ form: FormState) -> Response {
        let t = req.localizer
        let page = MeasureEditPage(measureID: measure.id!, form: form, csrf: req.csrfToken)
        return Layout.response(for: req, title: t("measures.edit_title", measure.code), content: page.body(t))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let measure = try await req.parameterModel(SecurityMeasure.self, "measureID")
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await MeasureCatalogueService.update(measure, Self.input(form), by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.securityMeasures.path, said: Said(.saved, measure.code))
            }, reshow: { editPage(req, measure, $0) })
    }

    @Sendable func retire(_ req: Request) async throws -> Response {
        let measure = try await req.parameterModel(SecurityMeasure.self, "measureID")
        return try await req.saveForm(
            values: [:],
            {
                try await MeasureCatalogueService.retire(measure, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.securityMeasures.path, said: Said(.retired, measure.code))
            }, reshow: { editPage(req, measure, $0) })
    }

    // MARK: A duty station's compliance

    @Sendable func station(_ req: Request) async throws -> Response {
        try await stationPage(req, FormState(), fromRecords: true)
    }

    private func stationPage(_ req: Request, _ form: FormState, fromRecords: Bool) async throws -> Response {
        let station = try await req.dutyStationParameter()
        guard let compliance = try await ComplianceService.of([station], at: req.now, on: req.db).first else {
            throw Abort(.notFound)
        }
        let unit = try await req.loadUnit(station.$unit.id)
        var state = form
        if fromRecords {
            for (code, r) in compliance.records {
                state.values["status-\(code)"] = r.status.rawValue
                state.values["evidence-\(code)"] = r.evidence ?? ""
                state.values["reason-\(code)"] = r.reason ?? ""
            }
        }
        let page = StationMeasuresPage(
            compliance: compliance, mayRecord: try req.requireActor().may(.manageSecurity, on: unit.unitPath),
            form: state, csrf: req.csrfToken)
        return Layout.response(
            for: req, title: req.localizer("measures.station_title", station.name), content: page.body(req.localizer))
    }

    static func entries(_ form: [String: String]) -> [String: ComplianceEntry] {
        var entries: [String: ComplianceEntry] = [:]
        for (key, value) in form where key.hasPrefix("status-") {
            let code = String(key.dropFirst("status-".count))
            entries[code] = ComplianceEntry(
                status: value, reason: form["reason-\(code)"], evidence: form["evidence-\(code)"])
        }
        return entries
    }

    @Sendable func record(_ req: Request) async throws -> Response {
        let station = try await req.dutyStationParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                try await ComplianceService.record(station, Self.entries(form), by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.dutyStationMeasures(station.id!).path, said: Said(.saved, station.name))
            }, reshow: { try await stationPage(req, $0, fromRecords: false) })
    }

    // MARK: API

    @Sendable func apiCatalogue(_ req: Request) async throws -> [MeasureDTO] {
        try await MeasureCatalogueService.active(on: req.db).map(MeasureDTO.init)
    }

    @Sendable func apiCreate(_ req: Request) async throws -> Response {
        let body = try req.decodeJSON(MeasureBody.self)
        let measure = try await MeasureCatalogueService.create(body.input, by: req.auditContext, on: req.db)
        return try await MeasureDTO(measure).encodeResponse(status: .created, for: req)
    }

    @Sendable func apiUpdate(_ req: Request) async throws -> MeasureDTO {
        let measure = try await req.parameterModel(SecurityMeasure.self, "measureID")
        let body = try req.decodeJSON(MeasureBody.self)
        var input = body.input
        input.code = input.code ?? measure.code
        input.category = input.category ?? measure.category.rawValue
        if body.baselineFrom == nil && !body.clearBaseline {
            input.baselineFrom = measure.baselineFrom.map(String.init)
        }
        input.names = input.names ?? NameSet.decode(measure.names)
        try await MeasureCatalogueService.update(measure, input, by: req.auditContext, on: req.db)
        return MeasureDTO(measure)
    }

    @Sendable func apiStation(_ req: Request) async throws -> StationComplianceDTO {
        let station = try await req.dutyStationParameter()
        guard let compliance = try await ComplianceService.of([station], at: req.now, on: req.db).first else {
            throw Abort(.notFound)
        }
        return StationComplianceDTO(compliance)
    }

    @Sendable func apiRecord(_ req: Request) async throws -> StationComplianceDTO {
        let station = try await req.dutyStationParameter()
        let body = try req.decodeJSON(ComplianceBody.self)
        try await ComplianceService.record(station, body.measures, by: req.auditContext, on: req.db)
        guard let compliance = try await ComplianceService.of([station], at: req.now, on: req.db).first else {
            throw Abort(.notFound)
        }
        return StationComplianceDTO(compliance)
    }
}

/// A measure of the catalogue.
struct MeasureDTO: Content {
    var id: UUID; var code: String; var category: String; var baselineFrom: Int?; var names: [String: String]
    init(_ m: SecurityMeasure) {
        id = m.id!; code = m.code; category = m.category.rawValue; baselineFrom = m.baselineFrom
        names = NameSet.decode(m.names)
    }
}

struct MeasureBody: Content {
    var code: String?; var category: String?; var baselineFrom: Int?; var names: [String: String]?
    /// On a change: true to make the measure required only where an assessment adds it.
    var clearBaseline: Bool = false
    var input: MeasureInput {
        MeasureInput(code: code, category: category, baselineFrom: baselineFrom.map(String.init), names: names)
    }
    enum CodingKeys: String, CodingKey { case code, category, baselineFrom, names, clearBaseline }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        baselineFrom = try c.decodeIfPresent(Int.self, forKey: .baselineFrom)
        names = try c.decodeIfPresent([String: String].self, forKey: .names)
        clearBaseline = try c.decodeIfPresent(Bool.self, forKey: .clearBaseline) ?? false
    }
}

/// A duty station's compliance: each required measure with what was recorded.
struct StationComplianceDTO: Content {
    struct Item: Content {
        var code: String; var status: String?; var reason: String?; var evidence: String?
        var verifiedBy: String?; var verifiedAt: Date?
    }
    var dutyStationID: UUID; var level: Int?; var percent: Double?; var required: Int; var compliant: Int
    var notApplicable: Int; var measures: [Item]
    init(_ c: ComplianceService.StationCompliance) {
        dutyStationID = c.station.id!; level = c.level?.rawValue
        let share = c.share
        percent = share.percent; required = share.required; compliant = share.compliant
        notApplicable = share.notApplicable
        measures = c.required.map { m in
            let r = c.records[m.code]
            return Item(
                code: m.code, status: r?.status.rawValue, reason: r?.reason, evidence: r?.evidence,
                verifiedBy: r?.verifiedByName, verifiedAt: r?.verifiedAt)
        }
    }
}

struct ComplianceBody: Content {
    /// By measure code.
    var measures: [String: ComplianceEntry]
}

import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Travel advisories and the directory (差旅咨询和目录), pages and feeds: the advisories in force,
/// publishing, changing and withdrawing one; each as a CAP 1.2 alert and all as Atom; who to call
/// per country and area.
struct AdvisoriesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .advisories, .signedIn, use: list)
        routes.on(.POST, .advisories, .somewhere(.manageSecurity), use: publish)
        routes.on(.GET, .advisoriesAtom, .signedIn, use: atom)
        routes.on(.GET, .apiAdvisoriesAtom, .signedIn, use: atom)
        routes.on(.GET, .advisory(AppPath.any), .signedIn, use: show)
        routes.on(.POST, .advisory(AppPath.any), .advisory(.manageSecurity), use: update)
        routes.on(.POST, .advisoryWithdraw(AppPath.any), .advisory(.manageSecurity), use: withdraw)
        routes.on(.GET, .advisoryCAP(AppPath.any), .signedIn, use: cap)
        routes.on(.GET, .apiAdvisoryCAP(AppPath.any), .signedIn, use: cap)
        routes.on(.GET, .travelDirectory, .signedIn, use: directory)
        routes.on(.GET, .dutyStationSuggestions, .signedIn, use: suggestions)
    }

    /// The areas the actor may publish for: kept by units where they manage security.
    static func areaOptions(_ req: Request) async throws -> [(value: String, label: String)] {
        let actor = try req.requireActor()
        guard actor.maySomewhere(.manageSecurity) else { return [] }
        let roots = try await UnitQueries.scopeRoots(actor, .manageSecurity, on: req.db)
        let units = try await Unit.query(on: req.db).within(roots).field(\.$id).all().compactMap(\.id)
        var areas: [SecurityArea] = []
        for chunk in units.chunked(400) {
            areas += try await SecurityArea.query(on: req.db).filter(\.$unit.$id ~~ Array(chunk)).all()
        }
        return areas.map { ($0.id!.uuidString, "\($0.country) · \($0.name(in: req.localizer.code))") }
            .sorted { $0.1 < $1.1 }
    }

    /// The place each advisory covers, named in the reader's language.
    static func places(_ advisories: [Advisory], _ code: String, on db: any Database) async throws -> [UUID: String] {
        let areaIDs = Array(Set(advisories.compactMap(\.areaID)))
        let stationIDs = Set(advisories.compactMap(\.stationID))
        let areas = Dictionary(
            try await SecurityArea.query(on: db).filter(\.$id ~~ areaIDs).all().map { ($0.id!, $0.name(in: code)) },
            uniquingKeysWith: { a, _ in a })
        let stations = try await TravelReads.names(DutyStation.self, stationIDs, \DutyStation.$name, on: db)
        var out: [UUID: String] = [:]
        for a in advisories {
            out[a.id!] =
                switch a.scope {
                case .country: a.country
                case .area: "\(a.country) · \(a.areaID.flatMap { areas[$0] } ?? "")"
                case .station: "\(a.country) · \(a.stationID.flatMap { stations[$0] } ?? "")"
                }
        }
        return out
    }

    @Sendable func list(_ req: Request) async throws -> Response { try await listPage(req, FormState()) }

    /// The advisories and the form to publish one; kept (per the areas the reader keeps) until an
    /// advisory, an area's name or a station changes, and by the minute (what is in force).
    private func listPage(_ req: Request, _ form: FormState) async throws -> Response {
        let t = req.localizer
        let actor = try req.requireActor()
        let now = req.now
        func render(_ csrf: String, _ form: FormState) async throws -> String {
            let advisories = try await AdvisoryService.current(at: now, on: req.db)
            let page = AdvisoriesPage(
                advisories: advisories, places: try await Self.places(advisories, t.code, on: req.db),
                mayPublish: actor.maySomewhere(.manageSecurity), areaOptions: try await Self.areaOptions(req),
                form: form.values.isEmpty
                    ? FormState(values: ["valid_from": PlanChecks.isoDay(now), "scope": "area"]) : form,
                csrf: csrf)
            return page.body(t).render()
        }
        guard form.errors.isEmpty else {
            return Layout.response(
                for: req, title: t("advisory.title"), status: .unprocessableEntity,
                content: .raw(try await render(req.csrfToken, form)))
        }
        let roots = Access.scope(actor.grants, .manageSecurity).map(\.uuidString).sorted().joined(separator: ",")
        let markup = try await req.renderedForm(
            ["advisories", roots, PlanChecks.isoDay(now)],
            showing: [.all(.advisories), .all(.security), .all(.dutyStations), .all(.units)], period: 86_400
        ) { csrf in try await render(csrf, FormState()) }
        return Layout.response(for: req, title: t("advisory.title"), markup: markup)
    }

    /// The advisory's place, refused unless the actor keeps it.
    static func place(_ form: [String: String], _ req: Request) async throws -> AdvisoryService.Place {
        let place = try await AdvisoryService.place(form, on: req.db)
        let unit = try await req.loadUnit(place.unitID)
        guard try req.requireActor().may(.manageSecurity, on: unit.unitPath) else {
            throw DomainError(.ownWork, field: place.scope.rawValue)
        }
        return place
    }

    @Sendable func publish(_ req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                var errors: [DomainError] = []
                var place: AdvisoryService.Place?
                do { place = try await Self.place(form, req) } catch let e as DomainError { errors.append(e) }
                var terms: AdvisoryService.Terms?
                do { terms = try AdvisoryService.terms(form) } catch let e as ValidationErrors { errors += e.errors }
                guard let place, let terms, errors.isEmpty else { throw ValidationErrors(errors) }
                let a = try await AdvisoryService.publish(place, terms, by: req.auditContext, on: req.db)
                return req.redirect(
                    to: AppPath.advisory(a.id!).path, said: Said(.published, a.title(req.localizer.code)))
            }, reshow: { try await listPage(req, $0) })
    }

    @Sendable func show(_ req: Request) async throws -> Response { try await advisoryPage(req, nil) }

    private func advisoryPage(_ req: Request, _ form: FormState?) async throws -> Response {
        let a = try await req.advisoryParameter()
        let t = req.localizer
        let unit = try await req.loadUnit(a.$unit.id)
        let mayEdit = try req.requireActor().may(.manageSecurity, on: unit.unitPath)
        let stationName = try await a.stationID.asyncMap { try await DutyStation.find($0, on: req.db) }??.name
        let page = AdvisoryPage(
            advisory: a, place: try await Self.places([a], t.code, on: req.db)[a.id!] ?? a.country, mayEdit: mayEdit,
            areaOptions: mayEdit ? try await Self.areaOptions(req) : [],
            form: form ?? FormState(values: AdvisoryForm.values(a, stationName: stationName)), csrf: req.csrfToken)
        return Layout.response(
            for: req, title: a.title(t.code), status: form?.errors.isEmpty == false ? .unprocessableEntity : .ok,
            content: page.body(t))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let a = try await req.advisoryParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let place = try await Self.place(form, req)
                try await AdvisoryService.update(
                    a, place, try AdvisoryService.terms(form), by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.advisory(a.id!).path, said: Said(.saved, a.title(req.localizer.code)))
            }, reshow: { try await advisoryPage(req, $0) })
    }

    @Sendable func withdraw(_ req: Request) async throws -> Response {
        let a = try await req.advisoryParameter()
        return try await req.saveForm(
            values: [:],
            {
                try await AdvisoryService.withdraw(a, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.advisory(a.id!).path, said: Said(.withdrawn))
            }, reshow: { try await advisoryPage(req, $0) })
    }

    // MARK: Feeds

    static func base(_ req: Request) -> String {
        req.application.appConfig.publicURL ?? "http://\(req.headers.first(name: .host) ?? "localhost")"
    }

    @Sendable func cap(_ req: Request) async throws -> Response {
        let a = try await req.advisoryParameter()
        var names: [String: String] = [:]
        var point: Coordinates?
        switch a.scope {
        case .country: for l in Catalogue.shared.languages { names[l.code] = a.country }
        case .area:
            if let id = a.areaID, let area = try await SecurityArea.find(id, on: req.db) { names = area.nameByLanguage }
        case .station:
            if let id = a.stationID, let s = try await DutyStation.find(id, on: req.db) {
                for l in Catalogue.shared.languages { names[l.code] = s.name }
                point = try? Coordinates(latitude: s.latitude, longitude: s.longitude)
            }
        }
        let base = Self.base(req)
        let text = AdvisoryFeeds.cap(
            a, placeName: names, point: point, sender: "resilience@" + (URL(string: base)?.host ?? "localhost"),
            link: base + AppPath.advisory(a.id!).path, catalogue: .shared)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "cap+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// The advisories in force and to come, as Atom; kept until one changes.
    @Sendable func atom(_ req: Request) async throws -> Response {
        let t = req.localizer
        let base = Self.base(req)
        let api = req.isAPI
        let text = try await req.rendered(
            [api ? "atom-api" : "atom", base], showing: [.all(.advisories)], period: 86_400
        ) {
            let advisories = try await AdvisoryService.current(at: req.now, on: req.db)
            return AdvisoryFeeds.atom(
                advisories, base: base, selfPath: (api ? AppPath.apiAdvisoriesAtom : .advisoriesAtom).path,
                capPath: { (api ? AppPath.apiAdvisoryCAP($0) : .advisoryCAP($0)).path },
                pagePath: { AppPath.advisory($0).path }, title: t("advisory.title"), language: t.code, now: req.now)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    // MARK: Directory

    @Sendable func directory(_ req: Request) async throws -> Response {
        let t = req.localizer
        let country = req.query[String.self, at: "country"].map { $0.uppercased() }.flatMap { $0.count == 2 ? $0 : nil }
        // The list of countries shows levels and advisories only; a country's page, its officers
        // and their phones too (personnel records change by the minute as people move).
        let scopes: [DataScope] =
            country == nil
            ? [.all(.security), .all(.advisories)]
            : [.all(.security), .all(.advisories), .all(.people), .all(.personnel)]
        // Levels take effect and advisories run by the day: kept for the UTC day.
        let markup = try await req.rendered(["directory", country ?? ""], showing: scopes, period: 86_400) {
            try await DirectoryReads.page(country: country, t, at: req.now, on: req.db).body(t).render()
        }
        return Layout.response(for: req, title: t("directory.title"), markup: markup)
    }

    /// Duty stations whose name starts with what is typed, as the trip form's fields take them.
    @Sendable func suggestions(_ req: Request) async throws -> [UnitsController.Suggestion] {
        let q = req.searchText
        guard q.count >= 2 else { return [] }
        return try await DutyStation.query(on: req.db).filter(\.$retiredAt == nil)
            .filter(\.$name, .custom("LIKE"), String(q.prefix(100)) + "%").sort(\.$name).limit(12).all()
            .map { UnitsController.Suggestion(id: $0.id!, label: TravelPages.stationLabel($0)) }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Travel requests, pages: the hub, a person's trips and training, entering and changing a trip,
/// the trip's page with its reasons, submitting and cancelling, the calendar of cleared trips.
struct TravelController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .travel, .signedIn, use: hub)
        routes.on(.GET, .personnelTrips(AppPath.any), .personnelOrSelf(.viewPersonalData), use: trips)
        routes.on(.POST, .personnelTraining(AppPath.any), .personnelOrSelf(.managePersonnel), use: training)
        routes.on(.GET, .personnelTripsCalendar(AppPath.any), .personnelOrSelf(.viewPersonalData), use: calendar)
        routes.on(.GET, .personnelTripNew(AppPath.any), .personnelOrSelf(.managePersonnel), use: newTrip)
        routes.on(.POST, .personnelTripNew(AppPath.any), .personnelOrSelf(.managePersonnel), use: create)
        routes.on(.GET, .travelRequest(AppPath.any), .travelReader, use: show)
        routes.on(.GET, .travelRequestEdit(AppPath.any), .travelOwner, use: edit)
        routes.on(.POST, .travelRequestEdit(AppPath.any), .travelOwner, use: update)
        routes.on(.POST, .travelRequestSubmit(AppPath.any), .travelOwner, use: submit)
        routes.on(.POST, .travelRequestCancel(AppPath.any), .travelOwner, use: cancel)
    }

    @Sendable func hub(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let mine = try await Personnel.query(on: req.db).filter(\.$user.$id == actor.id).first()
        var trips: [TravelRequest] = []
        if let mine { trips = try await TravelReads.trips(of: mine.requireID(), before: nil, per: 20, on: req.db) }
        let root = try await UnitQueries.root(on: req.db)
        let page = TravelHubPage(
            personnelID: mine?.id, trips: Array(trips.prefix(20)), mayClear: actor.maySomewhere(.manageSecurity),
            mayAdviseHQ: root.map { actor.may(.manageSecurity, on: $0.unitPath) } ?? false,
            mayConfigure: root.map { actor.may(.configureSecurity, on: $0.unitPath) } ?? false)
        return Layout.response(for: req, title: req.localizer("travel.title"), content: page.body(req.localizer))
    }

    @Sendable func trips(_ req: Request) async throws -> Response { try await tripsPage(req, FormState()) }

    private func tripsPage(_ req: Request, _ form: FormState) async throws -> Response {
        let person = try await req.personnelParameter()
        let t = req.localizer
        let per = req.pageRequest.per
        var before: (Date, UUID)?
        if let raw = req.query[String.self, at: "after"], let cut = raw.lastIndex(of: "|"),
            let seconds = Double(raw[..<cut]), let id = UUID(uuidString: String(raw[raw.index(after: cut)...]))
        {
            before = (Date(timeIntervalSince1970: seconds), id)
        }
        let rows = try await TravelReads.trips(of: person.requireID(), before: before, per: per, on: req.db)
        let shown = Array(rows.prefix(per))
        let info = PageInfo(
            page: 1, per: per, total: nil, hasMore: rows.count > per,
            nextAfter: rows.count > per
                ? shown.last.map { "\($0.startsAt.timeIntervalSince1970)|\($0.id!.uuidString)" } : nil,
            previousBefore: nil)
        let unit = try await req.loadUnit(person.$unit.id)
        let actor = try req.requireActor()
        let mayManage = actor.may(.managePersonnel, on: unit.unitPath)
        let mine = person.$user.id == actor.id
        var values = form.values
        if form.errors.isEmpty {
            values = [
                "bsafe_expires": person.bsafeExpires.map(PlanChecks.isoDay) ?? "",
                "ssafe_expires": person.ssafeExpires.map(PlanChecks.isoDay) ?? "",
                "senior_official": person.seniorOfficial ? "true" : "",
            ]
        }
        var state = form
        state.values = values
        let content = BodyNode.group(
            PersonTripsPage(person: person, trips: shown, page: info, mayEnter: mayManage || mine).body(t),
            TrainingSection(person: person, mayFlagSenior: mayManage, form: state, csrf: req.csrfToken).body(t))
        return Layout.response(
            for: req, title: t("travel.trips_of", person.name),
            status: form.errors.isEmpty ? .ok : .unprocessableEntity,
            content: content)
    }

    /// The security courses the person holds (until training records exist) and, for those who
    /// keep the records, whether they are a senior official.
    @Sendable func training(_ req: Request) async throws -> Response {
        let person = try await req.personnelParameter()
        let form = try req.content.decode([String: String].self)
        let unit = try await req.loadUnit(person.$unit.id)
        let mayManage = try req.requireActor().may(.managePersonnel, on: unit.unitPath)
        return try await req.saveForm(
            values: form,
            {
                try await PersonnelService.saveTraining(
                    person, form, seniorOfficial: mayManage ? form["senior_official"] == "true" : nil,
                    by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.personnelTrips(person.id!).path + "#training", said: Said(.saved))
            }, reshow: { try await tripsPage(req, $0) })
    }

    @Sendable func calendar(_ req: Request) async throws -> Response {
        let person = try await req.personnelParameter()
        let t = req.localizer
        let requests = try await TravelRequest.query(on: req.db).filter(\.$personnel.$id == person.requireID())
            .filter(\.$status == .cleared).sort(\.$startsAt, .descending).limit(500).all()
        var events: [CalendarEvent] = []
        if !requests.isEmpty {
            let legs = try await TravelLeg.query(on: req.db).filter(\.$request.$id ~~ requests.compactMap(\.id)).all()
            let stations = try await TravelReads.names(
                DutyStation.self, Set(legs.flatMap { [$0.$fromStation.id, $0.$toStation.id] }), \DutyStation.$name,
                on: req.db)
            let purposes = Dictionary(requests.map { ($0.id!, $0.purpose) }, uniquingKeysWith: { a, _ in a })
            let base = req.application.appConfig.publicURL ?? ""
            for leg in legs.sorted(by: { $0.departsAt < $1.departsAt }) {
                let from = stations[leg.$fromStation.id] ?? "", to = stations[leg.$toStation.id] ?? ""
                let how = [t("travel.means.\(leg.means.rawValue)"), leg.flight].compactMap { $0 }.joined(separator: " ")
                events.append(
                    CalendarEvent(
                        uid: "leg-\(leg.id!.uuidString.lowercased())@resilience", start: leg.departsAt,
                        end: leg.arrivesAt,
                        summary: "\(from) → \(to) (\(how))", location: leg.toPlace.map { "\($0), \(to)" } ?? to,
                        description: [
                            purposes[leg.$request.id] ?? "",
                            leg.conditions.map { t("travel.conditions_are", $0) } ?? "",
                            base + AppPath.travelRequest(leg.$request.id).path,
                        ].filter { !$0.isEmpty }.joined(separator: "\n")))
            }
        }
        let text = FeedText.calendar(events, name: t("travel.calendar_name", person.name), stamp: req.now)
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        response.headers.contentDisposition = .init(.attachment, filename: "trips.ics")
        return response
    }

    // MARK: Entering and changing

    private func formPage(
        _ req: Request, person: Personnel, action: AppPath, form: FormState, submitLabel: String, rows: Int
    ) async throws -> Response {
        let t = req.localizer
        let dependants = try await Dependant.query(on: req.db).filter(\.$personnel.$id == person.requireID())
            .sort(\.$name).all()
        let operators = try await AirOperator.query(on: req.db).sort(\.$name).all()
        let page = TripFormPage(
            action: action,
            tripForm: TripForm(person: person, dependants: dependants, operators: operators, form: form, rows: rows),
            csrf: req.csrfToken, submitLabel: submitLabel)
        return Layout.response(
            for: req, title: t("travel.new_for", person.name), status: form.errors.isEmpty ? .ok : .unprocessableEntity,
            content: page.body(t))
    }

    @Sendable func newTrip(_ req: Request) async throws -> Response {
        let person = try await req.personnelParameter()
        let station = try await DutyStation.find(person.$station.id, on: req.db)
        let home = station.map(TravelPages.stationLabel) ?? ""
        return try await formPage(
            req, person: person, action: .personnelTripNew(person.id!),
            form: FormState(values: ["leg1_from": home, "leg2_to": home]),
            submitLabel: req.localizer("travel.save_draft"),
            rows: 4)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let person = try await req.personnelParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let request = try await TravelService.create(form, for: person, by: req.auditContext, on: req.db)
                return req.redirect(to: AppPath.travelRequest(request.id!).path, said: Said(.added, request.purpose))
            },
            reshow: {
                try await formPage(
                    req, person: person, action: .personnelTripNew(person.id!), form: $0,
                    submitLabel: req.localizer("travel.save_draft"), rows: 4)
            })
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let request = try await req.travelRequestParameter()
        let person = try await req.parameterModel(Personnel.self, "personnelID", id: request.$personnel.id)
        let legs = try await TravelService.legs(of: request, on: req.db)
        let stations = try await DutyStation.query(on: req.db)
            .filter(\.$id ~~ Array(Set(legs.flatMap { [$0.$fromStation.id, $0.$toStation.id] }))).all()
        let companions = try await TravelCompanion.query(on: req.db).filter(\.$request.$id == request.requireID()).all()
        let values = TripForm.values(
            request, legs: legs, stations: Dictionary(stations.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a }),
            companions: companions.map(\.$dependant.id))
        return try await formPage(
            req, person: person, action: .travelRequestEdit(request.id!), form: FormState(values: values),
            submitLabel: req.localizer("common.save"), rows: min(TravelService.maxLegs, legs.count + 2))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let request = try await req.travelRequestParameter()
        let person = try await req.parameterModel(Personnel.self, "personnelID", id: request.$personnel.id)
        let form = try req.content.decode([String: String].self)
        let rows = min(TravelService.maxLegs, (1...TravelService.maxLegs).last { form["leg\($0)_to"] != nil } ?? 4)
        return try await req.saveForm(
            values: form,
            {
                try await TravelService.update(request, form, by: req.auditContext, app: req.application, on: req.db)
                return req.redirect(to: AppPath.travelRequest(request.id!).path, said: Said(.saved, request.purpose))
            },
            reshow: {
                try await formPage(
                    req, person: person, action: .travelRequestEdit(request.id!), form: $0,
                    submitLabel: req.localizer("common.save"), rows: max(rows, 4))
            })
    }

    // MARK: The trip's page

    @Sendable func show(_ req: Request) async throws -> Response { try await tripPage(req, failed: nil, FormState()) }

    /// The trip's page, kept until anything it shows may have changed: the trip (or any other on
    /// its flights), the advisories, the levels, the traveller's record, HQ's rules, the stations;
    /// per what the reader may do. A form that came back with errors is rendered anew.
    func tripPage(_ req: Request, failed: String?, _ form: FormState) async throws -> Response {
        let request = try await req.travelRequestParameter()
        let actor = try req.requireActor()
        let traveller = try await req.parameterModel(Personnel.self, "personnelID", id: request.$personnel.id)
        let legs = try await TravelService.legs(of: request, on: req.db)
        let unit = try await req.loadUnit(request.$unit.id)
        let owns = try await Requirement.ownsTrip(request, actor, req)
        var decidable = Set<UUID>()
        for leg in legs where !owns {
            let destination = try await req.loadUnit(leg.$toUnit.id)
            if actor.may(.manageSecurity, on: destination.unitPath) { decidable.insert(leg.id!) }
        }
        let root = try await UnitQueries.root(on: req.db)
        let mayOwn = owns || actor.may(.managePersonnel, on: unit.unitPath)
        let mayHQ = !owns && (root.map { actor.may(.manageSecurity, on: $0.unitPath) } ?? false)
        let t = req.localizer
        let now = req.now
        let db = req.db
        func render(_ csrf: String) async throws -> String {
            let facts = try await TravelFacts.of(request, legs: legs, traveller: traveller, at: now, on: db)
            let page = TripPage(
                request: request, traveller: traveller, companions: facts.companions.map(\.name), facts: facts,
                onFlight: facts.onFlight.filter { decidable.contains($0.key) }, mayOwn: mayOwn, decidable: decidable,
                mayHQ: mayHQ, failed: failed, form: form, csrf: csrf)
            return page.body(t).render()
        }
        let title = t("travel.trip_of", traveller.name)
        guard form.errors.isEmpty else {
            return Layout.response(
                for: req, title: title, status: .unprocessableEntity, content: .raw(try await render(req.csrfToken)))
        }
        let key = [
            "trip", request.id!.uuidString, String(mayOwn), String(mayHQ),
            decidable.map(\.uuidString).sorted().joined(separator: ","),
        ]
        let markup = try await req.renderedForm(key, showing: Self.scopes(request)) { csrf in try await render(csrf) }
        return Layout.response(for: req, title: title, markup: markup)
    }

    /// What a trip's page and answer show: the trips (its own and others on its flights), the
    /// advisories, the levels, the traveller's record, HQ's rules, the stations.
    static func scopes(_ request: TravelRequest) -> [DataScope] {
        [
            .all(.travel), .all(.advisories), .all(.security), .under(.personnel, request.$unit.id), .all(.settings),
            .all(.dutyStations),
        ]
    }

    @Sendable func submit(_ req: Request) async throws -> Response {
        let request = try await req.travelRequestParameter()
        let form = try req.content.decode([String: String].self)
        let acknowledged = Set(
            form.compactMap { key, value in
                key.hasPrefix("ack-") && value == "true" ? UUID(uuidString: String(key.dropFirst(4))) : nil
            })
        return try await req.saveForm(
            values: form,
            {
                let outcome = try await TravelService.submit(
                    request, acknowledged: acknowledged, by: req.auditContext, app: req.application, on: req.db)
                let said: Said =
                    switch outcome {
                    case .waiting: Said(.submitted, request.purpose)
                    case .cleared: Said(.cleared, request.purpose)
                    case .refusedForTraining: Said(.refusedTraining, request.purpose)
                    }
                return req.redirect(to: AppPath.travelRequest(request.id!).path, said: said)
            }, reshow: { try await tripPage(req, failed: "submit", $0) })
    }

    @Sendable func cancel(_ req: Request) async throws -> Response {
        let request = try await req.travelRequestParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                guard form["confirm"] == "true" else {
                    throw ValidationErrors([DomainError(.required, field: "confirm")])
                }
                try await TravelService.cancel(request, by: req.auditContext, on: req.db)
                return req.redirect(
                    to: AppPath.travelRequest(request.id!).path, said: Said(.cancelled, request.purpose))
            }, reshow: { try await tripPage(req, failed: "cancel", $0) })
    }
}

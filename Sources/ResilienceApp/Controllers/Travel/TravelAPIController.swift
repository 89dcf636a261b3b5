import Fluent
import Foundation
import ResilienceCore
import Vapor

/// A trip in the API: the request, its legs with their clearance, and the reasons behind it.
struct TripDTO: Content {
    struct Leg: Content {
        var id: UUID; var requestID: UUID; var position: Int; var fromDutyStationID: UUID; var toDutyStationID: UUID
        var toPlace: String?; var toLatitude: Double?; var toLongitude: Double?
        var departs: Date; var arrives: Date; var means: String; var operatorID: UUID?; var flight: String?
        var clearance: String; var level: Int?; var reasons: [String]; var blockers: [String]
        var conditions: String?; var refusalReason: String?; var decidedBy: String?; var decidedAt: Date?
        var advice: String?; var advisedAt: Date?; var bookedOnFlight: Int
    }
    struct Shortfall: Content { var traveller: String; var course: String; var expiredOn: Date? }
    var id: UUID; var personnelID: UUID; var purpose: String; var accommodation: String?; var status: String
    var refusal: String?; var startsAt: Date; var endsAt: Date; var oneWay: Bool; var seniorOfficial: Bool
    var submittedAt: Date?; var decidedAt: Date?; var requestedBy: String
    var legs: [Leg]; var advisoryIDs: [UUID]; var trainingShortfalls: [Shortfall]

    static func of(_ r: TravelRequest, at now: Date, on db: any Database) async throws -> TripDTO {
        let legs = try await TravelService.legs(of: r, on: db)
        let facts = try await TravelFacts.of(r, legs: legs, at: now, on: db)
        return TripDTO(
            id: r.id!, personnelID: r.$personnel.id, purpose: r.purpose, accommodation: r.accommodation,
            status: r.status.rawValue, refusal: r.refusal, startsAt: r.startsAt, endsAt: r.endsAt, oneWay: r.oneWay,
            seniorOfficial: r.seniorOfficial, submittedAt: r.submittedAt, decidedAt: r.decidedAt,
            requestedBy: r.requestedByName,
            legs: facts.legs.map { f in
                let l = f.leg
                return Leg(
                    id: l.id!, requestID: r.id!, position: l.position, fromDutyStationID: l.$fromStation.id,
                    toDutyStationID: l.$toStation.id,
                    toPlace: l.toPlace, toLatitude: l.toLatitude, toLongitude: l.toLongitude, departs: l.departsAt,
                    arrives: l.arrivesAt, means: l.means.rawValue, operatorID: l.$airOperator.id, flight: l.flight,
                    clearance: l.clearance.rawValue, level: f.level, reasons: f.reasons.map(TravelService.reasonCode),
                    blockers: f.blockers.map(\.rawValue), conditions: l.conditions, refusalReason: l.refusalReason,
                    decidedBy: l.decidedByName, decidedAt: l.decidedAt, advice: l.advice, advisedAt: l.advisedAt,
                    bookedOnFlight: f.booked)
            }, advisoryIDs: facts.advisories.compactMap(\.id),
            trainingShortfalls: facts.travellers.flatMap { t in
                t.shortfalls.map { Shortfall(traveller: t.name, course: $0.course.rawValue, expiredOn: $0.expiredOn) }
            })
    }
}

/// A trip as the API takes it; the legs in the order travelled, times in ISO 8601.
struct TripInput: Content {
    struct Leg: Content {
        var from: String?; var to: String?; var toPlace: String?; var toLatitude: Double?; var toLongitude: Double?
        var departs: String?; var arrives: String?; var means: String?; var operatorID: String?; var flight: String?
    }
    var purpose: String?; var accommodation: String?; var companions: [UUID]?; var legs: [Leg]?

    /// As the form names them. A time the API gives with a zone is read as ISO 8601 and handed on
    /// in UTC; anything else is handed on as it came, for the form's rules to refuse.
    var form: [String: String] {
        var f: [String: String] = ["purpose": purpose ?? "", "accommodation": accommodation ?? ""]
        for id in companions ?? [] { f["companion-\(id.uuidString)"] = "true" }
        for (i, leg) in (legs ?? []).prefix(TravelService.maxLegs).enumerated() {
            let n = "leg\(i + 1)_"
            f[n + "from"] = leg.from ?? ""
            f[n + "to"] = leg.to ?? ""
            f[n + "to_place"] = leg.toPlace ?? ""
            f[n + "to_latitude"] = leg.toLatitude.map { String($0) } ?? ""
            f[n + "to_longitude"] = leg.toLongitude.map { String($0) } ?? ""
            f[n + "departs"] = Self.time(leg.departs)
            f[n + "arrives"] = Self.time(leg.arrives)
            f[n + "means"] = leg.means ?? "air"
            f[n + "operator"] = leg.operatorID ?? ""
            f[n + "flight"] = leg.flight ?? ""
            // A leg sent with nothing in it is still a leg: the form would skip an empty row.
            if leg.from == nil && leg.to == nil { f[n + "from"] = " " }
        }
        return f
    }

    static func time(_ raw: String?) -> String {
        guard let raw else { return "" }
        for options in [
            ISO8601DateFormatter.Options.withInternetDateTime, [.withInternetDateTime, .withFractionalSeconds],
        ] {
            let parser = ISO8601DateFormatter()
            parser.formatOptions = options
            if let date = parser.date(from: raw) { return TravelPages.local(date) }
        }
        return raw
    }
}

struct AdvisoryDTO: Content {
    var id: UUID; var scope: String; var country: String; var areaID: UUID?; var dutyStationID: UUID?
    var severity: String; var titles: [String: String]; var texts: [String: String]; var validFrom: Date
    var validUntil: Date?; var requiresClearance: Bool; var publishedBy: String; var publishedAt: Date
    var withdrawnAt: Date?
    init(_ a: Advisory) {
        id = a.id!; scope = a.scope.rawValue; country = a.country; areaID = a.areaID; dutyStationID = a.stationID
        severity = a.severity.rawValue; titles = NameSet.decode(a.titles); texts = NameSet.decode(a.texts)
        validFrom = a.validFrom; validUntil = a.validUntil; requiresClearance = a.requiresClearance
        publishedBy = a.publishedByName; publishedAt = a.publishedAt; withdrawnAt = a.withdrawnAt
    }
}

struct AdvisoryInput: Content {
    var scope: String?; var areaID: String?; var country: String?; var dutyStation: String?; var severity: String?
    var titles: [String: String]?; var texts: [String: String]?; var validFrom: String?; var validUntil: String?
    var requiresClearance: Bool?
    var form: [String: String] {
        var f = [
            "scope": scope ?? "", "area": areaID ?? "", "country": country ?? "", "station": dutyStation ?? "",
            "severity": severity ?? "", "valid_from": validFrom ?? "", "valid_until": validUntil ?? "",
            "requires_clearance": requiresClearance == true ? "true" : "",
        ]
        for (code, t) in titles ?? [:] { f["title-\(code)"] = t }
        for (code, t) in texts ?? [:] { f["text-\(code)"] = t }
        return f
    }
}

struct AirOperatorDTO: Content {
    var id: UUID; var name: String; var country: String?; var suitability: String; var restrictions: String?
    var assessedOn: Date
    init(_ o: AirOperator) {
        id = o.id!; name = o.name; country = o.country; suitability = o.suitability.rawValue
        restrictions = o.restrictions; assessedOn = o.assessedOn
    }
}

struct AirOperatorInput: Content {
    var name: String?; var country: String?; var suitability: String?; var restrictions: String?;
    var assessedOn: String?
}

struct DecisionInput: Content { var decision: String?; var conditions: String?; var reason: String? }
struct SubmitInput: Content { var acknowledged: [UUID]? }

struct TravelRulesDTO: Content {
    var clearanceLevel: Int; var flightCap: Int; var courses: [String: Int]
    init(_ r: TravelRules) {
        clearanceLevel = r.clearanceLevel; flightCap = r.flightCap
        courses = Dictionary(uniqueKeysWithValues: r.courses.map { ($0.key.rawValue, $0.value) })
    }
}

/// The travel API: trips, their submission and clearance, the officer's queue, advisories, air
/// operators and HQ's rules.
struct TravelAPIController {
    func register(_ routes: any RoutesBuilder) {
        let any = AppPath.any
        routes.on(.GET, .apiPersonnelTrips(any), .personnelOrSelf(.viewPersonalData), use: trips)
        routes.on(.POST, .apiPersonnelTrips(any), .personnelOrSelf(.managePersonnel), use: create)
        routes.on(.GET, .apiTravelRequest(any), .travelReader, use: show)
        routes.on(.PUT, .apiTravelRequest(any), .travelOwner, use: update)
        routes.on(.POST, .apiTravelRequestSubmit(any), .travelOwner, use: submit)
        routes.on(.POST, .apiTravelRequestCancel(any), .travelOwner, use: cancel)
        routes.on(.POST, .apiTravelLegDecision(any, any), .travelLeg(.manageSecurity), use: decide)
        routes.on(.GET, .apiTravelClearances, .somewhere(.manageSecurity), use: queue)
        routes.on(.GET, .apiAdvisories, .signedIn, use: advisories)
        routes.on(.POST, .apiAdvisories, .somewhere(.manageSecurity), use: publish)
        routes.on(.GET, .apiAirOperators, .signedIn, use: operators)
        routes.on(.POST, .apiAirOperators, .headquarters(.manageSecurity), use: addOperator)
        routes.on(.GET, .apiTravelSettings, .signedIn, use: rules)
        routes.on(.PUT, .apiTravelSettings, .headquarters(.configureSecurity), use: saveRules)
    }

    @Sendable func trips(_ req: Request) async throws -> Paged<TripDTO> {
        let person = try await req.personnelParameter()
        let per = req.pageRequest.per
        let rows = try await TravelReads.trips(
            of: person.requireID(), before: ClearanceController.after(req), per: per, on: req.db)
        var items: [TripDTO] = []
        for r in rows.prefix(per) { items.append(try await TripDTO.of(r, at: req.now, on: req.db)) }
        return Paged(
            items: items,
            metadata: PageInfo(
                page: 1, per: per, total: nil, hasMore: rows.count > per,
                nextAfter: rows.count > per
                    ? rows.prefix(per).last.map { "\($0.startsAt.timeIntervalSince1970)|\($0.id!.uuidString)" } : nil))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let person = try await req.personnelParameter()
        let body = try req.decodeJSON(TripInput.self)
        let r = try await TravelService.create(body.form, for: person, by: req.auditContext, on: req.db)
        return try await TripDTO.of(r, at: req.now, on: req.db).encodeResponse(status: .created, for: req)
    }

    /// Kept as the trip's page is, until anything it shows may have changed.
    @Sendable func show(_ req: Request) async throws -> Response {
        let r = try await req.travelRequestParameter()
        let body = try await req.rendered(["trip-api", r.id!.uuidString], showing: TravelController.scopes(r)) {
            try KeptJSON.encode(try await TripDTO.of(r, at: req.now, on: req.db))
        }
        return KeptJSON.response(body)
    }

    @Sendable func update(_ req: Request) async throws -> TripDTO {
        let r = try await req.travelRequestParameter()
        let body = try req.decodeJSON(TripInput.self)
        try await TravelService.update(r, body.form, by: req.auditContext, app: req.application, on: req.db)
        return try await TripDTO.of(r, at: req.now, on: req.db)
    }

    @Sendable func submit(_ req: Request) async throws -> TripDTO {
        let r = try await req.travelRequestParameter()
        let body = try req.decodeJSON(SubmitInput.self)
        _ = try await TravelService.submit(
            r, acknowledged: Set(body.acknowledged ?? []), by: req.auditContext, app: req.application, on: req.db)
        return try await TripDTO.of(r, at: req.now, on: req.db)
    }

    @Sendable func cancel(_ req: Request) async throws -> TripDTO {
        let r = try await req.travelRequestParameter()
        try await TravelService.cancel(r, by: req.auditContext, on: req.db)
        return try await TripDTO.of(r, at: req.now, on: req.db)
    }

    @Sendable func decide(_ req: Request) async throws -> TripDTO {
        let r = try await req.travelRequestParameter()
        let leg = try await req.travelLegParameter()
        let body = try req.decodeJSON(DecisionInput.self)
        guard let decision = body.decision, ["clear", "refuse"].contains(decision) else {
            throw DomainError(.invalidChoice, field: "decision")
        }
        try await TravelService.decide(
            leg, of: r, clear: decision == "clear", text: decision == "clear" ? body.conditions : body.reason,
            by: req.auditContext, app: req.application, on: req.db)
        return try await TripDTO.of(r, at: req.now, on: req.db)
    }

    @Sendable func queue(_ req: Request) async throws -> Paged<TripDTO.Leg> {
        let per = req.pageRequest.per
        let rows = try await TravelReads.queue(
            within: try await ClearanceController.clearingRoots(req), after: ClearanceController.after(req), per: per,
            on: req.db)
        let items = rows.prefix(per).map { r in
            TripDTO.Leg(
                id: r.legID, requestID: r.requestID, position: r.position, fromDutyStationID: r.fromID,
                toDutyStationID: r.toID, toPlace: r.toPlace, toLatitude: nil, toLongitude: nil, departs: r.departs,
                arrives: r.arrives, means: r.means.rawValue, operatorID: r.operatorID, flight: r.flight,
                clearance: r.clearance.rawValue, level: nil, reasons: r.reasons.split(separator: ",").map(String.init),
                blockers: [], conditions: nil, refusalReason: nil, decidedBy: nil, decidedAt: nil, advice: nil,
                advisedAt: nil, bookedOnFlight: 0)
        }
        return Paged(
            items: Array(items),
            metadata: PageInfo(
                page: 1, per: per, total: nil, hasMore: rows.count > per,
                nextAfter: rows.count > per
                    ? rows.prefix(per).last.map { "\($0.departs.timeIntervalSince1970)|\($0.legID.uuidString)" }
                    : nil))
    }

    @Sendable func advisories(_ req: Request) async throws -> [AdvisoryDTO] {
        try await AdvisoryService.current(at: req.now, on: req.db).map(AdvisoryDTO.init)
    }

    @Sendable func publish(_ req: Request) async throws -> Response {
        let form = try req.decodeJSON(AdvisoryInput.self).form
        let place = try await AdvisoriesController.place(form, req)
        let a = try await AdvisoryService.publish(
            place, try AdvisoryService.terms(form), by: req.auditContext, on: req.db)
        return try await AdvisoryDTO(a).encodeResponse(status: .created, for: req)
    }

    @Sendable func operators(_ req: Request) async throws -> [AirOperatorDTO] {
        try await AirOperator.query(on: req.db).sort(\.$name).all().map(AirOperatorDTO.init)
    }

    @Sendable func addOperator(_ req: Request) async throws -> Response {
        let b = try req.decodeJSON(AirOperatorInput.self)
        let op = try await AdvisoryService.saveOperator(
            nil,
            [
                "name": b.name ?? "", "country": b.country ?? "", "suitability": b.suitability ?? "",
                "restrictions": b.restrictions ?? "", "assessed_on": b.assessedOn ?? "",
            ], by: req.auditContext, on: req.db)
        return try await AirOperatorDTO(op).encodeResponse(status: .created, for: req)
    }

    @Sendable func rules(_ req: Request) async throws -> TravelRulesDTO {
        TravelRulesDTO(try await TravelSettings.rules(on: req.db))
    }

    @Sendable func saveRules(_ req: Request) async throws -> TravelRulesDTO {
        let b = try req.decodeJSON(TravelRulesDTO.self)
        var values = ["clearance_level": String(b.clearanceLevel), "flight_cap": String(b.flightCap)]
        for (course, level) in b.courses {
            guard SecurityCourse(rawValue: course) != nil else { throw DomainError(.invalidChoice, field: "courses") }
            values["course_\(course)"] = String(level)
        }
        let rules = try TravelSettings.parse(values)
        try await SettingStore.set(TravelSettings.key, to: rules, by: req.auditContext, on: req.db)
        return TravelRulesDTO(rules)
    }
}

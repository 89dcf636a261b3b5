import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Travel requests (差旅请求信息处理过程): entered, changed, submitted for clearance, cleared or
/// refused leg by leg by the destination's security officer, cancelled; every change in the
/// audit trail.
enum TravelService {
    /// The legs a request may have.
    static let maxLegs = 8

    struct LegDraft {
        var from: DutyStation
        var fromPlace: String?
        var to: DutyStation
        var toPlace: String?
        var toCoordinates: Coordinates?
        var times: LegTimes
        var means: TravelMeans
        var operatorID: UUID?
        var flight: String?

        /// What a change of the leg is judged by: the same leg changed needs clearance again.
        var signature: String {
            [
                from.id!.uuidString, to.id!.uuidString, toPlace ?? "", "\(times.departs.timeIntervalSince1970)",
                "\(times.arrives.timeIntervalSince1970)", means.rawValue, operatorID?.uuidString ?? "", flight ?? "",
            ].joined(separator: "|")
        }
    }

    struct Draft {
        var purpose: String
        var accommodation: String?
        var legs: [LegDraft]
        var companions: [UUID]
    }

    // MARK: Reading a form

    /// A request as a form (or the API, in the same names) gives it: `purpose`, `accommodation`,
    /// `companion-<dependant id>`, and per leg n = 1… `legN_from`, `legN_to` (duty stations by
    /// name), `legN_to_place`, `legN_to_latitude`, `legN_to_longitude`, `legN_departs`,
    /// `legN_arrives`, `legN_means`, `legN_operator`, `legN_flight`. Rows left empty are no legs.
    static func draft(_ form: [String: String], for traveller: Personnel, on db: any Database) async throws -> Draft {
        var stations: [String: Result<DutyStation, DomainError>] = [:]
        for n in 1...maxLegs {
            for end in ["from", "to"] {
                let typed = (form["leg\(n)_\(end)"] ?? "").trimmingCharacters(in: .whitespaces)
                guard !typed.isEmpty, stations[typed] == nil else { continue }
                do {
                    stations[typed] = .success(try await station(typed, field: "", on: db))
                } catch let e as DomainError {
                    stations[typed] = .failure(e)
                }
            }
        }
        let dependants = try await Dependant.query(on: db).filter(\.$personnel.$id == traveller.requireID()).all()
        let operators = Set(try await AirOperator.query(on: db).all().compactMap(\.id))
        return try read(form, stations: stations, operators: operators, dependants: Set(dependants.compactMap(\.id)))
    }

    /// The form read against the stations it names (looked up before), the operators and the
    /// traveller's dependants.
    private static func read(
        _ form: [String: String], stations: [String: Result<DutyStation, DomainError>], operators: Set<UUID>,
        dependants: Set<UUID>
    ) throws -> Draft {
        var v = ValidationCollector()
        func check<T>(_ body: () throws(DomainError) -> T) -> T? {
            do { return try body() } catch { v.add(error); return nil }
        }
        let purpose = check { () throws(DomainError) in try TextRules.name(form["purpose"], field: "purpose", max: 500)
        }
        let accommodation = check { () throws(DomainError) in
            try TextRules.optional(form["accommodation"], field: "accommodation", max: 500)
        }
        let companions = dependants.filter { form["companion-\($0.uuidString)"] == "true" }.sorted {
            $0.uuidString < $1.uuidString
        }
        var legs: [LegDraft] = []
        var times: [LegTimes] = []
        var rows: [Int] = []
        for n in 1...maxLegs {
            func value(_ name: String) -> String {
                (form["leg\(n)_\(name)"] ?? "").trimmingCharacters(in: .whitespaces)
            }
            let typed = ["from", "to", "departs", "arrives", "to_place", "flight"].contains { !value($0).isEmpty }
            guard typed else { continue }
            func place(_ end: String) -> DutyStation? {
                let field = "leg\(n)_\(end)"
                guard !value(end).isEmpty else {
                    v.add(DomainError(.required, field: field))
                    return nil
                }
                switch stations[value(end)] {
                case .success(let s): return s
                case .failure(let e): v.add(DomainError(e.problem, field: field, args: [value(end)]))
                case nil: v.add(DomainError(.notFound, field: field, args: [value(end)]))
                }
                return nil
            }
            let from = place("from")
            let to = place("to")
            let departs = check { () throws(DomainError) in
                try TextRules.dateTime(value("departs"), field: "leg\(n)_departs")
            }
            let arrives = check { () throws(DomainError) in
                try TextRules.dateTime(value("arrives"), field: "leg\(n)_arrives")
            }
            let toPlace =
                check { () throws(DomainError) in
                    try TextRules.optional(value("to_place"), field: "leg\(n)_to_place", max: 200)
                } ?? nil
            let fromPlace =
                check { () throws(DomainError) in
                    try TextRules.optional(value("from_place"), field: "leg\(n)_from_place", max: 200)
                } ?? nil
            var coordinates: Coordinates?
            if !value("to_latitude").isEmpty || !value("to_longitude").isEmpty {
                let la = check { () throws(DomainError) in
                    try TextRules.decimal(value("to_latitude"), field: "leg\(n)_to_latitude")
                }
                let lo = check { () throws(DomainError) in
                    try TextRules.decimal(value("to_longitude"), field: "leg\(n)_to_longitude")
                }
                if let la, let lo {
                    do {
                        coordinates = try Coordinates(latitude: la, longitude: lo)
                    } catch {
                        v.add(DomainError(error.problem, field: "leg\(n)_to_\(error.field ?? "latitude")"))
                    }
                }
            }
            let means = TravelMeans(rawValue: value("means").isEmpty ? "air" : value("means"))
            if means == nil { v.add(DomainError(.invalidChoice, field: "leg\(n)_means")) }
            var operatorID: UUID?
            var flight: String?
            if means == .air {
                if !value("operator").isEmpty {
                    operatorID = UUID(uuidString: value("operator")).flatMap { operators.contains($0) ? $0 : nil }
                    if operatorID == nil { v.add(DomainError(.invalidChoice, field: "leg\(n)_operator")) }
                }
                if !value("flight").isEmpty {
                    flight = ClearanceRules.flight(value("flight"))
                    if flight == nil { v.add(DomainError(.flightFormat, field: "leg\(n)_flight")) }
                }
            }
            guard let from, let to, let departs, let arrives, let means else { continue }
            let t = LegTimes(departs: departs, arrives: arrives)
            times.append(t)
            rows.append(n)
            legs.append(
                LegDraft(
                    from: from, fromPlace: fromPlace, to: to, toPlace: toPlace, toCoordinates: coordinates, times: t,
                    means: means, operatorID: operatorID, flight: flight))
        }
        if legs.isEmpty && v.errors.isEmpty { v.add(DomainError(.noLegs, field: "leg1_to")) }
        // The order checks count the legs read; the fields name the rows as typed.
        for e in Itinerary.problems(times) {
            var e = e
            if let field = e.field, let i = Int(field.dropFirst(3).prefix { $0.isNumber }) {
                e.field = "leg\(rows[i - 1])_" + field.split(separator: "_", maxSplits: 1)[1]
                e.args = e.args.compactMap { Int($0) }.map { String(rows[$0 - 1]) }
            }
            v.add(e)
        }
        try v.finish()
        return Draft(purpose: purpose!, accommodation: accommodation ?? nil, legs: legs, companions: companions)
    }

    /// A duty station typed by name, or as `Name (CC)` where several share the name.
    static func station(_ typed: String, field: String, on db: any Database) async throws -> DutyStation {
        var name = typed.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw DomainError(.required, field: field) }
        var country: String?
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let code = name[name.index(after: open)..<name.index(before: name.endIndex)]
            if code.count == 2 {
                country = code.uppercased()
                name = name[..<open].trimmingCharacters(in: .whitespaces)
            }
        }
        let query = DutyStation.query(on: db).filter(\.$name == name).filter(\.$retiredAt == nil)
        if let country { query.filter(\.$country == country) }
        let found = try await query.sort(\.$createdAt).sort(\.$id).limit(20).all()
        guard let first = found.first else { throw DomainError(.notFound, field: field, args: [typed]) }
        // Two stations of one name in one area (a bureau and an office in one city) are one place
        // for travel: the level and the officer who clears it are the area's.
        guard Set(found.map(\.$area.id)).count == 1 else {
            throw DomainError(.ambiguousUnit, field: field, args: [typed])
        }
        return first
    }

    // MARK: Entering and changing

    /// A new request, a draft until the traveller has seen the advisories and submits it.
    static func create(
        _ form: [String: String], for traveller: Personnel, by context: AuditContext, on db: any Database
    ) async throws -> TravelRequest {
        let draft = try await self.draft(form, for: traveller, on: db)
        let request = TravelRequest()
        request.id = UUID()
        request.$personnel.id = try traveller.requireID()
        request.$unit.id = traveller.$unit.id
        request.$requestedBy.id = context.actorID
        request.requestedByName = context.actorName
        request.status = .draft
        request.seniorOfficial = traveller.seniorOfficial
        apply(draft, to: request)
        let legs = try await legRows(draft, of: request, keeping: [], on: db)
        try await db.transaction { db in
            try await request.create(on: db)
            try await legs.create(on: db)
            try await companions(draft, of: request).create(on: db)
            try await Audit.record(
                on: db, by: context, .create, request, unitID: request.$unit.id, summary: summary(request, traveller))
        }
        return request
    }

    /// A change. A draft stays a draft, and a refused request becomes one again; on a submitted or
    /// cleared request a leg left as it was keeps its clearance, a changed one needs it again.
    static func update(
        _ request: TravelRequest, _ form: [String: String], by context: AuditContext, app: Application?,
        on db: any Database
    ) async throws {
        guard request.status != .cancelled else { throw DomainError(.requestNotOpen, field: "purpose") }
        let traveller = try await Personnel.find(request.$personnel.id, on: db)!
        let draft = try await self.draft(form, for: traveller, on: db)
        let before = request.auditFields
        let old = try await legs(of: request, on: db)
        let live = request.status == .submitted || request.status == .cleared
        apply(draft, to: request)
        let legs = try await legRows(draft, of: request, keeping: live ? old : [], on: db)
        if !live {
            request.status = .draft
            request.acknowledgedAt = nil
            request.refusal = nil
            request.decidedAt = nil
        }
        try await db.transaction { db in
            try await TravelLeg.query(on: db).filter(\.$request.$id == request.id!).delete()
            try await TravelCompanion.query(on: db).filter(\.$request.$id == request.id!).delete()
            try await legs.create(on: db)
            try await companions(draft, of: request).create(on: db)
            if live { try await settle(request, legs: legs, at: context.at, on: db) }
            try await request.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, request, before: before, unitID: request.$unit.id,
                summary: summary(request, traveller))
        }
        if live { try await notifyOfficers(request, legs: legs, app: app, on: db) }
    }

    private static func apply(_ draft: Draft, to request: TravelRequest) {
        request.purpose = draft.purpose
        request.accommodation = draft.accommodation
        request.startsAt = draft.legs.first!.times.departs
        request.endsAt = draft.legs.last!.times.arrives
        request.oneWay = draft.legs.last!.to.id != draft.legs.first!.from.id
    }

    /// The rows of the legs; a leg equal to one of `old` at the same place keeps its decisions.
    private static func legRows(
        _ draft: Draft, of request: TravelRequest, keeping old: [TravelLeg], on db: any Database
    ) async throws -> [TravelLeg] {
        let kept = Dictionary(old.map { (signature($0), $0) }, uniquingKeysWith: { a, _ in a })
        // The officer who clears a leg is the one of the destination's area: its keeper's.
        let areaIDs = Array(Set(draft.legs.map { $0.to.$area.id }))
        let keepers = Dictionary(
            try await SecurityArea.query(on: db).filter(\.$id ~~ areaIDs).all().map { ($0.id!, $0.$unit.id) },
            uniquingKeysWith: { a, _ in a })
        return draft.legs.enumerated().map { i, d in
            let leg = TravelLeg()
            leg.id = UUID()
            leg.$request.id = request.id!
            leg.position = i + 1
            leg.$fromStation.id = d.from.id!
            leg.fromPlace = d.fromPlace
            leg.$toStation.id = d.to.id!
            leg.$toArea.id = d.to.$area.id
            leg.toPlace = d.toPlace
            leg.toLatitude = d.toCoordinates?.latitude
            leg.toLongitude = d.toCoordinates?.longitude
            leg.departsAt = d.times.departs
            leg.arrivesAt = d.times.arrives
            leg.means = d.means
            leg.$airOperator.id = d.operatorID
            leg.flight = d.flight
            leg.clearance = .pending
            leg.reasons = ""
            if let same = kept[d.signature] {
                for key in [
                    \TravelLeg.conditions, \.refusalReason, \.decidedByName, \.advice, \.advisedByName,
                    \.flightApprovedByName,
                ] as [ReferenceWritableKeyPath<TravelLeg, String?>] {
                    leg[keyPath: key] = same[keyPath: key]
                }
                leg.clearance = same.clearance
                leg.reasons = same.reasons
                leg.decidedByID = same.decidedByID
                leg.decidedAt = same.decidedAt
                leg.adviceRequestedAt = same.adviceRequestedAt
                leg.advisedAt = same.advisedAt
                leg.flightApprovedAt = same.flightApprovedAt
                leg.trackedAt = same.trackedAt
            }
            return leg
        }.map { leg in
            let to = draft.legs[leg.position - 1].to
            leg.$toUnit.id = keepers[to.$area.id] ?? to.$unit.id
            return leg
        }
    }

    static func signature(_ leg: TravelLeg) -> String {
        [
            leg.$fromStation.id.uuidString, leg.$toStation.id.uuidString, leg.toPlace ?? "",
            "\(leg.departsAt.timeIntervalSince1970)", "\(leg.arrivesAt.timeIntervalSince1970)", leg.means.rawValue,
            leg.$airOperator.id?.uuidString ?? "", leg.flight ?? "",
        ].joined(separator: "|")
    }

    private static func companions(_ draft: Draft, of request: TravelRequest) -> [TravelCompanion] {
        draft.companions.map { id in
            let c = TravelCompanion()
            c.$request.id = request.id!
            c.$dependant.id = id
            return c
        }
    }

    static func legs(of request: TravelRequest, on db: any Database) async throws -> [TravelLeg] {
        try await TravelLeg.query(on: db).filter(\.$request.$id == request.requireID()).sort(\.$position).all()
    }

    static func summary(_ request: TravelRequest, _ traveller: Personnel) -> String {
        "\(traveller.name): \(request.purpose)"
    }

    // MARK: Submitting

    enum Submitted { case waiting, cleared, refusedForTraining }

    /// Submits a draft (or a request refused for training, once the training is renewed): every
    /// advisory of the trip acknowledged (`acknowledged` holds their ids), the training of everyone
    /// travelling valid through the trip, else refused at once with the reason.
    static func submit(
        _ request: TravelRequest, acknowledged: Set<UUID>, by context: AuditContext, app: Application?,
        on db: any Database
    ) async throws -> Submitted {
        guard request.status == .draft || (request.status == .refused && request.refusal == nil) else {
            throw DomainError(.requestNotOpen, field: "acknowledge")
        }
        let legs = try await legs(of: request, on: db)
        let facts = try await TravelFacts.of(request, legs: legs, at: context.at, on: db)
        let missing = facts.advisories.filter { !acknowledged.contains($0.id!) }
        if !missing.isEmpty {
            throw DomainError(.advisoriesNotAcknowledged, field: "acknowledge", args: [String(missing.count)])
        }
        let before = request.auditFields
        let traveller = try await Personnel.find(request.$personnel.id, on: db)!
        request.acknowledgedAt = context.at
        request.submittedAt = context.at
        request.refusal = nil
        let outcome: Submitted
        if facts.shortfalls {
            // Refused by the rules, with nobody's words: the page shows the training that is missing.
            request.status = .refused
            request.decidedAt = context.at
            outcome = .refusedForTraining
            // Nothing to follow: the trip will not happen as it stands.
            for leg in legs { leg.trackedAt = context.at }
        } else {
            request.status = .submitted
            for leg in legs { leg.trackedAt = nil }
            for f in facts.legs {
                f.leg.reasons = f.reasons.map(reasonCode).joined(separator: ",")
                f.leg.clearance = f.reasons.isEmpty ? .notRequired : .pending
                if f.airOperator?.suitability.needsAdvice == true && f.leg.adviceRequestedAt == nil {
                    f.leg.adviceRequestedAt = context.at
                }
            }
            try await settle(request, legs: legs, at: context.at, on: db)
            outcome = request.status == .cleared ? .cleared : .waiting
        }
        try await db.transaction { db in
            for leg in legs { try await leg.save(on: db) }
            try await request.save(on: db)
            if request.seniorOfficial, request.status != .refused,
                try await TravelCase.query(on: db).filter(\.$request.$id == request.id!).count() == 0
            {
                let c = TravelCase()
                c.$request.id = request.id!
                c.openedAt = context.at
                try await c.create(on: db)
            }
            try await Audit.record(
                on: db, by: context, .update, request, before: before, unitID: request.$unit.id,
                summary: summary(request, traveller))
        }
        switch outcome {
        case .waiting: try await notifyOfficers(request, legs: legs, app: app, on: db)
        case .cleared: try await TravelTracking.follow(request, at: context.at, on: db)
        case .refusedForTraining: break
        }
        return outcome
    }

    static func reasonCode(_ reason: ClearanceReason) -> String {
        switch reason {
        case .level(let l): "level:\(l)"
        case .advisory(let id): "advisory:\(id.uuidString.lowercased())"
        }
    }

    /// The request's status from its legs: refused when one is, cleared when none waits. A changed
    /// leg that needs clearance waits again.
    private static func settle(
        _ request: TravelRequest, legs: [TravelLeg], at now: Date, on db: any Database
    ) async throws {
        for leg in legs where leg.reasons.isEmpty && leg.clearance == .pending {
            // A new or changed leg of a live request: its reasons now.
            let facts = try await TravelFacts.of(request, legs: legs, at: now, on: db)
            for f in facts.legs where f.leg.id == leg.id {
                leg.reasons = f.reasons.map(reasonCode).joined(separator: ",")
                leg.clearance = f.reasons.isEmpty ? .notRequired : .pending
                if f.airOperator?.suitability.needsAdvice == true { leg.adviceRequestedAt = now }
            }
        }
        if legs.contains(where: { $0.clearance == .refused }) {
            request.status = .refused
            request.decidedAt = request.decidedAt ?? now
        } else if legs.allSatisfy({ $0.clearance != .pending }) {
            request.status = .cleared
            request.decidedAt = now
        } else {
            request.status = .submitted
            request.decidedAt = nil
        }
    }

    // MARK: Deciding

    /// The destination's security officer clears a leg (with conditions) or refuses it (with a
    /// reason). Not one's own trip, not a request that is no longer open, not before what must
    /// come first (aviation advice, HQ's approval of a full flight, the assessment of protection).
    static func decide(
        _ leg: TravelLeg, of request: TravelRequest, clear: Bool, text: String?, by context: AuditContext,
        app: Application?, on db: any Database
    ) async throws {
        let traveller = try await Personnel.find(request.$personnel.id, on: db)!
        guard request.status == .submitted else { throw DomainError(.requestNotOpen, field: "decision") }
        guard leg.clearance == .pending else { throw DomainError(.legNotPending, field: "decision") }
        if let actor = context.actorID, traveller.$user.id == actor || request.$requestedBy.id == actor {
            throw DomainError(.ownRequest, field: "decision")
        }
        let words = try TextRules.optional(text, field: clear ? "conditions" : "reason", max: 2000)
        if clear {
            let legs = try await legs(of: request, on: db)
            let facts = try await TravelFacts.of(request, legs: legs, at: context.at, on: db)
            if let blocker = facts.legs.first(where: { $0.leg.id == leg.id })?.blockers.first {
                switch blocker {
                case .aviationAdvice: throw DomainError(.aviationAdviceFirst, field: "decision")
                case .flightCap: throw DomainError(.flightApprovalFirst, field: "decision")
                case .protection: throw DomainError(.protectionFirst, field: "decision")
                }
            }
        } else if words == nil {
            throw DomainError(.reasonRequired, field: "reason")
        }
        let before = request.auditFields
        let legs = try await legs(of: request, on: db)
        guard let mine = legs.first(where: { $0.id == leg.id }) else { throw Abort(.notFound) }
        mine.clearance = clear ? .cleared : .refused
        mine.conditions = clear ? words : nil
        mine.refusalReason = clear ? nil : words
        mine.decidedByID = context.actorID
        mine.decidedByName = context.actorName
        mine.decidedAt = context.at
        if !clear { request.refusal = words }
        try await settle(request, legs: legs, at: context.at, on: db)
        if request.status == .refused {
            // Nothing to follow: the trip will not happen as it stands.
            for leg in legs where leg.trackedAt == nil { leg.trackedAt = context.at }
        }
        try await db.transaction { db in
            for leg in legs where leg.id != mine.id && leg.hasChanges { try await leg.save(on: db) }
            try await mine.save(on: db)
            try await request.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, entity: "travel_leg", id: mine.id, unitID: request.$unit.id,
                summary: "\(traveller.name) \(mine.position): \(mine.clearance.rawValue)",
                change: AuditChange(
                    before: ["clearance": LegClearance.pending.rawValue],
                    after: [
                        "clearance": mine.clearance.rawValue, "conditions": mine.conditions ?? "",
                        "reason": mine.refusalReason ?? "",
                    ]))
            try await Audit.record(
                on: db, by: context, .update, request, before: before, unitID: request.$unit.id,
                summary: summary(request, traveller))
        }
        if request.status == .cleared || request.status == .refused {
            try await notifyTraveller(request, traveller, app: app, on: db)
        }
        if request.status == .cleared { try await TravelTracking.follow(request, at: context.at, on: db) }
    }

    /// Cancelled by the traveller or whoever entered it: nothing more to clear or to follow.
    static func cancel(_ request: TravelRequest, by context: AuditContext, on db: any Database) async throws {
        guard request.status != .cancelled else { throw DomainError(.requestNotOpen, field: "cancel") }
        let traveller = try await Personnel.find(request.$personnel.id, on: db)!
        let before = request.auditFields
        request.status = .cancelled
        try await db.transaction { db in
            try await request.save(on: db)
            // Tracking is done with its legs: the trip will not happen.
            try await TravelLeg.query(on: db).filter(\.$request.$id == request.id!).filter(\.$trackedAt == nil)
                .set(\.$trackedAt, to: context.at).update()
            try await Audit.record(
                on: db, by: context, .update, request, before: before, unitID: request.$unit.id,
                summary: summary(request, traveller))
        }
    }

    // MARK: HQ: aviation advice, full flights, protection of senior officials

    /// HQ's aviation advice on a leg flown by an operator not approved; the time to answer is kept.
    static func advise(
        _ leg: TravelLeg, of request: TravelRequest, advice text: String?, by context: AuditContext,
        on db: any Database
    ) async throws {
        guard leg.adviceRequestedAt != nil, leg.advisedAt == nil else {
            throw DomainError(.nothingToAdvise, field: "advice")
        }
        let advice = try TextRules.name(text, field: "advice", max: 2000)
        leg.advice = advice
        leg.advisedAt = context.at
        leg.advisedByName = context.actorName
        try await saveLeg(leg, of: request, "advice", by: context, on: db)
    }

    /// HQ lets a flight over the cap go ahead for this traveller.
    static func approveFlight(
        _ leg: TravelLeg, of request: TravelRequest, by context: AuditContext, on db: any Database
    ) async throws {
        let rules = try await TravelSettings.rules(on: db)
        guard leg.flightApprovedAt == nil,
            ClearanceRules.overCap(booked: try await TravelFacts.bookedCount(leg, on: db), cap: rules.flightCap)
        else { throw DomainError(.nothingToAdvise, field: "flight") }
        leg.flightApprovedAt = context.at
        leg.flightApprovedByName = context.actorName
        try await saveLeg(leg, of: request, "flight_approved", by: context, on: db)
    }

    private static func saveLeg(
        _ leg: TravelLeg, of request: TravelRequest, _ what: String, by context: AuditContext, on db: any Database
    ) async throws {
        try await db.transaction { db in
            try await leg.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, entity: "travel_leg", id: leg.id, unitID: request.$unit.id,
                summary: "\(request.purpose) \(leg.position): \(what)",
                change: AuditChange(
                    before: [:],
                    after: [
                        "advice": leg.advice ?? "", "flight_approved_by": leg.flightApprovedByName ?? "",
                    ]))
        }
    }

    /// The protective service's assessment of a senior official's protection needs.
    static func assess(
        _ travelCase: TravelCase, of request: TravelRequest, _ form: [String: String], by context: AuditContext,
        on db: any Database
    ) async throws {
        var v = ValidationCollector()
        let threat = ProtectionThreat(rawValue: form["threat"] ?? "")
        if threat == nil { v.add(DomainError(.required, field: "threat")) }
        var protection: String?
        do {
            protection = try TextRules.name(form["protection"], field: "protection", max: 2000)
        } catch { v.add(error) }
        try v.finish()
        let assessed = protection ?? ""
        let before = ["threat": travelCase.threat?.rawValue ?? "", "protection": travelCase.protection ?? ""]
        travelCase.threat = threat
        travelCase.protection = protection
        travelCase.assessedAt = context.at
        travelCase.assessedByName = context.actorName
        try await db.transaction { db in
            try await travelCase.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, entity: "travel_case", id: travelCase.id, unitID: request.$unit.id,
                summary: request.purpose,
                change: AuditChange(
                    before: before, after: ["threat": threat!.rawValue, "protection": assessed]))
        }
    }

    // MARK: Telling people

    /// The security officers of each destination that waits: a trip to clear.
    static func notifyOfficers(
        _ request: TravelRequest, legs: [TravelLeg], app: Application?, on db: any Database
    ) async throws {
        let traveller = try await Personnel.find(request.$personnel.id, on: db)!
        for unitID in Set(legs.filter { $0.clearance == .pending }.map(\.$toUnit.id)) {
            guard let unit = try await Unit.find(unitID, on: db) else { continue }
            let officers = try await Notifier.holders(
                of: [.securityOfficer], over: unit, except: traveller.$user.id, on: db)
            try await Notifier.notify(
                officers, kind: "travel_to_clear", args: [traveller.name, request.purpose],
                link: AppPath.travelRequest(request.id!).path, unitID: unitID, app: app, on: db)
        }
    }

    /// The traveller, whoever entered the trip, and their manager (the senior manager of their
    /// unit): cleared or refused.
    static func notifyTraveller(
        _ request: TravelRequest, _ traveller: Personnel, app: Application?, on db: any Database
    ) async throws {
        var users: [User] = []
        let ids = Set([traveller.$user.id, request.$requestedBy.id].compactMap { $0 })
        if !ids.isEmpty {
            users += try await User.query(on: db).filter(\.$id ~~ Array(ids)).filter(\.$isActive == true).all()
        }
        if let unit = try await Unit.find(traveller.$unit.id, on: db) {
            users += try await Notifier.holders(of: [.seniorManager], over: unit, except: nil, on: db)
                .filter { !ids.contains($0.id!) }
        }
        try await Notifier.notify(
            users, kind: request.status == .cleared ? "travel_cleared" : "travel_refused",
            args: [traveller.name, request.purpose], link: AppPath.travelRequest(request.id!).path,
            unitID: request.$unit.id, app: app, on: db)
    }
}

extension TravelRequest: Auditable {
    static let auditEntity = "travel_request"
    var auditFields: [String: String] {
        [
            "purpose": purpose, "accommodation": accommodation ?? "", "status": status.rawValue,
            "starts_at": ISO8601DateFormatter().string(from: startsAt),
            "ends_at": ISO8601DateFormatter().string(from: endsAt), "refusal": refusal ?? "",
            "personnel_id": $personnel.id.uuidString.lowercased(),
        ]
    }
}

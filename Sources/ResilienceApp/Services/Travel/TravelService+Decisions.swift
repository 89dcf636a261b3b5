import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Deciding on trips: the destination's officer clears or refuses a leg; HQ advises on aviation,
/// approves full flights and assesses protection; the people concerned are told.
extension TravelService {
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
            ClearanceRules.overCap(
                booked: try await TravelFacts.flights(of: [leg], request: request, on: db)[leg.id!]?.booked ?? 0,
                cap: rules.flightCap)
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

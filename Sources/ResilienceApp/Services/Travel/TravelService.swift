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
    static func settle(
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

import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// Roll-calls after an incident: who is listed, how each is marked, and the messages that reach them.
enum RollCallService {
    /// What a form or a body asks for when opening a roll-call.
    struct Opening: Sendable {
        var title: String?
        var occurredAt: String?
        var areaIDs: [UUID] = []
        var stationIDs: [UUID] = []
        var latitude: String?
        var longitude: String?
        var radiusKm: String?
        var first: String?
        var second: String?
        var secondAfter: String?
        var repeatMinutes: String?

        init(form: [String: String]) {
            title = form["title"]; occurredAt = form["occurred_at"]
            areaIDs = form.keys.filter { $0.hasPrefix("area-") && form[$0] == "true" }.compactMap {
                UUID(uuidString: String($0.dropFirst(5)))
            }
            stationIDs = form.keys.filter { $0.hasPrefix("station-") && form[$0] == "true" }.compactMap {
                UUID(uuidString: String($0.dropFirst(8)))
            }
            latitude = form["latitude"]; longitude = form["longitude"]; radiusKm = form["radius"]
            first = form["first"]; second = form["second"]; secondAfter = form["second_after"]
            repeatMinutes = form["repeat"]
        }
    }

    /// The contact plan a form gives: the first channel at once, the second (if any) after some
    /// minutes, and the repeat.
    static func plan(_ o: Opening) throws -> ContactPlan {
        var v = ValidationCollector()
        let first = o.first.flatMap(ContactChannel.init(rawValue:)) ?? .sms
        var steps = [ContactPlan.Step(channel: first, afterMinutes: 0)]
        if let raw = o.second, let second = ContactChannel(rawValue: raw), second != first {
            let after = try v.check {
                try TextRules.integer(o.secondAfter, field: "second_after", in: 0...1_440, empty: 15)
            }
            steps.append(.init(channel: second, afterMinutes: after ?? 0))
        }
        let repeatText = (o.repeatMinutes ?? "").trimmingCharacters(in: .whitespaces)
        let repeatMinutes =
            repeatText.isEmpty
            ? nil
            : try v.check {
                try TextRules.integer(repeatText, field: "repeat", in: 5...1_440)
            }
        try v.finish()
        do { return try ContactPlan(steps: steps, repeatMinutes: repeatMinutes) } catch {
            throw ValidationErrors([error])
        }
    }

    static func encode(_ plan: ContactPlan) -> String {
        plan.steps.map { "\($0.channel.rawValue):\($0.afterMinutes)" }.joined(separator: ",")
    }

    static func plan(of call: RollCall) -> ContactPlan {
        let steps = call.channels.split(separator: ",").compactMap { part -> ContactPlan.Step? in
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let c = ContactChannel(rawValue: String(pieces[0])), let m = Int(pieces[1]) else {
                return nil
            }
            return .init(channel: c, afterMinutes: m)
        }
        return (try? ContactPlan(steps: steps, repeatMinutes: call.repeatMinutes)) ?? .standard
    }

    /// Opens a roll-call for the unit and lists everyone who may be there, with their dependants.
    static func open(
        _ o: Opening, for unit: Unit, by context: AuditContext, on db: any Database
    ) async throws -> RollCall {
        var v = ValidationCollector()
        let title = try v.check { try TextRules.name(o.title, field: "title") }
        let occurred = try v.check { () throws -> Date in
            let date = try TextRules.dateTime(o.occurredAt, field: "occurred_at")
            guard date <= context.at.addingTimeInterval(300) else {
                throw DomainError(.startInFuture, field: "occurred_at")
            }
            return date
        }
        let contact = try v.check { () throws -> ContactPlan in
            do { return try plan(o) } catch let e as ValidationErrors { throw e.errors.first! }
        }
        // The places: areas and stations of the unit's subtree, or a circle.
        let subtree = try await DutyStation.query(on: db).join(Unit.self, on: \DutyStation.$unit.$id == \Unit.$id)
            .filter(Unit.self, \.$path, .custom("LIKE"), unit.path + "%").filter(\.$retiredAt == nil).all()
        var stations = Set(
            subtree.filter { o.stationIDs.contains($0.id!) || o.areaIDs.contains($0.$area.id) }.map(\.id!))
        var circle: (Coordinates, Double)?
        let radiusText = (o.radiusKm ?? "").trimmingCharacters(in: .whitespaces)
        if !radiusText.isEmpty {
            let lat = try v.check { try TextRules.decimal(o.latitude, field: "latitude") }
            let lon = try v.check { try TextRules.decimal(o.longitude, field: "longitude") }
            let radius = try v.check { try TextRules.decimal(radiusText, field: "radius") }
            if let lat, let lon, let radius {
                let center = try v.check { try Coordinates(latitude: lat, longitude: lon) }
                if let center, (try v.check { try RollCallReach.within(center: center, radiusKm: radius) }) != nil {
                    circle = (center, radius)
                    let reach = RollCallReach.circle(center: center, radiusKm: radius)
                    for s in try await DutyStation.query(on: db).filter(\.$retiredAt == nil).all()
                    where reach.covers(
                        stationID: nil, at: try? Coordinates(latitude: s.latitude, longitude: s.longitude))
                    {
                        stations.insert(s.id!)
                    }
                }
            }
        } else if stations.isEmpty {
            v.add(DomainError(.rollCallReach, field: "reach"))
        }
        try v.finish()
        let call = RollCall()
        call.id = UUID()
        call.title = title!
        call.occurredAt = occurred!
        call.openedAt = context.at
        call.stationIDs = stations.map { $0.uuidString.lowercased() }.sorted().joined(separator: ",")
        call.centerLatitude = circle?.0.latitude
        call.centerLongitude = circle?.0.longitude
        call.radiusKm = circle?.1
        call.channels = encode(contact!)
        call.repeatMinutes = contact!.repeatMinutes
        call.$unit.id = try unit.requireID()
        call.$openedBy.id = context.actorID
        let entries = try await listed(call, stations: stations, circle: circle, on: db)
        try await db.transaction { db in
            try await call.create(on: db)
            for batch in entries.chunked(500) { try await Array(batch).create(on: db) }
            try await Audit.record(
                on: db, by: context, .create, entity: "roll_call", id: call.id, unitID: call.$unit.id,
                summary: "\(call.title): \(entries.count)",
                change: AuditChange(before: [:], after: ["title": call.title, "listed": String(entries.count)]))
        }
        return call
    }

    /// Everyone who may be there: posted at one of the stations, or last located at one (or, for
    /// a circle, at a point inside it), and their dependants.
    private static func listed(
        _ call: RollCall, stations: Set<UUID>, circle: (Coordinates, Double)?, on db: any Database
    ) async throws -> [RollCallEntry] {
        var people: [UUID: Personnel] = [:]
        for chunk in Array(stations).chunked(400) {
            let ids = Array(chunk)
            for p in try await Personnel.query(on: db).filter(\.$leftAt == nil).group(
                .or,
                {
                    $0.filter(\.$station.$id ~~ ids).filter(\.$locationStation.$id ~~ ids)
                }
            ).all() {
                people[p.id!] = p
            }
        }
        if let (center, radius) = circle {
            // A box around the circle first (one degree of latitude is 111 km), then the distance.
            let dLat = radius / 111.0
            let reach = RollCallReach.circle(center: center, radiusKm: radius)
            for p in try await Personnel.query(on: db).filter(\.$leftAt == nil)
                .filter(\.$locationLatitude >= center.latitude - dLat).filter(
                    \.$locationLatitude <= center.latitude + dLat
                )
                .all()
            where reach.covers(
                stationID: nil,
                at: try? Coordinates(latitude: p.locationLatitude ?? 0, longitude: p.locationLongitude ?? 0))
            {
                people[p.id!] = p
            }
        }
        func station(_ p: Personnel) -> UUID {
            if let located = p.$locationStation.id, stations.contains(located) { return located }
            return p.$station.id
        }
        var entries: [RollCallEntry] = []
        for p in people.values { entries.append(entry(call, p, nil, station(p))) }
        for chunk in Array(people.keys).chunked(400) {
            for d in try await Dependant.query(on: db).filter(\.$personnel.$id ~~ Array(chunk)).all() {
                entries.append(entry(call, people[d.$personnel.id]!, d, station(people[d.$personnel.id]!)))
            }
        }
        return entries
    }

    private static func entry(_ call: RollCall, _ p: Personnel, _ d: Dependant?, _ station: UUID) -> RollCallEntry {
        let e = RollCallEntry()
        e.id = UUID()
        e.$rollCall.id = call.id!
        e.$personnel.id = p.id!
        e.$dependant.id = d?.id
        e.$station.id = station
        e.status = .notReached
        return e
    }

    /// Marks a person or a dependant; an accounted mark confirms where they are.
    static func mark(
        _ entry: RollCallEntry, in call: RollCall, as status: AccountStatus, method: MarkMethod, note: String?,
        by context: AuditContext, on db: any Database
    ) async throws {
        guard call.closedAt == nil else { throw ValidationErrors([DomainError(.rollCallClosed, field: "status")]) }
        let text = try TextRules.optional(note, field: "note", max: 1000)
        try await db.transaction { db in
            try await markAll(
                [Mark(entry: entry, call: call, status: status, by: context.actorName)], method: method, note: text,
                at: context.at, actorID: context.actorID, on: db)
        }
    }

    /// One mark of a batch: the entry, its (open) roll-call, the status, and who gave it.
    struct Mark {
        var entry: RollCallEntry
        var call: RollCall
        var status: AccountStatus
        var by: String
    }

    /// Marks entries as one writer does: an update per status, the whereabouts of the accounted an
    /// update per duty station, the audit lines in one statement. Call it in a transaction.
    static func markAll(
        _ marks: [Mark], method: MarkMethod, note: String?, at: Date, actorID: UUID?, on db: any Database
    ) async throws {
        guard !marks.isEmpty else { return }
        var lines: [AuditEntry] = []
        var byStatus: [AccountStatus: [UUID]] = [:]
        var people: [UUID: [UUID]] = [:], dependants: [UUID: [UUID]] = [:]
        for m in marks {
            let before = m.entry.auditFields
            m.entry.status = m.status
            m.entry.method = method
            if let note { m.entry.note = note }
            m.entry.markedAt = at
            m.entry.$markedBy.id = actorID
            byStatus[m.status, default: []].append(try m.entry.requireID())
            if m.status.isAccounted, let station = m.entry.$station.id {
                if let dependant = m.entry.$dependant.id {
                    dependants[station, default: []].append(dependant)
                } else {
                    people[station, default: []].append(m.entry.$personnel.id)
                }
            }
            lines.append(
                Audit.line(
                    by: AuditContext(actorID: actorID, actorName: m.by, at: at), .update,
                    entity: RollCallEntry.auditEntity, id: m.entry.id, unitID: m.call.$unit.id, summary: m.call.title,
                    change: AuditChange(before: before, after: m.entry.auditFields)))
        }
        for (status, ids) in byStatus {
            for chunk in ids.chunked(500) {
                let update = RollCallEntry.query(on: db).filter(\.$id ~~ Array(chunk)).set(\.$status, to: status)
                    .set(\.$method, to: method).set(\.$markedAt, to: at).set(\.$markedBy.$id, to: actorID)
                if let note { update.set(\.$note, to: note) }
                try await update.update()
            }
        }
        // Accounted for: located where the roll-call listed them, now.
        for (station, ids) in people {
            for chunk in ids.chunked(500) {
                try await Personnel.query(on: db).filter(\.$id ~~ Array(chunk)).set(\.$locationStation.$id, to: station)
                    .set(\.$locationLatitude, to: nil).set(\.$locationLongitude, to: nil)
                    .set(\.$locationConfirmedAt, to: at).set(\.$locationSource, to: .rollCall).update()
            }
        }
        for (station, ids) in dependants {
            for chunk in ids.chunked(500) {
                try await Dependant.query(on: db).filter(\.$id ~~ Array(chunk)).set(\.$locationStation.$id, to: station)
                    .set(\.$locationLatitude, to: nil).set(\.$locationLongitude, to: nil)
                    .set(\.$locationConfirmedAt, to: at).set(\.$locationSource, to: .rollCall).update()
            }
        }
        try await Audit.recordAll(on: db, lines)
    }

    /// The person's own answer through their link: their status, and their dependants' as given.
    static func answer(
        _ entry: RollCallEntry, in call: RollCall, status: AccountStatus, note: String?,
        dependants: [UUID: AccountStatus], at now: Date, on db: any Database
    ) async throws {
        guard call.closedAt == nil else { throw ValidationErrors([DomainError(.rollCallClosed, field: "status")]) }
        let text = try TextRules.optional(note, field: "note", max: 1000)
        let by = "roll-call answer"
        let others = try await RollCallEntry.query(on: db).filter(\.$rollCall.$id == call.requireID())
            .filter(\.$personnel.$id == entry.$personnel.id).filter(\.$dependant.$id != nil).all()
        try await db.transaction { db in
            try await markAll(
                [Mark(entry: entry, call: call, status: status, by: by)], method: .ownAnswer, note: text, at: now,
                actorID: nil, on: db)
            try await markAll(
                others.compactMap { e in dependants[e.id!].map { Mark(entry: e, call: call, status: $0, by: by) } },
                method: .ownAnswer, note: nil, at: now, actorID: nil, on: db)
        }
    }

    static func close(_ call: RollCall, by context: AuditContext, on db: any Database) async throws {
        guard call.closedAt == nil else { throw ValidationErrors([DomainError(.rollCallClosed)]) }
        call.closedAt = context.at
        try await db.transaction { db in
            try await call.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, entity: "roll_call", id: call.id, unitID: call.$unit.id,
                summary: call.title, change: AuditChange(before: ["closed": "false"], after: ["closed": "true"]))
        }
    }

    /// Names a warden of a zone (a duty station of the roll-call): they mark its people.
    static func addWarden(
        _ call: RollCall, username: String?, stationID: UUID?, by context: AuditContext, on db: any Database
    ) async throws {
        var v = ValidationCollector()
        let name = (username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let user = name.isEmpty ? nil : try await User.query(on: db).filter(\.$username == name).first()
        if name.isEmpty {
            v.add(DomainError(.required, field: "warden"))
        } else if user == nil {
            v.add(DomainError(.notFound, field: "warden"))
        }
        let zones = Set(call.stationIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) })
        if stationID == nil || !(zones.contains(stationID!) || zones.isEmpty) {
            v.add(DomainError(.invalidChoice, field: "zone"))
        }
        try v.finish()
        let warden = RollCallWarden()
        warden.$rollCall.id = try call.requireID()
        warden.$user.id = try user!.requireID()
        warden.$station.id = stationID!
        if try await RollCallWarden.query(on: db).filter(\.$rollCall.$id == call.id!).filter(\.$user.$id == user!.id!)
            .filter(\.$station.$id == stationID!).first() != nil
        {
            return
        }
        try await db.transaction { db in
            try await warden.create(on: db)
            try await Audit.record(
                on: db, by: context, .grant, entity: "roll_call", id: call.id, unitID: call.$unit.id,
                summary: "\(call.title): \(name)",
                change: AuditChange(
                    before: [:], after: ["warden": name, "duty_station_id": stationID!.uuidString.lowercased()]))
        }
    }

    /// The zones (duty stations) `userID` is a warden of in this roll-call.
    static func zones(of userID: UUID, in call: RollCall, on db: any Database) async throws -> Set<UUID> {
        Set(
            try await RollCallWarden.query(on: db).filter(\.$rollCall.$id == call.requireID())
                .filter(\.$user.$id == userID).all().map(\.$station.id))
    }
}

extension RollCallEntry: Auditable {
    static let auditEntity = "roll_call_entry"
    var auditFields: [String: String] {
        [
            "status": status.rawValue, "method": method?.rawValue ?? "",
            "note": PersonnelService.fingerprint(note),
        ]
    }
}

import Fluent
import Foundation
import ResilienceCore
import Vapor

/// What a person fills in to activate a plan.
struct ActivationInput: Codable, Sendable {
    var kind: String?
    var startedAt: String?
    var places: String?
}

/// Activating a plan, reporting process states, closing with an after-action note. Every change
/// is in the activation's log and the audit trail, in the same transaction.
enum ActivationService {
    static func processes(_ activation: Activation) -> [Activation.Process] {
        (try? PlanCodec.decode([Activation.Process].self, activation.processes)) ?? []
    }

    static func states(_ activation: Activation) -> [UUID: ProcessState] {
        let raw = (try? PlanCodec.decode([String: ProcessState].self, activation.processStates)) ?? [:]
        return Dictionary(
            uniqueKeysWithValues: raw.compactMap { key, value in UUID(uuidString: key).map { ($0, value) } })
    }

    /// The plan an activation follows: the approved version of the unit's plan in force if it has
    /// one, else its newest plan as it stands.
    static func planToFollow(
        _ unit: Unit, now: Date, on db: any Database
    ) async throws -> (Plan, PlanContent, ImpactScale)? {
        if let version = try await PlanService.approvedVersion(of: unit.requireID(), on: db),
            let plan = try await PlanService.find(version.$plan.id, on: db)
        {
            let snapshot = try await PlanService.snapshot(version, on: db)
            return (plan, snapshot.content, snapshot.scale)
        }
        guard
            let newest = try await Plan.query(on: db).filter(\.$unit.$id == unit.requireID()).sort(
                \.$cycle, .descending
            ).first(),
            let plan = try await PlanService.find(newest.requireID(), on: db)
        else { return nil }
        let snapshot = try await PlanService.snapshot(plan, now: now, on: db)
        return (plan, snapshot.content, snapshot.scale)
    }

    static func start(
        at unit: Unit, _ input: ActivationInput, by context: AuditContext, now: Date,
        on db: any Database
    ) async throws -> Activation {
        var v = ValidationCollector()
        let kind: ScenarioKind?? = try v.check { try ListSpec.choice(input.kind, "kind") }
        let startedAt = try v.check { try TextRules.dateTime(input.startedAt, field: "startedAt") }
        if let startedAt { try v.check { try ActivationRules.checkStart(startedAt, now: now) } }
        let places = try v.check {
            try TextRules.name(input.places, field: "places", max: ActivationRules.maximumPlaces)
        }
        try v.finish()
        if try await Activation.query(on: db).filter(\.$unit.$id == unit.requireID()).filter(\.$status == .open).count()
            > 0
        {
            throw ValidationErrors([DomainError(.activationOpen, field: "kind")])
        }
        guard let (plan, content, scale) = try await planToFollow(unit, now: now, on: db) else {
            throw ValidationErrors([DomainError(.noPlanToActivate, field: "kind")])
        }
        let ordered = ImpactAnalysis.recoveryOrder(content.processes, scale: scale)
        let activation = Activation()
        activation.$unit.id = try unit.requireID()
        activation.$plan.id = try plan.requireID()
        activation.kind = kind!!.rawValue
        activation.startedAt = startedAt!
        activation.places = places!
        activation.status = .open
        activation.processes = PlanCodec.encode(
            ordered.map { Activation.Process(id: $0.id, name: $0.name, rtoHours: $0.rtoHours) })
        activation.processStates = "{}"
        activation.startedByName = context.actorName
        try await db.transaction { db in
            try await activation.create(on: db)
            try await log(activation, note: places!, by: context, at: now, on: db)
            try await Audit.record(
                on: db, by: context, .create, entity: "activation", id: activation.id, unitID: unit.id,
                summary: "\(unit.name): \(kind!!.rawValue)",
                change: AuditChange(
                    before: [:], after: ["kind": activation.kind, "places": activation.places, "status": "open"]))
        }
        return activation
    }

    static func log(
        _ activation: Activation, process: Activation.Process? = nil, state: ProcessState? = nil, note: String,
        by context: AuditContext, at: Date, on db: any Database
    ) async throws {
        let entry = ActivationEntry()
        entry.$activation.id = try activation.requireID()
        entry.at = at
        entry.actorID = context.actorID
        entry.actorName = context.actorName
        entry.processID = process?.id
        entry.processName = process?.name
        entry.state = state?.rawValue
        entry.note = note
        try await entry.create(on: db)
    }

    static func setState(
        _ activation: Activation, process id: UUID, state raw: String?, note rawNote: String?,
        by context: AuditContext, on db: any Database
    ) async throws {
        if activation.status == .closed { throw ValidationErrors([DomainError(.activationClosed, field: "state")]) }
        guard let process = processes(activation).first(where: { $0.id == id }) else { throw Abort(.notFound) }
        var v = ValidationCollector()
        let state: ProcessState?? = try v.check { try ListSpec.choice(raw, "state") }
        let note =
            try v.check { try TextRules.optional(rawNote, field: "note", max: ActivationRules.maximumNote) } ?? nil
        try v.finish()
        var states = states(activation)
        let before = states[id] ?? .normal
        states[id] = state!!
        activation.processStates = PlanCodec.encode(
            Dictionary(uniqueKeysWithValues: states.map { ($0.key.uuidString.lowercased(), $0.value) }))
        try await db.transaction { db in
            try await activation.save(on: db)
            try await log(
                activation, process: process, state: state!!, note: note ?? "", by: context, at: context.at, on: db)
            try await Audit.record(
                on: db, by: context, .update, entity: "activation", id: activation.id, unitID: activation.$unit.id,
                summary: process.name,
                change: AuditChange(before: ["state": before.rawValue], after: ["state": state!!.rawValue]))
        }
    }

    static func addNote(
        _ activation: Activation, note rawNote: String?, by context: AuditContext, on db: any Database
    ) async throws {
        if activation.status == .closed { throw ValidationErrors([DomainError(.activationClosed, field: "note")]) }
        let note = try TextRules.name(rawNote, field: "note", max: ActivationRules.maximumNote)
        try await log(activation, note: note, by: context, at: context.at, on: db)
    }

    /// Closes the activation; its after-action note becomes an exercise-like record in the plan
    /// being written for the next review (the activated plan if it is still editable, else the
    /// unit's newest editable plan). The unit's "last exercise" is the close in any case.
    static func close(
        _ activation: Activation, note rawNote: String?, by context: AuditContext, now: Date,
        on db: any Database
    ) async throws {
        if activation.status == .closed {
            throw ValidationErrors([DomainError(.activationClosed, field: "afterAction")])
        }
        let note: String
        do { note = try TextRules.name(rawNote, field: "afterAction", max: ActivationRules.maximumNote) } catch {
            throw ValidationErrors([error])
        }
        activation.status = .closed
        activation.closedAt = now
        activation.afterAction = note
        try await db.transaction { db in
            try await activation.save(on: db)
            try await log(activation, note: note, by: context, at: now, on: db)
            try await Audit.record(
                on: db, by: context, .update, entity: "activation", id: activation.id, unitID: activation.$unit.id,
                summary: "closed", change: AuditChange(before: ["status": "open"], after: ["status": "closed"]))
            try await PlanStanding.refresh(activation.$unit.id, on: db)
        }
        let activated = try await PlanService.find(activation.$plan.id, on: db)
        let editable = try await Plan.query(on: db).filter(\.$unit.$id == activation.$unit.id).filter(
            \.$state ~~ [.draft, .returned]
        )
        .sort(\.$cycle, .descending).field(\.$id).first()
        var target = activated?.state.isEditable == true ? activated : nil
        if target == nil, let editable { target = try await PlanService.find(editable.requireID(), on: db) }
        if let plan = target {
            let record = ActivationRules.afterAction(
                startedAt: activation.startedAt, closedAt: now,
                kind: ScenarioKind(rawValue: activation.kind) ?? .other, places: activation.places, note: note)
            try await PlanService.change(plan, by: context, on: db) { content in
                content.exercises.append(record)
                return ("exercises: activation", "", PlanCodec.encode(record))
            }
        }
    }
}

import Foundation

/// How a critical process is running while the plan is active (DOMAIN.md "Activation").
public enum ProcessState: String, CaseIterable, Codable, Sendable {
    case normal, degraded, suspended, relocated, remote
}

/// The rules of an activation, pure over plain values.
public enum ActivationRules {
    public static let maximumPlaces = 1000
    public static let maximumNote = 4000

    /// The start of a disruptive event: not in the future (a minute of clock skew allowed).
    public static func checkStart(_ start: Date, now: Date) throws(DomainError) {
        if start > now.addingTimeInterval(60) { throw DomainError(.startInFuture, field: "startedAt") }
    }

    /// The counts per state of an activation's processes; those not yet reported count as normal.
    public static func counts(_ states: [UUID: ProcessState], processes: [UUID]) -> [ProcessState: Int] {
        var counts: [ProcessState: Int] = [:]
        for id in processes { counts[states[id] ?? .normal, default: 0] += 1 }
        return counts
    }

    /// The record that a closed activation leaves in the plan for the next review.
    public static func afterAction(
        startedAt: Date, closedAt: Date, kind: ScenarioKind, places: String, note: String
    ) -> Exercise {
        var exercise = Exercise(date: closedAt, kind: .activation)
        exercise.scope = String("\(kind.rawValue): \(places)".prefix(PlanContent.maximumText))
        exercise.findings = String(note.prefix(PlanContent.maximumText))
        return exercise
    }
}

import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Plan histories for the benchmark's organization: for every country operation and office, the
/// cycle before last (superseded), last cycle's plan (in force, approved between one and fourteen
/// months ago, so some due soon and some overdue), and this cycle's plan in every state of the
/// review, with its versions, moves and feedback; then each unit's standing and a year of
/// compliance history. Written in batches through SQL, like the rest of `generate`.
extension GenerateCommand {
    static func generatePlans(skipping skip: Set<String>, on db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase else { return "" }
        let now = Date()
        let day = 86_400.0
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        let units = try await Unit.query(on: db).filter(\.$kind ~~ OversightService.planningKinds).sort(\.$code).all()
            .filter { !skip.contains($0.code ?? "") }
        let content = PlanCodec.encode(DemoPlan.large(processes: 4, staffPerProcess: 2, now: now))
        let scale = PlanCodec.encode(ImpactScale.standard)
        let exercised = PlanService.lastExercise(try PlanCodec.decode(PlanContent.self, content), now: now)
        struct Row {
            var id: UUID; var unit: UUID; var cycle: Int; var state: ReviewState; var versions: Int;
            var approved: Date?; var superseded: Date?
            var submitted: Int?; var returned: Int?
        }
        var plans: [Row] = [], standings: [PlanStanding] = []
        let current: [ReviewState?] = [nil, .draft, .draft, .submitted, .inReview, .returned, .endorsed, .inForce]
        for (i, unit) in units.enumerated() {
            let u = unit.id!
            let lastApproved = now.addingTimeInterval(-Double(30 + (i * 37) % 400) * day)
            let olderApproved = lastApproved.addingTimeInterval(-365 * day)
            let now0 = current[i % current.count]
            let lastSuperseded = now0 == .inForce ? now.addingTimeInterval(-5 * day) : nil
            plans.append(
                Row(
                    id: UUID(), unit: u, cycle: year - 2, state: .superseded, versions: 1, approved: olderApproved,
                    superseded: lastApproved,
                    submitted: 1, returned: nil))
            plans.append(
                Row(
                    id: UUID(), unit: u, cycle: year - 1, state: lastSuperseded == nil ? .inForce : .superseded,
                    versions: 2,
                    approved: lastApproved, superseded: lastSuperseded, submitted: 2, returned: 1))
            if let state = now0 {
                let versions = state == .draft ? 0 : (state == .returned ? 1 : 2)
                plans.append(
                    Row(
                        id: UUID(), unit: u, cycle: year, state: state, versions: versions,
                        approved: state == .inForce ? lastSuperseded : nil, superseded: nil,
                        submitted: versions == 0 ? nil : versions,
                        returned: versions >= 1 && state != .endorsed && state != .inForce ? 1 : nil))
            }
            let mine = plans.suffix(now0 == nil ? 2 : 3)
            let inForce = mine.first { $0.state == .inForce }
            let newest = mine.last!
            let standing = PlanStanding()
            standing.id = UUID()
            standing.unitID = u
            standing.currentPlanID = newest.id
            standing.currentCycle = newest.cycle
            standing.currentState = newest.state
            standing.inForcePlanID = inForce?.id
            standing.approvedAt = inForce?.approved
            standing.dueAt = inForce?.approved.map { PlanDue.dueDate(approvedAt: $0) }
            standing.lastExercise = exercised
            standing.openThreads = newest.state == .returned || newest.state == .inReview ? 2 : 0
            standing.hasRiskRegister = false
            standings.append(standing)
        }
        var versionCount = 0, moveCount = 0, threadCount = 0
        for batch in plans.chunked(200) {
            let insert = sql.insert(into: "plans").columns(
                "id", "unit_id", "cycle", "status", "content", "scale", "revision", "latest_version",
                "updated_by_name", "created_at", "updated_at", "approved_at", "due_at", "superseded_at",
                "submitted_version", "returned_version", "last_exercise")
            let versions = sql.insert(into: "plan_versions").columns(
                "id", "plan_id", "unit_id", "number", "content", "scale", "note",
                "created_by_name", "created_at")
            let moves = sql.insert(into: "plan_moves").columns(
                "id", "plan_id", "move", "from_state", "to_state", "version", "comment",
                "actor_name", "at")
            let threads = sql.insert(into: "feedback_threads").columns(
                "id", "plan_id", "version", "section", "label", "state", "opened_by_name",
                "created_at", "updated_at")
            var anyVersion = false, anyMove = false, anyThread = false
            for p in batch {
                let made = p.approved ?? now.addingTimeInterval(-10 * day)
                insert.values(
                    SQLBind(p.id), SQLBind(p.unit), SQLBind(p.cycle), SQLBind(p.state.rawValue), SQLBind(content),
                    SQLBind(scale),
                    SQLBind(1 + p.versions), SQLBind(p.versions), SQLBind("generate"), SQLBind(made), SQLBind(made),
                    SQLBind(p.approved), SQLBind(p.approved.map { PlanDue.dueDate(approvedAt: $0) }),
                    SQLBind(p.superseded),
                    SQLBind(p.submitted), SQLBind(p.returned), SQLBind(exercised))
                for n in stride(from: 1, through: p.versions, by: 1) {
                    versions.values(
                        SQLBind(UUID()), SQLBind(p.id), SQLBind(p.unit), SQLBind(n), SQLBind(content), SQLBind(scale),
                        SQLBind(String?.none), SQLBind("generate"),
                        SQLBind(made.addingTimeInterval(Double(n - 3) * day)))
                    anyVersion = true; versionCount += 1
                }
                // The moves that brought it where it is.
                var steps: [(ReviewMove, ReviewState, ReviewState, Int?)] = []
                if p.versions >= 1 { steps.append((.submit, .draft, .submitted, 1)) }
                if p.returned != nil || p.versions >= 1 && p.state != .submitted {
                    steps.append((.takeForReview, .submitted, .inReview, 1))
                }
                if p.returned != nil { steps.append((.returnWithFeedback, .inReview, .returned, 1)) }
                if p.versions >= 2 {
                    steps += [(.submit, .returned, .submitted, 2), (.takeForReview, .submitted, .inReview, 2)]
                }
                if [.endorsed, .inForce, .superseded].contains(p.state) {
                    steps.append((.endorse, .inReview, .endorsed, p.versions))
                }
                if p.approved != nil { steps.append((.approve, .endorsed, .inForce, p.versions)) }
                for (k, step) in steps.enumerated() {
                    moves.values(
                        SQLBind(UUID()), SQLBind(p.id), SQLBind(step.0.rawValue), SQLBind(step.1.rawValue),
                        SQLBind(step.2.rawValue),
                        SQLBind(step.3), SQLBind(step.0 == .returnWithFeedback ? "See the feedback" : nil),
                        SQLBind("generate"),
                        SQLBind(made.addingTimeInterval(Double(k - steps.count) * day)))
                    anyMove = true; moveCount += 1
                }
                if p.state == .returned || p.state == .inReview {
                    for section in [PlanSection.team, .processes] {
                        threads.values(
                            SQLBind(UUID()), SQLBind(p.id), SQLBind(p.submitted ?? 1), SQLBind(section.rawValue),
                            SQLBind(section.rawValue), SQLBind(FeedbackState.open.rawValue), SQLBind("generate"),
                            SQLBind(made), SQLBind(made))
                        anyThread = true; threadCount += 1
                    }
                }
            }
            try await insert.run()
            if anyVersion { try await versions.run() }
            if anyMove { try await moves.run() }
            if anyThread { try await threads.run() }
        }
        for batch in standings.chunked(500) { try await Array(batch).create(on: db) }
        try await OversightService.backfill(months: 12, now: now, on: db)
        try await OversightService.recordSnapshots(now: now, on: db)
        return
            "\(plans.count) plans of \(units.count) units, \(versionCount) versions, \(moveCount) review moves, \(threadCount) feedback threads"
    }
}

import Foundation

/// How complete each section is, from 0 to 1, and the plan as a whole (the mean of its sections).
public struct PlanCompleteness: Equatable, Sendable {
    public var sections: [PlanSection: Double]
    public var overall: Double

    public static func of(_ plan: PlanContent, scale: ImpactScale, checks: [PlanCheck]) -> PlanCompleteness {
        func share(_ done: Int, _ total: Int) -> Double { total == 0 ? 0 : Double(done) / Double(total) }
        let processes = plan.processes
        let withStaff = processes.filter { !$0.staff.isEmpty && $0.staff.count >= $0.minimumStaffCount }.count
        let described = processes.filter { !$0.criteria.isEmpty && $0.classification != nil }.count
        let analyses = processes.map { ImpactAnalysis.analyse($0, scale: scale) }
        let rated = analyses.map(\.ratedCells).reduce(0, +), cells = analyses.map(\.totalCells).reduce(0, +)
        let withRTO = processes.filter { $0.rtoHours != nil }.count
        let blockedBySite = Set(checks.filter { $0.code == .onSiteProcessWithoutSite }.compactMap(\.itemID)).count
        let required = TeamFunction.required
        let covered = Set(plan.team.map(\.function)).intersection(required).count
        let hasLead = plan.team.contains { $0.isLead } ? 1 : 0
        let recentExercise = !checks.contains { $0.code == .noRecentExercise }
        var sections: [PlanSection: Double] = [
            .team: share(covered + hasLead, required.count + 1),
            .scenarios: plan.scenarios.isEmpty ? 0 : 1,
            .processes: processes.isEmpty
                ? 0 : (share(withStaff, processes.count) + share(described, processes.count)) / 2,
            .impact: processes.isEmpty ? 0 : (share(rated, cells) + share(withRTO, processes.count)) / 2,
            .alternatives: processes.isEmpty
                ? 0 : share(processes.filter { !$0.alternatives.isEmpty }.count, processes.count),
            .sites: plan.sites.isEmpty ? 0 : share(processes.count - blockedBySite, max(processes.count, 1)),
            .agreements: plan.agreements.isEmpty
                ? 0
                : share(
                    plan.agreements.count - checks.filter { $0.code == .agreementExpiring }.count, plan.agreements.count
                ),
            .nationalStaff: share(plan.nationalStaff.filledFields, 5),
            .exercises: plan.exercises.isEmpty ? 0 : (recentExercise ? 1 : 0.5),
            .other: share(plan.other.filledFields, 3),
        ]
        for key in sections.keys { sections[key] = min(1, max(0, sections[key]!)) }
        return PlanCompleteness(sections: sections, overall: sections.values.reduce(0, +) / Double(sections.count))
    }
}

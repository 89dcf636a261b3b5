import Fluent
import Foundation
import ResilienceCore

/// Joins the security risk assessments and the business continuity plans: which critical
/// processes are done where the residual risk is beyond what their programme criticality accepts.
/// A plan's processes are done at the duty stations of its unit and the units below it.
enum AcceptableRiskService {
    typealias Place = (name: String, residual: RiskLevel, assessmentID: UUID)

    /// The worst residual risk of each duty station's area, from its approved, unexpired
    /// assessment, for the stations of a unit's subtree.
    static func places(under unit: Unit, at now: Date, on db: any Database) async throws -> [Place] {
        try await placesByUnit(under: unit, at: now, on: db).values.flatMap { $0 }.sorted { $0.name < $1.name }
    }

    /// The same, by the unit each station belongs to.
    static func placesByUnit(under unit: Unit, at now: Date, on db: any Database) async throws -> [UUID: [Place]] {
        let units = try await UnitQueries.subtreeIDs(of: unit, on: db)
        var stations: [DutyStation] = []
        for chunk in units.chunked(500) {
            stations += try await DutyStation.query(on: db).filter(\.$unit.$id ~~ Array(chunk))
                .filter(\.$retiredAt == nil).all()
        }
        let areaIDs = Array(Set(stations.map(\.$area.id)))
        let versions = try await RiskAssessmentService.versions(of: areaIDs, on: db)
        let matrix = try await RiskService.scale(on: db).matrix
        var worst: [UUID: (RiskLevel, UUID)] = [:]
        for (areaID, list) in versions {
            guard let approved = RiskAssessmentService.approved(list), let until = approved.validUntil,
                SecurityCalendar.day(now) <= SecurityCalendar.day(until),
                let level = approved.assessment.worstResidual(matrix)
            else { continue }
            worst[areaID] = (level, approved.id!)
        }
        var out: [UUID: [Place]] = [:]
        for s in stations.sorted(by: { $0.name < $1.name }) {
            if let (level, id) = worst[s.$area.id] { out[s.$unit.id, default: []].append((s.name, level, id)) }
        }
        return out
    }

    /// The findings of a plan's processes, for the plan's unit.
    static func findings(
        _ content: PlanContent, unit: Unit, at now: Date, on db: any Database
    ) async throws -> [AcceptableRiskFinding] {
        guard content.processes.contains(where: { $0.programmeCriticality != nil }) else { return [] }
        return AcceptableRiskFinding.findings(
            processes: content.processes, places: try await places(under: unit, at: now, on: db),
            guidelines: try await SecuritySettings.acceptableRisk(on: db))
    }

    /// The findings of the newest plan of every unit in a subtree that has one, by unit: what the
    /// security dashboards and an assessment show.
    static func findings(
        within root: Unit, at now: Date, kept: KeptCache, on db: any Database
    ) async throws
        -> [(unit: Unit, plan: Plan, findings: [AcceptableRiskFinding])]
    {
        let units = try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), root.path + "%")
            .filter(\.$retiredAt == nil).all()
        let byID = Dictionary(units.compactMap { u in u.id.map { ($0, u) } }, uniquingKeysWith: { a, _ in a })
        var out: [(Unit, Plan, [AcceptableRiskFinding])] = []
        var newest: [UUID: Plan] = [:]
        for chunk in Array(byID.keys).chunked(500) {
            for plan in try await Plan.query(on: db).filter(\.$unit.$id ~~ Array(chunk)).field(\.$id).field(\.$unit.$id)
                .field(\.$cycle).field(\.$state).field(\.$revision).all()
            where plan.state != .superseded {
                if let known = newest[plan.$unit.id], known.cycle >= plan.cycle { continue }
                newest[plan.$unit.id] = plan
            }
        }
        // The places once for the whole subtree; each plan weighs those of its own unit's subtree.
        let places = try await placesByUnit(under: root, at: now, on: db)
        guard !places.isEmpty else { return [] }
        let guidelines = try await SecuritySettings.acceptableRisk(on: db)
        for (unitID, head) in newest.sorted(by: { (byID[$0.key]?.name ?? "") < (byID[$1.key]?.name ?? "") }) {
            guard let unit = byID[unitID] else { continue }
            let here = places.filter { byID[$0.key]?.path.hasPrefix(unit.path) == true }.values.flatMap { $0 }
            guard !here.isEmpty, let plan = try await PlanService.find(head.requireID(), on: db) else { continue }
            let content = try await PlanService.snapshot(plan, now: now, kept: kept, on: db).content
            let found = AcceptableRiskFinding.findings(
                processes: content.processes, places: here.sorted { $0.name < $1.name }, guidelines: guidelines)
            if !found.isEmpty { out.append((unit, plan, found)) }
        }
        return out
    }
}

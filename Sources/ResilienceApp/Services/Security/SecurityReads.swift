import Fluent
import Foundation
import ResilienceCore

/// An area as the security pages show it: its level in force, any proposal waiting, its
/// stations.
struct AreaStanding: Sendable {
    var area: SecurityArea
    var unitName: String
    var inForce: SecurityLevelDecision?
    var waiting: SecurityLevelDecision?
    var stations: [DutyStation]

    var overdue: Bool { inForce?.record?.reviewOverdue(at: now) ?? false }
    let now: Date
}

/// The reads of the security pages, for the areas kept in a set of subtrees.
enum SecurityReads {
    /// The areas kept by units inside `roots` (nil: everywhere), by country then name.
    static func standings(
        within roots: [Unit]?, language: String, at now: Date, on db: any Database
    ) async throws -> [AreaStanding] {
        let unitQuery = Unit.query(on: db)
        if let roots { unitQuery.within(roots) }
        let units = try await unitQuery.all()
        let unitNames = Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a })
        guard !unitNames.isEmpty else { return [] }
        let areas = try await SecurityArea.query(on: db).filter(\.$unit.$id ~~ Array(unitNames.keys)).all()
        return try await standings(of: areas, unitNames: unitNames, language: language, at: now, on: db)
    }

    static func standings(
        of areas: [SecurityArea], unitNames: [UUID: String], language: String, at now: Date, on db: any Database
    ) async throws -> [AreaStanding] {
        let ids = areas.compactMap(\.id)
        let history = try await SecurityLevelService.history(of: ids, on: db)
        let stations =
            ids.isEmpty
            ? [:]
            : Dictionary(
                grouping: try await DutyStation.query(on: db).filter(\.$area.$id ~~ ids).filter(\.$retiredAt == nil)
                    .sort(\.$name).all(), by: { $0.$area.id })
        return areas.map { area in
            let decisions = history[area.id!] ?? []
            return AreaStanding(
                area: area, unitName: unitNames[area.$unit.id] ?? "",
                inForce: SecurityLevelService.current(decisions, at: now),
                waiting: decisions.first { $0.state == .proposed }, stations: stations[area.id!] ?? [], now: now)
        }.sorted { ($0.area.country, $0.area.name(in: language)) < ($1.area.country, $1.area.name(in: language)) }
    }
}

import Fluent
import Foundation
import ResilienceCore

/// The directory's reads: the countries with their highest level and advisories; for a country,
/// each area's level, stations and security officers with how to reach them.
enum DirectoryReads {
    static func page(country: String?, _ t: Localizer, at now: Date, on db: any Database) async throws -> DirectoryPage
    {
        // A country's page reads that country's areas only (its list of countries needs no levels).
        let all = try await SecurityArea.query(on: db).all()
        let areas = country.map { c in all.filter { $0.country == c } } ?? all
        let history = try await SecurityLevelService.history(of: areas.compactMap(\.id), on: db)
        let levels = Dictionary(
            areas.compactMap { a in
                SecurityLevelService.current(history[a.id!] ?? [], at: now).map { (a.id!, $0.level) }
            },
            uniquingKeysWith: { a, _ in a })
        let advisories = try await AdvisoryService.current(at: now, on: db)
        var countries: [String: DirectoryPage.CountryEntry] = [:]
        for a in all {
            var entry = countries[a.country] ?? .init(code: a.country, highest: nil, advisories: 0)
            if let l = levels[a.id!] { entry.highest = max(entry.highest ?? 0, l) }
            countries[a.country] = entry
        }
        for a in advisories { countries[a.country]?.advisories += 1 }
        var entries: [DirectoryPage.AreaEntry] = []
        if let country {
            let mine = areas.filter { $0.country == country }.sorted { $0.name(in: t.code) < $1.name(in: t.code) }
            let unitIDs = Array(Set(mine.map(\.$unit.id)))
            let grants = try await RoleGrant.query(on: db).filter(\.$unit.$id ~~ unitIDs)
                .filter(\.$role == .securityOfficer).filter(\.$revokedAt == nil).all()
            let users = Dictionary(
                try await User.query(on: db).filter(\.$id ~~ Array(Set(grants.map(\.$user.id))))
                    .filter(\.$isActive == true).all().map { ($0.id!, $0) },
                uniquingKeysWith: { a, _ in a })
            let phones = Dictionary(
                try await Personnel.query(on: db).filter(\.$user.$id ~~ Array(users.keys)).all().compactMap { p in
                    p.$user.id.map { ($0, p.phone) }
                }, uniquingKeysWith: { a, _ in a })
            let stations = Dictionary(
                grouping: try await DutyStation.query(on: db).filter(\.$area.$id ~~ mine.compactMap(\.id))
                    .filter(\.$retiredAt == nil).sort(\.$name).all(), by: { $0.$area.id })
            for area in mine {
                let officers = grants.filter { $0.$unit.id == area.$unit.id }.compactMap { users[$0.$user.id] }
                    .sorted { $0.displayName < $1.displayName }
                entries.append(
                    .init(
                        name: area.name(in: t.code), level: levels[area.id!],
                        officers: officers.map { u in
                            .init(name: u.displayName, phone: phones[u.id!] ?? nil, email: u.email)
                        }, stations: (stations[area.id!] ?? []).prefix(50).map(\.name)))
            }
        }
        return DirectoryPage(
            countries: countries.values.sorted { $0.code < $1.code }, country: country, areas: entries,
            advisories: advisories.filter { $0.country == country })
    }
}

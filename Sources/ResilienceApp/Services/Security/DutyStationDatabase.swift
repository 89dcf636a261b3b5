import Fluent
import Foundation
import ResilienceCore
import Vapor

/// One duty station as the duty-station database (工作地点数据库) shows it: where it is, its
/// area's level and risk assessment, its measures compliance, the agencies there.
struct StationFacts: Content {
    var id: UUID, name: String, country: String
    var areaID: UUID, areaNames: [String: String]
    var latitude: Double, longitude: Double
    var unitID: UUID, unitName: String
    var regionID: UUID?, regionName: String?
    var level: Int?, nextReview: Date?, reviewOverdue: Bool
    var assessment: AssessmentStatus
    var compliancePercent: Double?, fullyCompliant: Bool
    var agencies: Int, internationalStaff: Int, nationalStaff: Int, dependants: Int
}

/// The filters, sort and page of the duty-station database, from a query string.
struct StationQuery: Sendable {
    var q = "", country = "", region = "", level = "", assessment = "", below = ""
    var sort = "country", descending = false

    static let sorts = ["name", "country", "level", "review", "compliance", "personnel"]

    init(_ req: Request) {
        func text(_ key: String) -> String {
            String((req.query[String.self, at: key] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        }
        q = text("q"); country = text("country").uppercased(); region = text("region"); level = text("level")
        assessment = text("assessment"); below = text("below")
        sort = Self.sorts.contains(text("sort")) ? text("sort") : "country"
        descending = text("dir") == "desc"
    }

    /// The values that make the list, for links that keep them.
    var parameters: [(String, String?)] {
        [
            ("q", q), ("country", country), ("region", region), ("level", level), ("assessment", assessment),
            ("below", below), ("sort", sort == "country" ? nil : sort), ("dir", descending ? "desc" : nil),
        ].map { ($0.0, $0.1?.isEmpty == true ? nil : $0.1) }
    }

    /// "Compliance below" as a number, when it is one from 0 to 100.
    var belowPercent: Double? { Double(below).flatMap { (0...100).contains($0) ? $0 : nil } }

    func matches(_ f: StationFacts) -> Bool {
        if !q.isEmpty {
            let needle = q.lowercased()
            let hay = [f.name, f.country, f.unitName] + Array(f.areaNames.values)
            if !hay.contains(where: { $0.lowercased().contains(needle) }) { return false }
        }
        if !country.isEmpty && f.country != country { return false }
        if !region.isEmpty && f.regionID?.uuidString.lowercased() != region.lowercased() { return false }
        if level == "none" {
            if f.level != nil { return false }
        } else if let l = Int(level), f.level != l {
            return false
        }
        if !assessment.isEmpty && f.assessment.rawValue != assessment { return false }
        if let below = belowPercent, (f.compliancePercent ?? 101) >= below { return false }
        return true
    }

    func ordered(_ rows: [StationFacts]) -> [StationFacts] {
        func key(_ f: StationFacts) -> (Double, String) {
            switch sort {
            case "name": (0, f.name)
            case "level": (Double(f.level ?? 0), f.name)
            case "review": (f.nextReview?.timeIntervalSince1970 ?? .greatestFiniteMagnitude, f.name)
            case "compliance": (f.compliancePercent ?? -1, f.name)
            case "personnel": (Double(f.internationalStaff + f.nationalStaff), f.name)
            default: (0, f.country + " " + f.name)
            }
        }
        let sorted = rows.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        return descending ? sorted.reversed() : sorted
    }
}

/// Reads the duty-station database for a person's reach: every active duty station with its
/// facts, kept until a duty station, a unit or anything of security management changes (and
/// for the day: a review turns overdue by the date).
enum DutyStationDatabase {
    static func facts(
        within roots: [Unit]?, at now: Date, kept: KeptCache, on db: any Database
    ) async throws
        -> [StationFacts]
    {
        let version = try await DataVersions.version(
            of: [.all(.dutyStations), .all(.security), .all(.units)], on: db)
        let day = String(Int(now.timeIntervalSince1970 / 86_400))
        let scope = roots.map { $0.compactMap(\.id).map(\.uuidString).sorted().joined(separator: ",") } ?? "all"
        let key = KeptCache.Key<[StationFacts]>(.stationFacts, [scope, version, day])
        return try await kept.value(key, cost: { $0.count * 512 }) {
            try await read(within: roots, at: now, on: db)
        }
    }

    static func read(within roots: [Unit]?, at now: Date, on db: any Database) async throws -> [StationFacts] {
        let unitQuery = Unit.query(on: db)
        if let roots { unitQuery.within(roots) }
        let units = try await unitQuery.all()
        let byID = Dictionary(units.compactMap { u in u.id.map { ($0, u) } }, uniquingKeysWith: { a, _ in a })
        // Regions above the units, which a unit's own scope may not include.
        let regionIDs = Set(units.flatMap { $0.unitPath.ids })
        let regions = Dictionary(
            try await Unit.query(on: db).filter(\.$id ~~ Array(regionIDs)).filter(\.$kind == .region).all().map {
                ($0.id!, $0)
            }, uniquingKeysWith: { a, _ in a })
        var stations: [DutyStation] = []
        for chunk in Array(byID.keys).chunked(500) {
            stations += try await DutyStation.query(on: db).filter(\.$unit.$id ~~ Array(chunk))
                .filter(\.$retiredAt == nil).with(\.$area).all()
        }
        let compliance = try await ComplianceService.of(stations, at: now, on: db)
        let shares = Dictionary(
            compliance.map { ($0.station.id!, ($0.level, $0.share)) }, uniquingKeysWith: { a, _ in a })
        let history = try await SecurityLevelService.history(of: Array(Set(stations.map(\.$area.id))), on: db)
        var presences: [UUID: [AgencyPresence]] = [:]
        for chunk in stations.compactMap(\.id).chunked(500) {
            for p in try await AgencyPresence.query(on: db).filter(\.$station.$id ~~ Array(chunk)).all() {
                presences[p.$station.id, default: []].append(p)
            }
        }
        let assessments = try await RiskAssessmentService.statuses(
            of: Array(Set(stations.map(\.$area.id))), at: now, on: db)
        return stations.map { s in
            let unit = byID[s.$unit.id]
            let region = unit?.unitPath.ids.lazy.compactMap { regions[$0] }.first
            let inForce = SecurityLevelService.current(history[s.$area.id] ?? [], at: now)
            let (level, share) = shares[s.id!] ?? (nil, ComplianceShare(required: 0, compliant: 0, notApplicable: 0))
            let here = presences[s.id!] ?? []
            return StationFacts(
                id: s.id!, name: s.name, country: s.country, areaID: s.$area.id,
                areaNames: s.$area.value?.nameByLanguage ?? [:], latitude: s.latitude, longitude: s.longitude,
                unitID: s.$unit.id, unitName: unit?.name ?? "", regionID: region?.id, regionName: region?.name,
                level: level?.rawValue, nextReview: inForce?.nextReview,
                reviewOverdue: inForce?.record?.reviewOverdue(at: now) ?? false,
                assessment: assessments[s.$area.id] ?? .none, compliancePercent: share.percent,
                fullyCompliant: share.fullyCompliant, agencies: here.count,
                internationalStaff: here.reduce(0) { $0 + $1.internationalStaff },
                nationalStaff: here.reduce(0) { $0 + $1.nationalStaff },
                dependants: here.reduce(0) { $0 + $1.dependants })
        }
    }
}

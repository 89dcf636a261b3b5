import Fluent
import Foundation
import ResilienceCore

/// What HQ fills in for an agency: its short and full names per language.
struct AgencyInput: Codable, Sendable {
    var shortNames: [String: String]?
    var fullNames: [String: String]?
}

/// One agency's headcount at a duty station, as typed (text from forms, numbers from JSON).
struct HeadcountInput: Codable, Sendable {
    var internationalStaff: String?
    var nationalStaff: String?
    var dependants: String?
}

/// The agencies HQ lists, and their headcounts at duty stations.
enum AgencyService {
    static let maximumHeadcount = 100_000

    static func create(_ input: AgencyInput, by context: AuditContext, on db: any Database) async throws -> Agency {
        let agency = Agency()
        try apply(input, to: agency)
        try await db.transaction { db in
            try await agency.create(on: db)
            try await Audit.record(
                on: db, by: context, .create, agency, unitID: nil, summary: agency.shortName(in: Catalogue.fallbackCode)
            )
        }
        return agency
    }

    static func update(
        _ agency: Agency, _ input: AgencyInput, by context: AuditContext, on db: any Database
    ) async throws {
        let before = agency.auditFields
        try apply(input, to: agency)
        try await db.transaction { db in
            try await agency.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, agency, before: before, unitID: nil,
                summary: agency.shortName(in: Catalogue.fallbackCode))
        }
    }

    private static func apply(_ input: AgencyInput, to agency: Agency) throws {
        var validator = ValidationCollector()
        let short = try validator.check { try NameSet.checked(input.shortNames ?? [:], field: "short") }
        let full = try validator.check { try NameSet.checked(input.fullNames ?? [:], field: "full") }
        try validator.finish()
        agency.shortNames = NameSet.encode(short!)
        agency.fullNames = NameSet.encode(full!)
    }

    static func active(on db: any Database) async throws -> [Agency] {
        try await Agency.query(on: db).filter(\.$retiredAt == nil).all().sorted {
            $0.shortName(in: Catalogue.fallbackCode) < $1.shortName(in: Catalogue.fallbackCode)
        }
    }

    /// Sets the headcounts of the agencies at a duty station, by agency id: all zero removes the
    /// agency from the station. Every wrong number is reported at once; nothing is saved then.
    static func setHeadcounts(
        at station: DutyStation, _ counts: [UUID: HeadcountInput], by context: AuditContext, on db: any Database
    ) async throws {
        let agencies = Dictionary(
            try await active(on: db).compactMap { a in a.id.map { ($0, a) } }, uniquingKeysWith: { a, _ in a })
        var validator = ValidationCollector()
        var parsed: [(Agency, Int, Int, Int)] = []
        for (id, input) in counts.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            guard let agency = agencies[id] else {
                validator.add(DomainError(.notFound, field: "agency-\(id.uuidString.lowercased())"))
                continue
            }
            func count(_ text: String?, _ name: String) throws(DomainError) -> Int {
                try TextRules.integer(
                    text, field: "\(name)-\(id.uuidString.lowercased())", in: 0...maximumHeadcount, empty: 0)
            }
            let i = try validator.check { try count(input.internationalStaff, "international") }
            let n = try validator.check { try count(input.nationalStaff, "national") }
            let d = try validator.check { try count(input.dependants, "dependants") }
            if let i, let n, let d { parsed.append((agency, i, n, d)) }
        }
        try validator.finish()
        let accepted = parsed
        let stationID = try station.requireID()
        let existing = Dictionary(
            try await AgencyPresence.query(on: db).filter(\.$station.$id == stationID).all().map {
                ($0.$agency.id, $0)
            },
            uniquingKeysWith: { a, _ in a })
        try await db.transaction { db in
            for (agency, i, n, d) in accepted {
                let agencyID = try agency.requireID()
                let presence = existing[agencyID]
                let summary = "\(station.name): \(agency.shortName(in: Catalogue.fallbackCode))"
                if i + n + d == 0 {
                    guard let presence else { continue }
                    let before = presence.auditFields
                    try await presence.delete(on: db)
                    try await Audit.record(
                        on: db, by: context, .delete, entity: AgencyPresence.auditEntity, id: presence.id,
                        unitID: station.$unit.id, summary: summary, change: AuditChange(before: before, after: [:]))
                    continue
                }
                if let presence, presence.internationalStaff == i, presence.nationalStaff == n, presence.dependants == d
                {
                    continue
                }
                let row = presence ?? AgencyPresence()
                let before = presence?.auditFields ?? [:]
                row.$station.id = stationID
                row.$agency.id = agencyID
                row.internationalStaff = i
                row.nationalStaff = n
                row.dependants = d
                try await row.save(on: db)
                try await Audit.record(
                    on: db, by: context, presence == nil ? .create : .update, row, before: before,
                    unitID: station.$unit.id, summary: summary)
            }
        }
    }
}

extension Agency: Auditable {
    static let auditEntity = "agency"
    var auditFields: [String: String] {
        var fields: [String: String] = [:]
        for (code, name) in NameSet.decode(shortNames) { fields["name_\(code)"] = name }
        for (code, name) in NameSet.decode(fullNames) { fields["full_name_\(code)"] = name }
        return fields
    }
}

extension AgencyPresence: Auditable {
    static let auditEntity = "agency_presence"
    var auditFields: [String: String] {
        [
            "agency_id": $agency.id.uuidString.lowercased(), "duty_station_id": $station.id.uuidString.lowercased(),
            "international_staff": String(internationalStaff), "national_staff": String(nationalStaff),
            "dependants": String(dependants),
        ]
    }
}

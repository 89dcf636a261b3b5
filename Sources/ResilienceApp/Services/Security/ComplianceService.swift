import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// One measure's state as a security officer records it for a duty station.
struct ComplianceEntry: Codable, Sendable {
    var status: String?
    var reason: String?
    var evidence: String?
}

/// Each duty station's compliance with the measures it is required to meet, and its roll-up.
enum ComplianceService {
    /// A duty station's required measures with what was recorded for each.
    struct StationCompliance {
        var station: DutyStation
        var level: SecurityLevel?
        var required: [SecurityMeasure]
        var records: [String: MeasureComplianceRecord]
        var share: ComplianceShare {
            ComplianceShare(
                required: Set(required.map(\.code)), statuses: records.mapValues(\.status))
        }
    }

    /// What decides the measures a station must meet: the catalogue, its area's level, and the
    /// measures its area's risk assessment added.
    private struct Requirements {
        var catalogue: [SecurityMeasure]
        var levels: [UUID: SecurityLevel?]
        var added: [UUID: Set<String>]

        init(_ stations: [DutyStation], at now: Date, on db: any Database) async throws {
            catalogue = try await MeasureCatalogueService.active(on: db)
            let areaIDs = Array(Set(stations.map(\.$area.id)))
            levels = try await SecurityLevelService.history(of: areaIDs, on: db).mapValues {
                SecurityLevelService.current($0, at: now)?.securityLevel
            }
            added = try await RiskAssessmentService.addedMeasures(of: areaIDs, at: now, on: db)
        }

        func level(_ station: DutyStation) -> SecurityLevel? { levels[station.$area.id] ?? nil }

        /// The codes of the measures the station must meet.
        func required(_ station: DutyStation) -> Set<String> {
            Measure.required(catalogue.map(\.measure), level: level(station), added: added[station.$area.id] ?? [])
        }
    }

    /// The compliance of each of `stations`: their areas' levels, the catalogue, the records.
    static func of(_ stations: [DutyStation], at now: Date, on db: any Database) async throws -> [StationCompliance] {
        guard !stations.isEmpty else { return [] }
        let requirements = try await Requirements(stations, at: now, on: db)
        let byCode = Dictionary(requirements.catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var records: [UUID: [String: MeasureComplianceRecord]] = [:]
        let measureCodes = Dictionary(
            requirements.catalogue.compactMap { m in m.id.map { ($0, m.code) } }, uniquingKeysWith: { a, _ in a })
        for chunk in stations.compactMap(\.id).chunked(500) {
            for r in try await MeasureComplianceRecord.query(on: db).filter(\.$station.$id ~~ Array(chunk)).all() {
                guard let code = measureCodes[r.$measure.id] else { continue }
                records[r.$station.id, default: [:]][code] = r
            }
        }
        return stations.map { s in
            StationCompliance(
                station: s, level: requirements.level(s),
                required: requirements.required(s).compactMap { byCode[$0] }.sorted { $0.code < $1.code },
                records: records[s.id!] ?? [:])
        }
    }

    /// The share of each of `stations`' required measures in place, the statuses read as values:
    /// the hourly run's roll-ups decoded every station's records as models (64,000, four fifths
    /// of its time).
    static func shares(_ stations: [DutyStation], at now: Date, on db: any Database) async throws -> [ComplianceShare] {
        guard !stations.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        let requirements = try await Requirements(stations, at: now, on: db)
        let measureCodes = Dictionary(
            requirements.catalogue.compactMap { m in m.id.map { ($0, m.code) } }, uniquingKeysWith: { a, _ in a })
        struct Row: Decodable { var duty_station_id: UUID, measure_id: UUID, status: MeasureStatus }
        var statuses: [UUID: [String: MeasureStatus]] = [:]
        for chunk in stations.compactMap(\.id).chunked(500) {
            for r in try await sql.raw(
                "SELECT duty_station_id, measure_id, status FROM \(ident: MeasureComplianceRecord.schema) WHERE duty_station_id IN (\(binds: Array(chunk)))"
            ).all(decoding: Row.self) {
                guard let code = measureCodes[r.measure_id] else { continue }
                statuses[r.duty_station_id, default: [:]][code] = r.status
            }
        }
        return stations.map { s in
            ComplianceShare(required: requirements.required(s), statuses: statuses[s.id!] ?? [:])
        }
    }

    /// A unit's roll-up: its whole subtree's, and each unit's right below it (a region's
    /// countries, HQ's regions), from the duty stations of each.
    struct RollUps {
        var all: ComplianceRollUp
        var children: [(unit: Unit, rollUp: ComplianceRollUp)]
    }

    static func rollUps(of unit: Unit, at now: Date, on db: any Database) async throws -> RollUps {
        let units = try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), unit.path + "%").all()
        let paths = Dictionary(units.compactMap { u in u.id.map { ($0, u.path) } }, uniquingKeysWith: { a, _ in a })
        var stations: [DutyStation] = []
        for chunk in Array(paths.keys).chunked(500) {
            stations += try await DutyStation.query(on: db).filter(\.$unit.$id ~~ Array(chunk))
                .filter(\.$retiredAt == nil).all()
        }
        let shares = Array(zip(stations, try await shares(stations, at: now, on: db)))
        let children = units.filter { $0.$parent.id == unit.id && !$0.isRetired }.sorted { $0.name < $1.name }
        return RollUps(
            all: ComplianceRollUp(shares.map(\.1)),
            children: children.map { child in
                (
                    child,
                    ComplianceRollUp(shares.filter { paths[$0.0.$unit.id]?.hasPrefix(child.path) == true }.map(\.1))
                )
            })
    }

    /// Records what the officer checked, measure by measure (by code); every wrong field is
    /// reported at once and nothing is saved then.
    static func record(
        _ station: DutyStation, _ entries: [String: ComplianceEntry], by context: AuditContext, on db: any Database
    ) async throws {
        guard let current = try await of([station], at: context.at, on: db).first else { return }
        let required = Dictionary(current.required.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var validator = ValidationCollector()
        var changes: [(SecurityMeasure, MeasureStatus, String?, String?)] = []
        for (code, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let text = (entry.status ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let measure = required[code] else {
                validator.add(DomainError(.measureNotRequired, field: "status-\(code)", args: [code]))
                continue
            }
            guard let status = MeasureStatus(rawValue: text) else {
                validator.add(DomainError(.invalidChoice, field: "status-\(code)"))
                continue
            }
            let reason = try validator.check {
                try TextRules.optional(entry.reason, field: "reason-\(code)", max: 1000)
            }
            let evidence = try validator.check {
                try TextRules.optional(entry.evidence, field: "evidence-\(code)", max: 2000)
            }
            if status == .notApplicable, (reason ?? nil) == nil {
                validator.add(DomainError(.required, field: "reason-\(code)"))
                continue
            }
            changes.append((measure, status, reason ?? nil, evidence ?? nil))
        }
        try validator.finish()
        let accepted = changes
        try await db.transaction { db in
            for (measure, status, reason, evidence) in accepted {
                let existing = current.records[measure.code]
                if let existing, existing.status == status, existing.reason == reason, existing.evidence == evidence {
                    continue
                }
                let record = existing ?? MeasureComplianceRecord()
                let before = existing?.auditFields ?? [:]
                record.$station.id = try station.requireID()
                record.$measure.id = try measure.requireID()
                record.status = status
                record.reason = status == .notApplicable ? reason : nil
                record.evidence = evidence
                record.verifiedByID = context.actorID
                record.verifiedByName = context.actorName
                record.verifiedAt = context.at
                try await record.save(on: db)
                try await Audit.record(
                    on: db, by: context, existing == nil ? .create : .update, record, before: before,
                    unitID: station.$unit.id, summary: "\(station.name): \(measure.code)")
            }
        }
    }
}

extension MeasureComplianceRecord: Auditable {
    static let auditEntity = "measure_compliance"
    var auditFields: [String: String] {
        [
            "status": status.rawValue, "reason": reason ?? "", "evidence": evidence ?? "",
            "measure_id": $measure.id.uuidString.lowercased(), "duty_station_id": $station.id.uuidString.lowercased(),
        ]
    }
}

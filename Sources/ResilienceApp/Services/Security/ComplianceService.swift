import Fluent
import Foundation
import ResilienceCore

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

    /// The compliance of each of `stations`: their areas' levels, the catalogue, the records.
    static func of(_ stations: [DutyStation], at now: Date, on db: any Database) async throws -> [StationCompliance] {
        guard !stations.isEmpty else { return [] }
        let catalogue = try await MeasureCatalogueService.active(on: db)
        let byCode = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let areaIDs = Array(Set(stations.map(\.$area.id)))
        let history = try await SecurityLevelService.history(of: areaIDs, on: db)
        let levels = history.mapValues { SecurityLevelService.current($0, at: now)?.securityLevel }
        let added = try await RiskAssessmentService.addedMeasures(of: areaIDs, at: now, on: db)
        var records: [UUID: [String: MeasureComplianceRecord]] = [:]
        let measureCodes = Dictionary(
            catalogue.compactMap { m in m.id.map { ($0, m.code) } }, uniquingKeysWith: { a, _ in a })
        for chunk in stations.compactMap(\.id).chunked(500) {
            for r in try await MeasureComplianceRecord.query(on: db).filter(\.$station.$id ~~ Array(chunk)).all() {
                guard let code = measureCodes[r.$measure.id] else { continue }
                records[r.$station.id, default: [:]][code] = r
            }
        }
        return stations.map { s in
            let level = levels[s.$area.id] ?? nil
            let required = Measure.required(catalogue.map(\.measure), level: level, added: added[s.$area.id] ?? [])
            return StationCompliance(
                station: s, level: level, required: required.compactMap { byCode[$0] }.sorted { $0.code < $1.code },
                records: records[s.id!] ?? [:])
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
        let shares = try await of(stations, at: now, on: db).map { ($0.station, $0.share) }
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

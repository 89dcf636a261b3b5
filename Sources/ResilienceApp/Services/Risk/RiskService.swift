import Fluent
import Foundation
import ResilienceCore
import Vapor

/// The joint risk register: a unit's risks, rated on HQ's matrix, added, changed and imported
/// with every change audited; whether the register is "in place" is kept in the unit's standing.
enum RiskService {
    static let matrixKey = "risk_matrix"

    static func matrix(on db: any Database) async throws -> RiskMatrix {
        guard let setting = try await Setting.query(on: db).filter(\.$key == matrixKey).first() else { return .standard }
        return (try? PlanCodec.decode(RiskMatrix.self, setting.value)) ?? .standard
    }

    /// The kinds a register knows: the standard ones (HQ's own kinds are for a later change).
    static func kinds() -> [String] { RiskKind.standard }

    static func relevantKinds(of unitID: UUID, on db: any Database) async throws -> Set<String> {
        guard let register = try await RiskRegister.query(on: db).filter(\.$unitID == unitID).first(),
              let kinds = try? PlanCodec.decode([String].self, register.relevantKinds) else { return Set(RiskKind.standard) }
        return Set(kinds)
    }

    /// The risks of a unit and every unit below it.
    static func risks(under unit: Unit, on db: any Database) async throws -> [Risk] {
        let ids = try await UnitQueries.subtreeIDs(of: unit, on: db)
        return try await Risk.query(on: db).filter(\.$unitID ~~ ids).sort(\.$title).all()
    }

    /// Adds a risk (id nil) or changes one, from fields named as the CSV names them.
    @discardableResult
    static func save(_ existing: Risk?, at unit: Unit, _ form: [String: String], by context: AuditContext, on db: any Database) async throws -> Risk {
        let row = RiskCSV.row(form, line: 0, kinds: Set(kinds()))
        guard let draft = row.draft else { throw ValidationErrors(row.errors) }
        let risk = existing ?? Risk()
        let before = existing?.formValues ?? [:]
        risk.unitID = try unit.requireID()
        risk.draft = draft
        risk.updatedByName = context.actorName
        try await db.transaction { db in
            try await risk.save(on: db)
            try await Audit.record(on: db, by: context, existing == nil ? .create : .update, entity: "risk", id: risk.id, unitID: unit.id,
                                   summary: risk.title, change: AuditChange(before: before, after: risk.formValues))
            try await refreshRegister(of: unit.requireID(), on: db)
        }
        return risk
    }

    /// What an import would do: every row with its risk or its errors. Nothing is saved.
    static func preview(_ text: String) throws -> [RiskCSV.Row] {
        do { return try RiskCSV.read(text, kinds: Set(kinds())) } catch { throw ValidationErrors([error]) }
    }

    /// Saves every row of the file in one transaction, or nothing when a row is wrong.
    static func importCSV(_ text: String, at unit: Unit, by context: AuditContext, on db: any Database) async throws -> Int {
        let rows = try preview(text)
        guard rows.allSatisfy({ $0.errors.isEmpty }), !rows.isEmpty else {
            throw ValidationErrors([DomainError(.csvHasErrors, field: "file", args: [String(rows.filter { !$0.errors.isEmpty }.count)])])
        }
        let unitID = try unit.requireID()
        let risks = rows.compactMap(\.draft).map { draft -> Risk in
            let risk = Risk()
            risk.id = UUID()
            risk.unitID = unitID
            risk.draft = draft
            risk.updatedByName = context.actorName
            return risk
        }
        try await db.transaction { db in
            for batch in risks.chunked(500) { try await Array(batch).create(on: db) }
            try await Audit.record(on: db, by: context, .importFile, entity: "risk", id: nil, unitID: unitID,
                                   summary: "\(unit.name): \(risks.count)", change: AuditChange(before: [:], after: ["risks": String(risks.count)]))
            try await refreshRegister(of: unitID, on: db)
        }
        return risks.count
    }

    /// Whether the unit's register is in place, kept in its standing for the dashboards.
    static func refreshRegister(of unitID: UUID, now: Date = Date(), on db: any Database) async throws {
        let risks = try await Risk.query(on: db).filter(\.$unitID == unitID).field(\.$id).field(\.$kind).field(\.$status).field(\.$reviewDate).all()
        let inPlace = RegisterRules.isInPlace(risks.map(\.summary), relevantKinds: try await relevantKinds(of: unitID, on: db), clock: PlanDue.Clock(now))
        if let standing = try await PlanStanding.query(on: db).filter(\.$unitID == unitID).first() {
            if standing.hasRiskRegister != inPlace { standing.hasRiskRegister = inPlace; try await standing.save(on: db) }
        } else if inPlace {
            try await PlanStanding.refresh(unitID, on: db)
            try await PlanStanding.query(on: db).filter(\.$unitID == unitID).set(\.$hasRiskRegister, to: true).update()
        }
    }

    /// Every register again: a review falling overdue takes a register out of place with no change
    /// to it.
    static func refreshRegisters(now: Date = Date(), on db: any Database) async throws {
        let units = Set(try await Risk.query(on: db).field(\.$id).field(\.$unitID).all().map(\.unitID))
        for unit in units { try await refreshRegister(of: unit, now: now, on: db) }
    }

    /// How many risks fall in each cell of the matrix: `counts[likelihood - 1][impact - 1]`.
    static func heat(_ ratings: [RiskRating]) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: RiskMatrix.size), count: RiskMatrix.size)
        for r in ratings where RiskRating.range.contains(r.likelihood) && RiskRating.range.contains(r.impact) {
            counts[r.likelihood - 1][r.impact - 1] += 1
        }
        return counts
    }
}

import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// A kind of data pages show, with its own version counters.
enum DataKind: String, Sendable, CaseIterable {
    /// Plans with their versions, review moves and feedback (and the standings derived from them).
    case plans
    /// Activations of plans and their logs (exercises count for the standings).
    case activations
    /// Risks, their treatment and links, and each register's relevant kinds.
    case risks
    /// Compliance reports of regions to HQ.
    case compliance
    /// Yearly review campaigns.
    case campaigns
    /// Accounts and the roles granted to them.
    case people
    case dutyStations = "duty_stations"
    /// The organization tree: every unit's name, code, kind, parent and retirement.
    case units
    /// HQ's settings (the impact scale, the risk scale).
    case settings
    /// The daily history of compliance figures, recorded by the hourly run.
    case snapshots
    /// Security areas, their levels, risk assessments and measures compliance.
    case security
    /// Personnel records, their dependants and whereabouts, and roll-calls.
    case personnel
    /// Travel requests and their clearance, advisories, air operators, travel cases.
    case travel
    /// Travel advisories: read on every trip and in the directory.
    case advisories

    /// Kinds with one counter for the whole organization: a change anywhere shows everywhere.
    var isGlobal: Bool { [.units, .settings, .snapshots].contains(self) }

    /// What a write recorded in the audit trail as `entity` changes. An entity the trail knows
    /// that no page keeps (API tokens) changes none.
    static func changed(byEntity entity: String) -> [DataKind] {
        switch entity {
        case "plan": [.plans]
        case "activation": [.activations]
        case "risk": [.risks]
        case "compliance_report": [.compliance]
        case "campaign": [.campaigns]
        case "user", "grant": [.people]
        case "duty_station": [.dutyStations, .security]
        case "unit": [.units]
        case "setting": [.settings]
        case "security_area", "security_level", "security_measure", "measure_compliance", "agency", "agency_presence",
            "risk_assessment", "assessment_comment":
            [.security]
        case "personnel", "dependant", "roll_call", "roll_call_entry": [.personnel]
        case "travel_request", "travel_leg", "travel_case": [.travel]
        case "air_operator": [.travel]
        case "advisory": [.advisories, .travel]
        default: []
        }
    }
}

/// One version counter: everything of a kind, a unit's own data of a kind, or a unit's subtree's.
struct DataScope: Hashable, Sendable {
    let text: String

    static func all(_ kind: DataKind) -> DataScope { DataScope(text: kind.rawValue) }
    static func own(_ kind: DataKind, _ unitID: UUID) -> DataScope {
        kind.isGlobal ? all(kind) : DataScope(text: "\(kind.rawValue)@\(unitID.uuidString.lowercased())")
    }
    static func under(_ kind: DataKind, _ unitID: UUID) -> DataScope {
        kind.isGlobal ? all(kind) : DataScope(text: "\(kind.rawValue)/\(unitID.uuidString.lowercased())")
    }
    /// A person's access: their account, grants, sessions and tokens. Bumped by every change of
    /// them (sign-in and sign-out, revocation, deactivation), it tells every server that what it
    /// remembers of who is asking (see `ActorMemo`) must be read again.
    static func access(_ userID: UUID) -> DataScope { DataScope(text: accessPrefix + userID.uuidString.lowercased()) }
    static let accessPrefix = "access@"
}

/// The version counters kept pages are valid for. Every write bumps, in its own transaction, the
/// counters of what it changed: `Audit.record`, which every write calls in its transaction, does
/// it from the entity it records, so that no write can change data without changing its version
/// (writes without an audit line, the hourly history, call `bump` themselves). A page reads the
/// counters of what it shows in one statement, before it reads the data, and is kept under them;
/// any server sharing the database then sees the same versions.
enum DataVersions {
    /// Bumps the counters a write of `kind` in `unitID` changes: the kind's, the unit's own, and
    /// the subtree's of the unit and of each unit above it.
    static func bump(_ kind: DataKind, unitID: UUID?, on db: any Database) async throws {
        var scopes: Set<DataScope> = [.all(kind)]
        if let unitID, !kind.isGlobal {
            scopes.insert(.own(kind, unitID))
            let path = try await Unit.query(on: db).filter(\.$id == unitID).field(\.$id).field(\.$path).first()
                .flatMap { UnitPath(encoded: $0.path) }
            for id in path?.ids ?? [unitID] { scopes.insert(.under(kind, id)) }
        }
        try await bump(Array(scopes), on: db)
    }

    /// Adds one to each counter (a new one starts at one). In one order always, so that two
    /// transactions bumping the same counters on PostgreSQL wait for each other, never deadlock.
    static func bump(_ scopes: [DataScope], on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, !scopes.isEmpty else { return }
        var query = SQLQueryString("INSERT INTO data_versions (scope, version) VALUES ")
        for (i, scope) in scopes.map(\.text).sorted().enumerated() {
            query.appendLiteral(i == 0 ? "(" : ", (")
            query.appendInterpolation(bind: scope)
            query.appendLiteral(", 1)")
        }
        query.appendLiteral(" ON CONFLICT (scope) DO UPDATE SET version = data_versions.version + 1")
        try await sql.raw(query).run()
    }

    /// The counters of up to `VersionRead.arity` scopes, read in one prepared statement.
    struct VersionRead: PreparedRead {
        static let arity = 8
        static let sql =
            "SELECT scope, version FROM data_versions WHERE scope IN ("
            + (1...arity).map { "$\($0)" }.joined(separator: ", ") + ")"
        var parameters: [PreparedParameter]
    }

    /// The versions of `scopes` as one text (a counter never bumped reads 0).
    static func version(of scopes: [DataScope], on db: any Database) async throws -> String {
        text(scopes, try await counters(of: scopes, on: db))
    }

    /// The counters of `scopes` that have been bumped, read `VersionRead.arity` at a time.
    static func counters(of scopes: [DataScope], on db: any Database) async throws -> [DataScope: Int64] {
        var counters: [DataScope: Int64] = [:]
        for start in stride(from: 0, to: scopes.count, by: VersionRead.arity) {
            let chunk = scopes[start..<min(start + VersionRead.arity, scopes.count)].map(\.text)
            let padded = chunk + Array(repeating: "", count: VersionRead.arity - chunk.count)
            for row in try await VersionRead(parameters: padded.map { .string($0) }).all(on: db) {
                counters[DataScope(text: try row.decode(column: "scope", as: String.self))] = try row.decode(
                    column: "version", as: Int64.self)
            }
        }
        return counters
    }

    /// The counters of `scopes`, in their order, as one text.
    static func text(_ scopes: [DataScope], _ counters: [DataScope: Int64]) -> String {
        scopes.map { String(counters[$0] ?? 0) }.joined(separator: ".")
    }
}

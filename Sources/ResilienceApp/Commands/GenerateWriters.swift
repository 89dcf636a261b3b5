import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// The people the benchmark's writes are made by: sixteen focal points (`bench.editor01` …), each
/// of a country operation whose draft plan of this cycle has 60 critical processes, and sixteen
/// security officers (`bench.officer01` …), each of a country operation of the region whose
/// register is generated. Each edits their own unit, as people do, so that their saves do not
/// queue behind each other's plan.
extension GenerateCommand {
    static let writers = 16

    static func generateWriters(
        passwordHash: String, riskRegion: String, now: Date, on db: any Database
    ) async throws -> String {
        guard let sql = db as? any SQLDatabase else { return "" }
        struct Draft: Decodable { var id: UUID; var unit_id: UUID }
        let drafts = try await sql.raw(
            """
            SELECT p.id, p.unit_id FROM plans p JOIN units u ON u.id = p.unit_id
            WHERE p.status = \(bind: ReviewState.draft.rawValue) AND u.kind = \(bind: UnitKind.countryOperation.rawValue)
            ORDER BY u.code LIMIT \(unsafeRaw: String(writers))
            """
        ).all(decoding: Draft.self)
        let content = PlanCodec.encode(DemoPlan.large(processes: 60, staffPerProcess: 5, now: now))
        for draft in drafts {
            try await sql.update(Plan.schema).set("content", to: content).where("id", .equal, draft.id).run()
        }
        guard let region = try await Unit.query(on: db).filter(\.$code == riskRegion).first() else { return "" }
        let countries = try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), region.path + "%")
            .filter(\.$kind == .countryOperation).sort(\.$code).limit(writers).all()
        let people =
            drafts.enumerated().map {
                ("bench.editor" + String(format: "%02d", $0.offset + 1), $0.element.unit_id, Role.focalPoint)
            }
            + countries.enumerated().map {
                ("bench.officer" + String(format: "%02d", $0.offset + 1), $0.element.id!, Role.securityOfficer)
            }
        let users = sql.insert(into: "users").columns(
            "id", "username", "display_name", "email", "password_hash", "is_active", "home_unit_id", "created_at",
            "updated_at")
        let grants = sql.insert(into: "role_grants").columns("id", "user_id", "unit_id", "role", "created_at")
        for (username, unitID, role) in people {
            let id = UUID()
            users.values(
                SQLBind(id), SQLBind(username), SQLBind(username), SQLBind("\(username)@example.org"),
                SQLBind(passwordHash), SQLBind(true), SQLBind(unitID), SQLBind(now), SQLBind(now))
            grants.values(SQLBind(UUID()), SQLBind(id), SQLBind(unitID), SQLBind(role.rawValue), SQLBind(now))
        }
        try await users.run()
        try await grants.run()
        // Written without the services: kept pages of a server on this database must see them.
        for draft in drafts { try await DataVersions.bump(.plans, unitID: draft.unit_id, on: db) }
        try await DataVersions.bump([.all(.people)], on: db)
        return "\(drafts.count) editors of 60-process drafts, \(countries.count) security officers"
    }
}

import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// What a roll-call's page counts: listed and accounted for by status, the time to 50, 90 and
/// 100 %, and who answered through each channel.
extension RollCallService {

    struct Figures: Sendable {
        var counts: [AccountStatus: Int]
        var progress: AccountingProgress
        /// Per channel: people messaged, and how many answered through it.
        var channels: [(ContactChannel, Int, Int)]
        var total: Int { counts.values.reduce(0, +) }
    }

    /// The figures, kept until a mark, a message or a warden changes the unit's personnel data.
    static func figures(of call: RollCall, kept: KeptCache, on db: any Database) async throws -> Figures {
        let id = try call.requireID()
        let version = try await DataVersions.version(of: [.own(.personnel, call.$unit.id)], on: db)
        let key = KeptCache.Key<Figures>(.rollCallFigures, [id.uuidString, version])
        return try await kept.value(key, cost: { 200 + $0.progress.series.count * 16 }) {
            try await figures(of: call, on: db)
        }
    }

    static func figures(of call: RollCall, on db: any Database) async throws -> Figures {
        let id = try call.requireID()
        guard let sql = db as? any SQLDatabase else {
            return Figures(
                counts: [:], progress: AccountingProgress(openedAt: call.openedAt, total: 0, accountedAt: []),
                channels: [])
        }
        var counts: [AccountStatus: Int] = [:]
        for row in try await sql.raw(
            "SELECT status, COUNT(*) AS n FROM roll_call_entries WHERE roll_call_id = \(bind: id) GROUP BY status"
        ).all() {
            if let s = AccountStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[s] = try row.decode(column: "n", as: Int.self)
            }
        }
        // Only the times, read as values: decoding thousands of models was most of the page.
        var times: [Date] = []
        var accounted = SQLQueryString("SELECT marked_at FROM roll_call_entries WHERE roll_call_id = ")
        accounted.appendInterpolation(bind: id)
        accounted.appendLiteral(" AND marked_at IS NOT NULL AND status IN (")
        for (i, status) in AccountStatus.allCases.filter(\.isAccounted).enumerated() {
            if i > 0 { accounted.appendLiteral(", ") }
            accounted.appendInterpolation(bind: status.rawValue)
        }
        accounted.appendLiteral(")")
        for row in try await sql.raw(accounted).all() {
            times.append(try row.decode(column: "marked_at", as: Date.self))
        }
        let total = counts.values.reduce(0, +)
        var channels: [(ContactChannel, Int, Int)] = []
        for channel in ContactChannel.allCases {
            let reached =
                try await sql.raw(
                    """
                    SELECT COUNT(DISTINCT entry_id) AS n FROM roll_call_messages
                    WHERE roll_call_id = \(bind: id) AND channel = \(bind: channel.rawValue)
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            // An SMS answer is in the inbound log even when a later answer marked the person
            // again; a link answer is the mark it made.
            let answered: Int
            if channel == .sms {
                answered =
                    try await sql.raw(
                        """
                        SELECT COUNT(DISTINCT inbound_messages.entry_id) AS n FROM inbound_messages
                        JOIN roll_call_entries ON roll_call_entries.id = inbound_messages.entry_id
                        WHERE roll_call_entries.roll_call_id = \(bind: id)
                          AND inbound_messages.outcome IN ('safe', 'needs_help')
                        """
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
            } else {
                answered = try await RollCallEntry.query(on: db).filter(\.$rollCall.$id == id)
                    .filter(\.$dependant.$id == nil).filter(\.$method == .ownAnswer).count()
            }
            if reached > 0 || answered > 0 { channels.append((channel, reached, answered)) }
        }
        return Figures(
            counts: counts, progress: AccountingProgress(openedAt: call.openedAt, total: total, accountedAt: times),
            channels: channels)
    }

    /// Listed and accounted for, of several roll-calls, in one statement (a unit's list of them).
    static func tallies(of ids: [UUID], on db: any Database) async throws -> [UUID: (listed: Int, accounted: Int)] {
        guard let sql = db as? any SQLDatabase, !ids.isEmpty else { return [:] }
        var query = SQLQueryString(
            "SELECT roll_call_id, status, COUNT(*) AS n FROM roll_call_entries WHERE roll_call_id IN (")
        for (i, id) in ids.enumerated() {
            if i > 0 { query.appendLiteral(", ") }
            query.appendInterpolation(bind: id)
        }
        query.appendLiteral(") GROUP BY roll_call_id, status")
        var out: [UUID: (listed: Int, accounted: Int)] = [:]
        for row in try await sql.raw(query).all() {
            let id = try row.decode(column: "roll_call_id", as: UUID.self)
            let n = try row.decode(column: "n", as: Int.self)
            let accounted =
                AccountStatus(rawValue: try row.decode(column: "status", as: String.self))?.isAccounted ?? false
            let before = out[id] ?? (0, 0)
            out[id] = (before.listed + n, before.accounted + (accounted ? n : 0))
        }
        return out
    }

}

import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// Password sign-in with slowing and locking per user name. Every failure looks the same from
/// outside whether or not the name exists.
enum SignInService {
    /// A hash to verify against when the name is unknown, so that both paths cost one bcrypt.
    private static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5p1wN5f8nHnZy3Fh7dVQ8c1Yk1z6Xy."

    static func signIn(username raw: String, password: String, request: Request) async throws -> User? {
        let username = raw.trimmingCharacters(in: .whitespaces).lowercased()
        // The throttle's key: the name as stored (a column of 64), so a longer name is counted
        // under the same row it is looked up by.
        let key = String(username.prefix(64))
        let db = request.db
        let throttle = request.application.appConfig.throttle
        let attempt = try await SignInAttempt.query(on: db).filter(\.$username == key).first()
        let state = SignInThrottle.State(
            failures: attempt?.failures ?? 0, lastFailure: attempt?.lastFailureAt,
            lockedUntil: attempt?.lockedUntil)
        switch throttle.verdict(for: state, now: request.now) {
        case .locked(let until):
            throw AppError.locked(until: until)
        case .proceed(let delay) where delay > 0:
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        case .proceed:
            break
        }
        let user =
            username.isEmpty || username.count > 64
            ? nil : try await User.query(on: db).filter(\.$username == username).first()
        let hash = user?.passwordHash ?? decoyHash
        let verified = (try? await request.password.async.verify(password, created: hash)) ?? false
        if let user, verified, user.isActive {
            try await db.transaction { db in
                try await SignInAttempt.query(on: db).filter(\.$username == key).delete()
                user.lastSignInAt = request.now
                try await user.save(on: db)
                try await Audit.record(
                    on: db, by: AuditContext(actorID: user.id, actorName: user.username, at: request.now), .signIn,
                    entity: User.auditEntity, id: user.id, unitID: user.$homeUnit.id,
                    subjectUserID: user.id, summary: user.username)
            }
            return user
        }
        try await db.transaction { db in
            try await countFailure(key, throttle: throttle, now: request.now, on: db)
            try await Audit.record(
                on: db, by: AuditContext(actorID: nil, actorName: key, at: request.now),
                .signInFailed, entity: User.auditEntity, id: user?.id, unitID: user?.$homeUnit.id,
                subjectUserID: user?.id, summary: key)
        }
        return nil
    }

    /// Counts a failure in one statement that adds it and returns the count, so that attempts
    /// made in parallel each count (reading, adding one and writing back let sixteen parallel
    /// attempts count as a few, and a second insert of a new name broke the unique key); then
    /// locks the name when the count reaches the throttle's limit.
    static func countFailure(_ key: String, throttle: SignInThrottle, now: Date, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let failures =
            try await sql.raw(
                """
                INSERT INTO \(ident: SignInAttempt.schema) (id, username, failures, last_failure_at) VALUES (\(bind: UUID()), \(bind: key), 1, \(bind: now))
                ON CONFLICT (username) DO UPDATE SET
                  failures = CASE WHEN \(ident: SignInAttempt.schema).last_failure_at >= \(bind: throttle.windowStart(now: now)) THEN \(ident: SignInAttempt.schema).failures + 1 ELSE 1 END,
                  last_failure_at = \(bind: now)
                RETURNING failures
                """
            ).first(decodingColumn: "failures", as: Int.self) ?? 1
        if let until = throttle.lock(afterFailures: failures, now: now) {
            try await sql.update(SignInAttempt.schema).set("locked_until", to: until).set("failures", to: 0)
                .where("username", .equal, key).run()
        }
    }
}

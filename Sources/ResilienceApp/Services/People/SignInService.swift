import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Password sign-in with slowing and locking per user name. Every failure looks the same from
/// outside whether or not the name exists.
enum SignInService {
    /// A hash to verify against when the name is unknown, so that both paths cost one bcrypt.
    private static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5p1wN5f8nHnZy3Fh7dVQ8c1Yk1z6Xy."

    static func signIn(username raw: String, password: String, request: Request) async throws -> User? {
        let username = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let db = request.db
        let throttle = request.application.appConfig.throttle
        let attempt = try await SignInAttempt.query(on: db).filter(\.$username == username).first()
        let state = SignInThrottle.State(failures: attempt?.failures ?? 0, lastFailure: attempt?.lastFailureAt,
                                         lockedUntil: attempt?.lockedUntil)
        switch throttle.verdict(for: state, now: Date()) {
        case .locked(let until):
            throw AppError.locked(until: until)
        case .proceed(let delay) where delay > 0:
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        case .proceed:
            break
        }
        let user = username.isEmpty ? nil : try await User.query(on: db).filter(\.$username == username).first()
        let hash = user?.passwordHash ?? decoyHash
        let verified = (try? await request.password.async.verify(password, created: hash)) ?? false
        if let user, verified, user.isActive {
            try await db.transaction { db in
                try await attempt?.delete(on: db)
                user.lastSignInAt = Date()
                try await user.save(on: db)
                try await Audit.record(on: db, by: AuditContext(actorID: user.id, actorName: user.username), .signIn,
                                       entity: User.auditEntity, id: user.id, unitID: user.$homeUnit.id,
                                       subjectUserID: user.id, summary: user.username)
            }
            return user
        }
        let next = throttle.failed(state, now: Date())
        let record = attempt ?? SignInAttempt()
        record.username = String(username.prefix(64))
        record.failures = next.failures
        record.lastFailureAt = next.lastFailure
        record.lockedUntil = next.lockedUntil
        try await db.transaction { db in
            try await record.save(on: db)
            try await Audit.record(on: db, by: AuditContext(actorID: nil, actorName: String(username.prefix(64))),
                                   .signInFailed, entity: User.auditEntity, id: user?.id, unitID: user?.$homeUnit.id,
                                   subjectUserID: user?.id, summary: String(username.prefix(64)))
        }
        return nil
    }
}

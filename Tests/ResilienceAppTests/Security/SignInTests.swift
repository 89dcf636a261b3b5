import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// The sign-in lockout holds when an attacker sends many attempts at once.
@Suite struct SignInTests {
    func attempt(_ app: Application, _ username: String, _ password: String) async throws -> HTTPResponseStatus {
        let browser = Browser(app)
        return try await browser.post(AppPath.signIn.path, ["username": username, "password": password, "next": "/"])
            .status
    }

    @Test func sixtyFourParallelWrongPasswordsEachCountAndTheLockHolds() async throws {
        try await withTestApp { app in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for i in 0..<64 { group.addTask { try await attempt(app, "focal.bangladesh", "wrong-\(i)") } }
                return try await group.reduce(into: [HTTPResponseStatus]()) { $0.append($1) }
            }
            #expect(statuses.count == 64)
            #expect(
                statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests }, "\(Set(statuses.map(\.code)))")
            // Eight failures lock the name (DOMAIN: slowed after 3, locked after 8): with 64
            // counted, the right password is refused now.
            #expect(try await attempt(app, "focal.bangladesh", DemoData.password) == .tooManyRequests)
            let row = try #require(
                try await SignInAttempt.query(on: app.db).filter(\.$username == "focal.bangladesh").first())
            #expect(row.lockedUntil.map { $0 > Date() } == true)
        }
    }

    @Test func aNameLongerThanTheColumnIsCountedUnderOneRowAndNeverAnswers500() async throws {
        try await withTestApp { app in
            let long = String(repeating: "a", count: 80)
            for _ in 0..<3 { #expect(try await attempt(app, long, "wrong") == .unauthorized) }
            let rows = try await SignInAttempt.query(on: app.db).all()
            #expect(rows.count == 1)
            #expect(rows.first?.failures == 3)
        }
    }
}

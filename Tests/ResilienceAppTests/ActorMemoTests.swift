import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// A server remembers who is asking for a moment (one read per kept page); several servers
/// share the database. Each test reads as a person on "server A" (the application's cache as
/// it was), makes a change on "server B" (the same database, a cache of its own, so A's memory
/// is untouched), and reads on A again: the change holds at once, as DOMAIN.md's access rules
/// need (a revoked role, a deactivated account, a signed-out session or a revoked token stop
/// working at once).
@Suite struct ActorMemoTests {
    /// Runs `change` as on another server: the application's cache swapped for a fresh one.
    func onServerB(_ app: Application, _ change: () async throws -> Void) async throws {
        let serverA = app.kept
        app.kept = KeptCache(budget: 1 << 20)
        defer { app.kept = serverA }
        try await change()
    }

    /// Bangladesh's focal point, signed in on server A, reading their register twice: the second
    /// read is answered with what server A remembers of them and of the unit.
    func focalPointReadingTwice(_ app: Application) async throws -> (Browser, ResilienceApp.Unit) {
        let bangladesh = try await unit("BGD", app)
        let focal = Browser(app)
        #expect(try await focal.signIn("focal.bangladesh"))
        for _ in 0..<2 { #expect(try await focal.get(AppPath.unitRisks(bangladesh.id!).path).status == .ok) }
        return (focal, bangladesh)
    }

    @Test func aRoleRevokedOnAnotherServerStopsWorkingAtOnce() async throws {
        try await withTestApp { app in
            let (focal, bangladesh) = try await focalPointReadingTwice(app)
            try await onServerB(app) {
                let admin = Browser(app)
                #expect(try await admin.signIn("admin"))
                let grant = try #require(
                    try await RoleGrant.query(on: app.db).filter(\.$user.$id == user("focal.bangladesh", app).id!)
                        .filter(\.$revokedAt == nil).first())
                #expect(try await admin.post(AppPath.grantRevoke(grant.id!).path).status == .seeOther)
            }
            #expect(try await focal.get(AppPath.unitRisks(bangladesh.id!).path).status == .forbidden)
        }
    }

    @Test func anAccountDeactivatedOnAnotherServerIsSignedOutAtOnce() async throws {
        try await withTestApp { app in
            let staff = Browser(app)
            #expect(try await staff.signIn("staff.coxsbazar"))
            for _ in 0..<2 { #expect(try await staff.get("/").body.string.contains("Nusrat Jahan")) }
            try await onServerB(app) {
                let admin = Browser(app)
                #expect(try await admin.signIn("admin"))
                let account = try await user("staff.coxsbazar", app)
                let response = try await admin.post(
                    AppPath.userEdit(account.id!).path,
                    ["displayName": "Nusrat Jahan", "homeUnit": "BGD-CXB", "language": "", "isActive": "false"])
                #expect(response.status == .seeOther)
            }
            let home = try await staff.get("/")
            #expect(
                home.status == .seeOther && home.headers.first(name: .location)?.hasPrefix(AppPath.signIn.path) == true)
        }
    }

    @Test func aSessionSignedOutOnAnotherServerEndsThereToo() async throws {
        try await withTestApp { app in
            let staff = Browser(app)
            #expect(try await staff.signIn("staff.coxsbazar"))
            for _ in 0..<2 { #expect(try await staff.get("/").status == .ok) }
            let cookies = staff.cookies
            try await onServerB(app) {
                // The same browser's next request lands on server B: it signs out there.
                let response = try await staff.post(AppPath.signOut.path)
                #expect(response.status == .seeOther)
            }
            // The cookie as it was before signing out (kept by someone else), sent to server A.
            let stolen = Browser(app)
            stolen.cookies = cookies
            let home = try await stolen.get("/")
            #expect(
                home.status == .seeOther && home.headers.first(name: .location)?.hasPrefix(AppPath.signIn.path) == true)
        }
    }

    @Test func aTokenRevokedOnAnotherServerIsRefusedAtOnce() async throws {
        try await withTestApp { app in
            let headers = try await apiHeaders("focal.bangladesh", app)
            for _ in 0..<2 {
                #expect(try await app.testing().sendRequest(.GET, AppPath.apiMe.path, headers: headers).status == .ok)
            }
            try await onServerB(app) {
                let account = try await user("focal.bangladesh", app)
                try await TokenService.revokeAll(of: account.requireID(), by: app.systemContext, on: app.db)
            }
            #expect(
                try await app.testing().sendRequest(.GET, AppPath.apiMe.path, headers: headers).status == .unauthorized)
        }
    }

    @Test func aUnitRenamedOnAnotherServerShowsItsNewNameAtOnce() async throws {
        try await withTestApp { app in
            let (focal, bangladesh) = try await focalPointReadingTwice(app)
            try await onServerB(app) {
                var headers = try await apiHeaders("admin", app)
                headers.contentType = .json
                let response = try await app.testing().sendRequest(
                    .PATCH, AppPath.apiUnit(bangladesh.id!).path, headers: headers,
                    body: ByteBuffer(string: #"{"name": "Bangladesh Operation (renamed)"}"#))
                #expect(response.status == .ok)
            }
            let page = try await focal.get(AppPath.unitRisks(bangladesh.id!).path).body.string
            #expect(page.contains("Bangladesh Operation (renamed)"))
        }
    }
}

import Crypto
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

@Suite struct OrganizationTests {
    @Test func anAdministratorRenamesAUnitAndTheAuditShowsBeforeAndAfter() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("admin"))
            let kenya = try await unit("KEN", app)
            let response = try await browser.post(
                AppPath.unitEdit(kenya.id!).path, ["name": "Kenya Operation", "code": "KEN"])
            #expect(response.status == .seeOther)
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == kenya.id).filter(\.$action == .update)
                    .first())
            #expect(entry.actorName == "admin")
            #expect(Audit.decode(entry.before) == ["name": "Kenya"])
            #expect(Audit.decode(entry.after) == ["name": "Kenya Operation"])
            let page = try await browser.get(AppPath.audit.with([("unit", kenya.id!.uuidString)]))
            #expect(page.body.string.contains("Kenya Operation"))
        }
    }

    @Test func aBadFormComesBackWithTheInputKeptAndAMessageBesideEachField() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("admin"))
            let kenya = try await unit("KEN", app)
            let response = try await browser.post(
                AppPath.unitDutyStations(kenya.id!).path,
                ["name": "Lodwar", "country": "Kenya", "area": "Turkana", "latitude": "95", "longitude": "abc"])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("value=\"Lodwar\""))
            #expect(html.contains("Use the two-letter ISO country code"))
            #expect(html.contains("Enter a number"))
            #expect(try await DutyStation.query(on: app.db).filter(\.$name == "Lodwar").count() == 0)
            let account = try await browser.post(
                AppPath.users.path,
                [
                    "username": "new.person", "displayName": "New Person",
                    "homeUnit": "NOPE", "password": "a long enough password",
                ])
            #expect(account.status == .unprocessableEntity)
            #expect(account.body.string.contains("f-homeUnit-error") && account.body.string.contains("value=\"NOPE\""))
            #expect(try await User.query(on: app.db).filter(\.$username == "new.person").count() == 0)
            #expect(
                try await browser.post(
                    AppPath.users.path,
                    [
                        "username": "new.person", "displayName": "New Person",
                        "homeUnit": "ken", "password": "a long enough password",
                    ]
                ).status == .seeOther)
        }
    }

    /// A role is granted on a unit picked by name (or as the suggestions offer it), a name that
    /// several units answer to is told with them, and revoking asks first.
    @Test func aRoleIsGrantedOnAUnitByNameAndRevokingAsksFirst() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            #expect(try await admin.signIn("admin"))
            let staff = try await user("staff.coxsbazar", app)
            let dadaab = try await unit("KEN-DAD", app)
            let suggestions = try await admin.get(AppPath.unitSuggestions.with([("q", "dadaab")])).body.string
            #expect(suggestions.contains(#""label":"Sub-Office Dadaab (KEN-DAD)""#))
            var response = try await admin.post(
                AppPath.userGrants(staff.id!).path, ["role": "contributor", "unit": "Regional Bureau"])
            #expect(response.status == .unprocessableEntity)
            #expect(
                response.body.string.contains("Several units answer to this")
                    && response.body.string.contains("(RB-AP)"))
            for (role, typed) in [("contributor", "dadaab"), ("security_officer", "Sub-Office Dadaab (KEN-DAD)")] {
                response = try await admin.post(AppPath.userGrants(staff.id!).path, ["role": role, "unit": typed])
                #expect(response.status == .seeOther, "\(typed)")
            }
            let grants = try await RoleGrant.query(on: app.db).filter(\.$user.$id == staff.id!)
                .filter(\.$unit.$id == dadaab.id!).sort(\.$role).all()
            #expect(grants.map(\.role) == [.contributor, .securityOfficer])
            // The page links to a confirmation; only its post revokes.
            let page = try await admin.get(AppPath.user(staff.id!).path).body.string
            #expect(page.contains(#"href="\#(AppPath.grantRevoke(grants[0].id!).path)""#))
            let confirm = try await admin.get(AppPath.grantRevoke(grants[0].id!).path).body.string
            #expect(confirm.contains("Revoke the role Contributor of") && confirm.contains("Sub-Office Dadaab"))
            #expect(try await RoleGrant.find(grants[0].id, on: app.db)?.revokedAt == nil)
            #expect(try await admin.post(AppPath.grantRevoke(grants[0].id!).path).status == .seeOther)
            #expect(try await RoleGrant.find(grants[0].id, on: app.db)?.revokedAt != nil)
        }
    }

    @Test func movingACountryUnderItsOwnOfficeIsRefusedAndMovingItToAnotherRegionMovesItsSubtree() async throws {
        try await withTestApp { app in
            let token = try await TokenService.create(
                for: try await user("admin", app).requireID(), name: "t", by: app.systemContext, on: app.db
            ).1
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .json
            let kenya = try await unit("KEN", app), dadaab = try await unit("KEN-DAD", app),
                mena = try await unit("RB-MENA", app)
            let cycle = try await app.testing().sendRequest(
                .POST, AppPath.apiUnitMove(kenya.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"parentID":"\#(dadaab.id!)"}"#))
            #expect(cycle.status == .unprocessableEntity)
            #expect(cycle.body.string.contains("unit_move_cycle"))
            let moved = try await app.testing().sendRequest(
                .POST, AppPath.apiUnitMove(kenya.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"parentID":"\#(mena.id!)"}"#))
            #expect(moved.status == .ok)
            let office = try await unit("KEN-DAD", app)
            #expect(office.unitPath.isWithin(mena.id!))
            #expect(office.depth == 3)
        }
    }

    @Test func malformedJSONWrongTypesAndUnknownIdsGetClearClientErrors() async throws {
        try await withTestApp { app in
            let token = try await TokenService.create(
                for: try await user("admin", app).requireID(), name: "t", by: app.systemContext, on: app.db
            ).1
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .json
            let kenya = try await unit("KEN", app)
            let malformed = try await app.testing().sendRequest(
                .PATCH, AppPath.apiUnit(kenya.id!).path, headers: headers, body: ByteBuffer(string: "{nope"))
            #expect(malformed.status == .badRequest)
            let wrongType = try await app.testing().sendRequest(
                .PATCH, AppPath.apiUnit(kenya.id!).path, headers: headers, body: ByteBuffer(string: #"{"name": 5}"#))
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.body.string.contains("name"))
            let unknown = try await app.testing().sendRequest(.GET, AppPath.apiUnit(UUID()).path, headers: headers)
            #expect(unknown.status == .notFound)
            let tooLong = try await app.testing().sendRequest(
                .PATCH, AppPath.apiUnit(kenya.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"name": "\#(String(repeating: "x", count: 300))"}"#))
            #expect(tooLong.status == .unprocessableEntity)
            #expect(try await unit("KEN", app).name == "Kenya")
        }
    }

    @Test func aRegionalReviewerGrantsAFocalPointInTheRegionButNotElsewhereNorAnotherRole() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("reviewer.asia"))
            let staff = try await user("staff.coxsbazar", app)
            let ok = try await browser.post(
                AppPath.userGrants(staff.id!).path, ["role": "focal_point", "unit": "BGD-CXB"])
            #expect(ok.status == .seeOther)
            let elsewhere = try await browser.post(
                AppPath.userGrants(staff.id!).path, ["role": "focal_point", "unit": "KEN"])
            #expect(elsewhere.status == .forbidden)
            let admin = try await browser.post(
                AppPath.userGrants(staff.id!).path, ["role": "administrator", "unit": "BGD"])
            #expect(admin.status == .forbidden)
            let unknown = try await browser.post(
                AppPath.userGrants(staff.id!).path, ["role": "focal_point", "unit": "NOPE"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("f-unit-error") && unknown.body.string.contains("No such record"))
            let grants = try await RoleGrant.query(on: app.db).filter(\.$user.$id == staff.id!).all().map(\.role)
            #expect(grants.sorted() == [.focalPoint, .staffMember])
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == .grant).filter(
                    \.$actorName == "reviewer.asia"
                ).count() == 1)
        }
    }

    @Test func aUnitWithUnitsBelowIsNotRetiredButALeafIsAfterConfirmation() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("admin"))
            let kenya = try await unit("KEN", app), dadaab = try await unit("KEN-DAD", app)
            let confirm = try await browser.get(AppPath.unitRetire(dadaab.id!).path)
            #expect(confirm.status == .ok)
            #expect(confirm.body.string.contains("Retire Sub-Office Dadaab?"))
            let refused = try await browser.post(AppPath.unitRetire(kenya.id!).path)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Retire the 2 active units below it first."))
            #expect(try await unit("KEN", app).retiredAt == nil)
            #expect(try await browser.post(AppPath.unitRetire(dadaab.id!).path).status == .seeOther)
            #expect(try await unit("KEN-DAD", app).retiredAt != nil)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == .retire).filter(\.$entityID == dadaab.id)
                    .count() == 1)
            // Retired, not deleted: its page still opens and says so.
            #expect(try await browser.get(AppPath.unit(dadaab.id!).path).body.string.contains("Retired"))
        }
    }

    @Test func theFirstAdministratorComesFromTheEnvironmentOnceAndNoDemoAccountExists() async throws {
        try await withTestApp(demo: false) { app in
            let env = [
                "RESILIENCE_ADMIN_USERNAME": "first.admin", "RESILIENCE_ADMIN_PASSWORD": "a long first password",
            ]
            try await FirstAdministrator.ensure(
                on: app.db, hasher: app.password.sync, console: app.console, now: app.clock.now, environment: env)
            try await FirstAdministrator.ensure(
                on: app.db, hasher: app.password.sync, console: app.console, now: app.clock.now, environment: env)
            #expect(try await User.query(on: app.db).count() == 1)
            #expect(try await User.query(on: app.db).filter(\.$username == "admin").count() == 0)
            let browser = Browser(app)
            #expect(try await browser.signIn("first.admin", "a long first password"))
            #expect(try await browser.get(AppPath.users.path).status == .ok)
        }
    }

    @Test func aProgramChangesItsPersonsLanguageThroughTheAPIAndTheChangeIsAudited() async throws {
        try await withTestApp { app in
            let focal = try await user("focal.bangladesh", app)
            let token = try await TokenService.create(
                for: focal.requireID(), name: "t", by: app.systemContext, on: app.db
            ).1
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .json
            let ok = try await app.testing().sendRequest(
                .PATCH, AppPath.apiMe.path, headers: headers, body: ByteBuffer(string: #"{"language":"zh-Hans"}"#))
            #expect(ok.status == .ok)
            #expect(try await user("focal.bangladesh", app).language == "zh-Hans")
            #expect(try await user("focal.bangladesh", app).displayName == focal.displayName)
            headers.replaceOrAdd(name: .acceptLanguage, value: "zh-CN")
            let bad = try await app.testing().sendRequest(
                .PATCH, AppPath.apiMe.path, headers: headers, body: ByteBuffer(string: #"{"language":"xx"}"#))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("请从列出的语言中选择"))
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$subjectUserID == focal.id).filter(\.$action == .update)
                    .first())
            #expect(Audit.decode(entry.after) == ["language": "zh-Hans"])
        }
    }

    @Test func longListsPageForwardWithoutLosingOrRepeatingARow() async throws {
        try await withTestApp { app in
            let token = try await TokenService.create(
                for: try await user("admin", app).requireID(), name: "t", by: app.systemContext, on: app.db
            ).1
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            var seen: [String] = []
            var page = 1
            while true {
                let response = try await app.testing().sendRequest(
                    .GET, "/api/v1/users?per=3&page=\(page)", headers: headers)
                let body = try JSONDecoder().decode(Paged<UserDTO>.self, from: Data(buffer: response.body))
                #expect(body.metadata.total == nil)
                seen += body.items.map(\.username)
                if !body.metadata.hasMore { break }
                page += 1
            }
            #expect(seen == DemoData.accounts.map(\.username).sorted())
            // The same walk by key gives the same rows.
            var byKey: [String] = []
            var after: String? = nil
            repeat {
                let query = after.map { "&after=\($0)" } ?? ""
                let response = try await app.testing().sendRequest(
                    .GET, "/api/v1/users?per=4" + query, headers: headers)
                let body = try JSONDecoder().decode(Paged<UserDTO>.self, from: Data(buffer: response.body))
                byKey += body.items.map(\.username)
                after = body.metadata.nextAfter
            } while after != nil
            #expect(byKey == seen)
            let stations = try await app.testing().sendRequest(
                .GET, "/api/v1/duty-stations?per=10&page=3", headers: headers)
            let body = try JSONDecoder().decode(Paged<DutyStationDTO>.self, from: Data(buffer: stations.body))
            #expect(body.metadata.total == 24 && body.items.count == 4 && !body.metadata.hasMore)
            let browser = Browser(app)
            #expect(try await browser.signIn("admin"))
            // The page walks by key: forwards with "next", back with "previous", to the same rows.
            // By user name: admin, contributor.bangladesh, desk.ehagl, focal.bangladesh, hq.oversight,
            // hr.kenya, manager.bangladesh, reviewer.asia …
            let first = try await browser.get("/users?per=4").body.string
            #expect(first.contains("after=focal.bangladesh") && !first.contains("rel=\"prev\""))
            let second = try await browser.get("/users?per=4&after=contributor.bangladesh").body.string
            #expect(
                second.contains(">hq.oversight<") && second.contains("before=desk.ehagl")
                    && second.contains("after=hr.kenya"))
            let back = try await browser.get("/users?per=4&before=desk.ehagl").body.string
            #expect(
                back.contains(">admin<") && back.contains(">contributor.bangladesh<") && !back.contains("rel=\"prev\""))
        }
    }

    @Test func anAdministratorCannotDeactivateTheirOwnAccountAndTheMessageIsInTheirLanguage() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            browser.language = "zh-CN"
            #expect(try await browser.signIn("admin"))
            let admin = try await user("admin", app)
            let response = try await browser.post(
                AppPath.userEdit(admin.id!).path,
                ["displayName": "Amina Haddad", "homeUnit": "HQ", "language": ""])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("不能停用您自己的账户"))
            // "As my browser" is a real choice with an empty value, and the page has one doctype.
            #expect(html.contains("<option value selected=\"selected\">跟随浏览器</option>"))
            #expect(html.components(separatedBy: "<!DOCTYPE html>").count == 2)
            #expect(try await user("admin", app).isActive)
            let token = try await TokenService.create(
                for: admin.requireID(), name: "t", by: app.systemContext, on: app.db
            ).1
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .json
            headers.add(name: .acceptLanguage, value: "zh-CN")
            let bad = try await app.testing().sendRequest(
                .PATCH, AppPath.apiUnit(admin.$homeUnit.id).path, headers: headers,
                body: ByteBuffer(string: #"{"name": 5}"#))
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("name 的类型不正确"))
        }
    }

    @Test func theHealthCheckAnswersWhenTheDatabaseDoes() async throws {
        try await withTestApp(demo: false) { app in
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(response.status == .ok)
        }
    }
}

import Crypto
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

@Suite struct CatalogueTests {
    @Test func everyLanguageHasEveryKeyAndEveryCodeOfTheDomainHasText() throws {
        let catalogue = Catalogue.shared
        // A plural text counts as its base key: each language has the forms its own counts take.
        func bases(_ keys: Set<String>) -> Set<String> {
            Set(keys.map { Catalogue.pluralBase($0).map(String.init) ?? $0 })
        }
        let english = bases(catalogue.keys(of: "en"))
        #expect(catalogue.languages.map(\.code).contains("zh-Hans"))
        for language in catalogue.languages {
            let own = catalogue.keys(of: language.code)
            let keys = bases(own)
            #expect(english.subtracting(keys).isEmpty, "\(language.code) lacks \(english.subtracting(keys).sorted())")
            #expect(
                keys.subtracting(english).isEmpty, "\(language.code) has extra \(keys.subtracting(english).sorted())")
            let categories = Set((0...1000).map { PluralRule.category(of: $0, in: language.code) })
            for base in Set(own.compactMap(Catalogue.pluralBase)) {
                for category in categories {
                    #expect(own.contains("\(base)[\(category)]"), "\(language.code) lacks \(base)[\(category)]")
                }
            }
        }
        let dynamic =
            Problem.allCases.map { "problem.\($0.rawValue)" } + Role.allCases.map { "role.\($0.rawValue)" }
            + UnitKind.allCases.map { "unit_kind.\($0.rawValue)" }
            + AuditAction.allCases.map { "audit.action.\($0.rawValue)" }
            + [
                "unit", "duty_station", "user", "grant", "api_token", "plan", "setting", "activation", "campaign",
                "compliance_report", "risk",
            ].map { "audit.entity.\($0)" }
            + PlanCheck.Code.allCases.map { "check.\($0.rawValue)" } + ["check.expired", "check.expiring"]
            + PlanSection.allCases.flatMap { ["section.\($0.rawValue)", "section_hint.\($0.rawValue)"] }
            + TeamFunction.allCases.map { "team_function.\($0.rawValue)" }
            + ScenarioKind.allCases.map { "scenario_kind.\($0.rawValue)" }
            + ProcessCriterion.allCases.map { "criterion.\($0.rawValue)" }
            + ProcessClassification.allCases.map { "classification.\($0.rawValue)" }
            + ResourceKind.allCases.map { "resource.\($0.rawValue)" }
            + DependencyKind.allCases.map { "dependency.\($0.rawValue)" }
            + AgreementKind.allCases.map { "agreement_kind.\($0.rawValue)" }
            + ExerciseKind.allCases.map { "exercise_kind.\($0.rawValue)" }
            + RecoveryTier.allCases.map { "tier.\($0.rawValue)" }
            + ImpactScale.standardCategories.map { "impact_category.\($0)" }
            + (ReviewState.allCases.map(\.rawValue) + ["none"]).map { "plan_status.\($0)" }
            + ReviewState.allCases.map { "review.state_intro.\($0.rawValue)" }
            + ReviewMove.allCases.map { "review.move.\($0.rawValue)" }
            + PlanDue.Standing.allCases.map { "standing.\($0.rawValue)" }
            + FeedbackState.allCases.map { "feedback_state.\($0.rawValue)" }
            + Figure.allCases.map { "figure.\($0.rawValue)" } + RiskKind.standard.map { "risk_kind.\($0)" }
            + RiskLevel.allCases.map { "risk_level.\($0.rawValue)" }
            + RiskStatus.allCases.map { "risk_status.\($0.rawValue)" }
            + RiskSource.allCases.map { "risk_source.\($0.rawValue)" }
            + RiskRating.range.flatMap { ["risk.likelihood_\($0)", "risk.impact_\($0)"] }
            + [
                "plan_submitted", "plan_returned", "plan_to_approve", "plan_approved", "plan_due_soon", "plan_overdue",
                "campaign_opened",
                "compliance_report", "activation_started", "activation_closed",
            ].map { "inbox.\($0)" } + ["added", "removed", "changed", "moved"].map { "change.\($0)" }
            + ["error", "warning"].map { "severity.\($0)" }
            + ProcessState.allCases.map { "process_state.\($0.rawValue)" }
            + (SingleSection.fields(.nationalStaff) + SingleSection.fields(.other)).map { "plan.field.\($0)" }
        for key in dynamic { #expect(english.contains(key), "missing \(key)") }
    }

    @Test func everyKeyTheCodeUsesIsInTheCatalogue() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Sources/ResilienceApp")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap {
            $0 as? URL
        }
        .filter { $0.pathExtension == "swift" }
        let pattern = try Regex(#"(?:\bt|localizer|\bt\.plural)\("([a-z0-9_.]+)""#)
        var used = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) { used.insert(String(match.output[1].substring!)) }
        }
        #expect(used.count > 100)
        let known = Set(Catalogue.shared.keys(of: "en").map { Catalogue.pluralBase($0).map(String.init) ?? $0 })
        #expect(used.subtracting(known).isEmpty, "\(used.subtracting(known).sorted())")
    }

    /// CLDR's plural categories for whole numbers, written out from its tables.
    @Test(arguments: [
        ("en", 0, "other"), ("en", 1, "one"), ("en", 2, "other"), ("en", 21, "other"),
        ("zh-Hans", 1, "other"), ("zh-Hans", 2, "other"),
        ("ru", 1, "one"), ("ru", 2, "few"), ("ru", 4, "few"), ("ru", 5, "many"), ("ru", 11, "many"),
        ("ru", 12, "many"), ("ru", 21, "one"), ("ru", 22, "few"), ("ru", 111, "many"), ("ru", 0, "many"),
        ("ar", 0, "zero"), ("ar", 1, "one"), ("ar", 2, "two"), ("ar", 3, "few"), ("ar", 10, "few"),
        ("ar", 11, "many"), ("ar", 99, "many"), ("ar", 100, "other"), ("ar", 103, "few"),
        ("fr", 0, "one"), ("fr", 1, "one"), ("fr", 2, "other"),
    ])
    func aCountTakesItsLanguagesPluralForm(language: String, n: Int, category: String) {
        #expect(PluralRule.category(of: n, in: language) == category)
    }

    @Test func textsWithACountReadRightForOneAndForMany() {
        let en = Localizer(code: "en"), zh = Localizer(code: "zh-Hans")
        #expect(en.plural("plan.errors_n", count: 1, 1) == "1 error")
        #expect(en.plural("plan.errors_n", count: 2, 2) == "2 errors")
        #expect(en.plural("plan.errors_n", count: 0, 0) == "0 errors")
        #expect(zh.plural("plan.errors_n", count: 1, 1) == "1 个错误")
        #expect(en("risk.count", 1) == "1 risk.")
        #expect(en.message(DomainError(.planHasErrors, args: ["1"])).hasPrefix("1 error blocks this"))
        #expect(en.message(DomainError(.planHasErrors, args: ["3"])).hasPrefix("3 errors block this"))
    }

    /// The stylesheet, script and icon come from the executable's resources (not the working
    /// directory), under names that change with their content, cached a year; pages name them.
    @Test func assetsAreServedFromTheBundleUnderHashedNamesAndCachedAYear() async throws {
        try await withTestApp(demo: false) { app in
            let page = try await app.testing().sendRequest(.GET, AppPath.signIn.path).body.string
            let path = Assets.shared.path("styles.css")
            #expect(path.wholeMatch(of: #/\/assets\/styles\.[0-9a-f]{12}\.css/#) != nil)
            #expect(page.contains(#"href="\#(path)""#) && page.contains(Assets.shared.path("app.js")))
            #expect(page.contains(Assets.shared.path("favicon.svg")))
            let css = try await app.testing().sendRequest(.GET, path)
            #expect(css.status == .ok && css.body.string.contains(".field-warning"))
            #expect(css.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
            #expect(css.headers.contentType?.subType == "css")
            // The name is the content's: its hash, as SHA-256 of the file gives it.
            let bundled = try Data(
                contentsOf: try #require(Bundle.module.url(forResource: "Assets", withExtension: nil))
                    .appendingPathComponent("styles.css"))
            #expect(path.contains(SHA256.hash(data: bundled).prefix(6).map { String(format: "%02x", $0) }.joined()))
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .ifNoneMatch, value: try #require(css.headers.first(name: .eTag)))
            #expect(try await app.testing().sendRequest(.GET, path, headers: headers).status == .notModified)
            #expect(try await app.testing().sendRequest(.GET, "/assets/styles.000000000000.css").status == .notFound)
            let icon = try await app.testing().sendRequest(.GET, AppPath.favicon.path)
            #expect(
                icon.status == .movedPermanently
                    && icon.headers.first(name: .location) == Assets.shared.path("favicon.svg"))
        }
    }

    /// `--help`, `help` and a command without what it needs print the commands and stop; anything
    /// else runs.
    @Test func helpAndMissingArgumentsPrintTheCommandsAndRunNothing() {
        let help = Usage.check(["--help"])
        #expect(help?.status == 0 && help?.text.contains("token create USERNAME") == true)
        #expect(help?.text.contains("backup FILE") == true && help?.text.contains("DATABASE_URL") == true)
        #expect(Usage.check(["help"])?.status == 0)
        #expect(Usage.check(["token"])?.status == 2 && Usage.check(["token"])?.text.contains("Missing") == true)
        #expect(Usage.check(["backup"])?.status == 2)
        #expect(Usage.check(["restore", "--help"])?.status == 0)
        #expect(Usage.check(["nonsense"])?.status == 2)
        for runs in [
            [], ["serve"], ["serve", "--demo", "--hostname", "127.0.0.1", "--port", "8089"],
            ["--demo", "--hostname", "0.0.0.0"], ["token", "create", "admin", "--name", "ci"], ["backup", "b.sqlite"],
            ["generate", "--countries", "3"], ["migrate", "--yes"],
        ] {
            #expect(Usage.check(runs) == nil, "\(runs)")
        }
    }

    @Test func acceptLanguagePicksChineseForAnyChineseVariant() {
        #expect(Catalogue.shared.negotiate("zh-CN,zh;q=0.9,en;q=0.8")?.code == "zh-Hans")
        #expect(Catalogue.shared.negotiate("fr-FR, en;q=0.5")?.code == "en")
        #expect(Catalogue.shared.negotiate("de") == nil)
    }
}

@Suite struct SessionTests {
    @Test func aFocalPointSignsInSeesTheirUnitInChineseAndSignsOut() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            browser.language = "zh-CN,zh;q=0.9"
            #expect(try await browser.signIn("focal.bangladesh"))
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("lang=\"zh-Hans\""))
            #expect(home.body.string.contains("Bangladesh"))
            #expect(home.body.string.contains("BCP 协调人"))
            #expect(home.body.readableBytes < 50_000)
            try await browser.post(AppPath.signOut.path)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func aWrongPasswordAndAnUnknownNameGetTheSameAnswerAndRepeatedFailuresLock() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let wrong = try await browser.post(
                AppPath.signIn.path, ["username": "admin", "password": "nope-nope-nope"])
            let unknown = try await browser.post(
                AppPath.signIn.path, ["username": "nobody.here", "password": "nope-nope-nope"])
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.body.string.contains("The user name or password is not right"))
            #expect(unknown.body.string.contains("The user name or password is not right"))
            for _ in 0..<10 {
                _ = try await browser.post(AppPath.signIn.path, ["username": "admin", "password": "nope-nope-nope"])
            }
            let locked = try await browser.post(
                AppPath.signIn.path, ["username": "admin", "password": DemoData.password])
            #expect(locked.status == .tooManyRequests)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == .signInFailed).count()
            #expect(audit >= 9)
        }
    }

    @Test func changingThePasswordEndsTheOtherSessionsButNotThisOne() async throws {
        try await withTestApp { app in
            let laptop = Browser(app), phone = Browser(app)
            #expect(try await laptop.signIn("focal.bangladesh"))
            #expect(try await phone.signIn("focal.bangladesh"))
            let changed = try await laptop.post(
                AppPath.accountPassword.path,
                [
                    "current": DemoData.password, "password": "a brand new passphrase",
                    "confirmation": "a brand new passphrase",
                ])
            #expect(changed.status == .seeOther)
            #expect(try await laptop.get("/").status == .ok)
            #expect(try await phone.get("/").status == .seeOther)
            try await laptop.post(AppPath.signOut.path)
            #expect(try await laptop.get("/").status == .seeOther)
            #expect(try await UserSession.query(on: app.db).count() == 0)
            #expect(try await Browser(app).signIn("focal.bangladesh", "a brand new passphrase"))
        }
    }

    @Test func anExpiredSessionOrADeactivatedAccountNoLongerSignsIn() async throws {
        try await withTestApp { app in
            let browser = Browser(app), other = Browser(app)
            #expect(try await browser.signIn("contributor.bangladesh"))
            #expect(try await other.signIn("staff.coxsbazar"))
            try await UserSession.query(on: app.db).filter(
                \.$user.$id == user("contributor.bangladesh", app).requireID()
            )
            .set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            #expect(try await browser.get("/").status == .seeOther)
            let staff = try await user("staff.coxsbazar", app)
            staff.isActive = false
            try await staff.save(on: app.db)
            #expect(try await other.get("/").status == .seeOther)
            #expect(try await other.signIn("staff.coxsbazar") == false)
        }
    }

    @Test func aFormWithoutTheAntiForgeryTokenIsRefusedAndChangesNothing() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            #expect(try await browser.signIn("admin"))
            let kenya = try await unit("KEN", app)
            let response = try await browser.post(AppPath.unitEdit(kenya.id!).path, ["name": "Hacked"], csrf: false)
            #expect(response.status == .forbidden)
            #expect(try await unit("KEN", app).name == "Kenya")
        }
    }
}

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
            let first = try await browser.get("/users?per=4").body.string
            #expect(first.contains("after=hq.oversight") && !first.contains("rel=\"prev\""))
            let second = try await browser.get("/users?per=4&after=contributor.bangladesh").body.string
            #expect(
                second.contains(">hq.oversight<") && second.contains("before=focal.bangladesh")
                    && second.contains("after=reviewer.asia"))
            let back = try await browser.get("/users?per=4&before=focal.bangladesh").body.string
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

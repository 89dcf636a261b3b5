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

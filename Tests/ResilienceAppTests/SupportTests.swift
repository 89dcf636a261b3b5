import Foundation
import SQLKit
import Testing

@testable import ResilienceApp

/// The helpers every request goes through: kept pages, escaping, token hashes.
@Suite struct SupportTests {
    @Test func everyStandInIsReplacedAndTheTextAroundItKept() {
        let page = "<form><input value=\"TOKEN\"></form>——中文<form><input value=\"TOKEN\"></form>TOKEN"
        #expect(
            page.replacingBytes("TOKEN", with: "a1b2")
                == "<form><input value=\"a1b2\"></form>——中文<form><input value=\"a1b2\"></form>a1b2")
        #expect("no stand-in here".replacingBytes("TOKEN", with: "x") == "no stand-in here")
        #expect("TOKTOKEN".replacingBytes("TOKEN", with: "x") == "TOKx")
        #expect("".replacingBytes("TOKEN", with: "x") == "")
    }

    @Test func textIsEscapedForHTMLOnce() {
        #expect(HTMLEscape.escape("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d")
        #expect(Charts.escape("R&D <1>") == "R&amp;D &lt;1&gt;")
    }

    @Test func aTokenIsStoredAsTheHexOfItsSHA256() {
        #expect(TokenAuth.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func theKeptPagesStayWithinTheirBudgetAndTheLeastRecentlyUsedGoFirst() {
        let cache = RenderCache(budget: 100)
        var renders = 0
        let page = { (key: String) in
            cache.cached(key) {
                renders += 1; return String(repeating: "x", count: 40)
            }
        }
        _ = page("a"); _ = page("b")
        _ = page("a")  // used again: "b" is now the oldest
        _ = page("c")  // 120 bytes: "b" goes
        #expect(renders == 3)
        _ = page("a"); _ = page("c")
        #expect(renders == 3)
        _ = page("b")
        #expect(renders == 4)
    }
}

/// A read written once for both databases: on SQLite each `$n` of its text becomes the n-th value.
@Suite struct PreparedReadTests {
    struct Read: PreparedRead {
        static let sql = "SELECT $1 AS a, '$' || $2 AS b, $1 AS c, $9 AS d"
        var parameters: [PreparedParameter]
    }

    @Test func eachNumberedParameterIsBoundAndOtherDollarsKept() async throws {
        try await withTestApp(demo: false) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let (text, binds) = sql.serialize(Read.query(Read.sql, [.string("x"), .string("y")]))
            let placeholder = sql.dialect.name == "sqlite" ? "?" : "$"
            #expect(text == "SELECT \(placeholder)1 AS a, '$' || \(placeholder)2 AS b, \(placeholder)3 AS c, $9 AS d")
            #expect(binds.count == 3)
        }
    }

    @Test func theSameReadAnswersOnEitherDatabase() async throws {
        struct Values: PreparedRead {
            static let sql =
                "SELECT CAST($1 AS TEXT) AS a, CAST($2 AS TEXT) AS b, CASE WHEN CAST($3 AS UUID) IS NULL THEN 1 ELSE 0 END AS none"
            var parameters: [PreparedParameter]
        }
        try await withTestApp(demo: false) { app in
            for _ in 1...3 {  // prepared once, then reused on the connection
                let rows = try await Values(parameters: [.string("x"), .string("中文"), .uuid(nil)]).all(on: app.db)
                #expect(rows.count == 1)
                #expect(try rows[0].decode(column: "a", as: String.self) == "x")
                #expect(try rows[0].decode(column: "b", as: String.self) == "中文")
                #expect(try rows[0].decode(column: "none", as: Int.self) == 1)
            }
        }
    }
}

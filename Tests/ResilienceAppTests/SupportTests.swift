import Foundation
import SQLKit
import Testing

@testable import ResilienceApp

/// The helpers every request goes through: kept pages, escaping, token hashes.
@Suite struct SupportTests {
    /// Counts how often a value is made.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func next() -> Int {
            lock.withLock {
                n += 1; return n
            }
        }
        var count: Int { lock.withLock { n } }
    }

    struct Refused: Error {}

    /// Sixteen requests missing the same page at once: it is made once, and all sixteen get it.
    @Test func aValueAskedForSixteenTimesAtOnceIsMadeOnce() async throws {
        let cache = KeptCache(budget: 1 << 20)
        let made = Counter()
        let key = KeptCache.Key<String>(.page, ["herd"])
        let pages = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    await cache.value(key) {
                        _ = made.next()
                        try? await Task.sleep(for: .milliseconds(50))
                        return "page"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(pages == Array(repeating: "page", count: 16))
        #expect(made.count == 1)
    }

    /// When making it fails, those who waited make it themselves rather than fail with it.
    @Test func whenMakingAValueFailsThoseWaitingMakeItThemselves() async throws {
        let cache = KeptCache(budget: 1 << 20)
        let made = Counter()
        let key = KeptCache.Key<String>(.page, ["fails first"])
        let pages = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try? await cache.value(key) {
                        let n = made.next()
                        try await Task.sleep(for: .milliseconds(50))
                        if n == 1 { throw Refused() }
                        return "page"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(pages.filter { $0 == nil }.count == 1)
        #expect(pages.filter { $0 == "page" }.count == 3)
    }

    @Test func everyHoleOfAStencilIsFilledAndTheTextAroundItKept() {
        let csrf = Stencil.marker(.csrf), content = Stencil.marker(.content)
        let stencil = Stencil("<form><input value=\"\(csrf)\"></form>——中文<main>\(content)</main>\(csrf)")
        #expect(
            stencil.filled([.csrf: "a1b2", .content: "<p>页</p>"])
                == "<form><input value=\"a1b2\"></form>——中文<main><p>页</p></main>a1b2")
        #expect(Stencil("no hole here").filled([.csrf: "x"]) == "no hole here")
        #expect(Stencil("").filled([.csrf: "x"]) == "")
        #expect(Stencil(csrf).filled([:]) == "")
    }

    /// What fills a hole is never taken for another hole, and text that looks like one of the
    /// old fixed stand-ins is text.
    @Test func aStencilFillsOnlyItsOwnHoles() {
        let stencil = Stencil("<main>\(Stencil.marker(.content))</main><i>csrf-stand-in-7f3a9c</i>")
        let filled = stencil.filled([.content: "typed: \(Stencil.marker(.csrf))", .csrf: "TOKEN"])
        #expect(filled == "<main>typed: \(Stencil.marker(.csrf))</main><i>csrf-stand-in-7f3a9c</i>")
        #expect(
            !Stencil.marker(.csrf).contains("<") && HTMLEscape.escape(Stencil.marker(.csrf)) == Stencil.marker(.csrf))
    }

    @Test func textIsEscapedForHTMLOnce() {
        #expect(HTMLEscape.escape("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d")
        #expect(Charts.escape("R&D <1>") == "R&amp;D &lt;1&gt;")
    }

    @Test func aTokenIsStoredAsTheHexOfItsSHA256() {
        #expect(TokenAuth.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func theCacheStaysWithinItsBudgetAndTheLeastRecentlyUsedGoFirst() {
        let cache = KeptCache(budget: 100)
        var renders = 0
        let page = { (key: String) in
            cache.cached(KeptCache.Key<String>(.page, [key])) {
                renders += 1; return String(repeating: "x", count: 40)
            }
        }
        _ = page("a"); _ = page("b")
        _ = page("a")  // used again: "b" is now the oldest
        _ = page("c")  // 120 bytes: "b" goes
        #expect(renders == 3)
        #expect(cache.bytes <= 100)
        _ = page("a"); _ = page("c")
        #expect(renders == 3)
        _ = page("b")
        #expect(renders == 4)
    }

    /// Values of different kinds and types never answer for one another, and every kind counts
    /// against the one budget.
    @Test func keysOfDifferentKindsAreApartAndShareOneBudget() {
        let cache = KeptCache(budget: 1000)
        let page = cache.cached(KeptCache.Key<String>(.page, ["x"])) { "page" }
        let frame = cache.cached(KeptCache.Key<Stencil>(.frame, ["x"]), cost: \.bytes) { Stencil("frame") }
        let counts = cache.cached(KeptCache.Key<[Int]>(.heatMap, ["x"]), cost: { _ in 900 }) { [1, 2] }
        #expect(page == "page" && frame.filled([:]) == "frame" && counts == [1, 2])
        #expect(cache.cached(KeptCache.Key<String>(.page, ["x"])) { "again" } == "page")
        // 4 + 5 + 900 bytes; one more page of 200 pushes out the oldest until within nine tenths.
        _ = cache.cached(KeptCache.Key<String>(.page, ["y"])) { String(repeating: "y", count: 200) }
        #expect(cache.bytes <= 900)
        #expect(cache.cached(KeptCache.Key<[Int]>(.heatMap, ["x"]), cost: { _ in 900 }) { [3] } == [3])
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

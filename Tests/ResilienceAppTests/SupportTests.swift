import Testing
@testable import ResilienceApp

/// The helpers every request goes through: kept pages, escaping, token hashes.
@Suite struct SupportTests {
    @Test func everyStandInIsReplacedAndTheTextAroundItKept() {
        let page = "<form><input value=\"TOKEN\"></form>——中文<form><input value=\"TOKEN\"></form>TOKEN"
        #expect(page.replacingBytes("TOKEN", with: "a1b2") == "<form><input value=\"a1b2\"></form>——中文<form><input value=\"a1b2\"></form>a1b2")
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
        let page = { (key: String) in cache.cached(key) { renders += 1; return String(repeating: "x", count: 40) } }
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

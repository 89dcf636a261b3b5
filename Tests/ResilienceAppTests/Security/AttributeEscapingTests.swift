import Foundation
@preconcurrency import Plot
import Testing

@testable import ResilienceApp

/// The app's own form helpers write typed text into attributes escaped (see
/// `Attribute+Escaped.swift`; the browser tests check whole pages). Only app functions are called
/// here: the test module sees both Plot's and the app's declarations, so the shadowing holds
/// inside the app alone.
@Suite struct AttributeEscapingTests {
    static let hostile = #"x"><base href="http://127.0.0.1:18099/">'&"#
    static let escaped = "x&quot;&gt;&lt;base href=&quot;http://127.0.0.1:18099/&quot;&gt;&#39;&amp;"

    @Test func formsWriteTypedTextEscapedIntoValuesOptionsAndActions() {
        let form = FormState(values: ["title": Self.hostile, "kind": Self.hostile])
        let text: BodyNode = FormField.text("title", Self.hostile, form, hint: Self.hostile)
        let select: BodyNode = FormField.select(
            "kind", "Kind", form, options: [(value: Self.hostile, label: Self.hostile)])
        let posted: BodyNode = postForm(Self.hostile, csrf: Self.hostile, text)
        for node in [text, select, posted] {
            let html = node.render()
            #expect(!html.contains("<base"), "\(html)")
            #expect(html.contains(Self.escaped), "\(html)")
        }
        #expect(text.render().contains(#"value=""# + Self.escaped + #"""#))
        #expect(select.render().contains(#"<option value=""# + Self.escaped + #"" selected="selected">"#))
        #expect(posted.render().contains(#"action=""# + Self.escaped + #"""#))
    }
}

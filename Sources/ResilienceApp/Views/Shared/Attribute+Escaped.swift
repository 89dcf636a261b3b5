import Foundation
@preconcurrency import Plot

// Plot writes attribute values as they are given: a quote in a scenario's title would end the
// `value="…"` it is shown in, and what follows would become markup (a `<base href>` that sends
// every link elsewhere). Every Plot function this app writes an attribute with is declared again
// here, with the same signature: declarations of the module being compiled shadow those of the
// modules it imports, so `.value(x)` anywhere in the app means the one below, which escapes `x`
// through `HTMLEscape.escape`. `AttributeEscapingTests` renders the form helpers with a hostile
// value, and the browser tests (`test_hostile_text.py`) check the DOM of the pages that show it. A Plot function not listed here must not be used
// with text from outside; add it here first.

/// What a link points to, as text (Plot keeps its own conversion internal).
private func linkText(_ url: URLRepresentable) -> String {
    (url as? URL)?.absoluteString ?? "\(url)"
}

extension Attribute {
    /// A custom attribute, its value escaped.
    static func attribute(named name: String, value: String?) -> Self {
        Attribute(name: name, value: value.map(HTMLEscape.escape))
    }
}

extension Node {
    /// A custom attribute, its value escaped.
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(
            Attribute(name: name, value: value.map(HTMLEscape.escape), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Attribute { .attribute(named: "class", value: className) }
    static func title(_ title: String) -> Attribute { .attribute(named: "title", value: title) }
    static func data(named name: String, value: String) -> Attribute { .attribute(named: "data-" + name, value: value) }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
    static func title(_ title: String) -> Node { .attribute(named: "title", value: title) }
    static func data(named name: String, value: String) -> Node { .attribute(named: "data-" + name, value: value) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { .attribute(named: "name", value: name) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { .attribute(named: "value", value: value) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Attribute { .attribute(named: "href", value: linkText(url)) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Node { .attribute(named: "href", value: linkText(url)) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: URLRepresentable) -> Node { .attribute(named: "action", value: linkText(url)) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { .attribute(named: "placeholder", value: placeholder) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .attribute(named: "placeholder", value: placeholder) }
}

extension Attribute where Context == HTML.MetaContext {
    static func content(_ content: String) -> Attribute { .attribute(named: "content", value: content) }
}

extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { .attribute(named: "alt", value: text) }
}

extension Node where Context == HTML.HeadContext {
    /// The page's title for browsers. Plot's own also copies it, unescaped, into `og:title` and
    /// `twitter:title` meta tags, which pages behind a sign-in have no use for.
    static func title(_ title: String) -> Node { .element(named: "title", nodes: [.safe(title)]) }
}

extension Node {
    /// Text between tags. Plot's own leaves anything that looks like an entity as it is, so a
    /// title typed as `R&amp;D` was shown as `R&D`; every character typed is shown as typed.
    static func text(_ text: String) -> Node { .raw(HTMLEscape.escape(text)) }
}

@preconcurrency import Plot

/// The fields of every form: a label, the control, a hint, and the error beside it.
enum FormField {
    static func text(
        _ name: String, _ label: String, _ form: FormState, type: HTMLInputType = .text,
        required: Bool = false, autocomplete: String? = nil, hint: String? = nil,
        keepValue: Bool = true
    ) -> BodyNode {
        let error = form.errors[name]
        var attributes: [Attribute<HTML.InputContext>] = [
            .type(type), .id("f-\(name)"), .name(name), .value(keepValue ? form[name] : ""),
        ]
        if required { attributes.append(.required(true)) }
        if let autocomplete { attributes.append(.attribute(named: "autocomplete", value: autocomplete)) }
        if error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        let described = describedBy(name, error: error, hint: hint)
        if !described.isEmpty { attributes.append(.attribute(named: "aria-describedby", value: described)) }
        return wrap(name, label, error: error, hint: hint, .selfClosedElement(named: "input", attributes: attributes))
    }

    /// A unit, typed by name or code; where JavaScript runs, the units whose name or code holds
    /// what is typed are offered as it is typed (see `app.js`).
    static func unit(_ name: String, _ label: String, _ form: FormState, hint: String) -> BodyNode {
        let error = form.errors[name]
        var attributes: [Attribute<HTML.InputContext>] = [
            .type(.text), .id("f-\(name)"), .name(name), .value(form[name]), .required(true),
            .attribute(named: "autocomplete", value: "off"), .attribute(named: "list", value: "f-\(name)-units"),
            .attribute(named: "data-suggest", value: AppPath.unitSuggestions.path),
        ]
        if error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        let described = describedBy(name, error: error, hint: hint)
        if !described.isEmpty { attributes.append(.attribute(named: "aria-describedby", value: described)) }
        return wrap(
            name, label, error: error, hint: hint,
            .group(
                .selfClosedElement(named: "input", attributes: attributes),
                .element(named: "datalist", nodes: [.id("f-\(name)-units")])))
    }

    static func select(
        _ name: String, _ label: String, _ form: FormState, options: [(value: String, label: String)],
        hint: String? = nil
    ) -> BodyNode {
        let error = form.errors[name]
        return wrap(
            name, label, error: error, hint: hint,
            .select(
                .attribute(named: "id", value: "f-\(name)"), .attribute(named: "name", value: name),
                .if(error != nil, .attribute(named: "aria-invalid", value: "true")),
                .forEach(options) { option in
                    .element(
                        named: "option",
                        nodes: [
                            // An empty value is a choice too ("as my browser"): without the attribute the
                            // browser would send the label instead.
                            .attribute(named: "value", value: option.value, ignoreIfValueIsEmpty: false),
                            .if(option.value == form[name], .attribute(named: "selected", value: "selected")),
                            .text(option.label),
                        ])
                }))
    }

    /// A select of a list's filter form (a GET form above a list): label, then the choices.
    static func filter(_ name: String, _ label: String, _ value: String?, _ options: [(String, String)]) -> BodyNode {
        .group(
            .label(.for("f-\(name)-filter"), .safe(label)),
            .select(
                .attribute(named: "id", value: "f-\(name)-filter"), .attribute(named: "name", value: name),
                .forEach(options) { option($0.0, $0.1, selected: $0.0 == (value ?? "")) }))
    }

    static func checkbox(_ name: String, _ label: String, _ form: FormState) -> BodyNode {
        let error = form.errors[name]
        return .div(
            .class(error == nil ? "field check" : "field check invalid"),
            .input(.type(.checkbox), .id("f-\(name)"), .name(name), .value("true"), .checked(form[name] == "true")),
            .label(.for("f-\(name)"), .text(label)),
            .unwrap(error) { .p(.class("error"), .id("f-\(name)-error"), .text($0)) })
    }

    static func submit(_ label: String) -> BodyNode {
        .div(.class("actions"), .button(.type(.submit), .class("primary"), .text(label)))
    }

    /// The message at the top of a form that came back with errors.
    static func summary(_ form: FormState) -> BodyNode {
        .unwrap(form.summary) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) }
    }

    static func wrap(_ name: String, _ label: String, error: String?, hint: String?, _ control: BodyNode) -> BodyNode {
        .div(
            .class(error == nil ? "field" : "field invalid"),
            .label(.for("f-\(name)"), .text(label)),
            control,
            .unwrap(hint) { .p(.class("hint"), .id("f-\(name)-hint"), .text($0)) },
            .unwrap(error) { .p(.class("error"), .id("f-\(name)-error"), .text($0)) })
    }

    private static func describedBy(_ name: String, error: String?, hint: String?) -> String {
        [hint.map { _ in "f-\(name)-hint" }, error.map { _ in "f-\(name)-error" }].compactMap { $0 }.joined(
            separator: " ")
    }
}

extension FormField {
    static func textarea(
        _ name: String, _ label: String, _ form: FormState, rows: Int = 3, hint: String? = nil
    ) -> BodyNode {
        let error = form.errors[name]
        return wrap(
            name, label, error: error, hint: hint,
            .textarea(
                .attribute(named: "id", value: "f-\(name)"), .attribute(named: "name", value: name),
                .attribute(named: "rows", value: String(rows)),
                .if(error != nil, .attribute(named: "aria-invalid", value: "true")),
                .if(hint != nil, .attribute(named: "aria-describedby", value: "f-\(name)-hint")),
                .text(form[name])))
    }

    /// Several checkboxes under one legend, each named `name.value`.
    static func checkboxes(
        _ name: String, _ legend: String, _ form: FormState, options: [(value: String, label: String)]
    ) -> BodyNode {
        fieldset(
            form.errors[name] == nil ? "field checks" : "field checks invalid", legend,
            .forEach(options) { option in
                .div(
                    .class("check"),
                    .input(
                        .type(.checkbox), .id("f-\(name)-\(option.value)"), .name("\(name)-\(option.value)"),
                        .value("true"),
                        .checked(form["\(name)-\(option.value)"] == "true")),
                    .label(.for("f-\(name)-\(option.value)"), .text(option.label)))
            },
            .unwrap(form.errors[name]) { .p(.class("error"), .id("f-\(name)-error"), .text($0)) })
    }
}

/// A fieldset with its legend.
func fieldset(_ className: String, _ legend: String, _ nodes: BodyNode...) -> BodyNode {
    .element(named: "fieldset", nodes: [.class(className), .element(named: "legend", text: legend)] + nodes)
}

import Foundation
@preconcurrency import Plot
import ResilienceCore

/// Section 3, the critical processes: the largest form, with rows of minimum staff and dependencies.
extension ListSpec {
    // MARK: 3. Critical processes

    static var processes: ListSpec {
        make(
            .processes, "processes", \.processes, name: \.name,
            headers: { t in [t("plan.classification"), t("plan.pc"), t("plan.minimum_staff"), t("plan.alternatives")] },
            cells: { p, _, t in
                [
                    .safe(p.classification.map { t("classification.\($0.rawValue)") } ?? "—"),
                    .safe(p.programmeCriticality.map { $0.rawValue.uppercased() } ?? "—"),
                    .safe("\(p.staff.count) / \(p.minimumStaffCount)"), .safe(String(p.alternatives.count)),
                ]
            },
            values: processValues, fields: processFields, parse: parseProcess)
    }

    static func processValues(_ p: CriticalProcess) -> [String: String] {
        var values = [
            "name": p.name, "programmeCriticality": p.programmeCriticality?.rawValue ?? "",
            "classification": p.classification?.rawValue ?? "", "minimumStaffCount": String(p.minimumStaffCount),
            "alternatives": p.alternatives.joined(separator: "\n"),
        ]
        for c in p.criteria { values["criteria-\(c.rawValue)"] = "true" }
        for r in p.resources { values["resources-\(r.rawValue)"] = "true" }
        for s in p.siteIDs { values["siteIDs-\(s.uuidString.lowercased())"] = "true" }
        for (i, s) in p.staff.enumerated() {
            values["staff-\(i)-name"] = s.name; values["staff-\(i)-role"] = s.role;
            values["staff-\(i)-briefed"] = s.briefed ? "true" : ""
        }
        for (i, d) in p.dependencies.enumerated() {
            values["dependencies-\(i)-kind"] = d.kind.rawValue; values["dependencies-\(i)-name"] = d.name
            values["dependencies-\(i)-recoveryHours"] = d.recoveryHours.map { PlanChecks.hours($0) } ?? ""
        }
        return values
    }

    static func processFields(_ form: FormState, _ t: Localizer, _ context: PlanFormContext) -> BodyNode {
        let staffRows = rowCount(form, "staff", blank: 3), dependencyRows = rowCount(form, "dependencies", blank: 2)
        return .group(
            FormField.text("name", t("field.name"), form, required: true),
            FormField.checkboxes(
                "criteria", t("plan.criteria"), form, options: options(ProcessCriterion.self, "criterion", t)),
            FormField.select(
                "programmeCriticality", t("plan.pc"), form,
                options: [("", t("common.none"))]
                    + ProgrammeCriticality.allCases.map { ($0.rawValue, $0.rawValue.uppercased()) },
                hint: t("plan.pc_hint")),
            FormField.select(
                "classification", t("plan.classification"), form,
                options: options(ProcessClassification.self, "classification", t, empty: t("common.choose"))),
            FormField.text("minimumStaffCount", t("plan.minimum_staff_count"), form, type: .number),
            fieldset(
                "rows", t("plan.minimum_staff"),
                .p(.class("hint"), .safe(t("plan.staff_hint"))),
                .element(
                    named: "datalist",
                    nodes: [
                        .id("people"),
                        .forEach(context.people) {
                            .element(named: "option", nodes: [.attribute(named: "value", value: $0)])
                        },
                    ]),
                .table(
                    .class("rows"),
                    .thead(
                        .tr(
                            .th(.safe(t("field.name"))), .th(.safe(t("plan.staff_role"))), .th(.safe(t("plan.briefed")))
                        )),
                    .tbody(
                        .forEach(0..<staffRows) { i in
                            .tr(
                                .td(rowInput("staff-\(i)-name", form, t("field.name"), list: "people")),
                                .td(rowInput("staff-\(i)-role", form, t("plan.staff_role"))),
                                .td(
                                    .input(
                                        .type(.checkbox), .name("staff-\(i)-briefed"), .value("true"),
                                        .checked(form["staff-\(i)-briefed"] == "true"),
                                        .attribute(named: "aria-label", value: t("plan.briefed")))))
                        }))),
            FormField.checkboxes(
                "resources", t("plan.resources"), form, options: options(ResourceKind.self, "resource", t)),
            fieldset(
                "rows", t("plan.dependencies"),
                .p(.class("hint"), .safe(t("plan.dependencies_hint"))),
                .table(
                    .class("rows"),
                    .thead(
                        .tr(
                            .th(.safe(t("plan.dependency_kind"))), .th(.safe(t("field.name"))),
                            .th(.safe(t("plan.recovery_hours"))))),
                    .tbody(
                        .forEach(0..<dependencyRows) { i in
                            .tr(
                                .td(
                                    rowSelect(
                                        "dependencies-\(i)-kind", form, t("plan.dependency_kind"),
                                        options(DependencyKind.self, "dependency", t))),
                                .td(rowInput("dependencies-\(i)-name", form, t("field.name"))),
                                .td(
                                    rowInput(
                                        "dependencies-\(i)-recoveryHours", form, t("plan.recovery_hours"),
                                        type: "number")))
                        }))),
            FormField.textarea(
                "alternatives", t("plan.alternatives"), form, rows: 3, hint: t("plan.alternatives_hint")),
            .if(
                !context.sites.isEmpty,
                FormField.checkboxes(
                    "siteIDs", t("plan.process_sites"), form,
                    options: context.sites.map { ($0.id.uuidString.lowercased(), $0.name) })))
    }

    static func rowInput(
        _ name: String, _ form: FormState, _ label: String, list: String? = nil, type: String = "text"
    ) -> BodyNode {
        var attributes: [Attribute<HTML.InputContext>] = [
            .attribute(named: "type", value: type), .name(name), .id("f-\(name)"), .value(form[name]),
            .attribute(named: "aria-label", value: label),
        ]
        if type == "number" { attributes.append(.attribute(named: "step", value: "any")) }
        if let list { attributes.append(.attribute(named: "list", value: list)) }
        if form.errors[name] != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        return .group(
            .selfClosedElement(named: "input", attributes: attributes),
            .unwrap(form.errors[name]) { .p(.class("error"), .id("f-\(name)-error"), .safe($0)) })
    }

    static func rowSelect(
        _ name: String, _ form: FormState, _ label: String, _ options: [(value: String, label: String)]
    ) -> BodyNode {
        .group(
            .select(
                .attribute(named: "name", value: name), .attribute(named: "id", value: "f-\(name)"),
                .attribute(named: "aria-label", value: label),
                .forEach(options) { o in
                    .element(
                        named: "option",
                        nodes: [
                            .attribute(named: "value", value: o.value, ignoreIfValueIsEmpty: false),
                            .if(o.value == form[name], .attribute(named: "selected", value: "selected")),
                            .safe(o.label),
                        ])
                }),
            .unwrap(form.errors[name]) { .p(.class("error"), .id("f-\(name)-error"), .safe($0)) })
    }

    static func parseProcess(
        _ form: [String: String], _ old: CriticalProcess?, _ people: [String: String]
    ) throws -> CriticalProcess {
        var v = ValidationCollector()
        let name = try v.check { try TextRules.name(form["name"], field: "name") }
        let pc: ProgrammeCriticality?? = try v.check {
            try choice(form["programmeCriticality"], "programmeCriticality", optional: true)
        }
        let classification: ProcessClassification?? = try v.check {
            try choice(form["classification"], "classification", optional: true)
        }
        let minimum = try v.check {
            try TextRules.integer(
                form["minimumStaffCount"], field: "minimumStaffCount", in: 0...Bounds.maximumStaff, empty: 0)
        }
        var staff: [StaffAssignment] = []
        let staffIndexes = Set(
            form.keys.compactMap { key -> Int? in
                guard key.hasPrefix("staff-") else { return nil }
                return Int(key.dropFirst(6).prefix { $0.isNumber })
            }
        ).sorted()
        for i in staffIndexes {
            let typed = (form["staff-\(i)-name"] ?? "").trimmingCharacters(in: .whitespaces)
            if typed.isEmpty { continue }
            guard let personName = try v.check({ try TextRules.name(typed, field: "staff-\(i)-name") }) else {
                continue
            }
            let role =
                try v.check { try TextRules.optional(form["staff-\(i)-role"], field: "staff-\(i)-role", max: 200) }
                ?? nil
            let person = people[personName] ?? StaffAssignment.unlisted(personName)
            staff.append(
                StaffAssignment(
                    person: person, name: personName, role: role ?? "", briefed: form["staff-\(i)-briefed"] == "true"))
        }
        var dependencies: [Dependency] = []
        let dependencyIndexes = Set(
            form.keys.compactMap { key -> Int? in
                guard key.hasPrefix("dependencies-") else { return nil }
                return Int(key.dropFirst(13).prefix { $0.isNumber })
            }
        ).sorted()
        for i in dependencyIndexes {
            let typed = (form["dependencies-\(i)-name"] ?? "").trimmingCharacters(in: .whitespaces)
            if typed.isEmpty { continue }
            let kind: DependencyKind?? = try v.check {
                try choice(form["dependencies-\(i)-kind"], "dependencies-\(i)-kind")
            }
            let hours = try v.check {
                try TextRules.hours(
                    form["dependencies-\(i)-recoveryHours"], field: "dependencies-\(i)-recoveryHours", positive: false)
            }
            if let name = try v.check({ try TextRules.name(typed, field: "dependencies-\(i)-name") }),
                let kind = kind ?? nil
            {
                dependencies.append(Dependency(kind: kind, name: name, recoveryHours: hours ?? nil))
            }
        }
        let alternatives = lines(form["alternatives"])
        try v.finish()
        var p = old ?? CriticalProcess(name: name!)
        p.name = name!
        p.criteria = Set(ProcessCriterion.allCases.filter { form["criteria-\($0.rawValue)"] == "true" })
        p.programmeCriticality = pc ?? nil
        p.classification = classification ?? nil
        p.minimumStaffCount = minimum!
        p.staff = staff
        p.resources = Set(ResourceKind.allCases.filter { form["resources-\($0.rawValue)"] == "true" })
        p.dependencies = dependencies
        p.alternatives = alternatives
        p.siteIDs = form.keys.filter { $0.hasPrefix("siteIDs-") && form[$0] == "true" }.compactMap {
            UUID(uuidString: String($0.dropFirst(8)))
        }
        .sorted { $0.uuidString < $1.uuidString }
        return p
    }
}

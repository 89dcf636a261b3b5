import Foundation
@preconcurrency import Plot
import ResilienceCore

/// What an item form needs besides the item: the plan's sites and the unit's people.
struct PlanFormContext {
    var sites: [AlternateSite]
    /// Names offered for minimum staff: the unit's accounts and personnel records, and people
    /// already named in the plan.
    var people: [String]
}

/// How a list section of a plan is shown, filled in and changed: one description per section,
/// and the pages and routes are the same for all of them.
struct ListSpec {
    let section: PlanSection
    /// The list's name in the core's validation paths, e.g. `processes`.
    let key: String
    /// The heading of the column that names each item (and links to it).
    let nameHeader: String
    /// The headings of the other columns.
    let headers: (Localizer) -> [String]
    /// Each item: id, name, the other cells.
    let rows: (PlanContent, Localizer) -> [(id: UUID, name: String, cells: [BodyNode])]
    let values: (PlanContent, UUID) -> [String: String]?
    let fields: (FormState, Localizer, PlanFormContext) -> BodyNode
    /// Adds (id nil) or replaces an item from a form; returns what the audit line shows.
    let save:
        (inout PlanContent, UUID?, [String: String], [String: String]) throws -> (
            label: String, before: String, after: String
        )
    let move: (inout PlanContent, UUID, Int) -> (label: String, before: String, after: String)?
    let remove: (inout PlanContent, UUID) -> (label: String, before: String, after: String)?

    /// Form field names: `staff[0].name` in the core is `staff-0-name` in a form, which the
    /// form decoder leaves alone.
    static func formField(_ core: String) -> String {
        core.replacingOccurrences(of: "]", with: "").replacingOccurrences(of: "[", with: "-").replacingOccurrences(
            of: ".", with: "-")
    }

    static func make<Item: Identifiable & Codable>(
        _ section: PlanSection, _ key: String, _ list: WritableKeyPath<PlanContent, [Item]>,
        nameHeader: String = "field.name",
        name: @escaping (Item) -> String, headers: @escaping (Localizer) -> [String],
        cells: @escaping (Item, PlanContent, Localizer) -> [BodyNode],
        values: @escaping (Item) -> [String: String],
        fields: @escaping (FormState, Localizer, PlanFormContext) -> BodyNode,
        parse: @escaping ([String: String], Item?, [String: String]) throws -> Item,
        removeItem: @escaping (inout PlanContent, UUID) -> Item? = { content, id in nil }
    ) -> ListSpec where Item.ID == UUID {
        ListSpec(
            section: section, key: key, nameHeader: nameHeader, headers: headers,
            rows: { content, t in content[keyPath: list].map { ($0.id, name($0), cells($0, content, t)) } },
            values: { content, id in content[keyPath: list].first { $0.id == id }.map(values) },
            fields: fields,
            save: { content, id, form, people in
                let index = id.flatMap { id in content[keyPath: list].firstIndex { $0.id == id } }
                if id != nil && index == nil { throw DomainError(.notFound) }
                let old = index.map { content[keyPath: list][$0] }
                let item = try parse(form, old, people)
                if let index { content[keyPath: list][index] = item } else { content[keyPath: list].append(item) }
                return ("\(key): \(name(item))", old.map { PlanCodec.encode($0) } ?? "", PlanCodec.encode(item))
            },
            move: { content, id, step in
                guard let from = content[keyPath: list].firstIndex(where: { $0.id == id }) else { return nil }
                let to = from + step
                guard content[keyPath: list].indices.contains(to) else { return nil }
                content[keyPath: list].swapAt(from, to)
                return ("\(key): \(name(content[keyPath: list][to]))", String(from + 1), String(to + 1))
            },
            remove: { content, id in
                // A list whose items others refer to removes them its own way (sites: with the links).
                if let item = removeItem(&content, id) { return ("\(key): \(name(item))", PlanCodec.encode(item), "") }
                guard let index = content[keyPath: list].firstIndex(where: { $0.id == id }) else { return nil }
                let item = content[keyPath: list].remove(at: index)
                return ("\(key): \(name(item))", PlanCodec.encode(item), "")
            })
    }

    static func spec(_ section: PlanSection) -> ListSpec? {
        switch section {
        case .team: team
        case .scenarios: scenarios
        case .processes: processes
        case .sites: sites
        case .agreements: agreements
        case .exercises: exercises
        case .impact, .alternatives, .nationalStaff, .other: nil
        }
    }

    // MARK: Helpers for the descriptions below

    static func options<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, _ prefix: String, _ t: Localizer, empty: String? = nil
    )
        -> [(value: String, label: String)] where E.RawValue == String
    {
        (empty.map { [("", $0)] } ?? []) + E.allCases.map { ($0.rawValue, t("\(prefix).\($0.rawValue)")) }
    }

    static func choice<E: RawRepresentable>(
        _ raw: String?, _ field: String, optional: Bool = false
    ) throws(DomainError) -> E? where E.RawValue == String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            if optional { return nil }
            throw DomainError(.required, field: field)
        }
        guard let e = E(rawValue: value) else { throw DomainError(.invalidChoice, field: field) }
        return e
    }

    static func day(_ date: Date?) -> String { date.map(PlanChecks.isoDay) ?? "" }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    static func rowCount(_ form: FormState, _ prefix: String, blank: Int) -> Int {
        let used =
            form.values.keys.compactMap { key -> Int? in
                guard key.hasPrefix(prefix + "-") else { return nil }
                return Int(key.dropFirst(prefix.count + 1).prefix { $0.isNumber })
            }.max().map { $0 + 1 } ?? 0
        let filled = (0..<used).filter { !form["\(prefix)-\($0)-name"].trimmingCharacters(in: .whitespaces).isEmpty }
            .count
        return max(used, filled + blank)
    }

    // MARK: 1. Team

    static var team: ListSpec {
        make(
            .team, "team", \.team, name: \.name,
            headers: { t in [t("plan.function"), t("plan.lead"), t("plan.contact")] },
            cells: { m, _, t in
                [
                    .safe(t("team_function.\(m.function.rawValue)")), .safe(m.isLead ? t("common.yes") : ""),
                    .safe(m.contact ?? ""),
                ]
            },
            values: { m in
                [
                    "name": m.name, "function": m.function.rawValue, "isLead": m.isLead ? "true" : "",
                    "contact": m.contact ?? "",
                ]
            },
            fields: { form, t, _ in
                .group(
                    FormField.text("name", t("field.name"), form, required: true),
                    FormField.select(
                        "function", t("plan.function"), form, options: options(TeamFunction.self, "team_function", t)),
                    FormField.checkbox("isLead", t("plan.lead_hint"), form),
                    FormField.text("contact", t("plan.contact"), form, hint: t("plan.contact_hint")))
            },
            parse: { form, old, _ in
                var v = ValidationCollector()
                let name = try v.check { try TextRules.name(form["name"], field: "name") }
                let function: TeamFunction?? = try v.check { try choice(form["function"], "function") }
                let contact = try v.check { try TextRules.optional(form["contact"], field: "contact", max: 200) }
                try v.finish()
                var member = old ?? TeamMember(name: name!, function: function!!)
                member.name = name!; member.function = function!!; member.isLead = form["isLead"] == "true";
                member.contact = contact ?? nil
                return member
            })
    }

    // MARK: 2. Scenarios

    static var scenarios: ListSpec {
        make(
            .scenarios, "scenarios", \.scenarios, nameHeader: "plan.title_field", name: \.title,
            headers: { t in [t("plan.scenario_kind"), t("plan.description")] },
            cells: { s, _, t in [.safe(t("scenario_kind.\(s.kind.rawValue)")), .safe(s.description ?? "")] },
            values: { s in ["title": s.title, "kind": s.kind.rawValue, "description": s.description ?? ""] },
            fields: { form, t, _ in
                .group(
                    FormField.select(
                        "kind", t("plan.scenario_kind"), form, options: options(ScenarioKind.self, "scenario_kind", t)),
                    FormField.text("title", t("plan.title_field"), form, required: true),
                    FormField.textarea(
                        "description", t("plan.description"), form, rows: 4, hint: t("plan.scenario_hint")))
            },
            parse: { form, old, _ in
                var v = ValidationCollector()
                let title = try v.check { try TextRules.name(form["title"], field: "title") }
                let kind: ScenarioKind?? = try v.check { try choice(form["kind"], "kind") }
                let description = try v.check {
                    try TextRules.optional(form["description"], field: "description", max: PlanContent.maximumText)
                }
                try v.finish()
                var s = old ?? Scenario(kind: kind!!, title: title!)
                s.title = title!; s.kind = kind!!; s.description = description ?? nil
                return s
            })
    }

    // MARK: 6. Alternate sites

    static var sites: ListSpec {
        make(
            .sites, "sites", \.sites, name: \.name,
            headers: { t in [t("plan.address"), t("plan.workstations"), t("plan.contact"), t("plan.assets")] },
            cells: { s, _, t in
                [
                    .safe(s.address ?? ""), .safe(t.number(s.workstations)), .safe(s.contact ?? ""),
                    .safe(s.assetsToMove.joined(separator: ", ")),
                ]
            },
            values: { s in
                [
                    "name": s.name, "address": s.address ?? "", "workstations": String(s.workstations),
                    "equipment": s.equipment ?? "",
                    "contact": s.contact ?? "", "assetsToMove": s.assetsToMove.joined(separator: "\n"),
                ]
            },
            fields: { form, t, _ in
                .group(
                    FormField.text("name", t("field.name"), form, required: true),
                    FormField.textarea("address", t("plan.address"), form, rows: 2),
                    FormField.text("workstations", t("plan.workstations"), form, type: .number),
                    FormField.textarea("equipment", t("plan.equipment"), form, rows: 2, hint: t("plan.equipment_hint")),
                    FormField.text("contact", t("plan.contact"), form),
                    FormField.textarea("assetsToMove", t("plan.assets"), form, rows: 4, hint: t("plan.one_per_line")))
            },
            parse: { form, old, _ in
                var v = ValidationCollector()
                let name = try v.check { try TextRules.name(form["name"], field: "name") }
                let address = try v.check {
                    try TextRules.optional(form["address"], field: "address", max: PlanContent.maximumText)
                }
                let workstations = try v.check {
                    try TextRules.integer(
                        form["workstations"], field: "workstations", in: 0...Bounds.maximumWorkstations, empty: 0)
                }
                let equipment = try v.check {
                    try TextRules.optional(form["equipment"], field: "equipment", max: PlanContent.maximumText)
                }
                let contact = try v.check { try TextRules.optional(form["contact"], field: "contact", max: 200) }
                try v.finish()
                var s = old ?? AlternateSite(name: name!)
                s.name = name!; s.address = address ?? nil; s.workstations = workstations!;
                s.equipment = equipment ?? nil
                s.contact = contact ?? nil; s.assetsToMove = lines(form["assetsToMove"])
                return s
            },
            removeItem: { content, id in content.removeSite(id) })
    }

    // MARK: 7. Pre-arrangements

    static var agreements: ListSpec {
        make(
            .agreements, "agreements", \.agreements, nameHeader: "plan.partner", name: \.partner,
            headers: { t in [t("plan.agreement_kind"), t("plan.valid_from"), t("plan.valid_until")] },
            cells: { a, _, t in
                [
                    .safe(t("agreement_kind.\(a.kind.rawValue)")), .safe(t.date(a.validFrom)),
                    .safe(t.date(a.validUntil)),
                ]
            },
            values: { a in
                [
                    "partner": a.partner, "kind": a.kind.rawValue, "validFrom": day(a.validFrom),
                    "validUntil": day(a.validUntil),
                ]
            },
            fields: { form, t, _ in
                .group(
                    FormField.text("partner", t("plan.partner"), form, required: true, hint: t("plan.partner_hint")),
                    FormField.select(
                        "kind", t("plan.agreement_kind"), form,
                        options: options(AgreementKind.self, "agreement_kind", t)),
                    FormField.text("validFrom", t("plan.valid_from"), form, type: .date),
                    FormField.text("validUntil", t("plan.valid_until"), form, type: .date))
            },
            parse: { form, old, _ in
                var v = ValidationCollector()
                let partner = try v.check { try TextRules.name(form["partner"], field: "partner") }
                let kind: AgreementKind?? = try v.check { try choice(form["kind"], "kind") }
                let from = try v.check { try TextRules.day(form["validFrom"], field: "validFrom") } ?? nil
                let until = try v.check { try TextRules.day(form["validUntil"], field: "validUntil") } ?? nil
                if let from, let until, until < from { v.add(DomainError(.dateOrder, field: "validUntil")) }
                try v.finish()
                var a = old ?? Agreement(partner: partner!, kind: kind!!)
                a.partner = partner!; a.kind = kind!!; a.validFrom = from; a.validUntil = until
                return a
            })
    }

    // MARK: 9. Exercises

    static var exercises: ListSpec {
        make(
            .exercises, "exercises", \.exercises, nameHeader: "plan.exercise_date",
            name: { PlanChecks.isoDay($0.date) },
            headers: { t in [t("plan.exercise_kind"), t("plan.scope"), t("plan.next_date")] },
            cells: { e, _, t in
                [.safe(t("exercise_kind.\(e.kind.rawValue)")), .safe(e.scope ?? ""), .safe(t.date(e.nextDate))]
            },
            values: { e in
                [
                    "date": day(e.date), "kind": e.kind.rawValue, "scope": e.scope ?? "", "findings": e.findings ?? "",
                    "followUp": e.followUp ?? "", "nextDate": day(e.nextDate),
                ]
            },
            fields: { form, t, _ in
                .group(
                    FormField.text("date", t("plan.exercise_date"), form, type: .date, required: true),
                    FormField.select(
                        "kind", t("plan.exercise_kind"), form, options: options(ExerciseKind.self, "exercise_kind", t)),
                    FormField.textarea("scope", t("plan.scope"), form, rows: 2),
                    FormField.textarea("findings", t("plan.findings_field"), form, rows: 3),
                    FormField.textarea("followUp", t("plan.follow_up"), form, rows: 3),
                    FormField.text("nextDate", t("plan.next_date"), form, type: .date))
            },
            parse: { form, old, _ in
                var v = ValidationCollector()
                let date = try v.check { try TextRules.day(form["date"], field: "date") } ?? nil
                if date == nil && v.errors.isEmpty { v.add(DomainError(.required, field: "date")) }
                let kind: ExerciseKind?? = try v.check { try choice(form["kind"], "kind") }
                let scope = try v.check {
                    try TextRules.optional(form["scope"], field: "scope", max: PlanContent.maximumText)
                }
                let findings = try v.check {
                    try TextRules.optional(form["findings"], field: "findings", max: PlanContent.maximumText)
                }
                let followUp = try v.check {
                    try TextRules.optional(form["followUp"], field: "followUp", max: PlanContent.maximumText)
                }
                let next = try v.check { try TextRules.day(form["nextDate"], field: "nextDate") } ?? nil
                if let date, let next, next < date { v.add(DomainError(.dateOrder, field: "nextDate")) }
                try v.finish()
                var e = old ?? Exercise(date: date!, kind: kind!!)
                e.date = date!; e.kind = kind!!; e.scope = scope ?? nil; e.findings = findings ?? nil
                e.followUp = followUp ?? nil; e.nextDate = next
                return e
            })
    }
}

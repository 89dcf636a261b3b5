import Foundation
import ResilienceCore

/// The audit trail's fields and values as people read them: fields by their labels, codes by
/// their names, records referred to by their names, dates written out, and an item of a plan
/// (kept as JSON) as the fields that changed. Never a code, a key or raw JSON.
struct AuditReading {
    let t: Localizer
    /// Units and people the entries refer to by id, by name.
    let names: [UUID: String]

    /// One change as lines of "label: before → after".
    struct Line: Equatable { var label: String; var before: String; var after: String }

    func lines(entity: String, before: [String: String], after: [String: String]) -> [Line] {
        Set(before.keys).union(after.keys).sorted().flatMap { key -> [Line] in
            let (old, new) = (before[key] ?? "", after[key] ?? "")
            let label = field(entity, key)
            // An item of a plan, kept whole: the fields that changed, each on its own line.
            if let a = Self.object(old.isEmpty ? "{}" : old), let b = Self.object(new.isEmpty ? "{}" : new),
                !(old.isEmpty && new.isEmpty)
            {
                let changed = Set(a.keys).union(b.keys).subtracting(["id"]).sorted().filter {
                    Self.text(a[$0]) != Self.text(b[$0])
                }
                if old.isEmpty || new.isEmpty {
                    return [
                        Line(
                            label: label, before: old.isEmpty ? "" : t("audit.item"),
                            after: new.isEmpty ? "" : t("audit.item"))
                    ]
                        + changed.map {
                            Line(label: "\(label) › \(t.field($0))", before: value($0, a[$0]), after: value($0, b[$0]))
                        }
                }
                return changed.map {
                    Line(label: "\(label) › \(t.field($0))", before: value($0, a[$0]), after: value($0, b[$0]))
                }
            }
            return [Line(label: label, before: value(key, old), after: value(key, new))]
        }.filter { !($0.before.isEmpty && $0.after.isEmpty) }
    }

    /// Who made the change: a person by name; the system itself, and the command line, named
    /// in the reader's language.
    func actor(_ name: String?, id: UUID?) -> String {
        guard let name else { return "—" }
        if id == nil, ["system", "command line"].contains(name) {
            return t(name == "system" ? "audit.by_system" : "audit.by_command_line")
        }
        return name
    }

    /// An entry's summary as people read it. Summaries are written when the change is made, with
    /// codes in known places: a plan's "2026: submit" or "2026: processes: name", "Bangladesh 2026
    /// (empty)", a grant's "user: focal_point @ unit". Anything else is a name people gave.
    func summary(entity: String, _ summary: String) -> String {
        switch entity {
        case "plan":
            if let match = summary.wholeMatch(of: #/(\d{4}): (.+)/#) {
                let cycle = t("plan.cycle_title", String(match.output.1)), rest = String(match.output.2)
                if let move = ReviewMove(rawValue: rest) { return "\(cycle): \(t("review.move.\(move.rawValue)"))" }
                return "\(cycle): \(field(entity, rest))"
            }
            if let match = summary.wholeMatch(of: #/(.+) \((empty|in_force)\)/#) {
                return "\(match.output.1) (\(t("plan.start_\(match.output.2)")))"
            }
            return summary
        case "grant":
            if let match = summary.wholeMatch(of: #/(.+): ([a-z_]+) @ (.+)/#),
                let role = Role(rawValue: String(match.output.2))
            {
                return "\(match.output.1): \(t.role(role)) @ \(match.output.3)"
            }
            return summary
        default:
            return summary
        }
    }

    /// A field's label. A plan's change is named "section: item"; other fields by the catalogue.
    func field(_ entity: String, _ key: String) -> String {
        if entity == "plan", let colon = key.range(of: ": ") {
            let section = String(key[..<colon.lowerBound])
            let name = String(key[colon.upperBound...])
            if PlanSection(rawValue: section) != nil { return "\(t("section.\(section)")) › \(name)" }
        }
        if t.catalogue.has("audit.field.\(key)", in: t.code) { return t("audit.field.\(key)") }
        // A name given per language: `name_zh-Hans`.
        if key.hasPrefix("name_"), let language = Catalogue.shared.language(String(key.dropFirst(5))) {
            return t("audit.field.name_in", language.name)
        }
        if key.hasPrefix("full_name_"), let language = Catalogue.shared.language(String(key.dropFirst(10))) {
            return t("audit.field.full_name_in", language.name)
        }
        if PlanSection(rawValue: key) != nil { return t("section.\(key)") }
        return t.field(key)
    }

    /// Where a code's name is found, by the field that holds it (the first the catalogue has).
    static let codeNames: [String: [String]] = [
        "role": ["role"],
        "kind": ["unit_kind", "risk_kind", "scenario_kind", "agreement_kind", "exercise_kind", "dependency"],
        "state": ["plan_status", "feedback_state", "level_state", "assessment_state"],
        "status": ["risk_status", "measure_status", "rollcall.status", "travel.status"],
        "suitability": ["aviation.suitability"], "severity": ["advisory.severity"], "scope": ["advisory.scope"],
        "threat": ["travel.threat"], "clearance": ["travel.clearance"],
        "category": ["measure_category", "personnel.category"], "source": ["risk_source"],
        "method": ["rollcall.method"], "relationship": ["personnel.relationship"],
        "location_source": ["personnel.source"],
        "function": ["team_function"], "classification": ["classification"], "criteria": ["criterion"],
        "resources": ["resource"],
    ]

    /// A value as people read it.
    func value(_ key: String, _ raw: String) -> String {
        if raw.isEmpty { return "" }
        if let prefixes = Self.codeNames[key], let name = code(raw, prefixes) { return name }
        if key == "language" { return Catalogue.shared.language(raw)?.name ?? raw }
        if raw == "true" || raw == "false" { return t(raw == "true" ? "common.yes" : "common.no") }
        if key.hasSuffix("_id"), let id = UUID(uuidString: raw) { return names[id] ?? t("audit.unknown_record") }
        if key.hasSuffix("_at") || key.hasSuffix("_on") || ["deadline", "next_review"].contains(key),
            let date = ISO8601DateFormatter().date(from: raw)
        {
            return t.dateTime(date)
        }
        if let object = Self.object(raw) {
            return t.list(object.keys.sorted().filter { $0 != "id" }.map { "\(t.field($0)): \(value($0, object[$0]))" })
        }
        return raw
    }

    /// A value inside an item of a plan (any JSON), as text.
    func value(_ key: String, _ json: Any?) -> String {
        switch json {
        case nil, is NSNull: return ""
        case let s as String:
            if let id = UUID(uuidString: s) { return names[id] ?? t("audit.unknown_record") }
            return Self.codeNames[key].flatMap { code(s, $0) } ?? s
        case let n as NSNumber:
            // JSON's true and false: a boolean number ("c"), not a number that is 0 or 1.
            if String(describing: type(of: n)).contains("Boolean") {
                return t(n.boolValue ? "common.yes" : "common.no")
            }
            return key == "rtoHours" || key == "recoveryHours" ? Charts.duration(n.doubleValue, t) : n.stringValue
        case let list as [Any]: return t.list(list.map { value(key, $0) }.filter { !$0.isEmpty })
        case let object as [String: Any]:
            return object.keys.sorted().filter { $0 != "id" && $0 != "person" }.map { value($0, object[$0]) }
                .filter { !$0.isEmpty }.joined(separator: " — ")
        default: return ""
        }
    }

    private func code(_ raw: String, _ prefixes: [String]) -> String? {
        prefixes.lazy.map { "\($0).\(raw)" }.first { t.catalogue.has($0, in: t.code) }.map { t($0) }
    }

    static func object(_ text: String) -> [String: Any]? {
        guard text.hasPrefix("{"), let data = text.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    static func text(_ json: Any?) -> String {
        guard let json, !(json is NSNull) else { return "" }
        if let data = try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .fragmentsAllowed]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(json)"
    }
}

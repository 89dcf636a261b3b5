import Foundation
@preconcurrency import Plot
import ResilienceCore

/// Two versions of a plan side by side: every item added, removed, moved or changed, and for a
/// changed item each field before and after.
struct ComparePage {
    var frame: PlanFrame
    var fromLabel: String
    var toLabel: String
    var comparison: PlanComparison
    var changes: [PlanChange] { comparison.changes }
    /// The changes, already rendered (a comparison and a language always read the same).
    var renderedChanges: String?
    /// The alternate sites of both sides, by name (processes name theirs by id).
    var siteNames: [UUID: String] { comparison.siteNames }

    static func item(_ content: PlanContent, _ section: PlanSection, _ id: UUID?) -> [String: String] {
        switch section {
        case .team: content.team.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .scenarios: content.scenarios.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .processes, .impact, .alternatives:
            content.processes.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .sites: content.sites.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .agreements: content.agreements.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .exercises: content.exercises.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .nationalStaff: PlanDiff.fieldValues(content.nationalStaff)
        case .other: PlanDiff.fieldValues(content.other)
        }
    }

    /// A field's value (kept as JSON) as people read it: codes by their names, sites by name,
    /// durations written out (see `AuditReading`); short.
    static func readable(_ json: String?, field: String, names: [UUID: String], _ t: Localizer) -> String {
        guard let json, let data = json.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        else { return "—" }
        let text = AuditReading(t: t, names: names).value(field, value)
        if text.isEmpty { return "—" }
        return text.count > 400 ? String(text.prefix(399)) + "…" : text
    }

    func body(_ t: Localizer) -> BodyNode {
        .group(frame.header(t), renderedChanges.map { .raw($0) } ?? changesBlock(t))
    }

    func changesBlock(_ t: Localizer) -> BodyNode {
        .group(
            .h2(.safe(t("plan.compare_title", fromLabel, toLabel))),
            .p(.safe(t("plan.changes_count", changes.count))),
            changes.isEmpty
                ? .p(.class("notice"), .safe(t("plan.no_changes")))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .class("compare"),
                        .caption(.safe(t("plan.compare_title", fromLabel, toLabel))),
                        .thead(
                            .tr(
                                .th(.safe(t("plan.section"))), .th(.safe(t("plan.item"))), .th(.safe(t("plan.change"))),
                                .th(.safe(t("plan.field"))), .th(.safe(fromLabel)), .th(.safe(toLabel)))),
                        .tbody(
                            .forEach(changes) { change in
                                let section =
                                    "\(PlanPages.number(change.section)). \(t("section.\(change.section.rawValue)"))"
                                let kind = t("change.\(change.kind.rawValue)")
                                if change.kind != .changed {
                                    return .tr(
                                        .class(change.kind.rawValue), .td(.safe(section)), .td(.safe(change.itemName)),
                                        .td(.safe(kind)),
                                        .td(.safe("")),
                                        .td(change.kind == .removed ? .del(.safe(change.itemName)) : .safe("")),
                                        .td(change.kind == .added ? .ins(.safe(change.itemName)) : .safe("")))
                                }
                                let (before, after) = comparison.values[change.itemID] ?? ([:], [:])
                                return .group(
                                    .forEach(change.fields.enumerated()) { i, field in
                                        .tr(
                                            .class("changed"),
                                            .td(.safe(i == 0 ? section : "")),
                                            .td(.safe(i == 0 ? change.itemName : "")), .td(.safe(i == 0 ? kind : "")),
                                            .td(.text(t.field(field))),
                                            .td(
                                                .del(
                                                    .safe(
                                                        Self.readable(before[field], field: field, names: siteNames, t))
                                                )),
                                            .td(
                                                .ins(
                                                    .safe(
                                                        Self.readable(after[field], field: field, names: siteNames, t)))
                                            ))
                                    })
                            })))
        )
    }
}

/// What changed between two contents, with each changed item's fields before and after. Both
/// sides are immutable under their keys (a version, or the working copy at a revision), so a
/// comparison is worked out once and kept.
struct PlanComparison: Sendable {
    var changes: [PlanChange]
    /// The two sides it compares (see `of`).
    var key: String = ""
    /// Changed items (nil: a single-record section) → fields before and after.
    var values: [UUID?: ([String: String], [String: String])]
    /// The alternate sites of both sides, by name, for the processes that name them by id.
    var siteNames: [UUID: String] = [:]

    /// The comparison of two sides named by `key` (never changed under it), kept.
    static func of(_ old: PlanContent, _ new: PlanContent, key: String, kept: KeptCache) -> PlanComparison {
        kept.cached(KeptCache.Key(.comparison, [key]), cost: \.bytes) { compare(old, new, key: key) }
    }

    /// About what it takes in memory, for the cache's budget.
    var bytes: Int { 512 * (changes.count + values.count) }

    private static func compare(_ old: PlanContent, _ new: PlanContent, key: String) -> PlanComparison {
        let changes = PlanDiff.compare(old, new)
        var values: [UUID?: ([String: String], [String: String])] = [:]
        for change in changes where change.kind == .changed {
            values[change.itemID] = (
                ComparePage.item(old, change.section, change.itemID),
                ComparePage.item(new, change.section, change.itemID)
            )
        }
        var sites: [UUID: String] = [:]
        for site in old.sites + new.sites { sites[site.id] = site.name }
        return PlanComparison(changes: changes, key: key, values: values, siteNames: sites)
    }
}

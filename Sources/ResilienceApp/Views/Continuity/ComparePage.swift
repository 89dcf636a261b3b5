@preconcurrency import Plot
import Foundation
import ResilienceCore

/// Two versions of a plan side by side: every item added, removed, moved or changed, and for a
/// changed item each field before and after.
struct ComparePage {
    var frame: PlanFrame
    var fromLabel: String
    var toLabel: String
    var old: PlanContent
    var new: PlanContent
    var changes: [PlanChange]

    static func item(_ content: PlanContent, _ section: PlanSection, _ id: UUID?) -> [String: String] {
        switch section {
        case .team: content.team.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .scenarios: content.scenarios.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .processes, .impact, .alternatives: content.processes.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .sites: content.sites.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .agreements: content.agreements.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .exercises: content.exercises.first { $0.id == id }.map(PlanDiff.fieldValues) ?? [:]
        case .nationalStaff: PlanDiff.fieldValues(content.nationalStaff)
        case .other: PlanDiff.fieldValues(content.other)
        }
    }

    /// JSON made readable: strings without quotes, short.
    static func readable(_ json: String?) -> String {
        guard let json else { return "—" }
        var text = json
        if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        text = text.replacingOccurrences(of: "\\n", with: " ")
        return text.count > 400 ? String(text.prefix(399)) + "…" : text
    }

    func body(_ t: Localizer) -> BodyNode {
        .group(
            frame.header(t),
            .h2(.text(t("plan.compare_title", fromLabel, toLabel))),
            .p(.text(t("plan.changes_count", changes.count))),
            changes.isEmpty ? .p(.class("notice"), .text(t("plan.no_changes"))) :
            .div(.class("table-wrap"), .table(.class("compare"),
                .caption(.text(t("plan.compare_title", fromLabel, toLabel))),
                .thead(.tr(.th(.text(t("plan.section"))), .th(.text(t("plan.item"))), .th(.text(t("plan.change"))),
                           .th(.text(t("plan.field"))), .th(.text(fromLabel)), .th(.text(toLabel)))),
                .tbody(.forEach(changes) { change in
                    let section = "\(PlanPages.number(change.section)). \(t("section.\(change.section.rawValue)"))"
                    let kind = t("change.\(change.kind.rawValue)")
                    if change.kind != .changed {
                        return .tr(.class(change.kind.rawValue), .td(.text(section)), .td(.text(change.itemName)), .td(.text(kind)),
                                   .td(.text("")), .td(change.kind == .removed ? .del(.text(change.itemName)) : .text("")),
                                   .td(change.kind == .added ? .ins(.text(change.itemName)) : .text("")))
                    }
                    let before = Self.item(old, change.section, change.itemID), after = Self.item(new, change.section, change.itemID)
                    return .group(.forEach(change.fields.enumerated()) { i, field in
                        .tr(.class("changed"),
                            .td(.text(i == 0 ? section : "")), .td(.text(i == 0 ? change.itemName : "")), .td(.text(i == 0 ? kind : "")),
                            .td(.text(field)), .td(.del(.text(Self.readable(before[field])))), .td(.ins(.text(Self.readable(after[field])))))
                    })
                })))
        )
    }
}

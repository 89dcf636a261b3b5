import Foundation
@preconcurrency import Plot
import ResilienceCore

/// An item of a plan as people read it: each field that has a value, with its label and its value
/// in the reader's language (codes named, people and sites by name, durations and dates written
/// out), as a document rather than a form. The field names are those feedback attaches to.
enum ItemReading {
    struct Field {
        var name: String
        var label: String
        /// One line, or several (a list).
        var lines: [String]
    }

    static func fields(
        _ content: PlanContent, _ section: PlanSection, _ id: UUID?, scale: ImpactScale, _ t: Localizer
    ) -> [Field] {
        var out: [Field] = []
        func add(_ name: String, _ lines: [String]) {
            let kept = lines.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if !kept.isEmpty { out.append(Field(name: name, label: t.field(name), lines: kept)) }
        }
        func add(_ name: String, _ value: String?) { add(name, value.map { [$0] } ?? []) }
        func date(_ value: Date?) -> String? { value.map { t.date($0) } }
        func hours(_ value: Double?) -> String? { value.map { Charts.duration($0, t) } }
        switch section {
        case .team:
            guard let m = content.team.first(where: { $0.id == id }) else { break }
            add("name", m.name)
            add("function", t("team_function.\(m.function.rawValue)"))
            add("isLead", m.isLead ? t("common.yes") : nil)
            add("contact", m.contact)
        case .scenarios:
            guard let s = content.scenarios.first(where: { $0.id == id }) else { break }
            add("kind", t("scenario_kind.\(s.kind.rawValue)"))
            add("title", s.title)
            add("description", s.description)
        case .processes, .impact, .alternatives:
            guard let p = content.processes.first(where: { $0.id == id }) else { break }
            add("name", p.name)
            add("criteria", ProcessCriterion.allCases.filter(p.criteria.contains).map { t("criterion.\($0.rawValue)") })
            add("programmeCriticality", p.programmeCriticality?.rawValue.uppercased())
            add("classification", p.classification.map { t("classification.\($0.rawValue)") })
            add("minimumStaffCount", String(p.minimumStaffCount))
            add(
                "staff",
                p.staff.map { s in
                    [s.name, s.role].filter { !$0.isEmpty }.joined(separator: " — ")
                        + (s.briefed ? " · " + t("plan.briefed") : "")
                })
            add("resources", ResourceKind.allCases.filter(p.resources.contains).map { t("resource.\($0.rawValue)") })
            add(
                "dependencies",
                p.dependencies.map { d in
                    "\(t("dependency.\(d.kind.rawValue)")): \(d.name)"
                        + (d.recoveryHours.map { " · " + t("plan.recovers_in", Charts.duration($0, t)) } ?? "")
                })
            add("alternatives", p.alternatives)
            add("siteIDs", p.siteIDs.compactMap { id in content.sites.first { $0.id == id }?.name })
            add(
                "impact",
                scale.categories.compactMap { category in
                    let ratings = p.impact[category] ?? []
                    guard ratings.contains(where: { $0 != nil }) else { return nil }
                    let points = zip(scale.ladderHours, ratings).compactMap { h, r in
                        r.map { "\(Charts.duration(h, t)): \($0)" }
                    }
                    return "\(Charts.categoryName(category, scale, t)) — \(points.joined(separator: " · "))"
                })
            add("rtoHours", hours(p.rtoHours))
            add(
                "minimumCapacity",
                zip(scale.ladderHours, p.minimumCapacity).compactMap { h, c in
                    c.map { "\(Charts.duration(h, t)) \($0) %" }
                }
                .joined(separator: ", "))
        case .sites:
            guard let s = content.sites.first(where: { $0.id == id }) else { break }
            add("name", s.name)
            add("address", s.address)
            add("workstations", String(s.workstations))
            add("equipment", s.equipment)
            add("contact", s.contact)
            add("assetsToMove", s.assetsToMove)
        case .agreements:
            guard let a = content.agreements.first(where: { $0.id == id }) else { break }
            add("partner", a.partner)
            add("kind", t("agreement_kind.\(a.kind.rawValue)"))
            add("validFrom", date(a.validFrom))
            add("validUntil", date(a.validUntil))
        case .nationalStaff:
            let n = content.nationalStaff
            add("seniorStaffMember", n.seniorStaffMember)
            add("safetyMeasures", n.safetyMeasures)
            add("salaryAndCosts", n.salaryAndCosts)
            add("logisticsSupport", n.logisticsSupport)
            add("communicationProtocol", n.communicationProtocol)
        case .exercises:
            guard let e = content.exercises.first(where: { $0.id == id }) else { break }
            add("date", date(e.date))
            add("kind", t("exercise_kind.\(e.kind.rawValue)"))
            add("scope", e.scope)
            add("findings", e.findings)
            add("followUp", e.followUp)
            add("nextDate", date(e.nextDate))
        case .other:
            let o = content.other
            add("emergencyManagement", o.emergencyManagement)
            add("securityManagement", o.securityManagement)
            add("recordsManagement", o.recordsManagement)
        }
        return out
    }

    /// The fields as a definition list; with `comment`, each field links to a new feedback thread
    /// on it (a reviewer reading the plan in review).
    static func document(_ fields: [Field], comment: ((String) -> String)?, _ t: Localizer) -> BodyNode {
        if fields.isEmpty { return .p(.class("hint"), .text(t("plan.nothing_written"))) }
        return .dl(
            .class("reading"),
            .forEach(fields) { field in
                .group(
                    .dt(
                        .text(field.label),
                        .unwrap(comment) { link in
                            .a(
                                .class("comment-on"), .href(link(field.name)),
                                .attribute(named: "aria-label", value: t("review.comment_on", field.label)),
                                .text(t("review.comment")))
                        }),
                    .dd(
                        field.lines.count == 1
                            ? .p(.text(field.lines[0])) : .ul(.forEach(field.lines) { .li(.text($0)) })))
            })
    }
}

@preconcurrency import Plot
import Foundation
import ResilienceCore

/// The pocket plan: the whole plan on one page, for reading on a phone or printing on A4 when the
/// office is lost. One self-contained document: its style and charts are inline, it loads nothing.
struct PocketPlan {
    var unitName: String
    var cycle: Int
    /// "Version 3" or "Working copy".
    var versionLabel: String
    var generatedAt: Date
    var snapshot: PlanSnapshot

    static let css = """
    body{font:14px/1.45 "Noto Sans","Noto Sans CJK SC",system-ui,sans-serif;color:#1d2733;margin:0 auto;max-width:900px;padding:12px 16px}
    h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin:1.2em 0 .4em;border-bottom:2px solid #1d2733}h3{font-size:1em;margin:.8em 0 .3em}
    table{border-collapse:collapse;width:100%;margin:4px 0 8px}th,td{border:1px solid #c9d1da;padding:3px 6px;text-align:left;vertical-align:top}
    th{background:#eef2f6}.running{color:#5b6775;font-size:.85em;border-bottom:1px solid #c9d1da;padding-bottom:2px;margin-bottom:8px}
    .facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}.facts dt{font-weight:600;color:#5b6775}.facts dd{margin:0}
    .bad{color:#b3261e;font-weight:600}.grid td{text-align:center;width:2.4em}.r4,.r5{background:#f6c9c4}.r3{background:#fbe3c0}.r1,.r2{background:#dcefdc}
    .muted{color:#5b6775}svg{max-width:100%;height:auto}ul{margin:2px 0;padding-left:20px}
    @page{size:A4;margin:18mm 14mm 14mm}
    @media print{body{max-width:none;padding:0;font-size:11pt}.running{display:none}
    .process{break-before:page}h2,h3{break-after:avoid}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
    """

    /// The unit, cycle, version and date at the top of every printed page, and the page number
    /// at the bottom: CSS page margin boxes.
    static func pageHeader(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "\"", "<", ">", "\n", "\r": escaped += "\\" + String(scalar.value, radix: 16) + " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "@page{@top-left{content:\"\(escaped)\";font-size:8.5pt;color:#5b6775}@bottom-right{content:counter(page) \" / \" counter(pages);font-size:8.5pt;color:#5b6775}}"
    }

    func document(_ t: Localizer) -> HTML {
        let content = snapshot.content, scale = snapshot.scale
        let ordered = ImpactAnalysis.recoveryOrder(content.processes, scale: scale)
        let analyses = Dictionary(uniqueKeysWithValues: content.processes.map { ($0.id, ImpactAnalysis.analyse($0, scale: scale)) })
        let title = t("pocket.title", unitName, cycle)
        let running = "\(unitName) · \(t("plan.cycle_title", cycle)) · \(versionLabel) · \(t.date(generatedAt))"
        let team = content.team.sorted { ($0.isLead ? 0 : 1) < ($1.isLead ? 0 : 1) }
        // Each person named as minimum staff, once, with the processes they cover in recovery order.
        var people: [(name: String, roles: [String], processes: [String], briefed: Bool)] = []
        var index: [String: Int] = [:]
        for p in ordered {
            for s in p.staff {
                if let i = index[s.person] {
                    if !s.role.isEmpty, !people[i].roles.contains(s.role) { people[i].roles.append(s.role) }
                    people[i].processes.append(p.name); people[i].briefed = people[i].briefed && s.briefed
                } else {
                    index[s.person] = people.count
                    people.append((s.name, s.role.isEmpty ? [] : [s.role], [p.name], s.briefed))
                }
            }
        }
        let sites = Dictionary(uniqueKeysWithValues: content.sites.map { ($0.id, $0.name) })
        func dur(_ h: Double?) -> String { h.map { Charts.duration($0, t) } ?? "—" }
        return HTML(
            .attribute(named: "lang", value: t.code), .attribute(named: "dir", value: t.language.direction),
            .head(.meta(.charset(.utf8)), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                  .title(title), .style(Self.css + Self.pageHeader(running))),
            .body(
                .div(.class("running"), .text(running)),
                .h1(.text(title)),
                .p(.class("muted"), .text(t("pocket.generated", versionLabel, t.dateTime(generatedAt)))),
                .h2(.text(t("pocket.who_to_call"))),
                table([t("field.name"), t("plan.function"), t("plan.contact")], team.map { m in
                    [.group(.text(m.name), .if(m.isLead, .strong(.text(" (\(t("plan.lead")))")))), .text(t("team_function.\(m.function.rawValue)")), .text(m.contact ?? "")]
                }, empty: t("plan.no_items")),
                .h2(.text(t("pocket.minimum_staff"))),
                table([t("field.name"), t("plan.staff_role"), t("pocket.covers"), t("plan.briefed")], people.map { p in
                    [.text(p.name), .text(p.roles.joined(separator: ", ")), .text(p.processes.joined(separator: "; ")),
                     .text(p.briefed ? t("common.yes") : t("common.no"))]
                }, empty: t("plan.no_items")),
                .h2(.text(t("plan.recovery_order"))),
                table(["#", t("field.name"), "RTO", "MTPD", t("plan.tier"), t("plan.classification")], ordered.enumerated().map { i, p in
                    let a = analyses[p.id]!
                    return [.text(String(i + 1)), .text(p.name), .text(dur(a.rtoHours)), .text(dur(a.mtpdHours)),
                            .text(a.tier.map { t("tier.\($0.rawValue)") } ?? "—"), .text(p.classification.map { t("classification.\($0.rawValue)") } ?? "—")]
                }, empty: t("plan.no_processes")),
                .if(!ordered.isEmpty, .raw(Charts.timeline(ordered.map { ($0.name, analyses[$0.id]!) }, scale: scale, t))),
                .h2(.text(t("section.sites"))),
                .if(content.sites.isEmpty, .p(.text(t("plan.no_items")))),
                .forEach(content.sites) { s in
                    .group(.h3(.text(s.name)),
                           .dl(.class("facts"),
                               .dt(.text(t("plan.address"))), .dd(.text(s.address ?? "—")),
                               .dt(.text(t("plan.workstations"))), .dd(.text(t.number(s.workstations))),
                               .dt(.text(t("plan.equipment"))), .dd(.text(s.equipment ?? "—")),
                               .dt(.text(t("plan.contact"))), .dd(.text(s.contact ?? "—")),
                               .dt(.text(t("plan.assets"))), .dd(s.assetsToMove.isEmpty ? .text("—") : .ul(.forEach(s.assetsToMove) { .li(.text($0)) }))))
                },
                .h2(.text(t("section.agreements"))),
                table([t("plan.partner"), t("plan.agreement_kind"), t("plan.valid_until")], content.agreements.map { a in
                    [.text(a.partner), .text(t("agreement_kind.\(a.kind.rawValue)")), .text(t.date(a.validUntil))]
                }, empty: t("plan.no_items")),
                .h2(.text(t("section.national_staff"))),
                .dl(.class("facts"), .forEach(SingleSection.fields(.nationalStaff)) { f in
                    .group(.dt(.text(t("plan.field.\(f)"))), .dd(.text(SingleSection.values(.nationalStaff, content)[f].flatMap { $0.isEmpty ? nil : $0 } ?? "—")))
                }),
                .h2(.text(t("section.scenarios"))),
                .ul(.forEach(content.scenarios) { s in .li(.strong(.text(s.title)), .text(" — \(t("scenario_kind.\(s.kind.rawValue)"))"), .unwrap(s.description) { .text(": \($0)") }) }),
                .forEach(ordered.enumerated()) { i, p in
                    let a = analyses[p.id]!
                    return .section(.class("process"),
                        .h2(.text("\(i + 1). \(p.name)")),
                        .dl(.class("facts"),
                            .dt(.text("RTO / MTPD")), .dd(.text("\(dur(a.rtoHours)) / \(dur(a.mtpdHours))"), .if(a.rtoExceedsMTPD, .span(.class("bad"), .text(" " + t("plan.rto_too_long"))))),
                            .dt(.text(t("plan.tier"))), .dd(.text(a.tier.map { t("tier.\($0.rawValue)") } ?? "—")),
                            .dt(.text(t("plan.pc"))), .dd(.text(p.programmeCriticality?.rawValue.uppercased() ?? "—")),
                            .dt(.text(t("plan.classification"))), .dd(.text(p.classification.map { t("classification.\($0.rawValue)") } ?? "—")),
                            .dt(.text(t("plan.criteria"))), .dd(.text(p.criteria.map { t("criterion.\($0.rawValue)") }.sorted().joined(separator: "; "))),
                            .dt(.text(t("plan.resources"))), .dd(.text(p.resources.map { t("resource.\($0.rawValue)") }.sorted().joined(separator: ", "))),
                            .dt(.text(t("plan.process_sites"))), .dd(.text(p.siteIDs.compactMap { sites[$0] }.joined(separator: ", ")))),
                        .h3(.text(t("plan.minimum_staff") + " (\(p.staff.count) / \(p.minimumStaffCount))")),
                        table([t("field.name"), t("plan.staff_role"), t("plan.briefed")], p.staff.map { s in
                            [.text(s.name), .text(s.role), .text(s.briefed ? t("common.yes") : t("common.no"))]
                        }, empty: t("plan.no_items")),
                        .h3(.text(t("plan.alternatives"))),
                        p.alternatives.isEmpty ? .p(.class("bad"), .text(t("plan.no_alternative"))) : .ul(.forEach(p.alternatives) { .li(.text($0)) }),
                        .if(!p.dependencies.isEmpty, .group(.h3(.text(t("plan.dependencies"))),
                            table([t("plan.dependency_kind"), t("field.name"), t("plan.recovery_hours")], p.dependencies.map { d in
                                [.text(t("dependency.\(d.kind.rawValue)")), .text(d.name), .text(dur(d.recoveryHours))]
                            }, empty: ""))),
                        .h3(.text(t("section.impact"))),
                        .table(.class("grid"),
                               .tr(.th(.text("")), .forEach(scale.ladderHours) { .th(.text(Charts.duration($0, t))) }),
                               .forEach(scale.categories) { c in
                                   .tr(.th(.text(Charts.categoryName(c, scale, t))), .forEach(scale.ladderHours.indices) { k in
                                       let r = (p.impact[c] ?? [])[safe: k] ?? nil
                                       return .td(.class(r.map { "r\($0)" } ?? ""), .text(r.map(String.init) ?? ""))
                                   })
                               }))
                },
                .h2(.class("process"), .text(t("section.exercises"))),
                table([t("plan.exercise_date"), t("plan.exercise_kind"), t("plan.findings_field"), t("plan.next_date")], content.exercises.map { e in
                    [.text(t.date(e.date)), .text(t("exercise_kind.\(e.kind.rawValue)")), .text(e.findings ?? ""), .text(t.date(e.nextDate))]
                }, empty: t("plan.no_items")),
                .h2(.text(t("section.other"))),
                .dl(.class("facts"), .forEach(SingleSection.fields(.other)) { f in
                    .group(.dt(.text(t("plan.field.\(f)"))), .dd(.text(SingleSection.values(.other, content)[f].flatMap { $0.isEmpty ? nil : $0 } ?? "—")))
                })
            )
        )
    }

    private func table(_ headers: [String], _ rows: [[BodyNode]], empty: String) -> BodyNode {
        if rows.isEmpty { return .p(.class("muted"), .text(empty)) }
        return .table(.tr(.forEach(headers) { .th(.text($0)) }), .forEach(rows) { cells in .tr(.forEach(cells) { .td($0) }) })
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

import Foundation
@preconcurrency import Plot
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
        return
            "@page{@top-left{content:\"\(escaped)\";font-size:8.5pt;color:#5b6775}@bottom-right{content:counter(page) \" / \" counter(pages);font-size:8.5pt;color:#5b6775}}"
    }

    func document(_ t: Localizer) -> HTML {
        let content = snapshot.content, scale = snapshot.scale
        let ordered = ImpactAnalysis.recoveryOrder(content.processes, scale: scale)
        let analyses = Dictionary(
            uniqueKeysWithValues: content.processes.map { ($0.id, ImpactAnalysis.analyse($0, scale: scale)) })
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
        let yes = t("common.yes"), no = t("common.no")
        // The impact grid's frame is the same for every process: its header row once.
        let gridHead =
            "<table class=\"grid\"><tr><th></th>"
            + scale.ladderHours.map { "<th>" + HTMLEscape.escape(Charts.duration($0, t)) + "</th>" }.joined() + "</tr>"
        let categoryNames = scale.categories.map { HTMLEscape.escape(Charts.categoryName($0, scale, t)) }
        func grid(_ p: CriticalProcess) -> String {
            var html = gridHead
            for (c, category) in scale.categories.enumerated() {
                html += "<tr><th>" + categoryNames[c] + "</th>"
                let row = p.impact[category] ?? []
                for k in scale.ladderHours.indices {
                    if let r = row[safe: k] ?? nil {
                        html += "<td class=\"r\(r)\">\(r)</td>"
                    } else {
                        html += "<td></td>"
                    }
                }
                html += "</tr>"
            }
            return html + "</table>"
        }
        return HTML(
            .attribute(named: "lang", value: t.code), .attribute(named: "dir", value: t.language.direction),
            .head(
                .meta(.charset(.utf8)), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(title), .style(Self.css + Self.pageHeader(running))),
            .body(
                .div(.class("running"), .safe(running)),
                .h1(.safe(title)),
                .p(.class("muted"), .safe(t("pocket.generated", versionLabel, t.dateTime(generatedAt)))),
                .h2(.safe(t("pocket.who_to_call"))),
                table(
                    [t("field.name"), t("plan.function"), t("plan.contact")],
                    team.map { m in
                        [
                            m.isLead ? "\(m.name) (\(t("plan.lead")))" : m.name,
                            t("team_function.\(m.function.rawValue)"), m.contact ?? "",
                        ]
                    }, empty: t("plan.no_items")),
                .h2(.safe(t("pocket.minimum_staff"))),
                table(
                    [t("field.name"), t("plan.staff_role"), t("pocket.covers"), t("plan.briefed")],
                    people.map { p in
                        [
                            p.name, p.roles.joined(separator: ", "), p.processes.joined(separator: "; "),
                            p.briefed ? yes : no,
                        ]
                    }, empty: t("plan.no_items")),
                // Headed by the plan's own section name (the seed's 关键流程), in recovery order.
                .h2(.safe(t("pocket.processes_in_order", t("section.processes")))),
                table(
                    ["#", t("field.name"), "RTO", "MTPD", t("plan.tier"), t("plan.classification")],
                    ordered.enumerated().map { i, p in
                        let a = analyses[p.id]!
                        return [
                            String(i + 1), p.name, dur(a.rtoHours), dur(a.mtpdHours),
                            a.tier.map { t("tier.\($0.rawValue)") } ?? "—",
                            p.classification.map { t("classification.\($0.rawValue)") } ?? "—",
                        ]
                    }, empty: t("plan.no_processes")),
                .if(
                    !ordered.isEmpty,
                    .raw(Charts.timeline(ordered.map { ($0.name, analyses[$0.id]!) }, scale: scale, t))),
                .h2(.safe(t("section.sites"))),
                .if(content.sites.isEmpty, .p(.safe(t("plan.no_items")))),
                .forEach(content.sites) { s in
                    .group(
                        .h3(.safe(s.name)),
                        .dl(
                            .class("facts"),
                            .dt(.safe(t("plan.address"))), .dd(.safe(s.address ?? "—")),
                            .dt(.safe(t("plan.workstations"))), .dd(.safe(t.number(s.workstations))),
                            .dt(.safe(t("plan.equipment"))), .dd(.safe(s.equipment ?? "—")),
                            .dt(.safe(t("plan.contact"))), .dd(.safe(s.contact ?? "—")),
                            .dt(.safe(t("plan.assets"))),
                            .dd(s.assetsToMove.isEmpty ? .safe("—") : .ul(.forEach(s.assetsToMove) { .li(.safe($0)) })))
                    )
                },
                .h2(.safe(t("section.agreements"))),
                table(
                    [t("plan.partner"), t("plan.agreement_kind"), t("plan.valid_until")],
                    content.agreements.map { a in
                        [a.partner, t("agreement_kind.\(a.kind.rawValue)"), t.date(a.validUntil)]
                    }, empty: t("plan.no_items")),
                .h2(.safe(t("section.national_staff"))),
                .dl(
                    .class("facts"),
                    .forEach(SingleSection.fields(.nationalStaff)) { f in
                        .group(
                            .dt(.safe(t("plan.field.\(f)"))),
                            .dd(
                                .safe(
                                    SingleSection.values(.nationalStaff, content)[f].flatMap { $0.isEmpty ? nil : $0 }
                                        ?? "—")))
                    }),
                .h2(.safe(t("section.scenarios"))),
                .ul(
                    .forEach(content.scenarios) { s in
                        .li(
                            .strong(.safe(s.title)), .safe(" — \(t("scenario_kind.\(s.kind.rawValue)"))"),
                            .unwrap(s.description) { .safe(": \($0)") })
                    }),
                .forEach(ordered.enumerated()) { i, p in
                    let a = analyses[p.id]!
                    return .section(
                        .class("process"),
                        .h2(.safe("\(i + 1). \(p.name)")),
                        .dl(
                            .class("facts"),
                            .dt(.safe("RTO / MTPD")),
                            .dd(
                                .safe("\(dur(a.rtoHours)) / \(dur(a.mtpdHours))"),
                                .if(a.rtoExceedsMTPD, .span(.class("bad"), .safe(" " + t("plan.rto_too_long"))))),
                            .dt(.safe(t("plan.tier"))), .dd(.safe(a.tier.map { t("tier.\($0.rawValue)") } ?? "—")),
                            .dt(.safe(t("plan.pc"))), .dd(.safe(p.programmeCriticality?.rawValue.uppercased() ?? "—")),
                            .dt(.safe(t("plan.classification"))),
                            .dd(.safe(p.classification.map { t("classification.\($0.rawValue)") } ?? "—")),
                            .dt(.safe(t("plan.criteria"))),
                            .dd(
                                .safe(p.criteria.map { t("criterion.\($0.rawValue)") }.sorted().joined(separator: "; "))
                            ),
                            .dt(.safe(t("plan.resources"))),
                            .dd(
                                .safe(p.resources.map { t("resource.\($0.rawValue)") }.sorted().joined(separator: ", "))
                            ),
                            .dt(.safe(t("plan.process_sites"))),
                            .dd(.safe(p.siteIDs.compactMap { sites[$0] }.joined(separator: ", ")))),
                        .h3(.safe(t("plan.minimum_staff") + " (\(p.staff.count) / \(p.minimumStaffCount))")),
                        table(
                            [t("field.name"), t("plan.staff_role"), t("plan.briefed")],
                            p.staff.map { s in
                                [s.name, s.role, s.briefed ? yes : no]
                            }, empty: t("plan.no_items")),
                        .h3(.safe(t("plan.alternatives"))),
                        p.alternatives.isEmpty
                            ? .p(.class("bad"), .safe(t("plan.no_alternative")))
                            : .ul(.forEach(p.alternatives) { .li(.safe($0)) }),
                        .if(
                            !p.dependencies.isEmpty,
                            .group(
                                .h3(.safe(t("plan.dependencies"))),
                                table(
                                    [t("plan.dependency_kind"), t("field.name"), t("plan.recovery_hours")],
                                    p.dependencies.map { d in
                                        [t("dependency.\(d.kind.rawValue)"), d.name, dur(d.recoveryHours)]
                                    }, empty: ""))),
                        .h3(.safe(t("section.impact"))),
                        .raw(grid(p)))
                },
                .h2(.class("process"), .safe(t("section.exercises"))),
                table(
                    [t("plan.exercise_date"), t("plan.exercise_kind"), t("plan.findings_field"), t("plan.next_date")],
                    content.exercises.map { e in
                        [t.date(e.date), t("exercise_kind.\(e.kind.rawValue)"), e.findings ?? "", t.date(e.nextDate)]
                    }, empty: t("plan.no_items")),
                .h2(.safe(t("section.other"))),
                .dl(
                    .class("facts"),
                    .forEach(SingleSection.fields(.other)) { f in
                        .group(
                            .dt(.safe(t("plan.field.\(f)"))),
                            .dd(
                                .safe(SingleSection.values(.other, content)[f].flatMap { $0.isEmpty ? nil : $0 } ?? "—")
                            ))
                    })
            )
        )
    }

    /// A table of plain texts, written straight as markup: the pocket plan has thousands of
    /// cells, and building a node per cell was most of its time.
    private func table(_ headers: [String], _ rows: [[String]], empty: String) -> BodyNode {
        if rows.isEmpty { return .p(.class("muted"), .safe(empty)) }
        var html = "<table><tr>"
        for h in headers { html += "<th>" + HTMLEscape.escape(h) + "</th>" }
        html += "</tr>"
        for row in rows {
            html += "<tr>"
            for cell in row { html += "<td>" + HTMLEscape.escape(cell) + "</td>" }
            html += "</tr>"
        }
        return .raw(html + "</table>")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

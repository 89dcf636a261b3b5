import Foundation
@preconcurrency import Plot
import ResilienceCore

/// A unit's roll-calls and, for its security officer, the form to open one.
struct RollCallsPage {
    var unitID: UUID
    var calls: [(RollCall, Int, Int)]
    var mayOpen: Bool
    var messagesOn: Set<ContactChannel>
    var areas: [(value: String, label: String)]
    var stations: [(value: String, label: String)]
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let channels = ContactChannel.allCases.map { ($0.rawValue, t("rollcall.channel.\($0.rawValue)")) }
        return .group(
            .p(.class("intro"), .text(t("rollcall.intro"))),
            dataTable(
                caption: t("rollcall.title"),
                headers: [
                    t("rollcall.field.title"), t("rollcall.opened"), t("rollcall.listed"), t("rollcall.accounted"),
                ],
                rows: calls.map { c, total, accounted in
                    [
                        link(.rollCall(c.id!), c.title),
                        .text(t.dateTime(c.openedAt) + (c.closedAt == nil ? "" : " · " + t("rollcall.closed"))),
                        .text(t.number(total)),
                        .text(
                            Locatability.share(accounted, of: total).map { t("common.percent", Int($0.rounded(.down))) }
                                ?? "—"),
                    ]
                }, empty: t("rollcall.none")),
            .if(
                mayOpen,
                .section(
                    .class("narrow"), .h2(.text(t("rollcall.open"))),
                    .if(
                        messagesOn.isEmpty, .p(.class("alert"), .text(t("rollcall.messages_off")))),
                    postForm(
                        AppPath.unitRollCalls(unitID).path, csrf: csrf, FormField.summary(form),
                        FormField.text("title", t("rollcall.field.title"), form, required: true),
                        FormField.text(
                            "occurred_at", t("rollcall.field.occurred_at"), form, type: .datetimeLocal, required: true),
                        .unwrap(form.errors["reach"]) { .p(.class("error"), .id("f-reach-error"), .text($0)) },
                        FormField.checkboxes("area", t("rollcall.field.areas"), form, options: areas),
                        FormField.checkboxes("station", t("rollcall.field.stations"), form, options: stations),
                        fieldset(
                            "field", t("rollcall.field.circle"),
                            FormField.text("latitude", t("field.latitude"), form),
                            FormField.text("longitude", t("field.longitude"), form),
                            FormField.text("radius", t("rollcall.field.radius"), form, type: .number)),
                        fieldset(
                            "field", t("rollcall.field.channels"),
                            FormField.select("first", t("rollcall.field.first"), form, options: channels),
                            FormField.select(
                                "second", t("rollcall.field.second"), form, options: [("", "—")] + channels),
                            FormField.text("second_after", t("rollcall.field.second_after"), form, type: .number),
                            FormField.text(
                                "repeat", t("rollcall.field.repeat"), form, type: .number,
                                hint: t("rollcall.repeat_hint"))),
                        FormField.submit(t("rollcall.open"))))))
    }
}

/// One roll-call: live counts, the time to 50, 90 and 100 %, the chart, each channel's answers,
/// and the list (not yet reached first) with the forms to mark people.
struct RollCallPage {
    struct Row {
        var entry: RollCallEntry
        var name: String
        var dependantName: String?
        var station: String
        var phone: String?
        var mayMark: Bool
    }
    var call: RollCall
    var figures: RollCallService.Figures
    var rows: [Row]
    var filter: AccountStatus?
    var page: PageInfo
    var mayManage: Bool
    var messagesOn: Set<ContactChannel>
    var wardens: [(String, String)]
    var zones: [(value: String, label: String)]
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let id = call.id!
        let total = figures.total
        let p = figures.progress
        func duration(_ s: TimeInterval?) -> String {
            guard let s else { return "—" }
            let minutes = Int(s / 60)
            return t("rollcall.duration", minutes / 60, minutes % 60)
        }
        let statuses = AccountStatus.allCases.map { ($0.rawValue, t("rollcall.status.\($0.rawValue)")) }
        let methods = MarkMethod.allCases.filter { $0 != .ownAnswer }.map {
            ($0.rawValue, t("rollcall.method.\($0.rawValue)"))
        }
        return .group(
            .p(
                .class("intro"),
                .text(t("rollcall.occurred", t.dateTime(call.occurredAt), t.dateTime(call.openedAt))),
                .if(call.closedAt != nil, .strong(.text(" " + t("rollcall.closed_at", t.dateTime(call.closedAt)))))),
            .if(call.closedAt == nil && messagesOn.isEmpty, .p(.class("alert"), .text(t("rollcall.messages_off")))),
            .div(
                .class("figures"),
                .p(
                    .strong(.text(p.percent.map { t("common.percent", Int($0.rounded(.down))) } ?? "—")), .text(" "),
                    .text(t("rollcall.accounted_of", t.number(p.accounted), t.number(total)))),
                .ul(
                    .forEach(AccountStatus.allCases) { s in
                        .li(
                            .a(
                                .href(AppPath.rollCall(id).with([("status", s.rawValue)])),
                                .text(t("rollcall.status.\(s.rawValue)") + ": " + t.number(figures.counts[s] ?? 0))))
                    }),
                .p(
                    .text(
                        t("rollcall.milestones", duration(p.toHalf), duration(p.toNinetyPercent), duration(p.toAll))))),
            .raw(Self.chart(p, title: t("rollcall.chart"), t)),
            dataTable(
                caption: t("rollcall.channels"),
                headers: [t("rollcall.channel"), t("rollcall.messaged"), t("rollcall.answered")],
                rows: figures.channels.map { c, sent, answered in
                    [
                        .text(t("rollcall.channel.\(c.rawValue)")), .text(t.number(sent)),
                        .text(
                            t.number(answered) + " ("
                                + (Locatability.share(answered, of: sent).map {
                                    t("common.percent", Int($0.rounded(.down)))
                                } ?? "—") + ")"),
                    ]
                }, empty: t("rollcall.no_messages")),
            .p(
                .class("actions"),
                .a(.href(AppPath.rollCall(id).with([("status", "all")])), .text(t("rollcall.everyone"))),
                .text(" · "), link(.rollCallCSV(id), t("rollcall.export"))),
            dataTable(
                caption: t("rollcall.people"),
                headers: [
                    t("personnel.field.name"), t("personnel.field.duty_station"), t("rollcall.status"),
                    t("rollcall.marked"), "",
                ],
                rows: rows.map { r in
                    [
                        .group(
                            link(.personnel(r.entry.$personnel.id), r.name),
                            .unwrap(r.dependantName) { .text(" — " + t("personnel.dependant_named", $0)) },
                            .unwrap(r.phone) { .span(.class("hint"), .text(" " + $0)) }),
                        .text(r.station),
                        .strong(
                            .class("status-\(r.entry.status.rawValue)"),
                            .text(t("rollcall.status.\(r.entry.status.rawValue)"))),
                        .text(
                            r.entry.markedAt.map {
                                t.dateTime($0) + " · " + t("rollcall.method.\(r.entry.method?.rawValue ?? "phone")")
                            } ?? "—"),
                        // Built only for those who may mark: `.if` would build the form for every row.
                        r.mayMark && call.closedAt == nil
                            ? postForm(
                                AppPath.rollCallEntry(id, r.entry.id!).path, csrf: csrf, inline: true,
                                .select(
                                    .attribute(named: "name", value: "status"),
                                    .attribute(named: "aria-label", value: t("rollcall.status")),
                                    .forEach(statuses) { option($0.0, $0.1, selected: $0.0 == r.entry.status.rawValue) }
                                ),
                                .select(
                                    .attribute(named: "name", value: "method"),
                                    .attribute(named: "aria-label", value: t("rollcall.method")),
                                    .forEach(methods) { option($0.0, $0.1, selected: false) }),
                                .button(.type(.submit), .text(t("rollcall.mark")))) : .empty,
                    ]
                }, empty: t("rollcall.nobody")),
            keyPager(page, path: .rollCall(id), query: [("status", filter?.rawValue ?? "all")], t),
            .if(
                mayManage && call.closedAt == nil,
                .group(
                    .section(
                        .class("narrow"), .h2(.text(t("rollcall.wardens"))),
                        .ul(.forEach(wardens) { .li(.text("\($0.0) — \($0.1)")) }),
                        postForm(
                            AppPath.rollCallWardens(id).path, csrf: csrf, FormField.summary(form),
                            FormField.text("warden", t("rollcall.warden"), form, hint: t("rollcall.warden_hint")),
                            FormField.select("zone", t("rollcall.zone"), form, options: zones),
                            FormField.submit(t("rollcall.add_warden")))),
                    .section(
                        .class("narrow"),
                        postForm(
                            AppPath.rollCallSend(id).path, csrf: csrf, inline: true,
                            .button(.type(.submit), .text(t("rollcall.send_now")))),
                        postForm(
                            AppPath.rollCallClose(id).path, csrf: csrf, inline: true,
                            .button(.type(.submit), .class("danger"), .text(t("rollcall.close"))))))))
    }

    /// Accounted over time: a step line from the opening to the last mark, drawn on the server in
    /// the manner of the other history charts (grid at 0, 50 and 100 %, hours along the bottom).
    static func chart(_ p: AccountingProgress, title: String, _ t: Localizer) -> String {
        guard p.total > 0, let last = p.series.last?.0 else { return "" }
        let width = 520.0, height = 180.0, left = 36.0, right = 10.0, top = 10.0, bottom = 28.0
        let plotW = width - left - right, plotH = height - top - bottom
        // Whole hours, at least one, so the ticks fall on round times.
        let hours = max(1, Int((last / 3600).rounded(.up)))
        let span = Double(hours) * 3600
        func x(_ seconds: Double) -> Double { left + plotW * seconds / span }
        func y(_ n: Int) -> Double { top + plotH * (1 - Double(n) / Double(p.total)) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Charts.f(width)) \(Charts.f(height))\" width=\"\(Charts.f(width))\" height=\"\(Charts.f(height))\"><title>\(Charts.escape(title))</title>"
        for tick in [0, 50, 100] {
            let ty = top + plotH * (1 - Double(tick) / 100)
            svg +=
                "<line x1=\"\(Charts.f(left))\" x2=\"\(Charts.f(width - right))\" y1=\"\(Charts.f(ty))\" y2=\"\(Charts.f(ty))\" stroke=\"#ddd\"/>"
                + "<text x=\"\(Charts.f(left - 4))\" y=\"\(Charts.f(ty + 4))\" font-size=\"10\" text-anchor=\"end\">\(tick)%</text>"
        }
        let step = max(1, hours / 6)
        for h in stride(from: 0, through: hours, by: step) {
            svg +=
                "<text x=\"\(Charts.f(x(Double(h) * 3600)))\" y=\"\(Charts.f(height - 8))\" font-size=\"11\" text-anchor=\"\(h == 0 ? "start" : (h == hours ? "end" : "middle"))\" fill=\"#3d4957\">\(Charts.escape(t("rollcall.hours", h)))</text>"
        }
        var d = "M\(Charts.f(x(0))),\(Charts.f(y(0)))"
        for (s, n) in p.sampled(Int(plotW / 2)) { d += " H\(Charts.f(x(s))) V\(Charts.f(y(n)))" }
        svg +=
            "<path d=\"\(d)\" fill=\"none\" stroke=\"\(Charts.regionPalette[0])\" stroke-width=\"2.5\"/>"
        return "<div class=\"chart-wrap\">" + svg + "</svg></div>"
    }
}

/// The page a personal link opens: how are you, and your dependants; no sign-in.
struct AnswerPage {
    var title: String
    var person: String
    var dependants: [(UUID, String, AccountStatus)]
    var current: AccountStatus
    var action: String
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .section(
            .class("narrow"),
            .p(.class("intro"), .text(t("answer.intro", person, title))),
            .if(
                current != .notReached,
                .p(.class("status ok"), .text(t("answer.already", t("rollcall.status.\(current.rawValue)"))))),
            postForm(
                action, csrf: csrf,
                FormField.textarea("note", t("answer.note"), FormState(), rows: 2),
                .forEach(dependants) { id, name, status in
                    FormField.select(
                        "dependant-\(id.uuidString.lowercased())", t("answer.dependant", name),
                        FormState(values: [
                            "dependant-\(id.uuidString.lowercased())": status == .notReached ? "safe" : status.rawValue
                        ]),
                        options: [AccountStatus.safe, .needsHelp, .injured, .missing].map {
                            ($0.rawValue, t("rollcall.status.\($0.rawValue)"))
                        })
                },
                .div(
                    .class("actions"),
                    .button(
                        .type(.submit), .name("status"), .value("safe"), .class("primary"), .text(t("answer.safe"))),
                    .button(
                        .type(.submit), .name("status"), .value("needs_help"), .class("danger"), .text(t("answer.help"))
                    ))))
    }
}

import Foundation
@preconcurrency import Plot
import ResilienceCore

/// A unit's activations and the form to activate its plan.
struct ActivationsPage {
    struct Row {
        var id: UUID; var kind: String; var startedAt: Date; var places: String; var status: Activation.Status;
        var closedAt: Date?
    }
    var unitID: UUID
    var unitName: String
    var rows: [Row]
    var mayActivate: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(.li(link(.unit(unitID), unitName)))),
            dataTable(
                caption: t("activation.list"),
                headers: [t("activation.kind"), t("activation.started"), t("activation.places"), t("field.status")],
                rows: rows.map { r in
                    [
                        .a(.href(AppPath.activation(r.id).path), .safe(t("scenario_kind.\(r.kind)"))),
                        .safe(t.dateTime(r.startedAt)), .safe(r.places),
                        .safe(
                            r.status == .open
                                ? t("activation.status.open") : t("activation.closed_at", t.dateTime(r.closedAt))),
                    ]
                }, empty: t("activation.none")),
            .if(
                mayActivate,
                .section(
                    .class("narrow"), .h2(.safe(t("activation.start"))),
                    .p(.class("hint"), .safe(t("activation.start_hint"))),
                    FormField.summary(form),
                    postForm(
                        AppPath.unitActivations(unitID).path, csrf: csrf,
                        FormField.select(
                            "kind", t("activation.kind"), form,
                            options: ListSpec.options(ScenarioKind.self, "scenario_kind", t)),
                        FormField.text(
                            "startedAt", t("activation.started"), form, type: .datetimeLocal, required: true,
                            hint: t("activation.started_hint")),
                        FormField.textarea(
                            "places", t("activation.places"), form, rows: 2, hint: t("activation.places_hint")),
                        FormField.submit(t("activation.start")))))
        )
    }
}

/// The one-page status of an activation: each critical process's state in recovery order, the
/// log, and (for those who run it) the forms to report and to close.
struct ActivationPage {
    struct LogLine { var at: Date; var by: String; var process: String?; var state: String?; var note: String }
    var activation: Activation
    var unitName: String
    var processes: [Activation.Process]
    var states: [UUID: ProcessState]
    var lastNote: [UUID: (Date, String)]
    var log: [LogLine]
    var mayRun: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let id = activation.id!
        let open = activation.status == .open
        let counts = ActivationRules.counts(states, processes: processes.map(\.id))
        return .group(
            .nav(
                .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                .ul(
                    .li(link(.unit(activation.$unit.id), unitName)),
                    .li(link(.unitActivations(activation.$unit.id), t("activation.list"))))),
            .p(
                .class("status-line"),
                .span(
                    .class(open ? "badge active" : "badge final"),
                    .safe(open ? t("activation.status.open") : t("activation.status.closed")))),
            .dl(
                .class("facts"),
                .dt(.safe(t("activation.kind"))), .dd(.safe(t("scenario_kind.\(activation.kind)"))),
                .dt(.safe(t("activation.started"))),
                .dd(.safe("\(t.dateTime(activation.startedAt)) · \(activation.startedByName)")),
                .dt(.safe(t("activation.places"))), .dd(.safe(activation.places)),
                .if(
                    !open,
                    .group(
                        .dt(.safe(t("activation.closed"))), .dd(.safe(t.dateTime(activation.closedAt))),
                        .dt(.safe(t("activation.after_action"))), .dd(.safe(activation.afterAction ?? ""))))),
            .ul(
                .class("state-counts"),
                .forEach(ProcessState.allCases) { state in
                    .li(
                        .class("state \(state.rawValue)"),
                        .safe("\(t("process_state.\(state.rawValue)")): \(counts[state] ?? 0)"))
                }),
            .h2(.safe(t("activation.processes"))),
            dataTable(
                caption: t("activation.processes"),
                headers: ["#", t("field.name"), "RTO", t("activation.state"), t("activation.last_note")]
                    + (mayRun && open ? [t("activation.report")] : []),
                rows: processes.enumerated().map { i, p in
                    let state = states[p.id] ?? .normal
                    let note = lastNote[p.id]
                    var cells: [BodyNode] = [
                        .safe(String(i + 1)), .safe(p.name), .safe(p.rtoHours.map { Charts.duration($0, t) } ?? "—"),
                        .span(.class("state \(state.rawValue)"), .safe(t("process_state.\(state.rawValue)"))),
                        .safe(note.map { "\(t.dateTime($0.0)): \($0.1)" } ?? ""),
                    ]
                    if mayRun && open {
                        cells.append(
                            postForm(
                                AppPath.activationProcess(id, p.id).path, csrf: csrf, inline: true,
                                .select(
                                    .attribute(named: "name", value: "state"),
                                    .attribute(named: "aria-label", value: t("activation.state")),
                                    .forEach(ProcessState.allCases) {
                                        option($0.rawValue, t("process_state.\($0.rawValue)"), selected: $0 == state)
                                    }),
                                .input(
                                    .type(.text), .name("note"),
                                    .attribute(named: "aria-label", value: t("activation.note")),
                                    .attribute(named: "placeholder", value: t("activation.note"))),
                                .button(.type(.submit), .safe(t("activation.report")))))
                    }
                    return cells
                }, empty: t("plan.no_processes")),
            .if(
                mayRun && open,
                .section(
                    .class("narrow"),
                    FormField.summary(form),
                    .h2(.safe(t("activation.add_note"))),
                    postForm(
                        AppPath.activationLog(id).path, csrf: csrf,
                        FormField.textarea("note", t("activation.note"), form, rows: 2),
                        FormField.submit(t("activation.add_note"))),
                    .h2(.safe(t("activation.close"))),
                    .p(.class("hint"), .safe(t("activation.close_hint"))),
                    postForm(
                        AppPath.activationClose(id).path, csrf: csrf,
                        FormField.textarea("afterAction", t("activation.after_action"), form, rows: 4),
                        FormField.submit(t("activation.close"))))),
            .h2(.safe(t("activation.log"))),
            dataTable(
                caption: t("activation.log"),
                headers: [
                    t("audit.when"), t("audit.who"), t("field.name"), t("activation.state"), t("activation.note"),
                ],
                rows: log.map { l in
                    [
                        .safe(t.dateTime(l.at)), .safe(l.by), .safe(l.process ?? ""),
                        .safe(l.state.map { t("process_state.\($0)") } ?? ""), .safe(l.note),
                    ]
                }, empty: "")
        )
    }
}

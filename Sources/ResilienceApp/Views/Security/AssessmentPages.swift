import Foundation
@preconcurrency import Plot
import ResilienceCore

/// Names of what an assessment holds.
enum AssessmentViews {
    static func threatKind(_ code: String, _ names: RiskNames) -> String {
        ThreatCategory(rawValue: code).map { LevelViews.name($0, names.t) } ?? names.kind(code)
    }

    static func rating(_ r: RiskRating, _ names: RiskNames) -> BodyNode {
        .group(
            .text("\(r.likelihood) × \(r.impact) "),
            .unwrap(names.level(of: r)) { .raw(RiskPages.levelBadge($0, names)) })
    }

    static func state(_ s: AssessmentState, _ t: Localizer) -> BodyNode {
        .span(.class("badge \(s.rawValue)"), .text(t("assessment_state.\(s.rawValue)")))
    }

    static func status(_ s: AssessmentStatus, _ t: Localizer) -> BodyNode {
        .span(.class("badge sra-\(s.rawValue)"), .text(t("assessment_status.\(s.rawValue)")))
    }
}

/// An area's assessments, newest first, and the way to start the next one.
struct AssessmentListPage {
    var area: SecurityArea
    var versions: [RiskAssessmentRecord]
    var status: AssessmentStatus
    var mayManage: Bool
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("assessment.intro"))),
            .dl(
                .class("facts"), .dt(.text(t("assessment.status"))), .dd(AssessmentViews.status(status, t))),
            .if(
                mayManage,
                postForm(
                    AppPath.areaAssessments(area.id!).path, csrf: csrf,
                    FormField.submit(
                        t(
                            versions.contains { $0.state.isEditable || $0.state == .submitted }
                                ? "assessment.open_draft" : "assessment.start")))),
            dataTable(
                caption: t("assessment.versions"),
                headers: [
                    t("assessment.version"), t("field.status"), t("assessment.threats"), t("assessment.valid_until"),
                    t("assessment.decided"),
                ],
                rows: versions.reversed().map { r in
                    [
                        link(.riskAssessment(r.id!), t("assessment.version_n", r.version)),
                        AssessmentViews.state(r.state, t),
                        .text(t.number(r.assessment.threats.count)), .text(t.date(r.validUntil)),
                        .text(r.decidedByName.map { "\($0), \(t.date(r.decidedAt))" } ?? "—"),
                    ]
                }, empty: t("assessment.none")))
    }
}

/// One version of an assessment: its threats, the measures it adds, what changed since the
/// version before, and the moves the person may make.
struct AssessmentPage {
    var record: RiskAssessmentRecord
    var area: SecurityArea
    var previous: RiskAssessmentRecord?
    var catalogue: [SecurityMeasure]
    var names: RiskNames
    var acceptable: AcceptableRisk
    var may: (manage: Bool, decide: Bool)
    /// Critical processes of plans done in this area beyond what their PC level accepts.
    var findings: [AcceptableRiskFinding]
    /// The threads on its threats, and whether the person may write in them now.
    var comments: [AssessmentComment]
    var mayComment: Bool
    var forms: (threat: FormState, move: FormState, comment: FormState)
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let content = record.assessment
        let editable = record.state.isEditable && may.manage
        let worst = content.worstResidual(names.scale.matrix)
        return .group(
            .dl(
                .class("facts"),
                .dt(.text(t("security.area"))), .dd(link(.securityArea(area.id!), area.name(in: t.code))),
                .dt(.text(t("field.status"))), .dd(AssessmentViews.state(record.state, t)),
                .dt(.text(t("assessment.valid_until"))), .dd(.text(t.date(record.validUntil))),
                .dt(.text(t("assessment.worst_residual"))),
                .dd(worst.map { .raw(RiskPages.levelBadge($0, names)) } ?? .text("—")),
                .dt(.text(t("assessment.acceptable_for"))), .dd(.text(acceptableFor(worst, t))),
                .dt(.text(t("assessment.submitted"))),
                .dd(.text(record.submittedByName.map { "\($0), \(t.date(record.submittedAt))" } ?? "—")),
                .dt(.text(t("assessment.decided"))),
                .dd(.text(record.decidedByName.map { "\($0), \(t.date(record.decidedAt))" } ?? "—")),
                .unwrap(record.decisionNote) { .group(.dt(.text(t("security.decision_note"))), .dd(.text($0))) }),
            .section(
                .h2(.text(t("assessment.threats"))),
                dataTable(
                    caption: t("assessment.threats"),
                    headers: [
                        t("assessment.threat"), t("assessment.before"), t("assessment.measures"), t("assessment.after"),
                        t("assessment.decision"),
                    ] + (editable ? [""] : []),
                    rows: content.threats.map { th in
                        [
                            .group(
                                .strong(.text(AssessmentViews.threatKind(th.kind, names))), .p(.text(th.description))),
                            AssessmentViews.rating(th.inherent, names), .text(th.measures),
                            AssessmentViews.rating(th.residual, names), .text(t("decision.\(th.decision.rawValue)")),
                        ]
                            + (editable
                                ? [
                                    .group(
                                        link(.riskAssessmentThreat(record.id!, th.id), t("plan.change")),
                                        postForm(
                                            AppPath.riskAssessmentThreatRemove(record.id!, th.id).path, csrf: csrf,
                                            inline: true,
                                            .button(.type(.submit), .class("link"), .text(t("plan.remove")))))
                                ] : [])
                    }, empty: t("assessment.no_threats")),
                .if(
                    editable,
                    .section(
                        .class("wide-form"), .h3(.text(t("assessment.add_threat"))),
                        ThreatForm(
                            action: AppPath.riskAssessmentThreats(record.id!).path, names: names, form: forms.threat,
                            csrf: csrf
                        ).body(t)))),
            .section(
                .h2(.text(t("assessment.added_measures"))),
                .p(.class("hint"), .text(t("assessment.added_measures_hint"))),
                editable
                    ? postForm(
                        AppPath.riskAssessmentMeasures(record.id!).path, csrf: csrf,
                        FormField.checkboxes(
                            "measure", t("assessment.added_measures"),
                            FormState(
                                values: Dictionary(
                                    uniqueKeysWithValues: content.addedMeasures.map { ("measure-\($0)", "true") })),
                            options: catalogue.map { (value: $0.code, label: "\($0.code) · \($0.name(in: t.code))") }),
                        FormField.submit(t("common.save")))
                    : .ul(
                        .forEach(content.addedMeasures) { code in
                            .li(.text("\(code) · \(catalogue.first { $0.code == code }?.name(in: t.code) ?? "")"))
                        })),
            .if(
                !findings.isEmpty,
                .section(
                    .h2(.text(t("acceptable.title"))), .p(.class("hint"), .text(t("acceptable.intro"))),
                    .ul(.forEach(findings) { .li(.text(AcceptableRiskViews.message($0, names))) }))),
            threads(t),
            .unwrap(previous) { changes(since: $0, t) },
            moves(t))
    }

    /// The threads: the assessment as a whole, then each threat, each message with who and when;
    /// the form to write in one of them.
    private func threads(_ t: Localizer) -> BodyNode {
        let threats = record.assessment.threats
        let groups: [(UUID?, String)] =
            [(nil, t("assessment.whole"))]
            + threats.map { ($0.id, "\(AssessmentViews.threatKind($0.kind, names)) — \($0.description)") }
        let shown = groups.filter { g in comments.contains { $0.threatID == g.0 } }
        return .section(
            .id("threads"), .h2(.text(t("assessment.threads"))),
            shown.isEmpty ? .p(.class("hint"), .text(t("assessment.no_threads"))) : .empty,
            .forEach(shown) { g in
                .element(
                    named: "article",
                    nodes: [
                        .class("thread"), .h3(.text(g.1)),
                        .ol(
                            .class("messages"),
                            .forEach(comments.filter { $0.threatID == g.0 }) { c in
                                .li(
                                    .p(.class("meta"), .text("\(c.authorName) · \(t.dateTime(c.at))")),
                                    .p(.text(c.body)))
                            }),
                    ])
            },
            .if(
                mayComment,
                postForm(
                    AppPath.riskAssessmentComments(record.id!).path, csrf: csrf, FormField.summary(forms.comment),
                    FormField.select(
                        "threat", t("assessment.comment_on"), forms.comment,
                        options: groups.map { (value: $0.0?.uuidString.lowercased() ?? "", label: $0.1) }),
                    FormField.textarea("body", t("assessment.comment"), forms.comment),
                    FormField.submit(t("assessment.send")))))
    }

    private func acceptableFor(_ level: RiskLevel?, _ t: Localizer) -> String {
        guard let level else { return "—" }
        let pcs = ProgrammeCriticality.allCases.filter { acceptable.accepts($0, at: level) }
        return pcs.isEmpty ? t("assessment.no_programme") : t.list(pcs.map { t("pc.\($0.rawValue)") })
    }

    /// What this version changed from the one before: threats added, removed or re-rated, and
    /// measures added or dropped.
    private func changes(since old: RiskAssessmentRecord, _ t: Localizer) -> BodyNode {
        let before = old.assessment, now = record.assessment
        let oldByID = Dictionary(before.threats.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for th in now.threats {
            let name = AssessmentViews.threatKind(th.kind, names)
            guard let was = oldByID[th.id] else {
                lines.append(t("assessment.change_added", name, th.description)); continue
            }
            if was != th { lines.append(t("assessment.change_changed", name, th.description)) }
        }
        for th in before.threats where !now.threats.contains(where: { $0.id == th.id }) {
            lines.append(t("assessment.change_removed", AssessmentViews.threatKind(th.kind, names), th.description))
        }
        for code in Set(now.addedMeasures).subtracting(before.addedMeasures).sorted() {
            lines.append(t("assessment.change_measure_added", code))
        }
        for code in Set(before.addedMeasures).subtracting(now.addedMeasures).sorted() {
            lines.append(t("assessment.change_measure_removed", code))
        }
        return .section(
            .h2(.text(t("assessment.changes_since", old.version))),
            lines.isEmpty ? .p(.text(t("plan.no_changes"))) : .ul(.forEach(lines) { .li(.text($0)) }))
    }

    private func moves(_ t: Localizer) -> BodyNode {
        let officer = may.manage && (record.state.isEditable || record.state == .submitted)
        let desk = may.decide && record.state == .submitted
        guard officer || desk else { return .empty }
        return .section(
            .class("callout"), .h2(.text(t("assessment.moves"))),
            postForm(
                AppPath.riskAssessmentMove(record.id!).path, csrf: csrf, FormField.summary(forms.move),
                .unwrap(forms.move.errors["move"]) { .p(.class("error"), .id("f-move-error"), .text($0)) },
                .if(
                    desk,
                    FormField.textarea(
                        "reason", t("security.decision_note"), forms.move, hint: t("security.decide_hint"))),
                .div(
                    .class("actions"),
                    .if(
                        officer && record.state.isEditable,
                        .button(
                            .type(.submit), .class("primary"), .name("move"), .value("submit"),
                            .text(t("assessment.submit")))),
                    .if(
                        officer && record.state == .submitted,
                        .button(.type(.submit), .name("move"), .value("withdraw"), .text(t("security.withdraw")))),
                    .if(
                        desk,
                        .group(
                            .button(
                                .type(.submit), .class("primary"), .name("move"), .value("approve"),
                                .text(t("security.approve"))),
                            .button(.type(.submit), .name("move"), .value("return"), .text(t("security.return"))))))))
    }
}

/// The fields of one threat.
struct ThreatForm {
    var action: String
    var names: RiskNames
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let ratings =
            [(value: "", label: t("common.choose"))] + RiskRating.range.map { (value: String($0), label: String($0)) }
        let kinds = ThreatCategory.allCases.map(\.rawValue) + names.scale.addedKinds
        return postForm(
            action, csrf: csrf, FormField.summary(form),
            FormField.select(
                "kind", t("assessment.threat"), form,
                options: [(value: "", label: t("common.choose"))]
                    + kinds.map { (value: $0, label: AssessmentViews.threatKind($0, names)) }),
            FormField.textarea("description", t("assessment.description"), form),
            fieldset(
                "pair", t("assessment.before"),
                FormField.select("likelihood", t("risk.likelihood"), form, options: ratings),
                FormField.select("impact", t("risk.impact"), form, options: ratings)),
            FormField.textarea("measures", t("assessment.measures"), form, hint: t("assessment.measures_hint")),
            fieldset(
                "pair", t("assessment.after"),
                FormField.select("residual_likelihood", t("risk.likelihood"), form, options: ratings),
                FormField.select("residual_impact", t("risk.impact"), form, options: ratings)),
            FormField.select(
                "decision", t("assessment.decision"), form,
                options: [(value: "", label: t("common.choose"))]
                    + RiskDecision.allCases.map { (value: $0.rawValue, label: t("decision.\($0.rawValue)")) }),
            FormField.submit(t("common.save")))
    }
}

/// The critical processes done where the residual risk is beyond what their programme
/// criticality accepts, as a list of warnings that link to the assessment.
enum AcceptableRiskViews {
    static func message(_ f: AcceptableRiskFinding, _ names: RiskNames) -> String {
        let t = names.t
        return t("acceptable.finding", f.process, t("pc.\(f.criticality.rawValue)"), f.place, names.level(f.residual))
    }

    /// One warning per process: at one place, that place's assessment; at several, each named
    /// with its residual risk and linked to its assessment.
    static func warnings(_ findings: [AcceptableRiskFinding], _ names: RiskNames) -> BodyNode {
        let t = names.t
        var order: [UUID] = []
        let byProcess = Dictionary(grouping: findings, by: \.processID)
        for f in findings where !order.contains(f.processID) { order.append(f.processID) }
        return .ul(
            .class("checks"),
            .forEach(order) { id in
                let here = byProcess[id] ?? []
                let f = here[0]
                return .li(
                    .class("warning"), .strong(.text(t("severity.warning") + " ")),
                    here.count == 1
                        ? .a(.href(AppPath.riskAssessment(f.assessmentID).path), .text(message(f, names)))
                        : .group(
                            .text(
                                t("acceptable.finding_many", f.process, t("pc.\(f.criticality.rawValue)"), here.count)
                                    + " "),
                            .forEach(here.enumerated()) { i, p in
                                .group(
                                    .if(i > 0, .text(t("common.list_separator"))),
                                    .a(
                                        .href(AppPath.riskAssessment(p.assessmentID).path),
                                        .text("\(p.place) (\(names.level(p.residual)))")))
                            }))
            })
    }

    /// The plan's section of such warnings, or nothing.
    static func section(_ findings: [AcceptableRiskFinding], _ names: RiskNames) -> BodyNode {
        let t = names.t
        return .if(
            !findings.isEmpty,
            .section(
                .class("acceptable-risk"), .h2(.text(t("acceptable.title"))),
                .p(.class("hint"), .text(t("acceptable.intro"))),
                warnings(findings, names)))
    }

    /// Plans with such processes, by unit: the security dashboards' table.
    static func table(
        _ rows: [(unit: Unit, plan: Plan, findings: [AcceptableRiskFinding])], _ names: RiskNames
    )
        -> BodyNode
    {
        let t = names.t
        return .section(
            .h2(.text(t("acceptable.title"))),
            .p(.class("hint"), .text(t("acceptable.intro"))),
            dataTable(
                caption: t("acceptable.title"),
                headers: [
                    t("field.unit"), t("plan.cycle"), t("acceptable.process"), t("acceptable.place"),
                    t("assessment.worst_residual"),
                ],
                rows: rows.flatMap { r in
                    r.findings.map { f in
                        [
                            .text(r.unit.name), link(.plan(r.plan.id!), t("plan.cycle_title", r.plan.cycle)),
                            .text("\(f.process) (\(t("pc.\(f.criticality.rawValue)")))"), .text(f.place),
                            .a(
                                .href(AppPath.riskAssessment(f.assessmentID).path),
                                .raw(RiskPages.levelBadge(f.residual, names))),
                        ]
                    }
                }, empty: t("acceptable.none")))
    }
}

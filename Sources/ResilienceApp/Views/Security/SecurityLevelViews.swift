import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The small pieces every security page shows a level with.
enum LevelViews {
    /// "4 – Substantial" in the level's colour.
    static func badge(_ level: SecurityLevel, _ t: Localizer) -> BodyNode {
        .span(
            .class("badge security-\(level.rawValue)"),
            .text(t("security.level_n", level.rawValue, t("security_level.\(level.code)"))))
    }

    /// The five ratings in a line: "Armed conflict 3, Terrorism 2 …".
    static func threats(_ ratings: ThreatRatings?, _ t: Localizer) -> String {
        guard let ratings else { return "—" }
        return t.list(
            ThreatCategory.allCases.map { c in name(c, t) + " " + String(ratings[c].rawValue) })
    }

    static func name(_ category: ThreatCategory, _ t: Localizer) -> String {
        t("threat.\(category.rawValue)")
    }

    /// The level in force with its review date, flagged when overdue; or that there is none.
    static func inForce(_ decision: SecurityLevelDecision?, overdue: Bool, _ t: Localizer) -> BodyNode {
        guard let decision else { return .span(.class("muted"), .text(t("security.no_level"))) }
        return .group(
            badge(decision.securityLevel, t),
            .if(
                overdue,
                .span(.class("badge overdue"), .text(t("security.review_overdue", t.date(decision.nextReview))))))
    }

    /// The intervals HQ set, as the proposal form's hint lists them.
    static func intervals(_ intervals: LevelReviewIntervals, _ t: Localizer) -> String {
        t.list(SecurityLevel.allCases.map { t("security.interval_n", $0.rawValue, intervals.months(for: $0)) })
    }
}

/// The areas of a country (or of every country in a person's reach) with their levels.
struct SecurityAreasPage {
    var standings: [AreaStanding]
    /// The unit whose areas these are, when the page is a unit's; with the right to add one.
    var unit: (id: UUID, mayManage: Bool)?
    /// The measures compliance of the units the page covers, with the units right below them.
    var compliance: [(unit: Unit, rollUps: ComplianceService.RollUps)]
    /// Plans with critical processes beyond acceptable risk.
    var acceptable: [(unit: Unit, plan: Plan, findings: [AcceptableRiskFinding])]
    var names: RiskNames

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("security.intro"))),
            .ul(
                .class("links"),
                .li(link(.dutyStations, t("database.title"))), .li(link(.securityMeasures, t("measures.catalogue"))),
                .li(link(.agencies, t("agencies.title"))), .li(link(.securitySettings, t("settings.security_title")))),
            .forEach(compliance) { c in
                .section(
                    .h2(.text(t("measures.compliance_of", c.unit.name))),
                    .p(.text(ComplianceViews.rollUp(c.rollUps.all, t))),
                    .if(
                        !c.rollUps.children.isEmpty,
                        dataTable(
                            caption: t("measures.compliance_of", c.unit.name),
                            headers: [
                                t("field.unit"), t("measures.average"), t("measures.fully_compliant"),
                                t("measures.stations_rated"),
                            ],
                            rows: c.rollUps.children.map { child in
                                [
                                    link(.unitSecurity(child.unit.id!), child.unit.name),
                                    .text(ComplianceViews.percent(child.rollUp.averagePercent, t)),
                                    .text(
                                        child.rollUp.stations == 0
                                            ? "—"
                                            : t(
                                                "measures.n_of_m", t.number(child.rollUp.fullyCompliant),
                                                t.number(child.rollUp.stations),
                                                ComplianceViews.percent(child.rollUp.fullyCompliantPercent, t))),
                                    .text(t.number(child.rollUp.stations)),
                                ]
                            }, empty: "")))
            },
            .if(
                unit?.mayManage == true,
                .ul(
                    .class("actions-bar"),
                    .li(link(.unitSecurityNewArea(unit?.id ?? AppPath.any), t("security.new_area"))))),
            AcceptableRiskViews.table(acceptable, names),
            dataTable(
                caption: t("security.areas"),
                headers: [
                    t("security.area"), t("security.country"), t("security.level"), t("security.threats"),
                    t("security.next_review"), t("field.unit"), t("security.stations"),
                ],
                rows: standings.map { s in
                    [
                        .group(
                            link(.securityArea(s.area.id!), s.area.name(in: t.code)),
                            .unwrap(s.waiting) { w in
                                .p(
                                    .class("hint"),
                                    .text(t("security.waiting", w.level, t.date(w.proposedAt))))
                            }),
                        .text(s.area.country),
                        LevelViews.inForce(s.inForce, overdue: s.overdue, t),
                        .text(LevelViews.threats(s.inForce?.threatRatings, t)),
                        .text(t.date(s.inForce?.nextReview)),
                        .text(s.unitName),
                        .text(t.number(s.stations.count)),
                    ]
                }, empty: t("security.no_areas")))
    }
}

/// One area: its level in force and the five ratings, a proposal waiting (with the desk's
/// decision form), the history, and its duty stations.
struct SecurityAreaPage {
    var standing: AreaStanding
    var history: [SecurityLevelDecision]
    /// Duty stations of the area's country in other areas, that the officer may move here.
    var movable: [(station: DutyStation, area: String)]
    var may: (manage: Bool, decide: Bool)
    /// Each station's measures compliance.
    var shares: [UUID: ComplianceShare]
    /// Where the area's risk assessment stands.
    var assessment: AssessmentStatus
    /// The decision's and the station move's forms, with what was refused.
    var forms: (decision: FormState, assign: FormState)
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let area = standing.area
        return .group(
            .dl(
                .class("facts"),
                .dt(.text(t("security.country"))), .dd(.text(area.country)),
                .dt(.text(t("field.unit"))), .dd(link(.unitSecurity(area.$unit.id), standing.unitName)),
                .dt(.text(t("security.level"))),
                .dd(LevelViews.inForce(standing.inForce, overdue: standing.overdue, t)),
                .dt(.text(t("security.effective_on"))), .dd(.text(t.date(standing.inForce?.effectiveOn))),
                .dt(.text(t("security.next_review"))), .dd(.text(t.date(standing.inForce?.nextReview))),
                .dt(.text(t("assessment.status"))),
                .dd(
                    AssessmentViews.status(assessment, t), .text(" "),
                    link(.areaAssessments(area.id!), t("assessment.open")))),
            .unwrap(standing.inForce?.threatRatings) { ratings in
                .section(
                    .h2(.text(t("security.threats"))),
                    dataTable(
                        caption: t("security.threats"), headers: [t("security.threat"), t("security.rating")],
                        rows: ThreatCategory.allCases.map { c in
                            [.text(t("threat.\(c.rawValue)")), LevelViews.badge(ratings[c], t)]
                        }, empty: ""))
            },
            .if(
                may.manage,
                .ul(
                    .class("actions-bar"),
                    .if(
                        standing.waiting == nil,
                        .li(
                            link(
                                .securityAreaNewLevel(area.id!),
                                t(standing.inForce == nil ? "security.propose" : "security.review_level")))),
                    .li(link(.securityAreaEdit(area.id!), t("security.rename"))))),
            .unwrap(standing.waiting) { waiting($0, t) },
            .section(
                .h2(.text(t("security.history"))),
                dataTable(
                    caption: t("security.history"),
                    headers: [
                        t("security.level"), t("security.threats"), t("security.effective_on"),
                        t("security.next_review"),
                        t("field.status"), t("security.reason"), t("security.proposed_by"), t("security.decided_by"),
                    ],
                    rows: history.reversed().map { d in
                        [
                            LevelViews.badge(d.securityLevel, t), .text(LevelViews.threats(d.threatRatings, t)),
                            .text(t.date(d.effectiveOn)), .text(t.date(d.nextReview)),
                            .group(
                                .span(.class("badge \(d.state.rawValue)"), .text(t("level_state.\(d.state.rawValue)"))),
                                .if(d.unchanged, .p(.class("hint"), .text(t("security.unchanged"))))),
                            .text(d.reason),
                            .text("\(d.proposedByName), \(t.date(d.proposedAt))"),
                            .group(
                                .text(d.decidedByName.map { "\($0), \(t.date(d.decidedAt))" } ?? "—"),
                                .unwrap(d.decisionNote) { .p(.class("hint"), .text($0)) }),
                        ]
                    }, empty: t("security.no_history"))),
            .section(
                .h2(.text(t("security.stations"))),
                dataTable(
                    caption: t("security.stations"),
                    headers: [t("field.name"), t("field.unit"), t("measures.compliance")],
                    rows: standing.stations.map { s in
                        [
                            link(.dutyStation(s.id!), s.name), .text(s.$unit.value?.name ?? ""),
                            link(
                                .dutyStationMeasures(s.id!),
                                shares[s.id!].map { ComplianceViews.share($0, t) } ?? "—"),
                        ]
                    }, empty: t("security.no_stations")),
                .if(
                    may.manage && !movable.isEmpty,
                    postForm(
                        AppPath.securityAreaStations(area.id!).path, csrf: csrf,
                        FormField.select(
                            "station", t("security.assign"), forms.assign,
                            options: movable.map { m in
                                (m.station.id!.uuidString, "\(m.station.name) (\(t("security.station_in", m.area)))")
                            }),
                        FormField.submit(t("security.assign_submit"))))))
    }

    private func waiting(_ d: SecurityLevelDecision, _ t: Localizer) -> BodyNode {
        .section(
            .class("callout"),
            .h2(.text(t("security.waiting", d.level, t.date(d.proposedAt)))),
            .dl(
                .class("facts"),
                .dt(.text(t("security.level"))), .dd(LevelViews.badge(d.securityLevel, t)),
                .dt(.text(t("security.threats"))), .dd(.text(LevelViews.threats(d.threatRatings, t))),
                .dt(.text(t("security.effective_on"))), .dd(.text(t.date(d.effectiveOn))),
                .dt(.text(t("security.next_review"))), .dd(.text(t.date(d.nextReview))),
                .dt(.text(t("security.reason"))), .dd(.text(d.reason)),
                .dt(.text(t("security.proposed_by"))), .dd(.text(d.proposedByName))),
            .if(d.unchanged, .p(.text(t("security.unchanged")))),
            .if(
                may.decide || may.manage,
                postForm(
                    AppPath.securityLevelDecision(d.id!).path, csrf: csrf,
                    FormField.summary(forms.decision),
                    .unwrap(forms.decision.errors["move"]) { .p(.class("error"), .id("f-move-error"), .text($0)) },
                    .if(
                        may.decide,
                        FormField.textarea(
                            "reason", t("security.decision_note"), forms.decision, hint: t("security.decide_hint"))),
                    .div(
                        .class("actions"),
                        .if(
                            may.decide,
                            .group(
                                .button(
                                    .type(.submit), .class("primary"), .name("move"),
                                    .value(LevelMove.approve.rawValue),
                                    .text(t("security.approve"))),
                                .button(
                                    .type(.submit), .name("move"), .value(LevelMove.returnToOfficer.rawValue),
                                    .text(t("security.return"))))),
                        .if(
                            may.manage,
                            .button(
                                .type(.submit), .name("move"), .value(LevelMove.withdraw.rawValue),
                                .text(t("security.withdraw"))))))))
    }
}

/// The security officer's proposal: five ratings, the reason, the dates.
struct LevelProposalPage {
    var area: SecurityArea
    var intervals: LevelReviewIntervals
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let levels = SecurityLevel.allCases.map { l in
            (value: String(l.rawValue), label: t("security.level_n", l.rawValue, t("security_level.\(l.code)")))
        }
        return .section(
            .class("narrow"),
            .p(.class("intro"), .text(t("security.propose_intro"))),
            postForm(
                AppPath.securityAreaLevels(area.id!).path, csrf: csrf,
                FormField.summary(form),
                fieldset(
                    "field", t("security.threats"),
                    .forEach(ThreatCategory.allCases) { c in
                        FormField.select(
                            "threat_\(c.rawValue)", t("threat.\(c.rawValue)"), form,
                            options: [(value: "", label: t("common.choose"))] + levels)
                    }),
                FormField.textarea("reason", t("security.reason"), form, rows: 4, hint: t("security.reason_hint")),
                FormField.text("effective_on", t("security.effective_on"), form, type: .date, required: true),
                FormField.text(
                    "next_review", t("security.next_review"), form, type: .date,
                    hint: t("security.next_review_hint", LevelViews.intervals(intervals, t))),
                FormField.submit(t("security.propose"))))
    }
}

/// A security area's names (and, when new, its country).
struct SecurityAreaFormPage {
    var action: String
    var isNew: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .section(
            .class("narrow"),
            postForm(
                action, csrf: csrf,
                FormField.summary(form),
                .if(
                    isNew,
                    FormField.text(
                        "country", t("security.country"), form, required: true, hint: t("security.country_hint"))),
                .forEach(Catalogue.shared.languages) { l in
                    FormField.text(
                        "name-\(l.code)", t("security.area_name", l.name), form,
                        hint: l.code == Catalogue.fallbackCode ? t("security.area_name_hint") : nil)
                },
                FormField.submit(t("common.save"))))
    }
}

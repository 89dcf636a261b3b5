import Foundation
@preconcurrency import Plot
import ResilienceCore

/// A unit and where it sits: its ancestors, children, duty stations and what may be done.
struct UnitPage {
    struct Item { var id: UUID; var name: String; var kind: UnitKind; var code: String?; var retired: Bool }
    struct Station { var id: UUID; var name: String; var country: String; var area: String; var retired: Bool }
    var unit: Item
    var ancestors: [Item]
    var children: [Item]
    var childrenPage: PageInfo
    var stations: [Station]
    var peopleCount: Int
    var may: (manage: Bool, viewPeople: Bool, viewAudit: Bool, viewSecurity: Bool)
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            breadcrumbs(ancestors, t),
            .dl(
                .class("facts"),
                .dt(.text(t("field.kind"))), .dd(.text(t.kind(unit.kind))),
                .dt(.text(t("field.code"))), .dd(.text(unit.code ?? "—")),
                .dt(.text(t("field.status"))), .dd(.text(unit.retired ? t("status.retired") : t("status.active")))),
            .if(
                may.manage && !unit.retired,
                .ul(
                    .class("actions-bar"),
                    .li(link(.unitEdit(unit.id), t("unit.edit"))),
                    .if(!unit.kind.allowedChildren.isEmpty, .li(link(.unitNewChild(unit.id), t("unit.new_child")))),
                    .if(!unit.kind.allowedParents.isEmpty, .li(link(.unitMove(unit.id), t("unit.move")))),
                    .li(link(.unitNewDutyStation(unit.id), t("duty_station.new"))),
                    .li(link(.unitRetire(unit.id), t("unit.retire"))))),
            .ul(
                .class("links"),
                .li(.a(.class("button"), .href(AppPath.unitPlans(unit.id).path), .text(t("unit.plans")))),
                .li(.a(.href(AppPath.unitRisks(unit.id).path), .text(t("unit.risks")))),
                .li(.a(.href(AppPath.unitActivations(unit.id).path), .text(t("unit.activations")))),
                .li(.a(.href(AppPath.unitDashboard(unit.id).path), .text(t("oversight.dashboard")))),
                .if(may.viewSecurity, .li(.a(.href(AppPath.unitSecurity(unit.id).path), .text(t("security.title"))))),
                .li(.a(.href(AppPath.unitPersonnel(unit.id).path), .text(t("personnel.title")))),
                .if(may.viewSecurity, .li(.a(.href(AppPath.unitRollCalls(unit.id).path), .text(t("rollcall.title")))))),
            .if(
                may.viewPeople || may.viewAudit,
                .ul(
                    .class("links"),
                    .if(
                        may.viewPeople,
                        .li(
                            .a(
                                .href(AppPath.users.with([("unit", unit.id.uuidString.lowercased())])),
                                .text(t("unit.people", t.number(peopleCount)))))),
                    .if(
                        may.viewAudit,
                        .li(
                            .a(
                                .href(AppPath.audit.with([("unit", unit.id.uuidString.lowercased())])),
                                .text(t("unit.audit"))))))),
            .section(
                .h2(.text(t("unit.children"))),
                unitTable(children, caption: t("unit.children"), empty: t("unit.no_children"), t),
                .if(
                    childrenPage.page > 1 || childrenPage.hasMore,
                    pager(childrenPage, path: .unit(unit.id), query: [], t))),
            .section(
                .h2(.text(t("nav.duty_stations"))),
                dataTable(
                    caption: t("nav.duty_stations"),
                    headers: [t("field.name"), t("field.country"), t("field.area"), t("field.status")],
                    rows: stations.map { s in
                        [
                            link(.dutyStation(s.id), s.name), .text(s.country), .text(s.area),
                            .text(s.retired ? t("status.retired") : t("status.active")),
                        ]
                    }, empty: t("duty_station.none")))
        )
    }
}

func breadcrumbs(_ ancestors: [UnitPage.Item], _ t: Localizer) -> BodyNode {
    .nav(
        .class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
        .ul(.li(link(.units, t("nav.units"))), .forEach(ancestors) { .li(link(.unit($0.id), $0.name)) }))
}

func unitTable(_ units: [UnitPage.Item], caption: String, empty: String, _ t: Localizer) -> BodyNode {
    dataTable(
        caption: caption, headers: [t("field.name"), t("field.kind"), t("field.code"), t("field.status")],
        rows: units.map { u in
            [
                link(.unit(u.id), u.name), .text(t.kind(u.kind)), .text(u.code ?? "—"),
                .text(u.retired ? t("status.retired") : t("status.active")),
            ]
        }, empty: empty)
}

/// The entry to the tree: its roots, the units the person holds roles on, and a search.
struct UnitsIndexPage {
    var roots: [UnitPage.Item]
    var mine: [UnitPage.Item]
    var query: String
    var results: [UnitPage.Item]?
    var resultsPage: PageInfo?

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .form(
                .action(AppPath.units.path), .method(.get), .class("search"),
                .label(.for("f-q"), .text(t("unit.search"))),
                .input(.type(.search), .id("f-q"), .name("q"), .value(query)),
                .button(.type(.submit), .text(t("common.search")))),
            .unwrap(results) { results in
                .section(
                    .h2(.text(t("common.results"))),
                    unitTable(results, caption: t("common.results"), empty: t("common.no_results"), t),
                    .unwrap(resultsPage) { pager($0, path: .units, query: [("q", query)], t) })
            },
            .section(
                .h2(.text(t("unit.mine"))), unitTable(mine, caption: t("unit.mine"), empty: t("home.no_roles"), t)),
            .section(
                .h2(.text(t("unit.roots"))),
                unitTable(roots, caption: t("unit.roots"), empty: t("common.no_results"), t))
        )
    }
}

/// Create a unit under a parent, or rename one.
struct UnitFormPage {
    var action: String
    var kinds: [UnitKind]
    var form: FormState
    var csrf: String
    var submit: String

    func body(_ t: Localizer) -> BodyNode {
        .div(
            .class("narrow"),
            FormField.summary(form),
            postForm(
                action, csrf: csrf,
                .if(
                    !kinds.isEmpty,
                    FormField.select(
                        "kind", t("field.kind"), form,
                        options: kinds.map { ($0.rawValue, t.kind($0)) })),
                FormField.text("name", t("field.name"), form, required: true),
                FormField.text("code", t("field.code"), form, hint: t("hint.code")),
                FormField.submit(submit)))
    }
}

/// Pick a new parent by searching; each candidate has its own button.
struct UnitMovePage {
    var unit: UnitPage.Item
    var query: String
    var candidates: [UnitPage.Item]
    var error: String?
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.text(t("unit.move_intro", unit.name))),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .action(AppPath.unitMove(unit.id).path), .method(.get), .class("search"),
                .label(.for("f-q"), .text(t("unit.search_parent"))),
                .input(.type(.search), .id("f-q"), .name("q"), .value(query)),
                .button(.type(.submit), .text(t("common.search")))),
            dataTable(
                caption: t("unit.candidates"), headers: [t("field.name"), t("field.kind"), ""],
                rows: candidates.map { c in
                    [
                        link(.unit(c.id), c.name), .text(t.kind(c.kind)),
                        postForm(
                            AppPath.unitMove(unit.id).path, csrf: csrf, inline: true,
                            .input(.type(.hidden), .name("parentID"), .value(c.id.uuidString.lowercased())),
                            .button(.type(.submit), .text(t("unit.move_here")))),
                    ]
                }, empty: t("common.no_results")))
    }
}

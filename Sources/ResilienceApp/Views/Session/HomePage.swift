import Foundation
@preconcurrency import Plot
import ResilienceCore

/// What a person sees first: where they are posted and what they hold where.
struct HomePage {
    struct GrantRow { var role: Role; var unitID: UUID; var unitName: String; var unitKind: UnitKind }
    var displayName: String
    var homeUnit: (id: UUID, name: String, kind: UnitKind)
    var grants: [GrantRow]
    var unread: Int = 0
    var tasks: [Task] = []

    /// One thing that needs the person: what stands, and the next step forward as the button.
    struct Task {
        static let longestList = 8
        var heading: String
        var lines: [String]
        /// Plans waiting for the person, each linked.
        var items: [(label: String, path: String)] = []
        /// The next forward step, the page's primary button.
        var action: (label: String, path: String)?
        /// A way to look, not a step forward.
        var secondary: (label: String, path: String)?
        var urgent = false
    }

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("lead"), .text(t("home.welcome", displayName))),
            .if(
                unread > 0,
                .p(
                    .class("notice"),
                    .a(.href(AppPath.inbox.path), .text(t.plural("home.inbox", count: unread, t.number(unread)))))),
            .if(
                !tasks.isEmpty,
                .section(
                    .class("tasks"), .h2(.text(t("home.needs_you"))),
                    .forEach(tasks) { task in
                        .article(
                            .class(task.urgent ? "task urgent" : "task"), .h3(.text(task.heading)),
                            .forEach(task.lines) { .p(.text($0)) },
                            .if(
                                !task.items.isEmpty,
                                .ul(.forEach(task.items) { .li(.a(.href($0.path), .text($0.label))) })),
                            .if(
                                task.action != nil || task.secondary != nil,
                                .p(
                                    .class("actions"),
                                    .unwrap(task.action) { .a(.class("button"), .href($0.path), .text($0.label)) },
                                    .unwrap(task.secondary) {
                                        .a(.class("button secondary"), .href($0.path), .text($0.label))
                                    })))
                    })),
            .section(
                .h2(.text(t("home.my_unit"))),
                .p(
                    .a(.href(AppPath.unit(homeUnit.id).path), .text(homeUnit.name)),
                    .text(" · " + t.kind(homeUnit.kind))),
                .if(
                    OversightService.planningKinds.contains(homeUnit.kind),
                    .p(
                        .a(
                            .class("button secondary"), .href(AppPath.unitPlans(homeUnit.id).path),
                            .text(t("home.my_plans")))))),
            .section(
                .h2(.text(t("home.my_roles"))),
                dataTable(
                    caption: t("home.my_roles"), headers: [t("field.role"), t("field.unit")],
                    rows: grants.map { g in
                        [
                            .text(t.role(g.role)),
                            .group(link(.unit(g.unitID), g.unitName), .text(" · " + t.kind(g.unitKind))),
                        ]
                    }, empty: t("home.no_roles")))
        )
    }
}

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

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("lead"), .text(t("home.welcome", displayName))),
            .if(
                unread > 0,
                .p(
                    .class("notice"),
                    .a(.href(AppPath.inbox.path), .text(t.plural("home.inbox", count: unread, t.number(unread)))))),
            .section(
                .h2(.text(t("home.my_unit"))),
                .p(
                    .a(.href(AppPath.unit(homeUnit.id).path), .text(homeUnit.name)),
                    .text(" · " + t.kind(homeUnit.kind))),
                .p(.a(.class("button"), .href(AppPath.unitPlans(homeUnit.id).path), .text(t("home.my_plans"))))),
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

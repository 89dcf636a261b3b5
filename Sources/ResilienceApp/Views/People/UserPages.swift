import Foundation
@preconcurrency import Plot
import ResilienceCore

struct UsersPage {
    struct Row {
        var id: UUID; var username: String; var displayName: String; var unitID: UUID; var unitName: String;
        var active: Bool
    }
    var rows: [Row]
    var info: PageInfo
    var query: String
    var unitFilter: (id: UUID, name: String)?
    var mayCreate: Bool

    func body(_ t: Localizer) -> BodyNode {
        let unitValue = unitFilter?.id.uuidString.lowercased()
        return .group(
            .if(
                mayCreate,
                .p(.a(.class("button"), .href(AppPath.userNew.with([("unit", unitValue)])), .text(t("user.new"))))),
            .unwrap(unitFilter) { .p(.text(t("user.filtered_by_unit")), .text(" "), link(.unit($0.id), $0.name)) },
            .form(
                .action(AppPath.users.path), .method(.get), .class("search"),
                .unwrap(unitValue) { .input(.type(.hidden), .name("unit"), .value($0)) },
                .label(.for("f-q"), .text(t("user.search"))),
                .input(.type(.search), .id("f-q"), .name("q"), .value(query)),
                .button(.type(.submit), .text(t("common.search")))),
            dataTable(
                caption: t("nav.users"),
                headers: [t("field.username"), t("field.display_name"), t("field.unit"), t("field.status")],
                rows: rows.map { r in
                    [
                        link(.user(r.id), r.username), .text(r.displayName), link(.unit(r.unitID), r.unitName),
                        .text(r.active ? t("status.active") : t("status.inactive")),
                    ]
                }, empty: t("common.no_results")),
            keyPager(
                info, path: .users,
                query: [("q", query.isEmpty ? nil : query), ("unit", unitValue), ("per", String(info.per))], t))
    }
}

struct UserPage {
    struct GrantRow {
        var id: UUID; var role: Role; var unitID: UUID; var unitName: String
        var granted: Date?; var grantedBy: String?; var revoked: Date?; var mayRevoke: Bool
    }
    var user: UsersPage.Row
    var email: String?
    var lastSignIn: Date?
    var grants: [GrantRow]
    var grantableRoles: [Role]
    var mayEdit: Bool
    var mayAudit: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .dl(
                .class("facts"),
                .dt(.text(t("field.username"))), .dd(.text(user.username)),
                .dt(.text(t("field.email"))), .dd(.text(email ?? "—")),
                .dt(.text(t("field.home_unit"))), .dd(link(.unit(user.unitID), user.unitName)),
                .dt(.text(t("field.status"))), .dd(.text(user.active ? t("status.active") : t("status.inactive"))),
                .dt(.text(t("user.last_sign_in"))), .dd(.text(t.dateTime(lastSignIn)))),
            .ul(
                .class("actions-bar"),
                .if(mayEdit, .li(link(.userEdit(user.id), t("user.edit")))),
                .if(
                    mayAudit,
                    .li(
                        .a(
                            .href(AppPath.audit.with([("user", user.id.uuidString.lowercased())])),
                            .text(t("user.audit")))))),
            .section(
                .h2(.text(t("user.roles"))),
                dataTable(
                    caption: t("user.roles"),
                    headers: [t("field.role"), t("field.unit"), t("user.granted"), t("field.status"), ""],
                    rows: grants.map { g in
                        [
                            .text(t.role(g.role)), link(.unit(g.unitID), g.unitName),
                            .text(t.dateTime(g.granted) + (g.grantedBy.map { " · " + $0 } ?? "")),
                            .text(g.revoked == nil ? t("status.active") : t("user.revoked_at", t.dateTime(g.revoked))),
                            // Revoking asks first (a page of its own, with or without JavaScript).
                            g.mayRevoke && g.revoked == nil
                                ? .a(.class("danger"), .href(AppPath.grantRevoke(g.id).path), .text(t("user.revoke")))
                                : .text(""),
                        ]
                    }, empty: t("home.no_roles"))),
            .if(
                !grantableRoles.isEmpty,
                .section(
                    .h2(.text(t("user.grant"))),
                    FormField.summary(form),
                    postForm(
                        AppPath.userGrants(user.id).path, csrf: csrf,
                        FormField.select(
                            "role", t("field.role"), form, options: grantableRoles.map { ($0.rawValue, t.role($0)) }),
                        FormField.unit("unit", t("field.unit"), form, hint: t("hint.unit_ref")),
                        FormField.submit(t("user.grant"))))))
    }
}

struct UserFormPage {
    var action: String
    var creating: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .div(
            .class("narrow"),
            FormField.summary(form),
            postForm(
                action, csrf: csrf,
                .if(
                    creating,
                    FormField.text(
                        "username", t("field.username"), form, required: true, autocomplete: "off",
                        hint: t("hint.username"))),
                FormField.text("displayName", t("field.display_name"), form, required: true),
                FormField.text("email", t("field.email"), form, type: .email),
                FormField.unit("homeUnit", t("field.home_unit"), form, hint: t("hint.unit_ref")),
                FormField.select("language", t("field.language"), form, options: languageOptions(t)),
                .if(
                    creating,
                    FormField.text(
                        "password", t("field.password"), form, type: .password, required: true,
                        autocomplete: "new-password", hint: t("hint.password"), keepValue: false)),
                .if(!creating, FormField.checkbox("isActive", t("field.active"), form)),
                FormField.submit(creating ? t("user.create") : t("common.save"))))
    }
}

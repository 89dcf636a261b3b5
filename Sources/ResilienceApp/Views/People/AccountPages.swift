import Foundation
@preconcurrency import Plot

/// The person's own profile: name, e-mail, language.
struct ProfilePage {
    var form: FormState
    var username: String
    var csrf: String
    var saved: Bool

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.text(t("account.username", username))),
            .if(saved, .p(.class("notice"), .attribute(named: "role", value: "status"), .text(t("common.saved")))),
            FormField.summary(form),
            postForm(
                AppPath.account.path, csrf: csrf,
                FormField.text("displayName", t("field.display_name"), form, required: true, autocomplete: "name"),
                FormField.text("email", t("field.email"), form, type: .email, autocomplete: "email"),
                FormField.select("language", t("field.language"), form, options: languageOptions(t)),
                FormField.submit(t("common.save"))),
            .ul(
                .class("links"),
                .li(link(.accountPassword, t("account.change_password"))),
                .li(link(.accountTokens, t("tokens.title"))),
                .li(link(.myPersonnel, t("personnel.mine")))))
    }
}

/// The choices of interface language: follow the browser, or one of the catalogue's.
func languageOptions(_ t: Localizer) -> [(value: String, label: String)] {
    [("", t("field.language_browser"))] + Catalogue.shared.languages.map { ($0.code, $0.name) }
}

struct PasswordPage {
    var form: FormState
    var csrf: String
    var saved: Bool

    func body(_ t: Localizer) -> BodyNode {
        .div(
            .class("narrow"),
            .if(
                saved,
                .p(.class("notice"), .attribute(named: "role", value: "status"), .text(t("account.password_changed")))),
            FormField.summary(form),
            postForm(
                AppPath.accountPassword.path, csrf: csrf,
                FormField.text(
                    "current", t("field.current_password"), form, type: .password, required: true,
                    autocomplete: "current-password", keepValue: false),
                FormField.text(
                    "password", t("field.new_password"), form, type: .password, required: true,
                    autocomplete: "new-password", hint: t("hint.password"), keepValue: false),
                FormField.text(
                    "confirmation", t("field.confirm_password"), form, type: .password, required: true,
                    autocomplete: "new-password", keepValue: false),
                FormField.submit(t("account.change_password"))))
    }
}

struct TokensPage {
    struct Row { var id: UUID; var name: String; var created: Date?; var lastUsed: Date?; var revoked: Date? }
    var rows: [Row]
    var newToken: String?
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.text(t("tokens.intro"))),
            .unwrap(newToken) { token in
                .div(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .p(.text(t("tokens.shown_once"))), .element(named: "code", nodes: [.text(token)]))
            },
            dataTable(
                caption: t("tokens.title"),
                headers: [t("field.name"), t("field.created"), t("tokens.last_used"), t("field.status"), ""],
                rows: rows.map { row in
                    [
                        .text(row.name), .text(t.dateTime(row.created)), .text(t.dateTime(row.lastUsed)),
                        .text(
                            row.revoked == nil ? t("tokens.active") : t("tokens.revoked_at", t.dateTime(row.revoked))),
                        row.revoked == nil
                            ? postForm(
                                AppPath.accountTokenRevoke(row.id).path, csrf: csrf, inline: true,
                                .button(.type(.submit), .text(t("tokens.revoke"))))
                            : .text(""),
                    ]
                }, empty: t("tokens.none")),
            .h2(.text(t("tokens.create"))),
            FormField.summary(form),
            postForm(
                AppPath.accountTokens.path, csrf: csrf,
                FormField.text("name", t("field.name"), form, required: true, hint: t("tokens.name_hint")),
                FormField.submit(t("tokens.create"))))
    }
}

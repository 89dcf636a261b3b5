@preconcurrency import Plot

struct SignInPage {
    var form: FormState
    var next: String
    /// Why sign-in is needed now, when a session has ended.
    var notice: String?
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .div(
            .class("narrow"),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .p(.text(t("sign_in.intro"))),
            FormField.summary(form),
            postForm(
                AppPath.signIn.path, csrf: csrf,
                .input(.type(.hidden), .name("next"), .value(next)),
                FormField.text("username", t("field.username"), form, required: true, autocomplete: "username"),
                FormField.text(
                    "password", t("field.password"), form, type: .password, required: true,
                    autocomplete: "current-password", keepValue: false),
                FormField.submit(t("sign_in.submit"))))
    }
}

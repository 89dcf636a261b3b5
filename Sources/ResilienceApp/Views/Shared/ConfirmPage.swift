@preconcurrency import Plot
import Vapor

/// Asks before an action that cannot be undone from the interface.
struct ConfirmPage {
    var message: String
    var action: String
    var submit: String
    var cancel: String
    var csrf: String

    /// The whole page: title, question, the button that posts and a way back.
    static func response(
        _ req: Request, title: String, message: String, action: AppPath, submit: String,
        cancel: AppPath
    ) -> Response {
        let page = ConfirmPage(
            message: message, action: action.path, submit: submit, cancel: cancel.path, csrf: req.csrfToken)
        return Layout.response(for: req, title: title, content: page.body(req.localizer))
    }

    func body(_ t: Localizer) -> BodyNode {
        .div(
            .class("narrow"),
            .p(.text(message)),
            postForm(
                action, csrf: csrf,
                .div(
                    .class("actions"),
                    .button(.type(.submit), .class("danger"), .text(submit)), .text(" "),
                    .a(.href(cancel), .text(t("common.cancel"))))))
    }
}

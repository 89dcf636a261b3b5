@preconcurrency import Plot

/// Asks before an action that cannot be undone from the interface.
struct ConfirmPage {
    var message: String
    var action: String
    var submit: String
    var cancel: String
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .div(.class("narrow"),
             .p(.text(message)),
             postForm(action, csrf: csrf,
                      .div(.class("actions"),
                           .button(.type(.submit), .class("danger"), .text(submit)), .text(" "),
                           .a(.href(cancel), .text(t("common.cancel"))))))
    }
}

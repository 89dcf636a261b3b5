@preconcurrency import Plot
import Vapor

/// The page shown for any refused or failed request.
struct ErrorPage {
    var status: HTTPResponseStatus
    var message: String
    var fields: [String]

    func body(_ t: Localizer) -> BodyNode {
        .div(
            .class("narrow"),
            .p(.class("alert"), .attribute(named: "role", value: "alert"), .text(message)),
            .if(!fields.isEmpty, .ul(.forEach(fields) { .li(.text($0)) })),
            .p(.a(.href(AppPath.home.path), .text(t("error.back_home")))))
    }
}

import Foundation
@preconcurrency import Plot
import ResilienceCore
import Vapor

/// What a post did, told on the page it leads to: "Saved.", "“Fuel distribution” added.". Carried
/// from the post to the next page in a short-lived cookie that holds only one of these outcomes
/// and the name of the item, shown once (escaped as any text) and then cleared.
struct Said: Equatable, Sendable {
    enum What: String, CaseIterable, Sendable {
        case saved, added, removed, moved, created, retired, granted, revoked, imported, sent, read
        /// The same form sent again (a double click, a reload): it was saved once, not twice.
        case repeated
        /// A move of the review cycle, told by the move's own text.
        case submitted, withdrawn, takenForReview, returned, endorsed, approved
        /// A security level proposed, and the desk's decision on it.
        case proposed, levelApproved, levelReturned, levelWithdrawn
        /// Travel: a trip cleared at once or refused for training on submitting, cancelled; a leg
        /// cleared or refused; advice given; an advisory published.
        case cleared, refusedTraining, cancelled, legCleared, legRefused, advised, published
    }

    var what: What
    /// The item that changed, when it has a name.
    var name: String?

    init(_ what: What, _ name: String? = nil) {
        self.what = what
        self.name = name.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What a move of the review cycle did.
    init(_ move: ReviewMove) {
        switch move {
        case .submit: self.init(.submitted)
        case .withdraw: self.init(.withdrawn)
        case .takeForReview: self.init(.takenForReview)
        case .returnWithFeedback: self.init(.returned)
        case .endorse: self.init(.endorsed)
        case .approve, .supersede: self.init(.approved)
        }
    }

    static let cookieName = "resilience_said"
    /// Long names are cut: the message says which item, the page shows it whole.
    static let longestName = 80

    /// The sentence in the reader's language.
    func sentence(_ t: Localizer) -> String {
        name.map { t("said.\(what.rawValue)_named", $0) } ?? t("said.\(what.rawValue)")
    }

    /// The cookie's value: the outcome, then the name percent-encoded (any text survives a cookie).
    var cookieValue: String {
        guard let name else { return what.rawValue }
        return what.rawValue + "."
            + (String(name.prefix(Self.longestName)).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    /// Read back from the cookie; nil for anything that is not an outcome this code wrote.
    init?(cookieValue: String) {
        let parts = cookieValue.split(separator: ".", maxSplits: 1).map(String.init)
        guard let first = parts.first, let what = What(rawValue: first) else { return nil }
        var name: String?
        if parts.count == 2 {
            guard let text = parts[1].removingPercentEncoding else { return nil }
            name = String(text.prefix(Self.longestName))
        }
        self.init(what, name)
    }
}

extension Request {
    /// A redirect after a post, with what it did told on the page it leads to.
    func redirect(to location: String, said: Said) -> Response {
        let response = redirect(to: location)
        response.cookies[Said.cookieName] = HTTPCookies.Value(
            string: said.cookieValue, expires: nil, maxAge: 120, path: "/",
            isSecure: application.appConfig.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// What the last post did, if this page is where it led.
    var said: Said? { sentCookies[Said.cookieName].flatMap { Said(cookieValue: $0.string) } }
}

extension Said {
    /// The message at the top of the page (read out by screen readers as a status).
    func markup(_ t: Localizer) -> String {
        Node<HTML.BodyContext>.p(
            .class(what == .repeated ? "notice said repeated" : "notice said"),
            .attribute(named: "role", value: "status"), .text(sentence(t))
        ).render()
    }

    /// Clears the cookie once the message has been shown.
    static func shown(_ response: Response) {
        response.cookies[cookieName] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")
    }
}

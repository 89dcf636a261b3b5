import Vapor

/// Decides the language of each request: the account's choice, else the `lang` cookie set by the
/// switch, else `Accept-Language`, else English.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "resilience_lang"

    /// The language for a request; before the person is known (an error on the way in) the
    /// cookie and the browser's choice still count.
    static func language(for request: Request) -> Catalogue.Language {
        let catalogue = Catalogue.shared
        return catalogue.language(request.actor?.language)
            ?? catalogue.language(request.sentCookies[Self.cookieName]?.string)
            ?? catalogue.negotiate(request.headers.first(name: .acceptLanguage))
            ?? catalogue.language(Catalogue.fallbackCode)!
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let language = Self.language(for: request)
        request.localizer = Localizer(code: language.code)
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .contentLanguage, value: language.code)
        response.headers.add(name: .vary, value: "Accept-Language, Cookie")
        return response
    }
}

extension Request {
    private struct LocalizerKey: StorageKey { typealias Value = Localizer }

    /// The request's texts, dates and numbers.
    var localizer: Localizer {
        get { storage[LocalizerKey.self] ?? Localizer(code: LanguageMiddleware.language(for: self).code) }
        set { storage[LocalizerKey.self] = newValue }
    }
}

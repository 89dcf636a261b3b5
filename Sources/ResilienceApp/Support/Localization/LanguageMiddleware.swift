import Vapor

/// Decides the language of each request: the account's choice, else the `lang` cookie set by the
/// switch, else `Accept-Language`, else English.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "resilience_lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let catalogue = Catalogue.shared
        let language = catalogue.language(request.actor?.language)
            ?? catalogue.language(request.cookies[Self.cookieName]?.string)
            ?? catalogue.negotiate(request.headers.first(name: .acceptLanguage))
            ?? catalogue.language(Catalogue.fallbackCode)!
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
        get { storage[LocalizerKey.self] ?? Localizer(code: Catalogue.fallbackCode) }
        set { storage[LocalizerKey.self] = newValue }
    }
}

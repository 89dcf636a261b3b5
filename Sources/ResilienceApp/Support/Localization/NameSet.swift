import Foundation
import ResilienceCore

/// A name a person gives in each language of the interface (a security area, an agency), stored
/// as JSON from language code to name. At least one language is needed; the others fall back.
enum NameSet {
    static let maximumLength = 100

    static func decode(_ json: String) -> [String: String] {
        (try? PlanCodec.decode([String: String].self, json)) ?? [:]
    }

    static func encode(_ names: [String: String]) -> String { PlanCodec.encode(names) }

    /// The name in `code`, else in the fallback language, else the first there is.
    static func pick(_ names: [String: String], _ code: String) -> String {
        names[code] ?? names[Catalogue.fallbackCode] ?? names.keys.sorted().first.flatMap { names[$0] } ?? ""
    }

    static func pick(_ json: String, _ code: String) -> String { pick(decode(json), code) }

    /// The names sent for the interface's languages (`<prefix>-<code>` in a form, or a map in
    /// JSON), trimmed; empty ones dropped. None at all is refused on the first language's field.
    static func checked(_ sent: [String: String], field prefix: String) throws(DomainError) -> [String: String] {
        var names: [String: String] = [:]
        for language in Catalogue.shared.languages {
            let field = "\(prefix)-\(language.code)"
            guard let value = try TextRules.optional(sent[language.code], field: field, max: maximumLength) else {
                continue
            }
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw DomainError(.invalidCharacters, field: field)
            }
            names[language.code] = value
        }
        guard !names.isEmpty else { throw DomainError(.required, field: "\(prefix)-\(Catalogue.fallbackCode)") }
        return names
    }

    /// The names typed in a form, one field per language.
    static func fromForm(_ form: [String: String], prefix: String) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: Catalogue.shared.languages.compactMap { l in
                form["\(prefix)-\(l.code)"].map { (l.code, $0) }
            })
    }
}

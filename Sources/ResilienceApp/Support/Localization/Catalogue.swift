import Foundation

/// Every text a person reads, in every language the interface speaks. One JSON file per language
/// in `Resources/Localization`: adding a language is adding a file.
struct Catalogue: Sendable {
    /// A language of the interface, as its catalogue file describes it.
    struct Language: Sendable, Hashable {
        /// The BCP 47 code, which is also the file name (`en`, `zh-Hans`).
        var code: String
        /// The language's own name for itself, for the switch.
        var name: String
        /// `ltr` or `rtl`.
        var direction: String
    }

    let languages: [Language]
    private let texts: [String: [String: String]]

    /// The language used when nothing else decides, and for any key a file lacks.
    static let fallbackCode = "en"

    /// Loaded once from the files bundled with the app.
    static let shared: Catalogue = {
        guard let directory = Bundle.module.url(forResource: "Localization", withExtension: nil) else {
            fatalError("The Localization resources are missing from the app bundle")
        }
        do { return try Catalogue(directory: directory) } catch {
            fatalError("A catalogue file cannot be read: \(error)")
        }
    }()

    init(directory: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        var texts: [String: [String: String]] = [:]
        var languages: [Language] = []
        for file in files {
            let code = file.deletingPathExtension().lastPathComponent
            let entries = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
            texts[code] = entries
            languages.append(
                Language(
                    code: code, name: entries["_language.name"] ?? code,
                    direction: entries["_language.direction"] ?? "ltr"))
        }
        // The fallback first, the rest in the order of their codes: a stable switch on every page.
        self.languages = languages.sorted {
            ($0.code == Self.fallbackCode ? "" : $0.code) < ($1.code == Self.fallbackCode ? "" : $1.code)
        }
        self.texts = texts
    }

    /// All keys of one language, for the completeness test.
    func keys(of code: String) -> Set<String> { Set(texts[code]?.keys ?? [:].keys) }

    /// Whether the language (or the fallback) has the key.
    func has(_ key: String, in code: String) -> Bool {
        texts[code]?[key] != nil || texts[Self.fallbackCode]?[key] != nil
            || texts[Self.fallbackCode]?["\(key)[other]"] != nil
    }

    func language(_ code: String?) -> Language? {
        guard let code else { return nil }
        return languages.first { $0.code.lowercased() == code.lowercased() }
    }

    /// The text for `key`, with `{0}`, `{1}` … replaced by `args`. A text with plural forms
    /// (`key[one]`, `key[other]` …) takes the form of `count`'s plural category in the language, or
    /// of the first argument's when no count is given. A missing key shows itself, so that it is
    /// noticed rather than hidden.
    func text(_ key: String, in code: String, _ args: [String] = [], count: Int? = nil) -> String {
        let text =
            texts[code]?[key] ?? plural(key, in: code, count: count ?? args.first.flatMap { Int($0) })
            ?? texts[Self.fallbackCode]?[key] ?? key
        return args.isEmpty ? text : Self.fill(text, args)
    }

    /// The form of a plural text for the count, in the language, else in the fallback language.
    private func plural(_ key: String, in code: String, count: Int?) -> String? {
        for language in [code, Self.fallbackCode] {
            let category = count.map { PluralRule.category(of: $0, in: language) } ?? "other"
            if let form = texts[language]?["\(key)[\(category)]"] ?? texts[language]?["\(key)[other]"] {
                return form
            }
        }
        return nil
    }

    /// Whether a key is a plural text's form, e.g. `risk.count[one]`; its base is the part before.
    static func pluralBase(_ key: String) -> Substring? {
        guard key.hasSuffix("]"), let open = key.lastIndex(of: "[") else { return nil }
        return key[..<open]
    }

    /// Puts each argument in place of its `{n}`, in one pass.
    static func fill(_ template: String, _ args: [String]) -> String {
        var out = ""
        out.reserveCapacity(template.utf8.count + args.reduce(0) { $0 + $1.utf8.count })
        var scalars = template.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "{", let close = scalars.firstIndex(of: "}"),
                let index = Int(String(scalars[scalars.startIndex..<close])), args.indices.contains(index)
            {
                out += args[index]
                scalars = scalars[scalars.index(after: close)...]
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Picks the best language for an `Accept-Language` header: exact matches first, then the
    /// language's first subtag (`zh-CN` → `zh-Hans`, `en-GB` → `en`).
    func negotiate(_ header: String?) -> Language? {
        guard let header else { return nil }
        let ranges = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty, tag != "*" else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag.lowercased(), quality)
        }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        for (tag, _) in ranges {
            if let exact = languages.first(where: { $0.code.lowercased() == tag }) { return exact }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if let near = languages.first(where: {
                $0.code.lowercased().split(separator: "-").first.map(String.init) == primary
            }) {
                return near
            }
        }
        return nil
    }
}

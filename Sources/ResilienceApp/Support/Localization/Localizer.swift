import Foundation
import ResilienceCore

/// The texts, dates and numbers of one request, in its language.
struct Localizer: Sendable {
    let language: Catalogue.Language
    var catalogue: Catalogue { .shared }

    init(code: String) {
        language = Catalogue.shared.language(code) ?? Catalogue.shared.language(Catalogue.fallbackCode)!
    }

    var code: String { language.code }

    func callAsFunction(_ key: String, _ args: CustomStringConvertible...) -> String {
        catalogue.text(key, in: language.code, args.map(\.description))
    }

    /// Items in a row, as the language separates them ("a, b, c"; "甲、乙、丙").
    func list(_ items: [String]) -> String { items.joined(separator: self("common.list_separator")) }

    /// A text about `count` things, in the plural form the language gives that count ("1 risk",
    /// "2 risks"; one form in Chinese; three in Russian). `args` fill the text as usual.
    func plural(_ key: String, count: Int, _ args: CustomStringConvertible...) -> String {
        catalogue.text(key, in: language.code, args.map(\.description), count: count)
    }

    /// A field of a plan's item as people read it; the field's own name where the catalogue has
    /// no label for it.
    func field(_ name: String) -> String {
        catalogue.has("plan.field.\(name)", in: code) ? self("plan.field.\(name)") : name
    }

    /// A refusal from the domain, as a sentence that says what to fix.
    func message(_ error: DomainError) -> String {
        catalogue.text("problem.\(error.problem.rawValue)", in: language.code, error.args.map(localizedArg))
    }

    /// Arguments that are codes of the domain (a unit kind, a role) are shown by their names.
    private func localizedArg(_ arg: String) -> String {
        if UnitKind(rawValue: arg) != nil { return self("unit_kind.\(arg)") }
        if Role(rawValue: arg) != nil { return self("role.\(arg)") }
        if ReviewState(rawValue: arg) != nil { return self("plan_status.\(arg)") }
        // A code given with its catalogue prefix (`level_state.returned`).
        if arg.hasPrefix("level_state.") || arg.hasPrefix("assessment_state."), catalogue.has(arg, in: code) {
            return self(arg)
        }
        return arg
    }

    /// A name HQ gave in several languages: this language's, else the fallback's, else any.
    func pick(_ names: [String: String]?) -> String? {
        guard let names, !names.isEmpty else { return nil }
        return NameSet.pick(names, code)
    }

    func role(_ role: Role) -> String { self("role.\(role.rawValue)") }
    func kind(_ kind: UnitKind) -> String { self("unit_kind.\(kind.rawValue)") }

    private var locale: Locale { Locale(identifier: language.code) }

    /// A month as a chart's axis names it ("Mar 2026"; "2026年3月"), in UTC.
    func month(_ date: Date) -> String {
        var style = Date.FormatStyle.dateTime.month(.abbreviated).year().locale(locale)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }

    /// Date and time in UTC: the people of one plan work across time zones.
    func dateTime(_ date: Date?) -> String {
        guard let date else { return "—" }
        let style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: locale, timeZone: .gmt)
        return date.formatted(style) + " UTC"
    }

    /// A day as the language writes it. A day's label depends only on the language and the day,
    /// so labels are kept: a dashboard writes hundreds of dates.
    func date(_ date: Date?) -> String {
        guard let date else { return "—" }
        let key = "\(code):\(Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))"
        if let label = DayLabels.shared.get(key) { return label }
        let label = date.formatted(Date.FormatStyle(date: .abbreviated, time: .omitted, locale: locale, timeZone: .gmt))
        DayLabels.shared.put(key, label)
        return label
    }

    func number(_ value: Int) -> String { value.formatted(.number.locale(locale)) }

    func decimal(_ value: Double, digits: Int = 4) -> String {
        value.formatted(.number.precision(.fractionLength(0...digits)).locale(locale))
    }
}

/// Labels of days by language, bounded (a year of days in a few languages fits many times over).
final class DayLabels: @unchecked Sendable {
    static let shared = DayLabels()
    private let lock = NSLock()
    private var labels: [String: String] = [:]

    func get(_ key: String) -> String? { lock.withLock { labels[key] } }

    func put(_ key: String, _ label: String) {
        lock.withLock {
            if labels.count > 20_000 { labels.removeAll(keepingCapacity: true) }
            labels[key] = label
        }
    }
}

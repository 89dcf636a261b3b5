import Foundation

/// Collects refusals field by field, so that one pass reports every wrong field of a form.
public struct ValidationCollector: Sendable {
    public private(set) var errors: [DomainError] = []

    public init() {}

    /// Runs one check and keeps its refusal instead of stopping.
    public mutating func check<T>(_ body: () throws -> T) rethrows -> T? {
        do { return try body() } catch let error as DomainError { errors.append(error); return nil }
    }

    public mutating func add(_ error: DomainError) { errors.append(error) }

    /// Throws every refusal collected, if any.
    public func finish() throws(ValidationErrors) {
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}

/// The rules for the text people type in.
public enum TextRules {
    /// Trims a required text and checks its length in characters.
    public static func name(_ raw: String?, field: String, max: Int = 200) throws(DomainError) -> String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw DomainError(.required, field: field) }
        guard value.count <= max else { throw DomainError(.tooLong, field: field, args: [String(max)]) }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw DomainError(.invalidCharacters, field: field)
        }
        return value
    }

    /// An optional text: empty becomes nil.
    public static func optional(_ raw: String?, field: String, max: Int = 2000) throws(DomainError) -> String? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { return nil }
        guard value.count <= max else { throw DomainError(.tooLong, field: field, args: [String(max)]) }
        return value
    }

    /// A short code such as an office code: letters, digits and dashes.
    public static func code(_ raw: String?, field: String, max: Int = 20) throws(DomainError) -> String? {
        guard let value = try optional(raw, field: field, max: max) else { return nil }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
        guard value.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII }) else {
            throw DomainError(.invalidCharacters, field: field)
        }
        return value.uppercased()
    }

    /// An ISO 3166-1 alpha-2 country code, upper-cased.
    public static func countryCode(_ raw: String?, field: String = "country") throws(DomainError) -> String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard !value.isEmpty else { throw DomainError(.required, field: field) }
        guard value.count == 2, value.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw DomainError(.countryCode, field: field)
        }
        return value
    }

    /// A decimal number typed by a person; a comma is accepted as the decimal mark.
    public static func decimal(_ raw: String?, field: String) throws(DomainError) -> Double {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !value.isEmpty else { throw DomainError(.required, field: field) }
        guard let number = Double(value), number.isFinite else { throw DomainError(.notANumber, field: field) }
        return number
    }

    /// A number of hours, above zero where `positive`, at most `Bounds.maximumHours`; empty is nil.
    public static func hours(_ raw: String?, field: String, positive: Bool) throws(DomainError) -> Double? {
        guard let value = try optionalDecimal(raw, field: field) else { return nil }
        if positive && value <= 0 { throw DomainError(.mustBePositive, field: field) }
        if value < 0 { throw DomainError(.belowMinimum, field: field, args: ["0"]) }
        if value > Bounds.maximumHours {
            throw DomainError(.aboveMaximum, field: field, args: [PlanChecks.hours(Bounds.maximumHours)])
        }
        return value
    }

    /// An optional decimal: empty becomes nil.
    public static func optionalDecimal(_ raw: String?, field: String) throws(DomainError) -> Double? {
        guard !(raw ?? "").trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try decimal(raw, field: field)
    }

    /// A whole number within bounds; empty is `empty`.
    public static func integer(
        _ raw: String?, field: String, in range: ClosedRange<Int>, empty: Int? = nil
    ) throws(DomainError) -> Int {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty, let empty { return empty }
        guard !value.isEmpty else { throw DomainError(.required, field: field) }
        guard let number = Int(value) else { throw DomainError(.notANumber, field: field) }
        guard range.contains(number) else {
            // A count (from 0) is told which side it missed; a scale (1 to 5) is told the whole range.
            if range.lowerBound == 0 {
                throw number < 0
                    ? DomainError(.belowMinimum, field: field, args: ["0"])
                    : DomainError(.aboveMaximum, field: field, args: [String(range.upperBound)])
            }
            throw DomainError(.outOfRange, field: field, args: [String(range.lowerBound), String(range.upperBound)])
        }
        return number
    }

    /// A calendar day as browsers send it (`2026-11-23`), as midnight UTC; empty is nil.
    public static func day(_ raw: String?, field: String) throws(DomainError) -> Date? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return nil }
        let parts = value.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], (1900...2200).contains(y) else {
            throw DomainError(.dateFormat, field: field)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: y, month: m, day: d)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else {
            throw DomainError(.dateFormat, field: field)
        }
        return date
    }

    /// A calendar day that must be given.
    public static func requiredDay(_ raw: String?, field: String) throws(DomainError) -> Date {
        guard let day = try day(raw, field: field) else { throw DomainError(.required, field: field) }
        return day
    }

    /// A date and time as browsers send it (`2026-11-23T14:30`, seconds optional), read as UTC.
    public static func dateTime(_ raw: String?, field: String) throws(DomainError) -> Date {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw DomainError(.required, field: field) }
        let halves = value.split(separator: "T", maxSplits: 1)
        guard halves.count == 2, let day = try? Self.day(String(halves[0]), field: field) else {
            throw DomainError(.dateFormat, field: field)
        }
        let time = halves[1].split(separator: ":").map { Int($0) }
        guard (2...3).contains(time.count), let h = time[0], let m = time[1], (0..<24).contains(h), (0..<60).contains(m)
        else {
            throw DomainError(.dateFormat, field: field)
        }
        let s = time.count == 3 ? (time[2] ?? 0) : 0
        return day.addingTimeInterval(Double(h * 3600 + m * 60 + s))
    }
}

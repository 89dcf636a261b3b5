import Foundation

/// A telephone number in the international form (ITU-T E.164): a plus, a country code and the
/// subscriber number, 8 to 15 digits in all. Spaces, dots, dashes and brackets people type are
/// dropped; anything else is refused, so an SMS gateway is never handed a number it cannot dial.
public struct PhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `+` followed by digits only, e.g. `+254722000111`.
    public let e164: String

    public init(_ text: String, field: String = "phone") throws(DomainError) {
        var digits = ""
        var plus = false
        for (index, character) in text.trimmingCharacters(in: .whitespacesAndNewlines).enumerated() {
            switch character {
            case "+" where index == 0: plus = true
            case " ", "-", ".", "(", ")", "\u{00A0}": continue
            case "0"..."9": digits.append(character)
            default: throw DomainError(.phoneFormat, field: field)
            }
        }
        // "00" is how most of the world dials out: the same number.
        if !plus, digits.hasPrefix("00") {
            digits.removeFirst(2)
            plus = true
        }
        guard plus, (8...15).contains(digits.count), digits.first != "0" else {
            throw DomainError(.phoneFormat, field: field)
        }
        e164 = "+" + digits
    }

    /// A number as Kannel hands it over: with or without the plus, or with "00".
    public static func normalized(_ text: String) -> PhoneNumber? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = try? PhoneNumber(trimmed) { return number }
        return try? PhoneNumber("+" + trimmed)
    }

    public var description: String { e164 }
}

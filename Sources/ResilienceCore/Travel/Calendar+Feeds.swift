import Foundation

/// An event of an iCalendar file (RFC 5545): a cleared leg of a trip.
public struct CalendarEvent: Hashable, Sendable {
    public var uid: String
    public var start: Date
    public var end: Date
    public var summary: String
    public var location: String
    public var description: String
    public init(uid: String, start: Date, end: Date, summary: String, location: String, description: String) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
    }
}

/// Text formats that other systems read: iCalendar for calendars, and the times of CAP and Atom.
public enum FeedText {
    /// A whole calendar, lines ended by CRLF and folded at 75 octets, texts escaped.
    public static func calendar(_ events: [CalendarEvent], name: String, stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Resilience//Travel//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:\(escape(name))",
        ]
        for e in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(e.uid)", "DTSTAMP:\(basic(stamp))", "DTSTART:\(basic(e.start))",
                "DTEND:\(basic(max(e.end, e.start)))", "SUMMARY:\(escape(e.summary))", "LOCATION:\(escape(e.location))",
                "DESCRIPTION:\(escape(e.description))", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 5545 text: backslash, semicolon, comma and new lines escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(c)
            }
        }
        return out
    }

    /// A content line cut into lines of at most 75 octets, never inside a character; each
    /// continuation starts with a space.
    public static func fold(_ line: String) -> String {
        var out: [String] = []
        var current = ""
        var octets = 0
        for c in line {
            let size = String(c).utf8.count
            let limit = out.isEmpty ? 75 : 74
            if octets + size > limit {
                out.append(current)
                current = ""
                octets = 0
            }
            current.append(c)
            octets += size
        }
        out.append(current)
        return out.joined(separator: "\r\n ")
    }

    /// UTC in iCalendar's basic form: `20261206T131500Z`.
    public static func basic(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// UTC as CAP 1.2 writes it: `2026-12-06T13:15:00-00:00` (CAP forbids `Z`).
    public static func cap(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d-00:00", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// UTC as Atom (RFC 3339) writes it: `2026-12-06T13:15:00Z`.
    public static func atom(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Text inside an XML element or attribute.
    public static func xml(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 has no place for other control characters.
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            default: if c.value >= 0x20 { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    private static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
}

@preconcurrency import Plot

/// Text escaped for HTML in one pass over its bytes, safe both between tags and inside a quoted
/// attribute value (`&`, `<`, `>`, `"` and `'`). Plot's own `.text` escapes character by character
/// through intermediate strings, which was a quarter of the CPU of a large plan's page, and its
/// attributes not at all (see `Attribute+Escaped.swift`).
enum HTMLEscape {
    static func escape(_ s: String) -> String {
        guard
            s.utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            })
        else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Node {
    /// Text, escaped quickly (see `HTMLEscape`).
    static func safe(_ text: String) -> Node { .raw(HTMLEscape.escape(text)) }
}

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

extension String {
    /// Every `target` replaced by `replacement`, found by comparing UTF-8 bytes. Foundation's
    /// `replacingOccurrences` goes through UTF-16 on Linux: on a kept page of 60 kB it was 40 % of
    /// the CPU of serving it.
    func replacingBytes(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8), with = Array(replacement.utf8)
        guard let first = needle.first else { return self }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0, copied = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<i + needle.count].elementsEqual(needle) {
                out.append(contentsOf: bytes[copied..<i])
                out.append(contentsOf: with)
                i += needle.count
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return self }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}

extension Node {
    /// Text, escaped quickly (see `HTMLEscape`).
    static func safe(_ text: String) -> Node { .raw(HTMLEscape.escape(text)) }
}

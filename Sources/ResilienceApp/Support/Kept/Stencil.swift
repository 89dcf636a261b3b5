import Foundation

/// Markup rendered once by Plot and kept, with holes for what differs from one request to the
/// next: the anti-forgery token of the person's session, and, in the page frame, the page's
/// content. The one mechanism of its kind: rendering the frame anew through Plot for each
/// request was an eighth of the CPU of serving a kept page (issue 5's profile).
///
/// Render with `Stencil.marker(.csrf)` where the token goes (as any other value: it holds only
/// letters and digits, which escaping leaves alone); the stencil is cut at the markers once, when
/// it is made, and filling it joins the pieces. Each marker holds a random number drawn when the
/// process starts, so that no text a person types can be taken for a hole.
struct Stencil: Sendable {
    enum Hole: Int, CaseIterable, Sendable {
        case csrf, content
        /// The fresh random value each form of a page carries, so that a repeat of a post is known.
        case once
    }

    private static let nonce = (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 36) }.joined()

    /// What to render where `hole` goes.
    static func marker(_ hole: Hole) -> String { "hole\(nonce)n\(hole.rawValue)" }

    /// The markup between the holes (one more piece than holes).
    private var pieces: [String]
    private var holes: [Hole]

    init(_ rendered: String) {
        // One pass over the bytes: Foundation's `range(of:)`, three times per hole, was a fifth
        // of the CPU of a person's page that is not kept (issue 18's profile).
        let prefix = Array("hole\(Self.nonce)n".utf8)
        var pieces: [String] = [], holes: [Hole] = []
        var text = rendered
        text.withUTF8 { bytes in
            var start = 0, i = 0
            let count = bytes.count
            while i + prefix.count < count {
                if bytes[i] == prefix[0], (1..<prefix.count).allSatisfy({ bytes[i + $0] == prefix[$0] }),
                    let hole = Hole(rawValue: Int(bytes[i + prefix.count]) - 48)
                {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    holes.append(hole)
                    i += prefix.count + 1
                    start = i
                } else {
                    i += 1
                }
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<count]), as: UTF8.self))
        }
        self.pieces = pieces
        self.holes = holes
    }

    /// The markup with each hole filled (a hole without a value is left empty).
    func filled(_ values: [Hole: String]) -> String {
        var out = ""
        out.reserveCapacity(bytes + values.values.reduce(256) { $0 + $1.utf8.count })
        for (i, piece) in pieces.enumerated() {
            out += piece
            if i < holes.count { out += values[holes[i]] ?? "" }
        }
        return out
    }

    /// Its size, for the cache's budget.
    var bytes: Int { pieces.reduce(0) { $0 + $1.utf8.count } }
}

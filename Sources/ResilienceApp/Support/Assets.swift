import Crypto
import Foundation
import NIOCore
import Vapor

/// The stylesheet, the one small script and the icon, shipped inside the executable's resources
/// (so that the server looks the same started from any directory) and served under names that
/// carry a hash of their content, for a year and immutable: a page names the current files, and a
/// changed file is a new name. Each is read once at start and kept in memory; the server gzips
/// them, as it does every page, for clients that take it (see `configure`).
struct Assets: Sendable {
    struct Asset: Sendable {
        /// The name pages use, e.g. `styles.3f9a1c2b.css`.
        var hashedName: String
        var contentType: HTTPMediaType
        var bytes: ByteBuffer
        var etag: String
    }

    private let byName: [String: Asset]
    private let byHashedName: [String: Asset]

    static let files: [(name: String, type: HTTPMediaType)] = [
        ("styles.css", HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])),
        ("app.js", HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])),
        ("favicon.svg", HTTPMediaType(type: "image", subType: "svg+xml")),
    ]

    /// Read once from the bundle.
    static let shared: Assets = {
        guard let directory = Bundle.module.url(forResource: "Assets", withExtension: nil) else {
            fatalError("The Assets resources are missing from the app bundle")
        }
        return Assets(directory: directory)
    }()

    init(directory: URL) {
        var byName: [String: Asset] = [:]
        for (name, type) in Self.files {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else {
                fatalError("The asset \(name) is missing from the app bundle")
            }
            let hash = SHA256.hash(data: data).prefix(6).map { String(format: "%02x", $0) }.joined()
            let dot = name.lastIndex(of: ".")!
            let hashed = "\(name[..<dot]).\(hash)\(name[dot...])"
            byName[name] = Asset(
                hashedName: hashed, contentType: type, bytes: ByteBuffer(data: data), etag: "\"\(hash)\"")
        }
        self.byName = byName
        byHashedName = Dictionary(uniqueKeysWithValues: byName.values.map { ($0.hashedName, $0) })
    }

    /// The path a page links to for `name` (`styles.css` → `/assets/styles.3f9a1c2b.css`).
    func path(_ name: String) -> String { "/assets/" + (byName[name]?.hashedName ?? name) }

    /// The answer for a hashed name: the file, cached for a year; 304 when the client has it.
    func response(_ hashedName: String, for request: Request) -> Response? {
        guard let asset = byHashedName[hashedName] else { return nil }
        var headers: HTTPHeaders = [
            "Cache-Control": "public, max-age=31536000, immutable", "ETag": asset.etag, "Vary": "Accept-Encoding",
        ]
        headers.contentType = asset.contentType
        if request.headers.first(name: .ifNoneMatch) == asset.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(buffer: asset.bytes))
    }
}

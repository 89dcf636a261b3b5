import Crypto
import Fluent
import Foundation

/// The personal one-click links of roll-call e-mail: the entry's id and a MAC of it under a key
/// kept in the database (so every server sharing it checks the same links). A link answers for
/// its own entry only; a forged or altered one is refused without saying whether the person exists.
enum AnswerLinks {
    static let keyName = "answer_link_key"

    /// The key, made at first use.
    static func key(on db: any Database) async throws -> SymmetricKey {
        if let setting = try await Setting.query(on: db).filter(\.$key == keyName).first(),
            let data = Data(base64Encoded: setting.value)
        {
            return SymmetricKey(data: data)
        }
        let setting = Setting()
        setting.key = keyName
        setting.value = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
        do { try await setting.create(on: db) } catch {
            // Another server made it first: use theirs.
        }
        let stored = try await Setting.query(on: db).filter(\.$key == keyName).first()
        return SymmetricKey(data: Data(base64Encoded: stored?.value ?? setting.value) ?? Data())
    }

    static func token(for entryID: UUID, key: SymmetricKey) -> String {
        let id = withUnsafeBytes(of: entryID.uuid) { Data($0) }
        let mac = Data(HMAC<SHA256>.authenticationCode(for: id, using: key)).prefix(16)
        return (id + mac).base64URLEncodedString()
    }

    /// The entry a token names, when its MAC is right.
    static func entryID(from token: String, key: SymmetricKey) -> UUID? {
        guard token.count <= 64, let data = Data(base64URLEncoded: token), data.count == 32 else { return nil }
        let id = data.prefix(16)
        let expected = Data(HMAC<SHA256>.authenticationCode(for: id, using: key)).prefix(16)
        guard constantTimeEqual(expected, data.suffix(16)) else { return nil }
        return id.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
    }

    private static func constantTimeEqual(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}

extension Data {
    init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        self.init(base64Encoded: base64)
    }
}

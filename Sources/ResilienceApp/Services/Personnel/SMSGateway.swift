import Foundation
import Vapor

/// Kannel's `sendsms` HTTP interface: a message handed over is queued by Kannel for the mobile
/// network, which reports its delivery back to the server's delivery address.
struct SMSGateway: Sendable {
    var config: SMSConfig
    /// Where Kannel reaches this server (for delivery reports).
    var callbackBase: String

    /// Hands one message to Kannel; true when Kannel accepted it.
    func send(to number: String, text: String, messageID: UUID, client: any Client) async -> Bool {
        // Kannel fills `%d` with the delivery status when it calls back: kept as typed here, and
        // percent-encoded with the rest when handed over.
        let dlr =
            callbackBase + AppPath.apiSMSDelivery.path + "?secret=\(Self.encode(config.secret))&message="
            + messageID.uuidString.lowercased() + "&status=%d"
        var query = [
            ("username", config.username), ("password", config.password), ("to", number), ("text", text),
            ("charset", "UTF-8"), ("dlr-mask", "3"), ("dlr-url", dlr),
        ]
        // Text outside GSM's 7-bit alphabet (Chinese) goes as UCS-2.
        if text.unicodeScalars.contains(where: { $0.value > 0x7E }) { query.append(("coding", "2")) }
        if let sender = config.sender { query.append(("from", sender)) }
        let url = URI(
            string: config.sendURL + "?" + query.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&"))
        do {
            let response = try await client.get(url) { $0.timeout = .seconds(10) }
            return (200..<300).contains(response.status.code)
        } catch {
            return false
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension Application {
    /// The SMS gateway when one is configured.
    var smsGateway: SMSGateway? {
        appConfig.sms.map {
            SMSGateway(config: $0, callbackBase: $0.callbackBase ?? appConfig.publicURL ?? "http://127.0.0.1:8080")
        }
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An SMTP server on loopback that accepts every message and keeps it, for tests.
final class SMTPSink: @unchecked Sendable {
    struct Received: Sendable { var from: String; var to: [String]; var data: String }

    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var messages: [Received] = []

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        listen(fd, 8)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in self.serve() }
        thread.start()
    }

    var received: [Received] { lock.withLock { messages } }

    /// Waits until `count` messages have arrived (mail leaves after the request has answered).
    func wait(for count: Int, seconds: Double = 15) async -> [Received] {
        let deadline = Date().addingTimeInterval(seconds)
        while received.count < count && Date() < deadline { try? await Task.sleep(nanoseconds: 20_000_000) }
        return received
    }

    func stop() { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }

    private func serve() {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        func say(_ line: String) { _ = line.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        var buffer: [UInt8] = []
        func line() -> String? {
            while true {
                if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let text = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(
                        in: CharacterSet(charactersIn: "\r"))
                    buffer.removeSubrange(...end)
                    return text
                }
                var chunk = [UInt8](repeating: 0, count: 1024)
                let n = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return nil }
                buffer += chunk[..<n]
            }
        }
        say("220 sink ready\r\n")
        var from = "", to: [String] = []
        while let command = line() {
            let upper = command.uppercased()
            if upper.hasPrefix("EHLO") || upper.hasPrefix("HELO") {
                say("250-sink\r\n250 OK\r\n")
            } else if upper.hasPrefix("MAIL FROM:") {
                from = String(command.dropFirst(10)); say("250 OK\r\n")
            } else if upper.hasPrefix("RCPT TO:") {
                to.append(String(command.dropFirst(8))); say("250 OK\r\n")
            } else if upper == "DATA" {
                say("354 go on\r\n")
                var lines: [String] = []
                while let l = line(), l != "." { lines.append(l) }
                let message = Received(from: from, to: to, data: lines.joined(separator: "\n"))
                lock.withLock { messages.append(message) }
                say("250 queued\r\n")
            } else if upper == "QUIT" {
                say("221 bye\r\n"); return
            } else {
                say("500 unknown\r\n")
            }
        }
    }
}

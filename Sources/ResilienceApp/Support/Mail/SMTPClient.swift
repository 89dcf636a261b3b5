import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A message to send.
struct MailMessage: Sendable, Equatable {
    var to: String
    var subject: String
    var body: String
}

/// Sends mail with plain SMTP (EHLO, MAIL FROM, RCPT TO, DATA, QUIT) over a blocking socket.
/// It runs on the thread pool, never on an event loop; a failure is reported to the caller and
/// the inbox keeps the notification whatever happens.
struct SMTPClient: Sendable {
    enum Failure: Error, Equatable { case connect(String), protocolError(String) }

    var config: SMTPConfig
    var timeoutSeconds = 10

    func send(_ message: MailMessage) throws {
        let fd = try connect()
        defer { close(fd) }
        var reader = LineReader(fd: fd)
        try expect(&reader, 220)
        try command(fd, &reader, "EHLO resilience", 250)
        try command(fd, &reader, "MAIL FROM:<\(config.from)>", 250)
        try command(fd, &reader, "RCPT TO:<\(message.to)>", 250)
        try command(fd, &reader, "DATA", 354)
        try write(fd, Self.data(message, from: config.from) + "\r\n.\r\n")
        try expect(&reader, 250)
        try command(fd, &reader, "QUIT", 221)
    }

    /// The message as DATA: headers (the subject encoded for any language), a blank line, the
    /// body with lines starting with a dot doubled.
    static func data(_ message: MailMessage, from: String, date: Date = Date()) -> String {
        let subject = "=?UTF-8?B?\(Data(message.subject.utf8).base64EncodedString())?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let body = message.body.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        return [
            "From: \(from)", "To: \(message.to)", "Subject: \(subject)", "Date: \(formatter.string(from: date))",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body,
        ]
        .joined(separator: "\r\n")
    }

    private func connect() throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(config.host, String(config.port), &hints, &result) == 0, let first = result else {
            throw Failure.connect("cannot resolve \(config.host)")
        }
        defer { freeaddrinfo(result) }
        var pointer: UnsafeMutablePointer<addrinfo>? = first
        while let info = pointer {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
                close(fd)
            }
            pointer = info.pointee.ai_next
        }
        throw Failure.connect("cannot connect to \(config.host):\(config.port)")
    }

    private func write(_ fd: Int32, _ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { throw Failure.protocolError("connection closed while sending") }
            bytes = bytes.dropFirst(sent)
        }
    }

    private func command(_ fd: Int32, _ reader: inout LineReader, _ line: String, _ code: Int) throws {
        try write(fd, line + "\r\n")
        try expect(&reader, code)
    }

    /// Reads a reply (possibly several lines, `250-…` then `250 …`) and checks its code.
    private func expect(_ reader: inout LineReader, _ code: Int) throws {
        while true {
            guard let line = reader.next() else { throw Failure.protocolError("no reply, expected \(code)") }
            guard line.count >= 3, let got = Int(line.prefix(3)) else {
                throw Failure.protocolError("bad reply: \(line)")
            }
            if got != code { throw Failure.protocolError("expected \(code), got: \(line)") }
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return }
        }
    }

    struct LineReader {
        let fd: Int32
        var buffer: [UInt8] = []

        mutating func next() -> String? {
            while true {
                if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(
                        in: CharacterSet(charactersIn: "\r"))
                    buffer.removeSubrange(...end)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 1024)
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return nil }
                buffer += chunk[..<n]
            }
        }
    }
}

import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Reaches the people of open roll-calls in their language, by the channels and the cycle the
/// officer set: SMS through Kannel, e-mail with the personal link; and reads the SMS that come back.
enum RollCallMessenger {
    /// Whether any channel is configured: without one the roll-call works by hand and says so.
    static func channels(_ app: Application) -> Set<ContactChannel> {
        var out = Set<ContactChannel>()
        if app.appConfig.sms != nil { out.insert(.sms) }
        if app.appConfig.smtp != nil { out.insert(.email) }
        return out
    }

    /// Sends every step of the contact plan that fell due since the last send, to those not yet
    /// accounted for. Returns how many messages went.
    @discardableResult
    static func sendDue(_ call: RollCall, now: Date, app: Application) async throws -> Int {
        guard call.closedAt == nil else { return 0 }
        let due = RollCallService.plan(of: call).due(openedAt: call.openedAt, from: call.sentUntil, to: now)
        call.sentUntil = now
        try await call.save(on: app.db)
        let available = channels(app)
        let wanted = Set(due.map(\.0)).intersection(available)
        guard !wanted.isEmpty else { return 0 }
        let waiting = try await RollCallEntry.query(on: app.db).filter(\.$rollCall.$id == call.requireID())
            .filter(\.$dependant.$id == nil).filter(\.$status ~~ [.notReached, .missing]).all()
        var people: [UUID: Personnel] = [:]
        for chunk in waiting.map(\.$personnel.id).chunked(400) {
            for p in try await Personnel.query(on: app.db).filter(\.$id ~~ Array(chunk)).all() { people[p.id!] = p }
        }
        let key = try await AnswerLinks.key(on: app.db)
        var sent = 0
        var messages: [(RollCallMessage, String)] = []
        var subjects: [UUID: String] = [:]
        for entry in waiting {
            guard let person = people[entry.$personnel.id] else { continue }
            let t = Localizer(code: person.language)
            for channel in wanted {
                let address = channel == .sms ? person.phone : person.email
                guard let address else { continue }
                let m = RollCallMessage()
                m.id = UUID()
                m.channel = channel
                m.address = address
                m.sentAt = now
                m.delivery = .sent
                m.$rollCall.id = call.id!
                m.$entry.id = entry.id!
                let link =
                    (app.appConfig.publicURL ?? "") + AppPath.answer(AnswerLinks.token(for: entry.id!, key: key)).path
                let text =
                    channel == .sms
                    ? t("rollcall.sms", call.title)
                    : t("rollcall.email", person.name, call.title, link)
                messages.append((m, text))
                if channel == .email { subjects[m.id!] = t("rollcall.email_subject", call.title) }
            }
        }
        for batch in messages.chunked(500) { try await batch.map(\.0).create(on: app.db) }
        // The roll-call's page counts who was messaged on each channel.
        if !messages.isEmpty { try await DataVersions.bump(.personnel, unitID: call.$unit.id, on: app.db) }
        // Handed over off the request, a few at a time: Kannel queues them for the network.
        if let gateway = app.smsGateway {
            let sms = messages.filter { $0.0.channel == .sms }
            let started = Date()
            for batch in sms.chunked(16) {
                await withTaskGroup(of: (UUID, Bool).self) { group in
                    for (m, text) in batch {
                        group.addTask {
                            (m.id!, await gateway.send(to: m.address, text: text, messageID: m.id!, client: app.client))
                        }
                    }
                    for await (id, ok) in group where !ok {
                        try? await RollCallMessage.query(on: app.db).filter(\.$id == id).set(\.$delivery, to: .failed)
                            .update()
                    }
                }
            }
            sent += sms.count
            if !sms.isEmpty {
                let ms = Int(Date().timeIntervalSince(started) * 1000)
                app.logger.notice("Roll-call \(call.title): \(sms.count) SMS handed to the gateway in \(ms) ms.")
            }
        }
        if let smtp = app.appConfig.smtp {
            let client = SMTPClient(config: smtp)
            for (m, text) in messages where m.channel == .email {
                let subject = subjects[m.id!] ?? call.title
                do {
                    try await app.threadPool.runIfActive {
                        try client.send(MailMessage(to: m.address, subject: subject, body: text))
                    }
                    sent += 1
                } catch {
                    try? await RollCallMessage.query(on: app.db).filter(\.$id == m.id!).set(\.$delivery, to: .failed)
                        .update()
                }
            }
        }
        return sent
    }

    /// Every minute while serving: the steps of each open roll-call's plan that fell due.
    static func schedule(_ app: Application) {
        let task = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(60))
                guard !Task.isCancelled else { break }
                do {
                    for call in try await RollCall.query(on: app.db).filter(\.$closedAt == nil).all() {
                        try await sendDue(call, now: app.clock.now, app: app)
                    }
                } catch {
                    app.logger.warning("Roll-call messages not sent: \(error)")
                }
            }
        }
        app.lifecycle.use(OversightService.TaskStopper(task: task))
    }

    /// An SMS that came in: who sent it, what it says, when.
    struct Answer: Sendable {
        var from: String
        var text: String
        var now: Date
    }

    /// SMS from phones, as a batch (see `SMSReplyQueue`): each is the answer of the person whose
    /// number it is, in their latest open roll-call. Returns, for each, the text to send back
    /// (nothing for an unknown number). All are logged; the marks are written together, at the
    /// time of the batch's last answer. Call it in a transaction.
    static func inbound(_ answers: [Answer], on db: any Database) async throws -> [String?] {
        let numbers = answers.map { PhoneNumber.normalized($0.from)?.e164 }
        var people: [String: [Personnel]] = [:]
        for chunk in Array(Set(numbers.compactMap { $0 })).chunked(500) {
            for p in try await Personnel.query(on: db).filter(\.$phone ~~ Array(chunk)).filter(\.$leftAt == nil).all() {
                people[p.phone ?? "", default: []].append(p)
            }
        }
        // Each person's entry in their latest open roll-call.
        var latest: [UUID: (entry: RollCallEntry, call: RollCall)] = [:]
        for chunk in people.values.flatMap({ $0.compactMap(\.id) }).chunked(500) {
            for entry in try await RollCallEntry.query(on: db).filter(\.$personnel.$id ~~ Array(chunk))
                .filter(\.$dependant.$id == nil).join(RollCall.self, on: \RollCallEntry.$rollCall.$id == \RollCall.$id)
                .filter(RollCall.self, \.$closedAt == nil).all()
            {
                let call = try entry.joined(RollCall.self)
                if latest[entry.$personnel.id].map({ $0.call.openedAt < call.openedAt }) ?? true {
                    latest[entry.$personnel.id] = (entry, call)
                }
            }
        }
        var logs: [InboundMessage] = []
        var replies: [String?] = []
        // An entry answered twice in one batch: the last answer counts.
        var marks: [UUID: RollCallService.Mark] = [:]
        for (answer, number) in zip(answers, numbers) {
            let log = InboundMessage()
            log.sender = String(answer.from.prefix(40))
            log.text = String(answer.text.prefix(500))
            log.receivedAt = answer.now
            logs.append(log)
            let found = number.flatMap { people[$0] }?.lazy.compactMap { p in latest[p.id!].map { (p, $0) } }.first
            guard let (person, (entry, call)) = found else {
                log.outcome = .unknownSender
                replies.append(nil)
                continue
            }
            let t = Localizer(code: person.language)
            log.$entry.id = entry.id
            guard let status = SMSReply(answer.text).status else {
                log.outcome = .instructions
                replies.append(t("rollcall.sms_instructions", call.title))
                continue
            }
            log.outcome = status == .safe ? .safe : .needsHelp
            marks[entry.id!] = RollCallService.Mark(entry: entry, call: call, status: status, by: "sms \(number ?? "")")
            replies.append(status == .safe ? t("rollcall.sms_thanks_safe") : t("rollcall.sms_thanks_help"))
        }
        if let at = answers.map(\.now).max() {
            try await RollCallService.markAll(
                Array(marks.values), method: .sms, note: nil, at: at, actorID: nil, on: db)
        }
        for batch in logs.chunked(500) { try await Array(batch).create(on: db) }
        return replies
    }

    /// Kannel's delivery report for a message: 1 delivered, 2 failed, 8 with the network, 16 refused.
    static func delivery(messageID: UUID, status: Int, now: Date, on db: any Database) async throws {
        guard let m = try await RollCallMessage.find(messageID, on: db) else { return }
        switch status {
        case 1: m.delivery = .delivered
        case 2, 16: m.delivery = .failed
        default: return
        }
        m.deliveryAt = now
        try await m.save(on: db)
    }
}

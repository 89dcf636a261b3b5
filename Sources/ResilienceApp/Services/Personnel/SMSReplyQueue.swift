import Fluent
import Foundation
import Vapor

/// The SMS answers of a roll-call come in bursts, thousands a minute. Each is its own small write,
/// and on SQLite writers wait for each other: one transaction per answer made the database the
/// bottleneck. Answers that arrive while a batch is being written wait for the next batch, which
/// writes them all in one transaction (group commit); nothing waits on a timer, so a lone answer
/// is written at once.
actor SMSReplyQueue {
    private struct Pending: Sendable {
        var from: String
        var text: String
        var now: Date
        var answer: CheckedContinuation<String?, any Error>
    }

    private var pending: [Pending] = []
    private var writing = false
    private let db: any Database

    init(db: any Database) { self.db = db }

    /// What to send back to `from` (nil: nothing), once the answer is saved.
    func submit(from: String, text: String, now: Date) async throws -> String? {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(from: from, text: text, now: now, answer: continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                let answers = batch.map { RollCallMessenger.Answer(from: $0.from, text: $0.text, now: $0.now) }
                let replies = try await db.transaction { db in try await RollCallMessenger.inbound(answers, on: db) }
                for (answer, reply) in zip(batch, replies) { answer.answer.resume(returning: reply) }
            } catch {
                for answer in batch { answer.answer.resume(throwing: error) }
            }
        }
        writing = false
    }
}

extension Application {
    private struct SMSReplyQueueKey: StorageKey { typealias Value = SMSReplyQueue }

    /// The application's queue of SMS answers (see `configure`).
    var smsReplies: SMSReplyQueue {
        get {
            guard let queue = storage[SMSReplyQueueKey.self] else { fatalError("the SMS queue is made in configure") }
            return queue
        }
        set { storage[SMSReplyQueueKey.self] = newValue }
    }
}

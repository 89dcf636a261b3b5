import Fluent
import Foundation
import Vapor

/// Small writes that come in bursts (the SMS answers of a roll-call, the looks at personnel
/// records) written together: what arrives while a batch is being written waits for the next
/// batch, which is written in one transaction (group commit). On SQLite writers wait for each
/// other, and one transaction per answer made the database the bottleneck. Nothing waits on a
/// timer: a lone write goes at once.
actor BatchWriter<Item: Sendable, Result: Sendable> {
    private struct Pending: Sendable {
        var item: Item
        var done: CheckedContinuation<Result, any Error>
    }

    private var pending: [Pending] = []
    private var writing = false
    private let db: any Database
    /// Writes a batch in the transaction it is given; one result per item, in order.
    private let write: @Sendable ([Item], any Database) async throws -> [Result]

    init(db: any Database, write: @escaping @Sendable ([Item], any Database) async throws -> [Result]) {
        self.db = db
        self.write = write
    }

    /// The item's result, once its batch is saved.
    func submit(_ item: Item) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(item: item, done: continuation))
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
                let items = batch.map(\.item)
                let write = self.write
                let results = try await db.transaction { db in try await write(items, db) }
                for (pending, result) in zip(batch, results) { pending.done.resume(returning: result) }
            } catch {
                for pending in batch { pending.done.resume(throwing: error) }
            }
        }
        writing = false
    }
}

extension Application {
    private struct SMSRepliesKey: StorageKey { typealias Value = BatchWriter<RollCallMessenger.Answer, String?> }
    private struct RecordViewsKey: StorageKey { typealias Value = BatchWriter<RecordView, Void> }

    /// Roll-call SMS answers, written in batches (see `configure`); each gets the text to send back.
    var smsReplies: BatchWriter<RollCallMessenger.Answer, String?> {
        get {
            guard let writer = storage[SMSRepliesKey.self] else {
                fatalError("the batch writers are made in configure")
            }
            return writer
        }
        set { storage[SMSRepliesKey.self] = newValue }
    }

    /// Looks at personnel records, logged in batches.
    var recordViews: BatchWriter<RecordView, Void> {
        get {
            guard let writer = storage[RecordViewsKey.self] else {
                fatalError("the batch writers are made in configure")
            }
            return writer
        }
        set { storage[RecordViewsKey.self] = newValue }
    }
}

import Foundation
import Vapor

/// What the application keeps in memory: rendered pages and parts of pages, decoded plans,
/// comparisons, the organization's standings. One per application (each test app has its own),
/// with one budget in bytes; beyond it the least recently used go first. A key names the kind of
/// what it keeps, its type, and everything the value depends on: the versions of the data it
/// shows (`DataVersions`, a plan's revision), the language, the person's rights, the filters.
/// A value is never changed under its key; a change of data makes a new key, and the old value
/// ages out. The one exception is what is remembered of who is asking (`ActorMemo`), kept under
/// the credential with the version it was read at, and replaced when that version has moved.
final class KeptCache: @unchecked Sendable {
    /// What is kept, for the key's text (two kinds never share a key).
    enum Kind: String, Sendable {
        /// A page's content, or an API answer, for its data's versions.
        case page
        /// The frame around a page (header, navigation, footer) for a person, page and language.
        case frame
        /// A plan's printable pocket version.
        case pocketPlan
        /// A plan at a revision, or a version, decoded.
        case planSnapshot
        /// The differences between two sides of a plan.
        case comparison
        /// The organization's standings, read for the dashboards.
        case standings
        /// Counts of a register's heat maps, and their drawings.
        case heatMap
        /// The duty-station database's rows for a person's reach.
        case stationFacts
        /// A plan's processes beyond acceptable risk, for its revision and the security data.
        case acceptableRisk
        /// Who can be located in a unit's subtree, for its personnel data and the minute.
        case locatable
        /// A roll-call's counts, milestones and answers per channel, for its unit's personnel data.
        case rollCallFigures
        /// Who a session or token is, and the units paths name, with the versions they were read at.
        case actor
    }

    /// A key with the type of the value it keeps.
    struct Key<Value: Sendable>: Sendable {
        let text: String
        init(_ kind: Kind, _ parts: [String]) { text = kind.rawValue + "|" + parts.joined(separator: "|") }
    }

    private struct Entry { var value: any Sendable; var cost: Int; var used: UInt64 }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var tick: UInt64 = 0
    private(set) var bytes = 0
    let budget: Int

    init(budget: Int) { self.budget = budget }

    /// How many values are kept.
    var count: Int { lock.withLock { entries.count } }

    /// The kept value, marked as just used; a hit costs a dictionary lookup, whatever the count.
    private func hit<V>(_ key: Key<V>) -> V? {
        lock.withLock {
            guard var entry = entries[key.text], let value = entry.value as? V else { return nil }
            tick += 1
            entry.used = tick
            entries[key.text] = entry
            return value
        }
    }

    /// Keeps a value; beyond the budget the least recently used go, down to nine tenths of it, so
    /// that the sort is paid once per many stores.
    private func store<V: Sendable>(_ key: Key<V>, _ value: V, cost: (V) -> Int) -> V {
        store(key, value, cost: cost(value))
    }

    private func store<V: Sendable>(_ key: Key<V>, _ value: V, cost: Int) -> V {
        lock.withLock {
            tick += 1
            if let old = entries.updateValue(Entry(value: value, cost: cost, used: tick), forKey: key.text) {
                bytes -= old.cost
            }
            bytes += cost
            if bytes > budget {
                for (oldKey, entry) in entries.sorted(by: { $0.value.used < $1.value.used })
                where bytes > budget * 9 / 10 {
                    entries[oldKey] = nil
                    bytes -= entry.cost
                }
            }
        }
        return value
    }

    /// The value kept under `key`, if any (see `ActorMemo`).
    func peek<V: Sendable>(_ key: Key<V>) -> V? { hit(key) }

    /// Keeps `value` under `key`, in place of what was kept there (see `ActorMemo`).
    func keep<V: Sendable>(_ key: Key<V>, _ value: V, cost: Int) { _ = store(key, value, cost: cost) }

    func forget<V>(_ key: Key<V>) {
        lock.withLock { if let old = entries.removeValue(forKey: key.text) { bytes -= old.cost } }
    }

    /// The keys being made, with who waits for each.
    private var making: [String: [CheckedContinuation<(any Sendable)?, Never>]] = [:]

    /// The value kept under `key`, or `make`'s, kept; `cost` tells its size in bytes. While one
    /// request makes a value, the others asking for it wait for that one rather than make it too
    /// (16 connections missing a page at its minute's tick rendered it 16 times at once).
    func value<V: Sendable>(
        _ key: Key<V>, cost: (V) -> Int, make: () async throws -> V
    ) async rethrows -> V {
        if let value = hit(key) { return value }
        let joins = lock.withLock {
            if making[key.text] != nil { return true }
            making[key.text] = []
            return false
        }
        if joins {
            let made = await withCheckedContinuation { (waiter: CheckedContinuation<(any Sendable)?, Never>) in
                let waiting = lock.withLock {
                    guard making[key.text] != nil else { return false }
                    making[key.text]?.append(waiter)
                    return true
                }
                if !waiting { waiter.resume(returning: hit(key)) }
            }
            if let value = made as? V { return value }
            // The maker failed (or its value went): make it here.
            let value = try await make()
            return store(key, value, cost: cost(value))
        }
        do {
            let value = store(key, try await make(), cost: cost)
            for waiter in lock.withLock({ making.removeValue(forKey: key.text) ?? [] }) {
                waiter.resume(returning: value)
            }
            return value
        } catch {
            for waiter in lock.withLock({ making.removeValue(forKey: key.text) ?? [] }) {
                waiter.resume(returning: nil)
            }
            throw error
        }
    }

    /// The same, for a value made without waiting.
    func cached<V: Sendable>(_ key: Key<V>, cost: (V) -> Int, make: () -> V) -> V {
        if let value = hit(key) { return value }
        let value = make()
        return store(key, value, cost: cost(value))
    }

    func value(_ key: Key<String>, make: () async throws -> String) async rethrows -> String {
        try await value(key, cost: \.utf8.count, make: make)
    }

    func cached(_ key: Key<String>, make: () -> String) -> String { cached(key, cost: \.utf8.count, make: make) }
}

extension KeptCache {
    /// Says, as the server stops, how full the cache was (the benchmark prints it beside the
    /// server's memory).
    struct Report: LifecycleHandler {
        func shutdown(_ application: Application) {
            let kept = application.kept
            // Commands keep nothing, and print what they make on the last line: said by servers only.
            guard kept.count > 0 else { return }
            application.logger.notice(
                "The one cache held \(kept.bytes >> 20) MB of its \(kept.budget >> 20) MB in \(kept.count) values.")
        }
    }
}

extension Application {
    private struct KeptKey: StorageKey { typealias Value = KeptCache }

    /// The application's one cache, made with the application (see `configure`).
    var kept: KeptCache {
        get {
            guard let kept = storage[KeptKey.self] else { fatalError("the kept cache is made in configure") }
            return kept
        }
        set { storage[KeptKey.self] = newValue }
    }
}

extension Request {
    var kept: KeptCache { application.kept }
}

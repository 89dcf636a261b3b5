import Foundation
import Vapor

/// Rendered pages whose content cannot change under their key (a plan at a revision, a version),
/// kept within a byte budget, least recently used first out.
final class RenderCache: @unchecked Sendable {
    static let pocketPlans = RenderCache(budget: 16 << 20)
    /// Parts of pages and API answers that depend only on a plan's revision and the language.
    static let pages = RenderCache(budget: 16 << 20)
    /// The page frame around content (header, navigation, footer), per person, page and language:
    /// apart, so that many people's frames do not push out the pages.
    static let frames = RenderCache(budget: 4 << 20)

    private let lock = NSLock()
    /// Each value with when it was last used (a counter, not a clock).
    private var entries: [String: (value: String, used: UInt64)] = [:]
    private var tick: UInt64 = 0
    private var bytes = 0
    private let budget: Int

    init(budget: Int) { self.budget = budget }

    /// The kept value, marked as just used; a hit costs a dictionary lookup, whatever the count.
    private func hit(_ key: String) -> String? {
        lock.withLock {
            guard let entry = entries[key] else { return nil }
            tick += 1
            entries[key] = (entry.value, tick)
            return entry.value
        }
    }

    /// Keeps a value; beyond the budget the least recently used go, down to nine tenths of it so
    /// that the sort is paid once per many stores.
    private func store(_ key: String, _ value: String) -> String {
        lock.withLock {
            tick += 1
            if let old = entries.updateValue((value, tick), forKey: key) { bytes -= old.value.utf8.count }
            bytes += value.utf8.count
            if bytes > budget {
                for (oldKey, entry) in entries.sorted(by: { $0.value.used < $1.value.used })
                where bytes > budget * 9 / 10 {
                    entries[oldKey] = nil
                    bytes -= entry.value.utf8.count
                }
            }
        }
        return value
    }

    /// The same, for rendering that does not wait.
    func cached(_ key: String, render: () -> String) -> String {
        if let value = hit(key) { return value }
        return store(key, render())
    }

    func value(_ key: String, render: () async throws -> String) async rethrows -> String {
        if let value = hit(key) { return value }
        return store(key, try await render())
    }
}

extension Request {
    /// What a page or answer shows when it depends only on the data's version, the request's
    /// `parts` (filters, unit, who may change it), its language, and the clock's `period` (things
    /// turn due soon and overdue by the clock: a minute by default; a UTC day where everything
    /// due is a day): rendered once per such key and kept.
    func rendered(
        _ parts: [String], version: String, period: TimeInterval = 60, render: () async throws -> String
    ) async throws -> String {
        let tick = Int(now.timeIntervalSince1970 / period)
        return try await RenderCache.pages.value(
            (parts + [version, localizer.code, String(tick)]).joined(separator: "|"), render: render)
    }

    /// The same, for markup with forms: rendered with a stand-in for the request's CSRF token,
    /// which each request then puts in.
    func renderedForm(
        _ parts: [String], version: String, period: TimeInterval = 60,
        render: (_ csrf: String) async throws -> String
    ) async throws -> String {
        let standIn = "csrf-stand-in-7f3a9c"
        return try await rendered(parts, version: version, period: period) { try await render(standIn) }
            .replacingBytes(standIn, with: csrfToken)
    }
}

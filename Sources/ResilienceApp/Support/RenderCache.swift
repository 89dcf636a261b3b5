import Foundation
import Vapor

/// Rendered pages whose content cannot change under their key (a plan at a revision, a version),
/// kept within a byte budget, least recently used first out.
final class RenderCache: @unchecked Sendable {
    static let pocketPlans = RenderCache(budget: 16 << 20)
    /// Parts of pages and API answers that depend only on a plan's revision and the language.
    static let pages = RenderCache(budget: 16 << 20)

    private let lock = NSLock()
    private var entries: [String: String] = [:]
    private var order: [String] = []
    private var bytes = 0
    private let budget: Int

    init(budget: Int) { self.budget = budget }

    /// The same, for rendering that does not wait.
    func cached(_ key: String, render: () -> String) -> String {
        if let hit = lock.withLock({ entries[key] }) { return hit }
        return store(key, render())
    }

    /// Keeps a value, the least recently used out beyond the budget.
    private func store(_ key: String, _ value: String) -> String {
        lock.withLock {
            if entries.updateValue(value, forKey: key) == nil { order.append(key); bytes += value.utf8.count }
            while bytes > budget, let oldest = order.first {
                order.removeFirst()
                bytes -= entries.removeValue(forKey: oldest)?.utf8.count ?? 0
            }
        }
        return value
    }

    func value(_ key: String, render: () async throws -> String) async rethrows -> String {
        if let hit = lock.withLock({ () -> String? in
            guard let hit = entries[key] else { return nil }
            order.removeAll { $0 == key }; order.append(key)
            return hit
        }) { return hit }
        return store(key, try await render())
    }
}

extension Request {
    /// What a page or answer shows when it depends only on the data's version, the request's
    /// `parts` (filters, unit, who may change it), its language, and the clock's `period` (things
    /// turn due soon and overdue by the clock: a minute by default; a UTC day where everything
    /// due is a day): rendered once per such key and kept.
    func rendered(_ parts: [String], version: String, period: TimeInterval = 60, render: () async throws -> String) async throws -> String {
        let tick = Int(Date().timeIntervalSince1970 / period)
        return try await RenderCache.pages.value((parts + [version, localizer.code, String(tick)]).joined(separator: "|"), render: render)
    }

    /// The same, for markup with forms: rendered with a stand-in for the request's CSRF token,
    /// which each request then puts in.
    func renderedForm(_ parts: [String], version: String, period: TimeInterval = 60,
                      render: (_ csrf: String) async throws -> String) async throws -> String {
        let standIn = "csrf-stand-in-7f3a9c"
        return try await rendered(parts, version: version, period: period) { try await render(standIn) }
            .replacingOccurrences(of: standIn, with: csrfToken)
    }
}

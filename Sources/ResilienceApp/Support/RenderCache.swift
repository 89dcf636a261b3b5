import Foundation

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

import Fluent
import Vapor

/// Where a list is: page number, size, whether more follow, and the total when it is cheap to know.
struct PageInfo: Content {
    var page: Int
    var per: Int
    var total: Int?
    var hasMore: Bool
    /// For lists read by key (`after=`): the value to ask for the next page with.
    var nextAfter: String?
    /// For lists read by key: the value to ask for the previous page with (`before=`), when there is one.
    var previousBefore: String?
    var pageCount: Int? { total.map { max(1, ($0 + per - 1) / per) } }
}

/// A page of results with its position, as the API returns lists.
struct Paged<T: Content>: Content {
    var items: [T]
    var metadata: PageInfo
}

extension Request {
    /// The `q` of a list: trimmed and bounded, empty when absent.
    var searchText: String {
        String((query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
    }

    /// The page asked for: `page` from 1, `per` from 1 to 100 (default 50). Bad values fall back to
    /// the defaults rather than failing: a list always opens.
    var pageRequest: (page: Int, per: Int) {
        let page = max(1, min((try? query.get(Int.self, at: "page")) ?? 1, 1_000_000))
        let per = max(1, min((try? query.get(Int.self, at: "per")) ?? 50, 100))
        return (page, per)
    }
}

extension QueryBuilder {
    /// Runs the query for one page, and counts the whole (for lists that stay small).
    func paged(_ request: Request) async throws -> (items: [Model], info: PageInfo) {
        let (page, per) = request.pageRequest
        let total = try await copy().count()
        let items = try await copy().range((page - 1) * per..<page * per).all()
        return (items, PageInfo(page: page, per: per, total: total, hasMore: page * per < total))
    }

    /// One page of a list that can grow without bound: one row more than the page tells whether
    /// another follows, and nothing is counted.
    func pagedWithoutTotal(_ request: Request) async throws -> (items: [Model], info: PageInfo) {
        let (page, per) = request.pageRequest
        let items = try await copy().range((page - 1) * per..<page * per + 1).all()
        return (Array(items.prefix(per)), PageInfo(page: page, per: per, total: nil, hasMore: items.count > per))
    }
}

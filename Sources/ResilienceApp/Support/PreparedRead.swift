import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor

/// A read that (nearly) every request makes, written once for both databases. Its parameters
/// are `$1`, `$2`, … in its text; on PostgreSQL it is prepared once per connection and kept there,
/// on SQLite each `$n` becomes a bound value. PostgreSQL planned the statement that finds who is
/// asking anew on every request, and that cost it more than running it.
protocol PreparedRead: PostgresPreparedStatement where Row == PostgresRow {
    /// The values of `$1`, `$2`, … in that order.
    var parameters: [PreparedParameter] { get }
}

/// A value a prepared read is given.
enum PreparedParameter: Sendable {
    case uuid(UUID?), string(String), date(Date), bool(Bool)

    var encodable: any Encodable & Sendable {
        switch self {
        case .uuid(let v): v
        case .string(let v): v
        case .date(let v): v
        case .bool(let v): v
        }
    }

    func append(to bindings: inout PostgresBindings) {
        switch self {
        case .uuid(let v): bindings.append(v)
        case .string(let v): bindings.append(v)
        case .date(let v): bindings.append(v)
        case .bool(let v): bindings.append(v)
        }
    }
}

extension PreparedRead {
    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: parameters.count)
        for parameter in parameters { parameter.append(to: &bindings) }
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }

    func all(on db: any Database) async throws -> [any SQLRow] {
        if let postgres = db as? any PostgresDatabase {
            return try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    var rows: [any SQLRow] = []
                    for try await row in try await connection.execute(self, logger: db.logger) {
                        rows.append(row.sql())
                    }
                    return rows
                }
            }.get()
        }
        guard let sql = db as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "an SQL database is required")
        }
        return try await sql.raw(Self.query(Self.sql, parameters)).all()
    }

    /// The text with each `$n` replaced by the n-th parameter bound in the database's own way.
    static func query(_ text: String, _ parameters: [PreparedParameter]) -> SQLQueryString {
        var query = SQLQueryString("")
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            let digits = rest[rest.index(after: dollar)...].prefix(while: \.isASCIIDigit)
            guard let n = Int(digits), (1...parameters.count).contains(n) else {
                query.appendLiteral(String(rest[...dollar]))
                rest = rest[rest.index(after: dollar)...]
                continue
            }
            query.appendLiteral(String(rest[..<dollar]))
            query.appendInterpolation(bind: parameters[n - 1].encodable)
            rest = rest[digits.endIndex...]
        }
        query.appendLiteral(String(rest))
        return query
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

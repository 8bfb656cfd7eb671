import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// Where a PostgreSQL store lives: `postgresql://user[:password]@host[:port]/database[?schema=name]`.
public struct PostgreSQLAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// The PostgreSQL schema that holds the store's tables; several stores can share one database.
    public var schema: String

    /// Reads a `postgresql://` (or `postgres://`) URL; nil when `text` is not one.
    public init?(_ text: String) {
        guard let components = URLComponents(string: text), ["postgresql", "postgres"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else { return nil }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding }
        let path = components.path.drop { $0 == "/" }
        database = path.isEmpty ? user : String(path)
        schema = components.queryItems?.first { $0.name == "schema" }?.value ?? "claimtrack"
        guard Self.isPlainName(schema), !database.contains("/") else { return nil }
    }

    /// The address with the password left out, for messages.
    public var description: String {
        "postgresql://\(user)@\(host):\(port)/\(database)" + (schema == "claimtrack" ? "" : "?schema=\(schema)")
    }

    /// The same database, another schema.
    public func with(schema: String) -> PostgreSQLAddress {
        var address = self
        address.schema = schema
        return address
    }

    /// A schema name used unquoted in SQL: letters, digits and `_`, not starting with a digit.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first), name.count <= 50 else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }
    }
}

/// The store in a PostgreSQL database, through postgres-nio: many analysts and fetchers on one set of questions.
/// The store's operations are synchronous, as they are over SQLite; each waits on its query here, off the
/// event loop. Connections are kept and reused, one per thread that is using the store at a time.
final class PostgreSQLDatabase: StoreDatabase, @unchecked Sendable {
    let address: PostgreSQLAddress
    var dialect: SQLDialect { .postgresql }

    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var opened = 0
    private static let logger = Logger(label: "claimtrack.store") { _ in SwiftLogNoOpLogHandler() }

    init(_ address: PostgreSQLAddress) {
        self.address = address
    }

    deinit { try? close() }

    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        // Writers on several machines: a transaction the server chose to end (a deadlock, a serialization
        // failure) is run again, a few times; its work was all rolled back.
        var attempt = 1
        while true {
            do { return try transaction("BEGIN", body) } catch let error as PostgreSQLError where error.isTransient && attempt < 4 {
                attempt += 1
                usleep(UInt32.random(in: 10_000...100_000))
            }
        }
    }

    private func transaction<T>(_ begin: String, _ body: (any StoreConnection) throws -> T) throws -> T {
        try withConnection { connection in
            try connection.execute(begin)
            do {
                let result = try body(connection)
                try connection.execute("COMMIT")
                return result
            } catch {
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Runs `body` on a connection of its own, outside any transaction `body` does not begin itself.
    func withConnection<T>(_ body: (PostgreSQLConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        do {
            let result = try body(PostgreSQLConnection(connection: connection, logger: Self.logger))
            checkIn(connection)
            return result
        } catch {
            // A connection that failed may be in any state: it is not handed out again.
            if connection.isClosed { lock.withLock { opened -= 1 } } else { checkIn(connection) }
            throw error
        }
    }

    private func checkOut() throws -> PostgresConnection {
        let (reused, id): (PostgresConnection?, Int) = lock.withLock {
            if let connection = idle.popLast() { return (connection, 0) }
            opened += 1
            return (nil, opened)
        }
        if let reused, !reused.isClosed { return reused }
        var configuration = PostgresConnection.Configuration(host: address.host, port: address.port, username: address.user,
                                                             password: address.password, database: address.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        // Every statement names its tables unqualified: they are found in the store's schema.
        configuration.options.additionalStartupParameters = [("search_path", address.schema), ("application_name", "claimtrack"),
                                                             ("client_min_messages", "warning")]
        do {
            return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                                  id: id, logger: Self.logger).wait()
        } catch {
            lock.withLock { opened -= 1 }
            throw PostgreSQLError(error, doing: "connect")
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        lock.withLock { idle.append(connection) }
    }

    func close() throws {
        let connections = lock.withLock {
            defer { idle = []; opened = 0 }
            return idle
        }
        for connection in connections { try? connection.close().wait() }
    }
}

/// One PostgreSQL connection seen as a `StoreConnection`: `?` placeholders become `$1`, `$2`, ….
struct PostgreSQLConnection: StoreConnection {
    let connection: PostgresConnection
    let logger: Logger

    var dialect: SQLDialect { .postgresql }

    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws {
        _ = try run(sql, arguments)
    }

    func forEachRow(_ sql: String, _ arguments: [any SQLArgument], _ body: (StoreRow) throws -> Void) throws {
        for row in try run(sql, arguments) { try body(StoreRow(row)) }
    }

    private func run(_ sql: String, _ arguments: [any SQLArgument]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument.sqlValue {
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .date(let date): bindings.append(date)
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numberedPlaceholders(sql), binds: bindings)
        do { return try connection.query(query, logger: logger).wait() } catch {
            throw PostgreSQLError(error, doing: sql)
        }
    }

    /// `sql` with each `?` outside quotes replaced by `$1`, `$2`, … in order.
    static func numberedPlaceholders(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// What PostgreSQL (or the way to it) said went wrong, with the statement or step it was doing.
struct PostgreSQLError: Error, CustomStringConvertible {
    let description: String
    /// The SQLSTATE the server sent, if it sent one (e.g. `40P01`, a deadlock).
    let sqlState: String?

    /// Whether the server ended the transaction for a clash with another (deadlock, serialization failure):
    /// running it again can succeed.
    var isTransient: Bool { sqlState == "40P01" || sqlState == "40001" }

    init(_ error: any Error, doing what: String) {
        let step = what.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        if let refused = ((error as? PSQLError)?.underlying ?? error) as? NIOConnectionError {
            // NIO describes every address it tried at length; the reason for each is what a user can act on.
            let reasons = refused.connectionErrors.map { failure in
                (failure.error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? "\(failure.error)"
            }
            let said = reasons.isEmpty ? "the host name did not resolve" : Array(Set(reasons)).sorted().joined(separator: "; ")
            sqlState = nil
            description = "cannot connect to \(refused.host):\(refused.port): \(said)"
        } else if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState]
            sqlState = state
            let said = error.serverInfo?[.message].map { "\($0) (SQLSTATE \(state ?? "?"))" }
            let cause = error.underlying.map { "\($0)" }
            description = "\(said ?? cause ?? "\(error.code)") — \(step)"
        } else {
            sqlState = nil
            description = "\(error) — \(step)"
        }
    }
}

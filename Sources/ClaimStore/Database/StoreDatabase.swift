import Foundation

/// Which SQL a store database speaks: the few places SQLite and PostgreSQL differ are asked of it.
public enum SQLDialect: String, Sendable {
    case sqlite, postgresql

    /// The column type of a text column. PostgreSQL's compares bytewise (`C`), as SQLite's does, so listings
    /// come out in the same order from both.
    var text: String { self == .sqlite ? "TEXT" : "TEXT COLLATE \"C\"" }
    /// The column type of an integer column.
    var integer: String { self == .sqlite ? "INTEGER" : "BIGINT" }
    /// The column type of a point in time.
    var datetime: String { self == .sqlite ? "DATETIME" : "TIMESTAMPTZ" }
    /// An integer primary key the database numbers.
    var autoIncrementedID: String { self == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY" }
    /// The character with code `code`, in SQL.
    func character(_ code: Int) -> String { self == .sqlite ? "char(\(code))" : "chr(\(code))" }
    /// A condition that holds when the indexed text of `pageText` contains the phrase bound to the next `?`.
    var pageTextMatchesPhrase: String {
        self == .sqlite ? "pageText MATCH ?" : "p.words @@ phraseto_tsquery('simple', ?)"
    }
    /// The column that orders `derived` rows by when they were kept.
    var derivedOrder: String { self == .sqlite ? "rowid" : "kept" }
    /// What an upsert of a `derived` row also sets so the row counts as kept last (SQLite's replaced row
    /// takes a new rowid by itself).
    var derivedKeptAgain: String { self == .sqlite ? "" : ", kept = DEFAULT" }
}

/// A value bound into a store query. PostgreSQL is sent a null without a type, so a query that tests a bound
/// value for null casts it (`CAST(? AS TEXT) IS NULL`): the server cannot infer one from `? IS NULL`.
enum SQLValue: Sendable {
    case integer(Int64?)
    case real(Double?)
    case text(String?)
    case date(Date?)
}

/// A Swift value that can be bound into a store query.
protocol SQLArgument {
    var sqlValue: SQLValue { get }
    /// A null of this type.
    static var sqlNull: SQLValue { get }
}

extension String: SQLArgument {
    var sqlValue: SQLValue { .text(self) }
    static var sqlNull: SQLValue { .text(nil) }
}

extension Int: SQLArgument {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    static var sqlNull: SQLValue { .integer(nil) }
}

extension Int64: SQLArgument {
    var sqlValue: SQLValue { .integer(self) }
    static var sqlNull: SQLValue { .integer(nil) }
}

extension Double: SQLArgument {
    var sqlValue: SQLValue { .real(self) }
    static var sqlNull: SQLValue { .real(nil) }
}

extension Date: SQLArgument {
    var sqlValue: SQLValue { .date(self) }
    static var sqlNull: SQLValue { .date(nil) }
}

extension Optional: SQLArgument where Wrapped: SQLArgument {
    var sqlValue: SQLValue { self?.sqlValue ?? Wrapped.sqlNull }
    static var sqlNull: SQLValue { Wrapped.sqlNull }
}

/// One connection's view of the store inside a transaction: statements written once, with `?` placeholders,
/// for either database.
protocol StoreConnection {
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws
    /// Runs a query and hands each row to `body`, in order.
    func forEachRow(_ sql: String, _ arguments: [any SQLArgument], _ body: (StoreRow) throws -> Void) throws
    /// Inserts `rows` (each the values of `columns`, in order) into `table`, reading nothing back: the bulk of
    /// a store's rows (claims, stated unknowns, page texts), so each database takes them its fastest way.
    func insert(into table: String, columns: [String], rows: some Sequence<[any SQLArgument]>) throws
}

extension StoreConnection {
    func execute(_ sql: String) throws { try execute(sql, []) }

    /// Every row of a query, each made into a `T` by `decode`.
    func fetchAll<T>(_ sql: String, _ arguments: [any SQLArgument] = [], _ decode: (StoreRow) throws -> T) throws -> [T] {
        var values: [T] = []
        try forEachRow(sql, arguments) { values.append(try decode($0)) }
        return values
    }

    /// The first row of a query made into a `T`, or nil when it has none.
    func fetchOne<T>(_ sql: String, _ arguments: [any SQLArgument] = [], _ decode: (StoreRow) throws -> T) throws -> T? {
        var value: T?
        try forEachRow(sql, arguments) { row in if value == nil { value = try decode(row) } }
        return value
    }

    /// `count` placeholders, comma-separated, for an `IN (…)` list.
    func placeholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }

    func insert(into table: String, columns: [String], rows: some Sequence<[any SQLArgument]>) throws {
        try insert(into: table, columns: columns, rows: rows, returning: nil)
    }

    /// Inserts `rows` (each the values of `columns`, in order) into `table` by INSERT statements. SQLite takes
    /// one row per statement through one prepared statement; PostgreSQL many per statement, since there every
    /// statement is a round trip to the server. With `returning`, hands each inserted row's `returning`
    /// columns to `each`.
    func insert(into table: String, columns: [String], rows: some Sequence<[any SQLArgument]>, returning: String?,
                _ each: (StoreRow) throws -> Void = { _ in }) throws {
        // PostgreSQL takes at most 65,535 bound values in a statement.
        let perStatement = dialect == .sqlite ? 1 : max(1, min(1_000, 60_000 / max(columns.count, 1)))
        let row = "(" + placeholders(columns.count) + ")"
        func statement(rows count: Int) -> String {
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: row, count: count).joined(separator: ", ") + (returning.map { " RETURNING \($0)" } ?? "")
        }
        let full = statement(rows: perStatement)
        var chunk: [[any SQLArgument]] = []
        func send() throws {
            guard !chunk.isEmpty else { return }
            let sql = chunk.count == perStatement ? full : statement(rows: chunk.count)
            let arguments = chunk.count == 1 ? chunk[0] : Array(chunk.joined())
            if returning == nil { try execute(sql, arguments) } else { try forEachRow(sql, arguments, each) }
            chunk.removeAll(keepingCapacity: true)
        }
        for values in rows {
            chunk.append(values)
            if chunk.count == perStatement { try send() }
        }
        try send()
    }
}

/// Where a store's rows live: the operations of `Store` run through this, in a transaction each.
protocol StoreDatabase: Sendable {
    var dialect: SQLDialect { get }
    /// Reads in one transaction that sees a single state of the store.
    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T
    /// Writes in one transaction: all of `body` or none of it.
    func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T
    /// Whether every step of `Schema.migrations` has been applied (false where no writer has made the store).
    func hasCompletedMigrations() throws -> Bool
    /// Ends the use of the database: the connections close.
    func close() throws
}

import Foundation
import GRDB

/// The store in a SQLite file, through GRDB: one workspace, one machine.
struct SQLiteDatabase: StoreDatabase {
    /// A pool (WAL) for a writer, so reads go on while a batch is written; one read-only connection for a listing.
    let writer: any DatabaseWriter

    var dialect: SQLDialect { .sqlite }

    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try writer.read { try body(SQLiteConnection(db: $0)) }
    }

    func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try writer.write { try body(SQLiteConnection(db: $0)) }
    }

    func hasCompletedMigrations() throws -> Bool {
        // A writer creating the store at this moment can make GRDB's check fail once (its table of applied
        // steps missing, then there): asked again, it answers.
        for _ in 0..<3 {
            if let current = try? writer.read({ try Schema.migrator.hasCompletedMigrations($0) }) { return current }
            usleep(50_000)
        }
        return try writer.read { try Schema.migrator.hasCompletedMigrations($0) }
    }

    func close() throws { try writer.close() }
}

/// A GRDB database connection seen as a `StoreConnection`; statements are prepared once per connection.
struct SQLiteConnection: StoreConnection {
    let db: Database

    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
    }

    func forEachRow(_ sql: String, _ arguments: [any SQLArgument], _ body: (StoreRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments))
        while let row = try rows.next() { try body(StoreRow(row)) }
    }

    /// Runs several statements in one string (a migration's DDL), without preparing them one by one.
    func executeScript(_ sql: String) throws { try db.execute(sql: sql) }

    static func arguments(_ values: [any SQLArgument]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value.sqlValue {
            case .integer(let number): number
            case .real(let number): number
            case .text(let text): text
            // GRDB's own text form of a date, so rows written here and by GRDB compare and sort alike.
            case .date(let date): date.map(CompactJSON.date)
            }
        })
    }
}

import Foundation
import GRDB
import PostgresNIO

/// One row a store query returned, read by column index.
struct StoreRow {
    private enum Storage {
        case sqlite(GRDB.Row)
        case postgresql(PostgresRandomAccessRow)
    }

    private let storage: Storage

    init(_ row: GRDB.Row) { storage = .sqlite(row) }
    init(_ row: PostgresRow) { storage = .postgresql(row.makeRandomAccess()) }

    func string(_ index: Int) throws -> String? {
        switch storage {
        case .sqlite(let row): return row[index]
        case .postgresql(let row): return try decode(row, index, String?.self)
        }
    }

    func string(_ index: Int) throws -> String {
        guard let value: String = try string(index) else { throw StoreRowError.null(column: index) }
        return value
    }

    func int64(_ index: Int) throws -> Int64? {
        switch storage {
        case .sqlite(let row): return row[index]
        case .postgresql(let row): return try decode(row, index, Int64?.self)
        }
    }

    func int64(_ index: Int) throws -> Int64 {
        guard let value: Int64 = try int64(index) else { throw StoreRowError.null(column: index) }
        return value
    }

    func int(_ index: Int) throws -> Int? { try int64(index).map { Int($0) } }

    func int(_ index: Int) throws -> Int { Int(try int64(index) as Int64) }

    func date(_ index: Int) throws -> Date? {
        switch storage {
        case .sqlite(let row): return row[index]
        case .postgresql(let row): return try decode(row, index, Date?.self)
        }
    }

    func date(_ index: Int) throws -> Date {
        guard let value: Date = try date(index) else { throw StoreRowError.null(column: index) }
        return value
    }

    func bool(_ index: Int) throws -> Bool {
        switch storage {
        case .sqlite(let row): return row[index] ?? false
        case .postgresql(let row): return try decode(row, index, Bool?.self) ?? false
        }
    }

    private func decode<T: PostgresDecodable>(_ row: PostgresRandomAccessRow, _ index: Int, _ type: T.Type) throws -> T {
        do { return try row[index].decode(T.self) } catch {
            throw StoreRowError.type(column: row[index].columnName, expected: "\(T.self)", found: "\(row[index].dataType)")
        }
    }
}

/// A stored value that is not what the store's code expects of its column.
enum StoreRowError: Error, CustomStringConvertible {
    case null(column: Int)
    case type(column: String, expected: String, found: String)

    var description: String {
        switch self {
        case .null(let column): "column \(column) is null where a value is expected"
        case .type(let column, let expected, let found): "column \(column) holds \(found) where \(expected) is expected"
        }
    }
}

import Foundation
import GRDB

/// Rebuilding a store without ever leaving a half-built one in its place: the new store is written beside
/// the old, marked complete by a rename, and only then moved over it. A process killed before the mark
/// leaves the old store whole; one killed after it leaves a complete new store that the next open puts in place.
/// In PostgreSQL the new store is a schema beside the old one, renamed over it in one transaction.
extension Store {
    /// Builds a fresh store with `build` and puts it in place of the one at `location` once `build` returns.
    /// If `build` throws, the store at `location` is left as it was.
    public static func rebuild<T>(_ location: StoreLocation, _ build: (Store) throws -> T) throws -> T {
        switch location {
        case .sqlite(let file): return try rebuild(at: file, build)
        case .postgresql(let address): return try rebuild(address, build)
        }
    }

    /// Builds a fresh PostgreSQL store in a schema of its own, then, in one transaction, drops the old schema
    /// and gives the new one its name: readers see the old store or the new, never a part of either.
    static func rebuild<T>(_ address: PostgreSQLAddress, _ build: (Store) throws -> T) throws -> T {
        let building = address.with(schema: address.schema + "_rebuilding")
        let target = PostgreSQLDatabase(address)
        defer { try? target.close() }
        do {
            // A rebuild killed midway left its schema; it was never complete.
            try target.write { db in try db.execute("DROP SCHEMA IF EXISTS \(building.schema) CASCADE") }
        } catch {
            throw StoreError("clear an unfinished rebuild", path: building.description, error)
        }
        let store = try Store(.postgresql(building))
        let result = try build(store)
        try store.finishWriting()
        do {
            try target.write { db in
                try db.execute("SELECT pg_advisory_xact_lock(hashtext(?))", [target.migrationLockName])
                try db.execute("DROP SCHEMA IF EXISTS \(address.schema) CASCADE")
                try db.execute("ALTER SCHEMA \(building.schema) RENAME TO \(address.schema)")
            }
        } catch {
            throw StoreError("put the rebuilt store in place", path: address.description, error)
        }
        return result
    }

    /// Builds a fresh store with `build` and puts it in place of the SQLite file `file` once `build` returns.
    public static func rebuild<T>(at file: URL, _ build: (Store) throws -> T) throws -> T {
        let building = file.appendingPathExtension("rebuilding"), complete = completeFile(file)
        // A rebuild killed midway left its files; they were never complete.
        try removeDatabase(at: building)
        let store = try Store(file: building)
        let result = try build(store)
        try store.finishWriting()
        do {
            try FileManager.default.moveItem(at: building, to: complete)
        } catch {
            throw StoreError("mark the rebuilt store complete", path: building.path, error)
        }
        try putCompleteRebuildInPlace(file)
        return result
    }

    /// The name a rebuilt store carries between being finished and being moved over the old one.
    static func completeFile(_ file: URL) -> URL { file.appendingPathExtension("rebuilt") }

    /// Moves a complete rebuilt store over `file`, if one is waiting (a rebuild killed after finishing).
    static func putCompleteRebuildInPlace(_ file: URL) throws {
        let complete = completeFile(file)
        guard FileManager.default.fileExists(atPath: complete.path) else { return }
        // The old store's WAL must go first: SQLite would replay another database's WAL into this one. The
        // rename then replaces the old file in one step.
        try removeDatabase(at: file, keepingMainFile: true)
        if rename(complete.path, file.path) != 0, errno != ENOENT {
            throw StoreError("put the rebuilt store in place", path: file.path, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
        }
    }

    /// Removes a database file with its WAL and shared-memory files (or only those two).
    static func removeDatabase(at file: URL, keepingMainFile: Bool = false) throws {
        for suffix in ["-wal", "-shm"] + (keepingMainFile ? [] : [""]) {
            let path = file.path + suffix
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do { try FileManager.default.removeItem(atPath: path) } catch { throw StoreError("remove", path: path, error) }
        }
    }

    /// Ends a writer's use of the store: folds the WAL into the database file, closes every connection and
    /// leaves the file in rollback-journal mode with no WAL beside it, so it stands alone and a reader can
    /// open it read-only where it may not create files (a read-only folder). The next writer turns WAL on.
    /// Leaving WAL needs the file to itself: while listings are reading it, the switch is tried again for a
    /// while and otherwise left to the next writer — everything is already in the database file, so a
    /// listing running during a fetch never makes the fetch fail.
    /// A PostgreSQL store has nothing to fold: its connections close.
    public func finishWriting() throws {
        guard let queue = (database as? SQLiteDatabase)?.writer else {
            do { try database.close() } catch { throw StoreError("close", path: path, error) }
            return
        }
        var switched = false
        do {
            _ = try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            try queue.close()
            var configuration = Configuration()
            configuration.busyMode = .timeout(2)
            let single = try DatabaseQueue(path: path, configuration: configuration)
            for _ in 0..<Self.journalSwitchAttempts where !switched {
                do {
                    try single.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
                    switched = true
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                    usleep(100_000)
                }
            }
            try single.close()
        } catch {
            throw StoreError("close", path: path, error)
        }
        // The WAL files go only once nothing uses them: a reader may still have them open otherwise.
        if switched { try Self.removeDatabase(at: URL(fileURLWithPath: path), keepingMainFile: true) }
    }

    /// How many times leaving WAL is tried (each waiting up to 2 s for readers, then 0.1 s more).
    static let journalSwitchAttempts = 5
}

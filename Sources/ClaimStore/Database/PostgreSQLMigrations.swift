import Foundation

/// The schema's steps applied to a PostgreSQL store: each once, in order, recorded by name, under a lock held
/// by the database so two machines starting at once never apply a step twice.
extension PostgreSQLDatabase {
    /// Creates the store's schema if needed and applies the steps it lacks, all in one transaction.
    func migrate() throws {
        try write { db in
            try db.execute("SELECT pg_advisory_xact_lock(hashtext(?))", [migrationLockName])
            try db.execute("CREATE SCHEMA IF NOT EXISTS \(address.schema)")
            try db.execute("CREATE TABLE IF NOT EXISTS claimtrack_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            let applied = Set(try db.fetchAll("SELECT identifier FROM claimtrack_migrations") { try $0.string(0) as String })
            for migration in Schema.migrations where !applied.contains(migration.name) {
                try migration.apply(db)
                try db.execute("INSERT INTO claimtrack_migrations (identifier) VALUES (?)", [migration.name])
            }
        }
    }

    /// Whether the store's schema has been created (by a first writer).
    func schemaExists() throws -> Bool {
        try read { db in
            try db.fetchOne("SELECT to_regclass(?) IS NOT NULL", ["\(address.schema).claimtrack_migrations"]) { try $0.bool(0) } ?? false
        }
    }

    /// Whether every step has been applied (false for a schema that does not exist yet).
    func hasCompletedMigrations() throws -> Bool {
        guard try schemaExists() else { return false }
        return try read { db in
            let applied = Set(try db.fetchAll("SELECT identifier FROM claimtrack_migrations") { try $0.string(0) as String })
            return Schema.migrations.allSatisfy { applied.contains($0.name) }
        }
    }

    /// The name of the lock migrations and rebuilds of this store take.
    var migrationLockName: String { "claimtrack migrate \(address.database).\(address.schema)" }
}

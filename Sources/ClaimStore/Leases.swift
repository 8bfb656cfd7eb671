import Foundation

/// Leases: which fetcher is fetching a source or writing a run file now, so fetchers on several machines that
/// share a store never do the same work at once. Each is a row taken in one statement (an insert, or an update
/// of a lapsed lease), so of two fetchers asking at once exactly one gets it.
extension Store {
    /// Takes each of `names` that no other holder has now, until `expires`; returns those taken (renewing the
    /// ones `holder` already had).
    public func takeLeases(_ names: [String], holder: String, expires: Date, now: Date = Date()) throws -> Set<String> {
        guard !names.isEmpty else { return [] }
        return try write("take \(names.count) leases for \(holder)") { db in
            var taken: Set<String> = []
            for name in names {
                let got = try db.fetchOne("""
                    INSERT INTO lease (name, holder, expires) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
                      WHERE lease.holder = excluded.holder OR lease.expires < ?
                    RETURNING name
                    """, [name, holder, expires, now]) { try $0.string(0) as String }
                if got != nil { taken.insert(name) }
            }
            return taken
        }
    }

    /// Keeps run id `id` (and its run file's name) for a run starting now, unless another fetcher sharing
    /// the store has it: the row is written now, unfinished, and completed by `save(run:)`. False when taken.
    public func reserveRun(id: String, started: Date, warcFile: String) throws -> Bool {
        try write("reserve run \(id)") { db in
            try db.fetchOne("""
                INSERT INTO run (id, started, finished, warcFile, sources, pages, failures) VALUES (?, ?, ?, ?, '[]', 0, '[]')
                ON CONFLICT (id) DO NOTHING RETURNING id
                """, [id, started, Date?.none, warcFile]) { try $0.string(0) as String } != nil
        }
    }

    /// Extends every lease `holder` has until `expires`.
    public func renewLeases(holder: String, expires: Date) throws {
        try write("renew the leases of \(holder)") { db in try db.execute("UPDATE lease SET expires = ? WHERE holder = ?", [expires, holder]) }
    }

    /// Gives up leases of `holder`: those named, or all of them.
    public func releaseLeases(holder: String, names: [String]? = nil) throws {
        try write("release the leases of \(holder)") { db in
            if let names {
                for name in names { try db.execute("DELETE FROM lease WHERE holder = ? AND name = ?", [holder, name]) }
            } else {
                try db.execute("DELETE FROM lease WHERE holder = ?", [holder])
            }
        }
    }

    /// The leases other holders have now, by name, with their holders.
    public func leasesHeld(byOthersThan holder: String, now: Date = Date()) throws -> [String: String] {
        try read("read the leases") { db in
            var held: [String: String] = [:]
            try db.forEachRow("SELECT name, holder FROM lease WHERE holder <> ? AND expires >= ?", [holder, now]) { row in
                held[try row.string(0)] = try row.string(1)
            }
            return held
        }
    }
}

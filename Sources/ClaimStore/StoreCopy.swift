import Crypto
import Foundation

/// Copying a store into another (SQLite into PostgreSQL and back), checked by counts and a digest of every claim.
extension Store {
    /// How many rows a store holds of each kind a copy carries.
    public struct Counts: Equatable, Sendable, CustomStringConvertible {
        public var runs = 0, captures = 0, claims = 0, unknowns = 0, pageTexts = 0, terms = 0, runFiles = 0

        public var description: String {
            "\(runs) runs, \(captures) captures, \(claims) claims, \(unknowns) stated unknowns, \(pageTexts) indexed pages, \(terms) vocabulary terms, \(runFiles) run files"
        }
    }

    /// The rows of each kind.
    public func counts() throws -> Counts {
        try read("count the rows") { db in
            func count(_ table: String) throws -> Int { try db.fetchOne("SELECT COUNT(*) FROM \(table)") { try $0.int(0) as Int } ?? 0 }
            return Counts(runs: try count("run"), captures: try count("capture"), claims: try count("claim"), unknowns: try count("unknown"),
                          pageTexts: try count("pageText"), terms: try count("vocabularyRead"), runFiles: try count("archiveFile"))
        }
    }

    /// A SHA-256 over every claim as stored (its capture's record id, place, statement, confidence, quote and
    /// date), in record and place order: equal in two stores exactly when they hold the same claims.
    public func claimsDigest() throws -> String {
        try read("digest the claims") { db in
            var hash = SHA256()
            try db.forEachRow("""
                SELECT c.recordID, cl.position, cl.subject, cl.attribute, cl.qualifier, cl.value, cl.validTime, cl.confidence, cl.label,
                       cl.quote, cl.statedAt, cl.sentence
                FROM claim cl JOIN capture c ON c.id = cl.captureID ORDER BY c.recordID, cl.position
                """, []) { row in
                var fields: [String] = []
                for index in [0, 2, 3, 4, 5, 6, 7, 8, 9] { fields.append(try row.string(index) ?? "\u{0}") }
                fields.append(String(try row.int(1) as Int))
                fields.append((try row.date(10) as Date?).map(CompactJSON.date) ?? "\u{0}")
                fields.append((try row.int(11) as Int?).map(String.init) ?? "\u{0}")
                hash.update(data: Data((fields.joined(separator: "\u{1F}") + "\u{1E}").utf8))
            }
            return hash.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }

    /// Copies every run, capture, claim, stated unknown, indexed page text, vocabulary term and run-file size
    /// into `target`, which must hold no runs or captures, a batch of captures per transaction so memory
    /// stays flat. Kept resolutions are not copied: the target derives its own on first use.
    public func copy(into target: Store, batch: Int = 500, progress: (Int) -> Void = { _ in }) throws {
        let existing = try target.counts()
        guard existing.runs == 0 && existing.captures == 0 else {
            throw StoreError.notEmpty(path: target.path, existing)
        }
        let runs = try read("read the runs") { db in try db.fetchAll("SELECT \(RunRow.columns) FROM run ORDER BY id", [], RunRow.init) }
        let terms = try vocabularyRead()
        let runFiles = try read("read the run files") { db in
            try db.fetchAll("SELECT name, bytes FROM archiveFile ORDER BY name") { (try $0.string(0) as String, try $0.int(1) as Int) }
        }
        try target.write("copy the runs") { db in
            for run in runs { try run.save(db) }
            try db.insert(into: "vocabularyRead", columns: ["term"], rows: terms.sorted().lazy.map { [$0] })
            for (name, bytes) in runFiles { try db.execute("INSERT INTO archiveFile (name, bytes) VALUES (?, ?)", [name, bytes]) }
        }
        var after: Int64 = 0, copied = 0
        while true {
            let page = try read("read captures after \(after)") { db -> (captures: [CaptureRow], claims: [ClaimRow], unknowns: [UnknownRow], texts: [(Int64, String)]) in
                let captures = try db.fetchAll("SELECT \(CaptureRow.columns) FROM capture WHERE id > ? ORDER BY id LIMIT ?", [after, batch], CaptureRow.init)
                guard let first = captures.first?.id, let last = captures.last?.id else { return ([], [], [], []) }
                let range: [any SQLArgument] = [first, last]
                return (captures,
                        try db.fetchAll("SELECT \(ClaimRow.columns) FROM claim WHERE captureID BETWEEN ? AND ? ORDER BY captureID, position", range, ClaimRow.init),
                        try db.fetchAll("SELECT \(UnknownRow.columns) FROM unknown WHERE captureID BETWEEN ? AND ? ORDER BY id", range, UnknownRow.init),
                        try db.fetchAll("SELECT captureID, text FROM pageText WHERE captureID BETWEEN ? AND ?", range) { (try $0.int64(0) as Int64, try $0.string(1) as String) })
            }
            guard let last = page.captures.last?.id else { break }
            try target.write("copy captures after \(after)") { db in
                var captures = page.captures
                try CaptureRow.insert(&captures, db)
                let newID = Dictionary(uniqueKeysWithValues: zip(page.captures.map { $0.id! }, captures.map { $0.id! }))
                try ClaimRow.insert(page.claims.map { claim in
                    var claim = claim
                    claim.captureID = newID[claim.captureID]!
                    return claim
                }, db)
                try UnknownRow.insert(page.unknowns.map { unknown in
                    var unknown = unknown
                    unknown.captureID = newID[unknown.captureID]!
                    return unknown
                }, db)
                try db.insert(into: "pageText", columns: ["text", "captureID"], rows: page.texts.map { [$0.1, newID[$0.0]!] })
            }
            after = last
            copied += page.captures.count
            progress(copied)
        }
    }
}

import ClaimCore
import Foundation
import GRDB

/// The SQLite store under `.claimtrack/`: a materialised view of the archive, rebuildable by `reparse`.
public final class Store: Sendable {
    // A pool (WAL): reads go on while a batch of captures is being written by the reparse writer thread.
    // Read-only for listings; in memory for a listing of a workspace that has no store yet.
    let queue: any DatabaseWriter
    public let path: String

    /// Opens (creating if needed) the store at `file` and brings its schema up to date.
    public init(file: URL) throws {
        path = file.path
        try Self.putCompleteRebuildInPlace(file)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            // Turning WAL on waits for a listing that is reading the file.
            configuration.busyMode = .timeout(30)
            queue = try DatabasePool(path: file.path, configuration: configuration)
            try Schema.migrator.migrate(queue)
        } catch {
            throw StoreError("open", path: file.path, error)
        }
    }

    /// Opens the store at `file` for reading only: nothing is written to it, not even a migration, so listings
    /// work on a store they may not change (a read-only folder, another user's workspace) and never race a
    /// writer. A workspace with no store yet reads as an empty one. Throws `StoreError.outdated` when an older
    /// claimtrack wrote the store: a writer brings its schema up to date first.
    public init(readingOnly file: URL) throws {
        path = file.path
        do {
            guard FileManager.default.fileExists(atPath: file.path) else {
                let empty = try DatabaseQueue()
                try Schema.migrator.migrate(empty)
                queue = empty
                return
            }
            // One connection, read-only: the file is read where it lies, in whichever journal mode the last
            // writer left it (rollback when it finished, WAL while one is writing).
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(30)
            queue = try DatabaseQueue(path: file.path, configuration: configuration)
        } catch {
            throw StoreError("open for reading", path: file.path, error)
        }
        let current = try read("check the schema") { try Schema.migrator.hasCompletedMigrations($0) }
        guard current else { throw StoreError.outdated(path: file.path) }
    }

    private func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch { throw StoreError(operation, path: path, error) }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch { throw StoreError(operation, path: path, error) }
    }

    /// Records a run (replacing an earlier row for the same id, as a finished run updates a started one).
    public func save(run: Run) throws {
        try write("save run \(run.id)") { db in
            try RunRow(id: run.id, started: run.started, finished: run.finished, warcFile: run.warcFile,
                       sources: try JSONOutput.string(run.sources, pretty: false), pages: run.pages,
                       failures: try JSONOutput.string(run.failures, pretty: false)).save(db)
        }
    }

    /// The terms (subject names and aliases, attribute ids and cues) the stored pages were read with.
    public func vocabularyRead() throws -> Set<String> {
        try read("read the vocabulary read") { db in Set(try String.fetchAll(db, sql: "SELECT term FROM vocabularyRead")) }
    }

    /// Records that the stored pages have been read with `terms`.
    public func recordVocabularyRead(_ terms: Set<String>) throws {
        try write("record the vocabulary read") { db in
            for term in terms { try db.execute(sql: "INSERT OR IGNORE INTO vocabularyRead (term) VALUES (?)", arguments: [term]) }
        }
    }

    /// Whether any page's text is indexed (a store from an older build has none until its next reparse).
    public func hasPageText() throws -> Bool {
        try read("look at the page index") { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pageText)") ?? false }
    }

    /// The archive records (WARC file and record id; a feed's or listing's for an excerpt) of the pages whose
    /// text mentions any of `terms`, each as a phrase.
    public func recordsMentioning(_ terms: [String]) throws -> [(warcFile: String, recordID: String)] {
        guard !terms.isEmpty else { return [] }
        return try read("search the page index") { db in
            var found: [String: String] = [:]
            for term in terms {
                let phrase = "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                let rows = try Row.fetchAll(db, sql: """
                    SELECT c.warcFile, COALESCE(c.quotedIn, c.recordID) FROM pageText p JOIN capture c ON c.id = p.captureID
                    WHERE pageText MATCH ?
                    """, arguments: [phrase])
                for row in rows { found[row[1]] = row[0] }
            }
            return found.map { ($0.value, $0.key) }.sorted { ($0.warcFile, $0.recordID) < ($1.warcFile, $1.recordID) }
        }
    }

    /// Drops what was read off these records (their captures, the excerpts they carry, claims, unknowns and
    /// indexed text), so the next catch-up reads them again from the archive.
    public func forget(recordIDs: [String]) throws {
        guard !recordIDs.isEmpty else { return }
        try write("forget \(recordIDs.count) captures") { db in
            for recordID in recordIDs {
                try db.execute(sql: "DELETE FROM capture WHERE recordID = ? OR quotedIn = ?", arguments: [recordID, recordID])
            }
            try db.execute(sql: "DELETE FROM pageText WHERE captureID NOT IN (SELECT id FROM capture)")
        }
    }

    /// The size run file `name` had when every record in it was stored; nil when it has not been read whole.
    public func storedSize(ofRunFile name: String) throws -> Int? {
        try read("look up run file \(name)") { db in try ArchiveFileRow.fetchOne(db, key: name)?.bytes }
    }

    /// Records that every record of run file `name`, `bytes` long, is stored.
    public func markStored(runFile name: String, bytes: Int) throws {
        try write("record run file \(name)") { db in try ArchiveFileRow(name: name, bytes: bytes).save(db) }
    }

    /// Which of these WARC records are already stored, in one query (a lookup per record cost a tenth of
    /// a reparse).
    public func storedRecordIDs(among recordIDs: [String]) throws -> Set<String> {
        guard !recordIDs.isEmpty else { return [] }
        return try read("look up captures") { db in
            let placeholders = Array(repeating: "?", count: recordIDs.count).joined(separator: ",")
            return Set(try String.fetchAll(db, sql: "SELECT recordID FROM capture WHERE recordID IN (\(placeholders))",
                                           arguments: StatementArguments(recordIDs)))
        }
    }

    /// A capture with what was read off it, ready to store.
    public struct Entry: Sendable {
        public var capture: CaptureRow
        public var claims: [Claim]
        public var unknowns: [StatedUnknown]
        /// The text the page was read as (headline and prose), for the full-text index; nil for no page.
        public var text: String?
        public init(capture: CaptureRow, claims: [Claim] = [], unknowns: [StatedUnknown] = [], text: String? = nil) {
            self.capture = capture
            self.claims = claims
            self.unknowns = unknowns
            self.text = text
        }
    }

    /// Stores one capture, its claims and its stated unknowns in one transaction.
    public func insert(capture: CaptureRow, claims: [Claim], unknowns: [StatedUnknown] = []) throws {
        try insert([Entry(capture: capture, claims: claims, unknowns: unknowns)])
    }

    /// Stores many captures in one transaction: a commit per page would cost more than reading the page.
    public func insert(_ entries: [Entry]) throws {
        guard let first = entries.first else { return }
        try write("insert \(entries.count) captures from \(first.capture.recordID)") { db in
            for entry in entries {
                var capture = entry.capture
                try capture.insertRow(db)
                for (order, claim) in entry.claims.enumerated() {
                    try ClaimRow(claim, captureID: capture.id!, order: order).insert(db)
                }
                if let text = entry.text, !text.isEmpty {
                    try db.execute(sql: "INSERT INTO pageText (text, captureID) VALUES (?, ?)", arguments: [text, capture.id!])
                }
                for unknown in entry.unknowns {
                    var row = try UnknownRow(unknown, captureID: capture.id!)
                    try row.insert(db)
                }
            }
        }
    }

    /// The stated unknowns of the latest capture of every page at or before `run`, with their citations.
    public func liveUnknowns(asOf run: String? = nil) throws -> [StatedUnknown] {
        try read("read stated unknowns") { db in
            try latestCaptures(db, asOf: run).flatMap { capture in
                try UnknownRow.filter(Column("captureID") == capture.id!).order(Column("id")).fetchAll(db)
                    .map { try $0.unknown(citation: capture.citation) }
            }
        }
    }

    /// Every run, oldest first.
    public func runs() throws -> [Run] {
        try read("list runs") { db in
            let decoder = JSONOutput.decoder()
            return try RunRow.order(Column("id")).fetchAll(db).map { row in
                Run(id: row.id, started: row.started, finished: row.finished, warcFile: row.warcFile,
                    sources: try decoder.decode([String].self, from: Data(row.sources.utf8)), pages: row.pages,
                    claims: try countClaims(db, run: row.id),
                    failures: try decoder.decode([Run.Failure].self, from: Data(row.failures.utf8)))
            }
        }
    }

    private func countClaims(_ db: Database, run: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claim JOIN capture ON claim.captureID = capture.id WHERE capture.run = ?",
                         arguments: [run]) ?? 0
    }

    /// The state after `run` (default: the latest): for every page, its latest successful capture at or
    /// before that run, and that capture's claims with their citations.
    public func liveClaims(asOf run: String? = nil) throws -> [Claim] {
        try claims(of: try latestCaptures(asOf: run))
    }

    /// Which of a page's captures holds its state: the page's own captures before any excerpt of it (a feed's
    /// or a listing's quote stands for the article only until the article itself is captured, and never
    /// replaces it, however much newer), then the newest.
    static func latestFirst(_ alias: String) -> String {
        "(\(alias).quotedIn IS NULL) DESC, \(alias).retrieved DESC, \(alias).id DESC"
    }

    /// Whether a capture can hold a page's state: it is a page that was read (not a 304, an error, a bot
    /// challenge, a body cut short or one that is no page).
    static func holdsPage(_ alias: String) -> String {
        "\(alias).disposition = 'page'"
    }

    /// `columns` of each page's live capture at or before a run (bound four times, NULL for the latest), in
    /// URL order: its latest capture that holds the page or, with `anyStatus`, its latest whatever it answered.
    static func liveCaptures(_ columns: String, anyStatus: Bool = false) -> String {
        func holds(_ alias: String) -> String { anyStatus ? "" : holdsPage(alias) + " AND" }
        return """
            SELECT \(columns) FROM capture c WHERE \(holds("c")) (? IS NULL OR c.run <= ?)
              AND c.id = (SELECT c2.id FROM capture c2 WHERE \(holds("c2")) c2.pageKey = c.pageKey AND (? IS NULL OR c2.run <= ?)
                          ORDER BY \(latestFirst("c2")) LIMIT 1)
            ORDER BY c.url
            """
    }

    /// The latest successful capture of every page at or before `run`, ordered by URL.
    public func latestCaptures(asOf run: String? = nil) throws -> [CaptureRow] {
        try read("read captures") { db in try latestCaptures(db, asOf: run) }
    }

    private func latestCaptures(_ db: Database, asOf run: String?) throws -> [CaptureRow] {
        try CaptureRow.fetchAll(db, sql: Self.liveCaptures("*"), arguments: [run, run, run, run])
    }

    /// Which capture is live for every page (canonical URL; the fetched URL for a failed capture) at or
    /// before `run`, in brief and in URL order: the latest successful one (as `latestCaptures`) or, with
    /// `anyStatus`, the latest whatever its status (a 404 says the page is gone).
    public func pageVersions(asOf run: String? = nil, anyStatus: Bool) throws -> [PageVersion] {
        try read("read page versions") { db in
            let sql = Self.liveCaptures("c.id, c.url, c.recordID, c.payloadDigest, c.status, c.pageKey", anyStatus: anyStatus)
            var versions: [PageVersion] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [run, run, run, run])
            while let row = try rows.next() {
                versions.append(PageVersion(captureID: row[0], url: row[1], recordID: row[2], payloadDigest: row[3], status: row[4], pageKey: row[5]))
            }
            return versions
        }
    }

    /// The captures with these ids, in URL order.
    public func captures(ids: [Int64]) throws -> [CaptureRow] {
        try read("read captures by id") { db in
            try CaptureRow.filter(ids.contains(Column("id"))).order(Column("url")).fetchAll(db)
        }
    }

    /// The latest successful capture fetched from `targetURI`, for a conditional request.
    public func lastCapture(targetURI: String) throws -> CaptureRow? {
        try read("look up the last capture") { db in
            try CaptureRow.fetchOne(db, sql: """
                SELECT * FROM capture WHERE targetURI = ? AND \(Self.holdsPage("capture")) AND quotedIn IS NULL ORDER BY retrieved DESC, id DESC LIMIT 1
                """, arguments: [targetURI])
        }
    }

    /// What holds a page's state: its own capture, or an excerpt of it with the digest of the quoted text.
    public enum PageHolder: Sendable, Equatable {
        case ownCapture
        case excerpt(digest: String?)
    }

    /// What holds each of these pages now, for those that have a successful capture. An excerpt of a page
    /// its own capture holds, or of the text its live excerpt already quotes, need not be stored again.
    public func holders(pageKeys: [String]) throws -> [String: PageHolder] {
        guard !pageKeys.isEmpty else { return [:] }
        return try read("look up what holds the quoted pages") { db in
            let statement = try db.cachedStatement(sql: """
                SELECT quotedIn, payloadDigest FROM capture WHERE pageKey = ? AND \(Self.holdsPage("capture"))
                ORDER BY \(Self.latestFirst("capture")) LIMIT 1
                """)
            var holders: [String: PageHolder] = [:]
            for key in Set(pageKeys) {
                guard let row = try Row.fetchOne(statement, arguments: [key]) else { continue }
                holders[key] = (row[0] as String?) == nil ? .ownCapture : .excerpt(digest: row[1])
            }
            return holders
        }
    }

    /// For each of these target URIs that has one, the payload digest (nil when unknown) of its latest
    /// successful capture: what tells a new page from a changed or an unchanged one.
    public func lastPayloadDigests(targetURIs: [String]) throws -> [String: String?] {
        guard !targetURIs.isEmpty else { return [:] }
        return try read("look up the last captures") { db in
            let statement = try db.cachedStatement(sql: """
                SELECT payloadDigest FROM capture WHERE targetURI = ? AND \(Self.holdsPage("capture")) AND quotedIn IS NULL
                ORDER BY retrieved DESC, id DESC LIMIT 1
                """)
            var digests: [String: String?] = [:]
            for uri in Set(targetURIs) {
                if let row = try Row.fetchOne(statement, arguments: [uri]) { digests[uri] = .some(row[0]) }
            }
            return digests
        }
    }

    /// Every run's id, oldest first, without counting their claims as `runs()` does.
    public func runIDs() throws -> [String] {
        try read("list run ids") { db in try String.fetchAll(db, sql: "SELECT id FROM run ORDER BY id") }
    }

    /// The newest run's id, without counting anything.
    public func latestRunID() throws -> String? {
        try read("read the latest run") { db in try String.fetchOne(db, sql: "SELECT MAX(id) FROM run") }
    }

    /// Changes whenever a capture of `run` or an earlier run is stored, or the store is rebuilt: part of
    /// every derived result's key. Captures of later runs leave an earlier run's generation alone.
    public func generation(asOf run: String? = nil) throws -> String {
        try read("read the store generation") { db in
            let row = try Row.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) AS last, COUNT(*) AS count FROM capture WHERE ? IS NULL OR run <= ?",
                                       arguments: [run, run])
            return "\(row?["last"] as Int64? ?? 0)-\(row?["count"] as Int64? ?? 0)"
        }
    }

    /// A derived result kept under `key`, if there is one.
    public func derived(_ key: String) throws -> String? {
        try read("read a derived result") { db in try String.fetchOne(db, sql: "SELECT json FROM derived WHERE key = ?", arguments: [key]) }
    }

    /// Keeps a derived result; of each kind only the `retain` most recently kept survive (the latest runs).
    public func keepDerived(_ key: String, kind: String, json: String, retain: Int = 4) throws {
        try write("keep a derived result") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO derived (key, kind, json) VALUES (?, ?, ?)", arguments: [key, kind, json])
            try db.execute(sql: """
                DELETE FROM derived WHERE kind = ? AND rowid NOT IN (SELECT rowid FROM derived WHERE kind = ? ORDER BY rowid DESC LIMIT ?)
                """, arguments: [kind, kind, retain])
        }
    }

    /// The claims of these captures, in capture then position order, each citing its capture.
    public func claims(of captures: [CaptureRow]) throws -> [Claim] {
        try read("read claims of captures") { db in
            try captures.flatMap { capture in
                try ClaimRow.filter(Column("captureID") == capture.id!).order(Column("position")).fetchAll(db)
                    .map { try $0.claim(citation: capture.citation) }
            }
        }
    }

    /// What each claim of these captures says, as stored, without decoding it, by capture id in position
    /// order: enough to pair off the claims two states share before reading the rest whole (`claims(_:of:)`).
    public func claimStatements(of captures: [CaptureRow]) throws -> [Int64: [ClaimStatement]] {
        try read("read claim statements of captures") { db in
            // Joined by SQLite with a unit separator, which stored JSON escapes and plain text never holds.
            let statement = try db.cachedStatement(sql: """
                SELECT id, subject || char(31) || attribute || char(31) || ifnull(qualifier, '') || char(31) || value || char(31)
                       || ifnull(validTime, '') || char(31) || label
                FROM claim WHERE captureID = ? ORDER BY position
                """)
            var statements: [Int64: [ClaimStatement]] = [:]
            for capture in captures {
                let rows = try Row.fetchCursor(statement, arguments: [capture.id!])
                var ofCapture: [ClaimStatement] = []
                while let row = try rows.next() {
                    ofCapture.append(ClaimStatement(claimID: row[0], captureID: capture.id!, says: row[1]))
                }
                statements[capture.id!] = ofCapture
            }
            return statements
        }
    }

    /// The claims these statements describe, in capture then position order, each citing its capture.
    public func claims(_ statements: [ClaimStatement], of captures: [CaptureRow]) throws -> [Claim] {
        let wanted = Dictionary(grouping: statements, by: \.captureID).mapValues { $0.map(\.claimID) }
        return try read("read claims by id") { db in
            try captures.flatMap { capture -> [Claim] in
                guard let ids = wanted[capture.id!] else { return [] }
                return try ClaimRow.filter(Column("captureID") == capture.id! && ids.contains(Column("id"))).order(Column("position"))
                    .fetchAll(db).map { try $0.claim(citation: capture.citation) }
            }
        }
    }

    /// The capture stored for a WARC record id.
    public func capture(recordID: String) throws -> CaptureRow? {
        try read("look up a capture") { db in try CaptureRow.filter(Column("recordID") == recordID).fetchOne(db) }
    }

    /// Every stored capture, in archive order.
    public func captures() throws -> [CaptureRow] {
        try read("list captures") { db in try CaptureRow.order(Column("warcFile"), Column("offset")).fetchAll(db) }
    }
}


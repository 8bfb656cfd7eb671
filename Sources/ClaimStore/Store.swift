import ClaimCore
import Foundation
import GRDB

/// The store: a materialised view of the archive, rebuildable by `reparse`. Its operations are written once, in
/// SQL both databases speak, over a SQLite file under `.claimtrack/` (the default) or a PostgreSQL database.
public final class Store: Sendable {
    let database: any StoreDatabase
    /// Where the store is, for messages: the SQLite file's path or the PostgreSQL address without its password.
    public let path: String
    public let location: StoreLocation

    /// Opens (creating if needed) the SQLite store at `file` and brings its schema up to date.
    public convenience init(file: URL) throws {
        try self.init(.sqlite(file))
    }

    /// Opens (creating if needed) the store at `location` and brings its schema up to date.
    public init(_ location: StoreLocation) throws {
        self.location = location
        path = location.description
        switch location {
        case .sqlite(let file):
            try Self.putCompleteRebuildInPlace(file)
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                var configuration = Configuration()
                configuration.foreignKeysEnabled = true
                // Turning WAL on waits for a listing that is reading the file.
                configuration.busyMode = .timeout(30)
                let pool = try DatabasePool(path: file.path, configuration: configuration)
                try Schema.migrator.migrate(pool)
                database = SQLiteDatabase(writer: pool)
            } catch {
                throw StoreError("open", path: file.path, error)
            }
        case .postgresql(let address):
            let postgres = PostgreSQLDatabase(address)
            do { try postgres.migrate() } catch { throw StoreError("open", path: path, error) }
            database = postgres
        }
    }

    /// Opens the store at `file` for reading only: nothing is written to it, not even a migration, so listings
    /// work on a store they may not change (a read-only folder, another user's workspace) and never race a
    /// writer. A workspace with no store yet reads as an empty one. Throws `StoreError.outdated` when an older
    /// claimtrack wrote the store: a writer brings its schema up to date first.
    public convenience init(readingOnly file: URL) throws {
        try self.init(readingOnly: .sqlite(file))
    }

    /// Opens the store at `location` for reading only (see `init(readingOnly:)` for a file). A PostgreSQL store
    /// whose schema is missing or behind throws `StoreError.outdated` too.
    public init(readingOnly location: StoreLocation) throws {
        self.location = location
        path = location.description
        switch location {
        case .sqlite(let file):
            do {
                guard FileManager.default.fileExists(atPath: file.path) else {
                    database = try Self.emptyStore(path: path)
                    return
                }
                // One connection, read-only: the file is read where it lies, in whichever journal mode the last
                // writer left it (rollback when it finished, WAL while one is writing).
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .timeout(30)
                database = SQLiteDatabase(writer: try DatabaseQueue(path: file.path, configuration: configuration))
            } catch {
                throw StoreError("open for reading", path: file.path, error)
            }
            guard try isCurrent() else { throw StoreError.outdated(path: file.path) }
        case .postgresql(let address):
            let postgres = PostgreSQLDatabase(address)
            // A schema no writer has created yet reads as an empty store, as a missing SQLite file does.
            let exists: Bool
            do { exists = try postgres.schemaExists() } catch { throw StoreError("open for reading", path: path, error) }
            guard exists else {
                try? postgres.close()
                database = try Self.emptyStore(path: path)
                return
            }
            database = postgres
            guard try isCurrent() else { throw StoreError.outdated(path: path) }
        }
    }

    /// An empty store in memory: what a listing reads where no writer has made the store yet.
    private static func emptyStore(path: String) throws -> SQLiteDatabase {
        do {
            let empty = try DatabaseQueue()
            try Schema.migrator.migrate(empty)
            return SQLiteDatabase(writer: empty)
        } catch {
            throw StoreError("open for reading", path: path, error)
        }
    }

    /// Whether a writer has made the store at `location` yet.
    public static func exists(_ location: StoreLocation) throws -> Bool {
        switch location {
        case .sqlite(let file): return FileManager.default.fileExists(atPath: file.path)
        case .postgresql(let address):
            let postgres = PostgreSQLDatabase(address)
            defer { try? postgres.close() }
            do { return try postgres.schemaExists() } catch { throw StoreError("look for the store", path: location.description, error) }
        }
    }

    /// Whether every step of the schema has been applied.
    private func isCurrent() throws -> Bool {
        do { return try database.hasCompletedMigrations() } catch { throw StoreError("check the schema", path: path, error) }
    }

    func write<T>(_ operation: String, _ body: (any StoreConnection) throws -> T) throws -> T {
        do { return try database.write(body) } catch { throw StoreError(operation, path: path, error) }
    }

    func read<T>(_ operation: String, _ body: (any StoreConnection) throws -> T) throws -> T {
        do { return try database.read(body) } catch { throw StoreError(operation, path: path, error) }
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
        try read("read the vocabulary read") { db in Set(try db.fetchAll("SELECT term FROM vocabularyRead") { try $0.string(0) as String }) }
    }

    /// Records that the stored pages have been read with `terms`.
    public func recordVocabularyRead(_ terms: Set<String>) throws {
        try write("record the vocabulary read") { db in
            // In order: two fetchers sharing a PostgreSQL store insert the same terms, and a set's order differs by
            // process; in one order they never wait for each other's row locks in a circle.
            let sorted = terms.sorted()
            for start in stride(from: 0, to: sorted.count, by: 500) {
                let chunk = Array(sorted[start..<min(start + 500, sorted.count)])
                try db.execute("INSERT INTO vocabularyRead (term) VALUES \(Array(repeating: "(?)", count: chunk.count).joined(separator: ", ")) ON CONFLICT DO NOTHING", chunk)
            }
        }
    }

    /// Whether any page's text is indexed (a store from an older build has none until its next reparse).
    public func hasPageText() throws -> Bool {
        try read("look at the page index") { db in try db.fetchOne("SELECT EXISTS (SELECT 1 FROM pageText)") { try $0.bool(0) } ?? false }
    }

    /// The archive records (WARC file and record id; a feed's or listing's for an excerpt) of the pages whose
    /// text mentions any of `terms`, each as a phrase.
    public func recordsMentioning(_ terms: [String]) throws -> [(warcFile: String, recordID: String)] {
        guard !terms.isEmpty else { return [] }
        return try read("search the page index") { db in
            var found: [String: String] = [:]
            for term in terms {
                // SQLite's full-text query language takes the phrase quoted; PostgreSQL's phraseto_tsquery as it is.
                let phrase = db.dialect == .sqlite ? "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : term
                try db.forEachRow("""
                    SELECT c.warcFile, COALESCE(c.quotedIn, c.recordID) FROM pageText p JOIN capture c ON c.id = p.captureID
                    WHERE \(db.dialect.pageTextMatchesPhrase)
                    """, [phrase]) { row in found[try row.string(1)] = try row.string(0) }
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
                try db.execute("DELETE FROM capture WHERE recordID = ? OR quotedIn = ?", [recordID, recordID])
            }
            try db.execute("DELETE FROM pageText WHERE captureID NOT IN (SELECT id FROM capture)")
        }
    }

    /// The size run file `name` had when every record in it was stored; nil when it has not been read whole.
    public func storedSize(ofRunFile name: String) throws -> Int? {
        try read("look up run file \(name)") { db in try db.fetchOne("SELECT bytes FROM archiveFile WHERE name = ?", [name]) { try $0.int(0) as Int } }
    }

    /// Records that every record of run file `name`, `bytes` long, is stored.
    public func markStored(runFile name: String, bytes: Int) throws {
        try write("record run file \(name)") { db in
            try db.execute("INSERT INTO archiveFile (name, bytes) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET bytes = excluded.bytes",
                           [name, bytes])
        }
    }

    /// Which of these WARC records are already stored, in one query (a lookup per record cost a tenth of
    /// a reparse).
    public func storedRecordIDs(among recordIDs: [String]) throws -> Set<String> {
        guard !recordIDs.isEmpty else { return [] }
        return try read("look up captures") { db in
            Set(try db.fetchAll("SELECT recordID FROM capture WHERE recordID IN (\(db.placeholders(recordIDs.count)))", recordIDs) {
                try $0.string(0) as String
            })
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
            var captures = entries.map(\.capture)
            try CaptureRow.insert(&captures, db)
            // The batch's claims in one go, each row made as it is sent: never all of them in memory at once.
            try ClaimRow.insert(zip(entries, captures).lazy.flatMap { entry, capture in
                entry.claims.enumerated().lazy.map { ClaimRow($1, captureID: capture.id!, order: $0) }
            }, db)
            try db.insert(into: "pageText", columns: ["text", "captureID"], rows: zip(entries, captures).lazy.compactMap { entry, capture in
                entry.text.flatMap { $0.isEmpty ? nil : [$0, capture.id!] }
            })
            try UnknownRow.insert(try zip(entries, captures).flatMap { entry, capture in
                try entry.unknowns.map { try UnknownRow($0, captureID: capture.id!) }
            }, db)
        }
    }

    /// The stated unknowns of the latest capture of every page at or before `run`, with their citations.
    public func liveUnknowns(asOf run: String? = nil) throws -> [StatedUnknown] {
        try read("read stated unknowns") { db in
            try latestCaptures(db, asOf: run).flatMap { capture in
                try db.fetchAll("SELECT \(UnknownRow.columns) FROM unknown WHERE captureID = ? ORDER BY id", [capture.id!]) {
                    try UnknownRow($0).unknown(citation: capture.citation)
                }
            }
        }
    }

    /// Every run, oldest first.
    public func runs() throws -> [Run] {
        try read("list runs") { db in
            let decoder = JSONOutput.decoder()
            return try db.fetchAll("SELECT \(RunRow.columns) FROM run ORDER BY id", [], RunRow.init).map { row in
                Run(id: row.id, started: row.started, finished: row.finished, warcFile: row.warcFile,
                    sources: try decoder.decode([String].self, from: Data(row.sources.utf8)), pages: row.pages,
                    claims: try countClaims(db, run: row.id),
                    failures: try decoder.decode([Run.Failure].self, from: Data(row.failures.utf8)))
            }
        }
    }

    private func countClaims(_ db: any StoreConnection, run: String) throws -> Int {
        try db.fetchOne("SELECT COUNT(*) FROM claim JOIN capture ON claim.captureID = capture.id WHERE capture.run = ?", [run]) {
            try $0.int(0) as Int
        } ?? 0
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
            SELECT \(columns) FROM capture c WHERE \(holds("c")) (CAST(? AS TEXT) IS NULL OR c.run <= ?)
              AND c.id = (SELECT c2.id FROM capture c2 WHERE \(holds("c2")) c2.pageKey = c.pageKey AND (CAST(? AS TEXT) IS NULL OR c2.run <= ?)
                          ORDER BY \(latestFirst("c2")) LIMIT 1)
            ORDER BY c.url
            """
    }

    /// The latest successful capture of every page at or before `run`, ordered by URL.
    public func latestCaptures(asOf run: String? = nil) throws -> [CaptureRow] {
        try read("read captures") { db in try latestCaptures(db, asOf: run) }
    }

    private func latestCaptures(_ db: any StoreConnection, asOf run: String?) throws -> [CaptureRow] {
        try db.fetchAll(Self.liveCaptures(CaptureRow.columns(of: "c")), [run, run, run, run], CaptureRow.init)
    }

    /// Which capture is live for every page (canonical URL; the fetched URL for a failed capture) at or
    /// before `run`, in brief and in URL order: the latest successful one (as `latestCaptures`) or, with
    /// `anyStatus`, the latest whatever its status (a 404 says the page is gone).
    public func pageVersions(asOf run: String? = nil, anyStatus: Bool) throws -> [PageVersion] {
        try read("read page versions") { db in
            let sql = Self.liveCaptures("c.id, c.url, c.recordID, c.payloadDigest, c.status, c.pageKey", anyStatus: anyStatus)
            return try db.fetchAll(sql, [run, run, run, run]) { row in
                PageVersion(captureID: try row.int64(0), url: try row.string(1), recordID: try row.string(2), payloadDigest: try row.string(3),
                            status: try row.int(4), pageKey: try row.string(5))
            }
        }
    }

    /// The captures with these ids, in URL order.
    public func captures(ids: [Int64]) throws -> [CaptureRow] {
        guard !ids.isEmpty else { return [] }
        return try read("read captures by id") { db in
            try db.fetchAll("SELECT \(CaptureRow.columns) FROM capture WHERE id IN (\(db.placeholders(ids.count))) ORDER BY url", ids,
                            CaptureRow.init)
        }
    }

    /// The latest successful capture fetched from `targetURI`, for a conditional request.
    public func lastCapture(targetURI: String) throws -> CaptureRow? {
        try read("look up the last capture") { db in
            try db.fetchOne("""
                SELECT \(CaptureRow.columns) FROM capture WHERE targetURI = ? AND \(Self.holdsPage("capture")) AND quotedIn IS NULL
                ORDER BY retrieved DESC, id DESC LIMIT 1
                """, [targetURI], CaptureRow.init)
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
            var holders: [String: PageHolder] = [:]
            for key in Set(pageKeys) {
                let holder = try db.fetchOne("""
                    SELECT quotedIn, payloadDigest FROM capture WHERE pageKey = ? AND \(Self.holdsPage("capture"))
                    ORDER BY \(Self.latestFirst("capture")) LIMIT 1
                    """, [key]) { row -> PageHolder in (try row.string(0) as String?) == nil ? .ownCapture : .excerpt(digest: try row.string(1)) }
                if let holder { holders[key] = holder }
            }
            return holders
        }
    }

    /// For each of these target URIs that has one, the payload digest (nil when unknown) of its latest
    /// successful capture: what tells a new page from a changed or an unchanged one.
    public func lastPayloadDigests(targetURIs: [String]) throws -> [String: String?] {
        guard !targetURIs.isEmpty else { return [:] }
        return try read("look up the last captures") { db in
            var digests: [String: String?] = [:]
            // A few hundred pages per query: on PostgreSQL a query per page was a round trip per page.
            let uris = Array(Set(targetURIs)).sorted()
            for start in stride(from: 0, to: uris.count, by: 500) {
                let chunk = Array(uris[start..<min(start + 500, uris.count)])
                try db.forEachRow("""
                    SELECT targetURI, payloadDigest FROM (
                      SELECT targetURI, payloadDigest, ROW_NUMBER() OVER (PARTITION BY targetURI ORDER BY retrieved DESC, id DESC) AS newest
                      FROM capture WHERE targetURI IN (\(db.placeholders(chunk.count))) AND \(Self.holdsPage("capture")) AND quotedIn IS NULL
                    ) AS latest WHERE newest = 1
                    """, chunk) { row in digests[try row.string(0)] = .some(try row.string(1) as String?) }
            }
            return digests
        }
    }

    /// Every run's id, oldest first, without counting their claims as `runs()` does.
    public func runIDs() throws -> [String] {
        try read("list run ids") { db in try db.fetchAll("SELECT id FROM run ORDER BY id") { try $0.string(0) as String } }
    }

    /// The newest run's id, without counting anything.
    public func latestRunID() throws -> String? {
        try read("read the latest run") { db in try db.fetchOne("SELECT MAX(id) FROM run") { try $0.string(0) as String? } ?? nil }
    }

    /// Changes whenever a capture of `run` or an earlier run is stored, or the store is rebuilt: part of
    /// every derived result's key. Captures of later runs leave an earlier run's generation alone.
    public func generation(asOf run: String? = nil) throws -> String {
        try read("read the store generation") { db in
            try db.fetchOne("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM capture WHERE CAST(? AS TEXT) IS NULL OR run <= ?", [run, run]) {
                "\(try $0.int64(0) as Int64)-\(try $0.int64(1) as Int64)"
            } ?? "0-0"
        }
    }

    /// A derived result kept under `key`, if there is one.
    public func derived(_ key: String) throws -> String? {
        try read("read a derived result") { db in try db.fetchOne("SELECT json FROM derived WHERE key = ?", [key]) { try $0.string(0) as String } }
    }

    /// Keeps a derived result; of each kind only the `retain` most recently kept survive (the latest runs).
    public func keepDerived(_ key: String, kind: String, json: String, retain: Int = 4) throws {
        try write("keep a derived result") { db in
            // Deleted and inserted rather than updated, so the row counts as the most recently kept; and inserted
            // as an upsert, since two fetchers finishing together on one PostgreSQL store keep the same key at
            // once (the second insert waited on the first's row, then failed on it).
            try db.execute("DELETE FROM derived WHERE key = ?", [key])
            try db.execute("""
                INSERT INTO derived (key, kind, json) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, json = excluded.json\(db.dialect.derivedKeptAgain)
                """, [key, kind, json])
            let order = db.dialect.derivedOrder
            try db.execute("""
                DELETE FROM derived WHERE kind = ? AND \(order) NOT IN (SELECT \(order) FROM derived WHERE kind = ? ORDER BY \(order) DESC LIMIT ?)
                """, [kind, kind, retain])
        }
    }

    /// The live captures of a state, for reading claims a question at a time: each capture by id, with its
    /// place in URL order (the order a whole state's claims come in).
    public struct LiveCaptures: Sendable {
        public let inOrder: [CaptureRow]
        let place: [Int64: Int]

        public init(_ captures: [CaptureRow]) {
            inOrder = captures
            place = Dictionary(uniqueKeysWithValues: captures.enumerated().map { ($1.id!, $0) })
        }
    }

    /// The claims of the live captures about any of `subjects` and `attribute` (with `qualifier`, only those
    /// with it; with none, all of them, or with `exactly` only those with none; with `labels`, only those with
    /// one of these confidence labels), in the order `liveClaims` gives them, each citing its capture.
    public func claims(about subjects: [String], attribute: String, qualifier: String?, exactly: Bool = false, labels: [String]? = nil,
                       in live: LiveCaptures) throws -> [Claim] {
        let subjects = Array(Set(subjects)).sorted()
        guard !subjects.isEmpty else { return [] }
        // A claim's key does not tell no qualifier from an empty one: `exactly` without one takes both.
        let qualifying = switch (qualifier, exactly) {
        case (let qualifier?, _) where !qualifier.isEmpty: " AND qualifier = ?"
        case (_, true): " AND (qualifier IS NULL OR qualifier = ?)"
        default: ""
        }
        return try read("read the claims about \(subjects.joined(separator: ", ")) \(attribute)") { db in
            var found: [(place: Int, order: Int, claim: Claim)] = []
            try db.forEachRow("""
                SELECT \(ClaimRow.columns) FROM claim
                WHERE subject IN (\(db.placeholders(subjects.count))) AND attribute = ?\(qualifying)\(labels.map { " AND label IN (\(db.placeholders($0.count)))" } ?? "")
                """, subjects + [attribute] + (qualifying.isEmpty ? [] : [qualifier ?? ""]) + (labels ?? [])) { row in
                let claim = try ClaimRow(row)
                guard let place = live.place[claim.captureID] else { return }
                found.append((place, claim.order, try claim.claim(citation: live.inOrder[place].citation)))
            }
            return found.sorted { ($0.place, $0.order) < ($1.place, $1.order) }.map(\.claim)
        }
    }

    /// Every subject, attribute and qualifier some stored claim has.
    public func claimSlots() throws -> [(subject: String, attribute: String, qualifier: String?)] {
        try read("read the claims' slots") { db in
            try db.fetchAll("SELECT DISTINCT subject, attribute, qualifier FROM claim") { (try $0.string(0), try $0.string(1), try $0.string(2)) }
        }
    }

    /// How many claims the live captures at or before `run` (default: the latest) hold.
    public func liveClaimCount(asOf run: String? = nil) throws -> Int {
        try read("count the live claims") { db in
            try db.fetchOne("""
                SELECT COUNT(*) FROM claim WHERE captureID IN (\(Self.liveCaptures("c.id")))
                """, [run, run, run, run]) { try $0.int(0) as Int } ?? 0
        }
    }

    /// The ids of the captures that have claims.
    public func capturesWithClaims() throws -> Set<Int64> {
        try read("read which captures have claims") { db in Set(try db.fetchAll("SELECT DISTINCT captureID FROM claim") { try $0.int64(0) as Int64 }) }
    }

    /// The claims of these captures, in capture then position order, each citing its capture.
    public func claims(of captures: [CaptureRow]) throws -> [Claim] {
        try read("read claims of captures") { db in
            try captures.flatMap { capture in
                try db.fetchAll("SELECT \(ClaimRow.columns) FROM claim WHERE captureID = ? ORDER BY position", [capture.id!]) {
                    try ClaimRow($0).claim(citation: capture.citation)
                }
            }
        }
    }

    /// What each claim of these captures says, as stored, without decoding it, by capture id in position
    /// order: enough to pair off the claims two states share before reading the rest whole (`claims(_:of:)`).
    public func claimStatements(of captures: [CaptureRow]) throws -> [Int64: [ClaimStatement]] {
        try read("read claim statements of captures") { db in
            // Joined by the database with a unit separator, which stored JSON escapes and plain text never holds.
            let separator = db.dialect.character(31)
            let sql = """
                SELECT id, subject || \(separator) || attribute || \(separator) || coalesce(qualifier, '') || \(separator) || value || \(separator)
                       || coalesce(validTime, '') || \(separator) || label
                FROM claim WHERE captureID = ? ORDER BY position
                """
            var statements: [Int64: [ClaimStatement]] = [:]
            for capture in captures {
                statements[capture.id!] = try db.fetchAll(sql, [capture.id!]) { row in
                    ClaimStatement(claimID: try row.int64(0), captureID: capture.id!, says: try row.string(1))
                }
            }
            return statements
        }
    }

    /// The claims these statements describe, in capture then position order, each citing its capture.
    public func claims(_ statements: [ClaimStatement], of captures: [CaptureRow]) throws -> [Claim] {
        let wanted = Dictionary(grouping: statements, by: \.captureID).mapValues { $0.map(\.claimID) }
        return try read("read claims by id") { db in
            try captures.flatMap { capture -> [Claim] in
                guard let ids = wanted[capture.id!], !ids.isEmpty else { return [] }
                return try db.fetchAll("""
                    SELECT \(ClaimRow.columns) FROM claim WHERE captureID = ? AND id IN (\(db.placeholders(ids.count))) ORDER BY position
                    """, [capture.id!] + ids) { try ClaimRow($0).claim(citation: capture.citation) }
            }
        }
    }

    /// The capture stored for a WARC record id.
    public func capture(recordID: String) throws -> CaptureRow? {
        try read("look up a capture") { db in
            try db.fetchOne("SELECT \(CaptureRow.columns) FROM capture WHERE recordID = ?", [recordID], CaptureRow.init)
        }
    }

    /// Every stored capture, in archive order.
    public func captures() throws -> [CaptureRow] {
        try read("list captures") { db in
            try db.fetchAll("SELECT \(CaptureRow.columns) FROM capture ORDER BY warcFile, \"offset\"", [], CaptureRow.init)
        }
    }
}

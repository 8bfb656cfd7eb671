import ClaimCore
import GRDB

/// One named, forward-only step of the store's schema, written once for both databases: SQLite applies the
/// steps through GRDB's migrator, PostgreSQL through `PostgreSQLDatabase.migrate()`, each in a transaction.
struct Migration: Sendable {
    let name: String
    let apply: @Sendable (any StoreConnection) throws -> Void
}

/// The store's schema: the steps in the order they were added; a new one goes at the end, none is changed.
enum Schema {
    static let migrations: [Migration] = [
        Migration(name: "v1-create-run") { db in
            let d = db.dialect
            try db.execute("""
                CREATE TABLE run (id \(d.text) NOT NULL PRIMARY KEY, started \(d.datetime) NOT NULL, finished \(d.datetime),
                  warcFile \(d.text) NOT NULL, sources \(d.text) NOT NULL, pages \(d.integer) NOT NULL, failures \(d.text) NOT NULL)
                """)  // id: the UTC start time, ISO 8601; sources and failures: JSON arrays
        },
        Migration(name: "v1-create-capture") { db in
            let d = db.dialect
            try db.execute("""
                CREATE TABLE capture (id \(d.autoIncrementedID), recordID \(d.text) NOT NULL UNIQUE,
                  run \(d.text) NOT NULL REFERENCES run(id) ON DELETE CASCADE, source \(d.text) NOT NULL,
                  warcFile \(d.text) NOT NULL, "offset" \(d.integer) NOT NULL, targetURI \(d.text) NOT NULL, url \(d.text) NOT NULL,
                  kind \(d.text) NOT NULL, title \(d.text), author \(d.text), publisher \(d.text), published \(d.datetime),
                  modified \(d.datetime), retrieved \(d.datetime) NOT NULL, status \(d.integer) NOT NULL, payloadDigest \(d.text),
                  diagnostics \(d.text) NOT NULL)
                """)  // url: the canonical URL; diagnostics: a JSON array
            try db.execute("CREATE INDEX capture_on_url ON capture (url)")
        },
        Migration(name: "v1-create-claim") { db in
            let d = db.dialect
            try db.execute("""
                CREATE TABLE claim (id \(d.autoIncrementedID),
                  captureID \(d.integer) NOT NULL REFERENCES capture(id) ON DELETE CASCADE, position \(d.integer) NOT NULL,
                  subject \(d.text) NOT NULL, attribute \(d.text) NOT NULL, qualifier \(d.text), value \(d.text) NOT NULL,
                  validTime \(d.text), confidence \(d.text) NOT NULL, label \(d.text) NOT NULL, quote \(d.text) NOT NULL,
                  statedAt \(d.datetime))
                """)  // value, validTime, confidence: JSON
            try db.execute("CREATE INDEX claim_on_captureID ON claim (captureID)")
            try db.execute("CREATE INDEX claim_on_subject_attribute ON claim (subject, attribute)")
        },
        Migration(name: "v2-add-claim-sentence") { db in
            // The quote's sentence index in its document.
            try db.execute("ALTER TABLE claim ADD COLUMN sentence \(db.dialect.integer)")
        },
        Migration(name: "v3-create-unknown") { db in
            let d = db.dialect
            try db.execute("""
                CREATE TABLE unknown (id \(d.autoIncrementedID),
                  captureID \(d.integer) NOT NULL REFERENCES capture(id) ON DELETE CASCADE, subjects \(d.text) NOT NULL,
                  attributes \(d.text) NOT NULL, quote \(d.text) NOT NULL, sentence \(d.integer), statedAt \(d.datetime))
                """)  // subjects: a JSON array of canonical subjects; attributes: of attribute ids
            try db.execute("CREATE INDEX unknown_on_captureID ON unknown (captureID)")
        },
        Migration(name: "v4-add-capture-validators") { db in
            // refersTo: for a 304, the record id of the capture it confirms.
            for column in ["etag", "lastModified", "refersTo"] {
                try db.execute("ALTER TABLE capture ADD COLUMN \(column) \(db.dialect.text)")
            }
        },
        Migration(name: "v5-index-capture-target") { db in
            // Each fetched URL asks for its last capture (conditional requests, every=): without this, a
            // run over N pages scanned the capture table N times.
            try db.execute("CREATE INDEX capture_on_targetURI ON capture (targetURI, retrieved)")
        },
        Migration(name: "v6-create-derived") { db in
            // Results derived from the store and the workspace files (resolved questions, contradictions),
            // kept under a key naming everything they were derived from, so a listing need not resolve
            // every live claim again. SQLite orders them by rowid; PostgreSQL, which has none, by `kept`.
            let d = db.dialect
            let kept = d == .sqlite ? "" : ", kept BIGSERIAL"
            try db.execute("CREATE TABLE derived (key \(d.text) NOT NULL PRIMARY KEY, kind \(d.text) NOT NULL, json \(d.text) NOT NULL\(kept))")
            try db.execute("CREATE INDEX derived_on_kind ON derived (kind)")
        },
        Migration(name: "v7-add-capture-pageKey") { db in
            // One page under the URLs it has had (http then https, with and without www.): captures of it
            // supersede one another by this key, not by the URL as written (`Links.pageKey`).
            try db.execute("ALTER TABLE capture ADD COLUMN pageKey \(db.dialect.text)")
            let rows = try db.fetchAll("SELECT id, url FROM capture") { (try $0.int64(0) as Int64, try $0.string(1) as String) }
            for (id, url) in rows {
                try db.execute("UPDATE capture SET pageKey = ? WHERE id = ?", [Links.pageKey(url), id])
            }
            try db.execute("CREATE INDEX capture_on_pageKey ON capture (pageKey, retrieved)")
            // Kept resolutions were keyed by the URL: resolve again.
            try db.execute("DELETE FROM derived")
        },
        Migration(name: "v8-add-capture-links") { db in
            // The links a run follows from a page, as its plugin found them when the page was read, one per
            // line: a page that answers 304 next time is not read again for them. NULL: not known (stored by
            // an older build; the page is read back from the archive instead, and a reparse fills them in).
            try db.execute("ALTER TABLE capture ADD COLUMN links \(db.dialect.text)")
        },
        Migration(name: "v9-add-capture-quotedIn") { db in
            // An excerpt (an article as a feed or listing quoted it) is a row of its own, for the article's
            // page, holding the record id of the feed or listing whose bytes carry it. NULL: the page itself.
            // Stores from older builds gain excerpts when `reparse` reads their feeds again.
            try db.execute("ALTER TABLE capture ADD COLUMN quotedIn \(db.dialect.text)")
        },
        Migration(name: "v10-add-capture-disposition") { db in
            // What a capture is (the page, or why it is not read), decided when it was archived; the status
            // column is the server's. Rows from older builds get theirs from what they recorded: the status codes
            // they made up (415 not a page, 413 truncated, 422 unreadable) stay until a reparse.
            try db.execute("ALTER TABLE capture ADD COLUMN disposition \(db.dialect.text) NOT NULL DEFAULT 'page'")
            try db.execute("""
                UPDATE capture SET disposition = CASE
                    WHEN kind = 'challenge' THEN 'challenge'
                    WHEN status = 304 THEN 'not-modified'
                    WHEN status BETWEEN 300 AND 399 THEN 'redirect'
                    WHEN status = 415 THEN 'not-a-page'
                    WHEN status = 413 THEN 'truncated'
                    WHEN status = 422 THEN 'unreadable'
                    WHEN status BETWEEN 200 AND 299 THEN 'page'
                    ELSE 'failed' END
                """)
            try db.execute("UPDATE capture SET kind = 'unknown' WHERE kind = 'challenge'")
            try db.execute("DELETE FROM derived")
        },
        Migration(name: "v11-create-archiveFile") { db in
            // The size each run file had when every record in it was stored, so a run's catch-up skips the
            // files already read whole instead of walking the whole archive. Empty in an older store: its
            // next catch-up walks every file once.
            try db.execute("CREATE TABLE archiveFile (name \(db.dialect.text) NOT NULL PRIMARY KEY, bytes \(db.dialect.integer) NOT NULL)")
        },
        Migration(name: "v12-create-pageText") { db in
            // The text each capture was read as (headline and prose), indexed for full-text search, so a subject
            // or attribute the vocabulary gains later finds the archived pages that mention it and only those
            // are read again. A store from an older build has none until its next reparse.
            switch db.dialect {
            case .sqlite:
                try db.execute("CREATE VIRTUAL TABLE pageText USING fts5(text, captureID UNINDEXED)")
            case .postgresql:
                try db.execute("""
                    CREATE TABLE pageText (text TEXT NOT NULL, captureID BIGINT NOT NULL,
                      words TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED)
                    """)
                try db.execute("CREATE INDEX pageText_on_words ON pageText USING GIN (words)")
                try db.execute("CREATE INDEX pageText_on_captureID ON pageText (captureID)")
            }
            // The vocabulary the stored pages were read with: every subject name and alias, attribute id and cue.
            try db.execute("CREATE TABLE vocabularyRead (term \(db.dialect.text) NOT NULL PRIMARY KEY)")
        },
        Migration(name: "v13-create-lease") { db in
            // Who is fetching a source, or writing a run file, now: fetchers on several machines sharing one
            // store take a source's lease before fetching it and leave the sources others hold. A lease lapses
            // at `expires` unless its holder renews it, so a fetcher that dies frees its sources.
            let d = db.dialect
            try db.execute("CREATE TABLE lease (name \(d.text) NOT NULL PRIMARY KEY, holder \(d.text) NOT NULL, expires \(d.datetime) NOT NULL)")
        },
        Migration(name: "v14-index-claim-slot") { db in
            // A question's claims are read by its slot (subjects, attribute, qualifier) when questions are resolved
            // one at a time: a thousand questions on one subject and attribute told apart by qualifier each read
            // every claim of the pair without the qualifier in the index. It replaces the index it extends.
            try db.execute("CREATE INDEX claim_on_slot ON claim (subject, attribute, qualifier)")
            try db.execute("DROP INDEX claim_on_subject_attribute")
        },
    ]

    /// The steps as GRDB's migrator for a SQLite store.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.name) { db in try migration.apply(SQLiteConnection(db: db)) }
        }
        return migrator
    }
}

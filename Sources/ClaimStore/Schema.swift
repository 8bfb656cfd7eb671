import ClaimCore
import GRDB

/// The store's schema: named, forward-only migrations, each in its own transaction.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-create-run") { db in
            try db.create(table: "run") { t in
                t.primaryKey("id", .text)  // the UTC start time, ISO 8601
                t.column("started", .datetime).notNull()
                t.column("finished", .datetime)
                t.column("warcFile", .text).notNull()
                t.column("sources", .text).notNull()  // JSON array of source ids
                t.column("pages", .integer).notNull()
                t.column("failures", .text).notNull()  // JSON array of failures
            }
        }
        migrator.registerMigration("v1-create-capture") { db in
            try db.create(table: "capture") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("recordID", .text).notNull().unique()
                t.column("run", .text).notNull().references("run", onDelete: .cascade)
                t.column("source", .text).notNull()
                t.column("warcFile", .text).notNull()
                t.column("offset", .integer).notNull()
                t.column("targetURI", .text).notNull()
                t.column("url", .text).notNull().indexed()  // canonical
                t.column("kind", .text).notNull()
                t.column("title", .text)
                t.column("author", .text)
                t.column("publisher", .text)
                t.column("published", .datetime)
                t.column("modified", .datetime)
                t.column("retrieved", .datetime).notNull()
                t.column("status", .integer).notNull()
                t.column("payloadDigest", .text)
                t.column("diagnostics", .text).notNull()  // JSON array
            }
        }
        migrator.registerMigration("v1-create-claim") { db in
            try db.create(table: "claim") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("captureID", .integer).notNull().indexed().references("capture", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("subject", .text).notNull()
                t.column("attribute", .text).notNull()
                t.column("qualifier", .text)
                t.column("value", .text).notNull()  // JSON Value
                t.column("validTime", .text)  // JSON ValidTime
                t.column("confidence", .text).notNull()  // JSON Confidence
                t.column("label", .text).notNull()
                t.column("quote", .text).notNull()
                t.column("statedAt", .datetime)
            }
            try db.create(index: "claim_on_subject_attribute", on: "claim", columns: ["subject", "attribute"])
        }
        migrator.registerMigration("v2-add-claim-sentence") { db in
            try db.alter(table: "claim") { t in
                t.add(column: "sentence", .integer)  // the quote's sentence index in its document
            }
        }
        migrator.registerMigration("v3-create-unknown") { db in
            try db.create(table: "unknown") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("captureID", .integer).notNull().indexed().references("capture", onDelete: .cascade)
                t.column("subjects", .text).notNull()  // JSON array of canonical subjects
                t.column("attributes", .text).notNull()  // JSON array of attribute ids
                t.column("quote", .text).notNull()
                t.column("sentence", .integer)
                t.column("statedAt", .datetime)
            }
        }
        migrator.registerMigration("v4-add-capture-validators") { db in
            try db.alter(table: "capture") { t in
                t.add(column: "etag", .text)
                t.add(column: "lastModified", .text)
                t.add(column: "refersTo", .text)  // for a 304: the record id of the capture it confirms
            }
        }
        migrator.registerMigration("v5-index-capture-target") { db in
            // Each fetched URL asks for its last capture (conditional requests, every=): without this, a
            // run over N pages scanned the capture table N times.
            try db.create(index: "capture_on_targetURI", on: "capture", columns: ["targetURI", "retrieved"])
        }
        migrator.registerMigration("v6-create-derived") { db in
            // Results derived from the store and the workspace files (resolved questions, contradictions),
            // kept under a key naming everything they were derived from, so a listing need not resolve
            // every live claim again.
            try db.create(table: "derived") { t in
                t.primaryKey("key", .text)
                t.column("kind", .text).notNull().indexed()
                t.column("json", .text).notNull()
            }
        }
        migrator.registerMigration("v7-add-capture-pageKey") { db in
            // One page under the URLs it has had (http then https, with and without www.): captures of it
            // supersede one another by this key, not by the URL as written (`Links.pageKey`).
            try db.alter(table: "capture") { t in t.add(column: "pageKey", .text) }
            let rows = try Row.fetchAll(db, sql: "SELECT id, url FROM capture")
            for row in rows {
                try db.execute(sql: "UPDATE capture SET pageKey = ? WHERE id = ?", arguments: [Links.pageKey(row["url"]), row["id"] as Int64])
            }
            try db.create(index: "capture_on_pageKey", on: "capture", columns: ["pageKey", "retrieved"])
            // Kept resolutions were keyed by the URL: resolve again.
            try db.execute(sql: "DELETE FROM derived")
        }
        migrator.registerMigration("v8-add-capture-links") { db in
            // The links a run follows from a page, as its plugin found them when the page was read, one per
            // line: a page that answers 304 next time is not read again for them. NULL: not known (stored by
            // an older build; the page is read back from the archive instead, and a reparse fills them in).
            try db.alter(table: "capture") { t in t.add(column: "links", .text) }
        }
        migrator.registerMigration("v9-add-capture-quotedIn") { db in
            // An excerpt (an article as a feed or listing quoted it) is a row of its own, for the article's
            // page, holding the record id of the feed or listing whose bytes carry it. NULL: the page itself.
            // Stores from older builds gain excerpts when `reparse` reads their feeds again.
            try db.alter(table: "capture") { t in t.add(column: "quotedIn", .text) }
        }
        migrator.registerMigration("v10-add-capture-disposition") { db in
            // What a capture is (the page, or why it is not read), decided when it was archived; the status
            // column is the server's. Rows from older builds get theirs from what they recorded: the status codes
            // they made up (415 not a page, 413 truncated, 422 unreadable) stay until a reparse.
            try db.alter(table: "capture") { t in t.add(column: "disposition", .text).notNull().defaults(to: "page") }
            try db.execute(sql: """
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
            try db.execute(sql: "UPDATE capture SET kind = 'unknown' WHERE kind = 'challenge'")
            try db.execute(sql: "DELETE FROM derived")
        }
        migrator.registerMigration("v11-create-archiveFile") { db in
            // The size each run file had when every record in it was stored, so a run's catch-up skips the
            // files already read whole instead of walking the whole archive. Empty in an older store: its
            // next catch-up walks every file once.
            try db.create(table: "archiveFile") { t in
                t.primaryKey("name", .text)
                t.column("bytes", .integer).notNull()
            }
        }
        migrator.registerMigration("v12-create-pageText") { db in
            // The text each capture was read as (headline and prose), indexed for full-text search, so a subject
            // or attribute the vocabulary gains later finds the archived pages that mention it and only those
            // are read again. A store from an older build has none until its next reparse.
            try db.execute(sql: "CREATE VIRTUAL TABLE pageText USING fts5(text, captureID UNINDEXED)")
            // The vocabulary the stored pages were read with: every subject name and alias, attribute id and cue.
            try db.create(table: "vocabularyRead") { t in t.primaryKey("term", .text) }
        }
        return migrator
    }
}

import ClaimCore
@testable import ClaimStore
import Foundation
import GRDB
import TestSupport
import Testing

/// What goes into the store comes back out unchanged, whatever the text and numbers hold.
@Suite struct StoreRoundTripTests {
    /// On SQLite, and on PostgreSQL (where the claims go in by COPY's text format, every escape of it in play).
    @Test(arguments: ["sqlite", "postgresql"])
    func claimsComeBackExactlyAsStored(_ backend: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store: Store
        if backend == "postgresql" {
            guard let cluster = PostgreSQLCluster.orSkipNotice() else { return }
            let location = try StoreLocation.named(cluster.storeURL(schema: "round_trip_\(UUID().uuidString.prefix(8).lowercased())"), workspaceFile: folder)
            store = try Store(location)
        } else {
            store = try Store(file: folder.appendingPathComponent("store.sqlite"))
        }
        let stated = Date(timeIntervalSince1970: 1_773_500_123.456)
        try store.save(run: Run(id: "2026-03-14T15:00:00Z", started: stated, warcFile: "claimtrack-20260314T150000Z.warc.gz"))
        let claims = [
            Claim(subject: "Mac Studio", attribute: "price", qualifier: "256GB \"upgrade\"",
                  value: Value(type: .money, text: "$1,599 to $1,999", number: 1599, upper: 1999.5, currency: "USD"),
                  validTime: ValidTime(start: "2026-03-01", end: nil, text: "since March"),
                  confidence: Confidence(score: 0.725, label: .reported, reasons: ["prior: reported", "cue \"according to\"\n\tnewline\\slash \u{1}"]),
                  quote: "Apple's Mac Studio — «now» $1,599 😀.\tTab\r\nCRLF \\N not null \\\\ two", statedAt: stated, position: 3),
            Claim(subject: "M5 Ultra", attribute: "launch", value: Value(type: .boolean, text: "discontinued", boolean: false),
                  confidence: Confidence(score: 1, label: .official, reasons: []), quote: "Gone.", statedAt: nil, position: nil),
            Claim(subject: "M5 Ultra", attribute: "geekbench.multi-core", value: Value(type: .score, text: "-3.0e-7", number: -3.0e-7, unit: "points"),
                  confidence: Confidence(score: 0.1, label: .userReport, reasons: ["x"]), quote: "q", statedAt: stated, position: 0),
            Claim(subject: "\\N", attribute: "price", qualifier: "", value: Value(type: .money, text: "$1", number: 1e300, currency: "USD"),
                  confidence: Confidence(score: 0.5, label: .rumored, reasons: []), quote: "Before 1970.",
                  statedAt: Date(timeIntervalSince1970: -86_400.25), position: 1),
        ]
        let document = Document(url: "https://example.com/a", source: "macrumors", kind: .article)
        let capture = CaptureRow(recordID: "<urn:uuid:1>", run: "2026-03-14T15:00:00Z", source: "macrumors", warcFile: "claimtrack-20260314T150000Z.warc.gz",
                                 offset: 0, targetURI: "https://example.com/a", document: document, retrieved: stated, status: 200,
                                 payloadDigest: "sha1:X", diagnostics: [])
        try store.insert(capture: capture, claims: claims)
        let back = try store.liveClaims()
        #expect(back.count == claims.count)
        for (stored, original) in zip(back, claims) {
            var expected = original
            expected.citation = stored.citation
            // Dates are kept to the millisecond, as GRDB stores them.
            #expect(abs((stored.statedAt ?? .distantPast).timeIntervalSince(original.statedAt ?? .distantPast)) < 0.0005)
            expected.statedAt = stored.statedAt
            #expect(stored == expected)
        }
    }
}

/// A capture row written by the cached INSERT reads back field for field through GRDB's decoding.
@Suite struct CaptureRowRoundTripTests {
    @Test func everyFieldComesBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-capture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(file: folder.appendingPathComponent("store.sqlite"))
        try store.save(run: Run(id: "2026-03-14T15:00:00Z", started: Date(), warcFile: "claimtrack-20260314T150000Z.warc.gz"))
        let published = Date(timeIntervalSince1970: 1_773_500_123.456), modified = Date(timeIntervalSince1970: -86_400.5)
        let document = Document(url: "https://example.com/a?b=1", source: "macrumors", kind: .article, title: "Title \"quoted\" — é",
                                author: "A. Writer", published: published, modified: modified, publisher: "MacRumors")
        let rows = [CaptureRow(recordID: "<urn:uuid:1>", run: "2026-03-14T15:00:00Z", source: "macrumors", warcFile: "claimtrack-20260314T150000Z.warc.gz",
                               offset: 123_456_789, targetURI: "https://example.com/a", document: document, retrieved: published, status: 200,
                               payloadDigest: "sha1:X", diagnostics: [Diagnostic(.warning, source: "macrumors", location: "l", "m")],
                               etag: "\"v1\"", lastModified: "Sat, 14 Mar 2026 15:00:00 GMT", refersTo: nil),
                    CaptureRow(recordID: "<urn:uuid:2>", run: "2026-03-14T15:00:00Z", source: "generic", warcFile: "claimtrack-20260314T150000Z.warc.gz",
                               offset: 0, targetURI: "https://example.com/b", document: Document(url: "https://example.com/b", source: "generic", kind: .unknown),
                               retrieved: modified, status: 304, payloadDigest: nil, diagnostics: [], refersTo: "<urn:uuid:1>")]
        for row in rows { try store.insert(capture: row, claims: []) }
        let back = try store.captures().sorted { $0.recordID < $1.recordID }
        #expect(back.count == 2)
        for (stored, original) in zip(back, rows) {
            var expected = original
            expected.id = stored.id
            for (a, b) in [(stored.published, original.published), (stored.modified, original.modified), (stored.retrieved as Date?, original.retrieved as Date?)] {
                #expect(abs((a ?? .distantPast).timeIntervalSince(b ?? .distantPast)) < 0.0005)
            }
            expected.published = stored.published
            expected.modified = stored.modified
            expected.retrieved = stored.retrieved
            #expect(String(describing: stored) == String(describing: expected))
        }
    }
}

/// The hand reader for the store's JSON columns agrees with JSONDecoder on what JSONEncoder wrote (stores
/// made before CompactJSON) and on escapes JSONEncoder never writes.
@Suite struct CompactJSONReaderTests {
    @Test func readsWhatJSONEncoderWrote() throws {
        let encoder = JSONOutput.encoder(pretty: false)
        let values = [
            Value(type: .money, text: "$1,599 \"to\" $1,999\n", number: 1599, upper: 1999.5, currency: "USD"),
            Value(type: .boolean, text: "gone", boolean: false),
            Value(type: .score, text: "tiny", number: -3.0e-7, unit: "points"),
            Value(type: .period, text: "mid-2026 — «soon» 😀 \u{1}", start: "2026-05-01", end: "2026-08-31"),
        ]
        for value in values {
            let json = String(decoding: try encoder.encode(value), as: UTF8.self)
            #expect(CompactJSONReader.value(json) == value, "\(json)")
            #expect(CompactJSONReader.value(CompactJSON.value(value)) == value)
        }
        let confidence = Confidence(score: 0.725, label: .userReport, reasons: ["a \"quoted\" cue", "back\\slash", ""])
        #expect(CompactJSONReader.confidence(String(decoding: try encoder.encode(confidence), as: UTF8.self)) == confidence)
        let time = ValidTime(start: "2026-06-01", end: nil, text: "June")
        #expect(CompactJSONReader.validTime(String(decoding: try encoder.encode(time), as: UTF8.self)) == time)
    }

    @Test func escapesAndStrangeInputs() {
        #expect(CompactJSONReader.value(#"{"type":"text","text":"\ud83d\ude00 \u00e9 \/ \b"}"#)?.text == "😀 é / \u{8}")
        #expect(CompactJSONReader.value(#"{"type":"text","text":"x"} trailing"#) == nil)
        #expect(CompactJSONReader.value(#"{"type":"nonsense","text":"x"}"#) == nil)
        #expect(CompactJSONReader.value(#"{"type":"text","text":"\ud83d"}"#) == nil)  // a lone surrogate
        #expect(CompactJSONReader.confidence(#"{"label":"reported","reasons":[1],"score":0.5}"#) == nil)
    }
}

/// A store made before page keys existed gets one for every capture when it is opened.
@Suite struct PageKeyMigrationTests {
    @Test func existingCapturesGetTheirPageKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-migrate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("store.sqlite")
        do {
            let old = try DatabaseQueue(path: file.path)
            try Schema.migrator.migrate(old, upTo: "v6-create-derived")
            try old.write { db in
                try db.execute(sql: "INSERT INTO run (id, started, warcFile, sources, pages, failures) VALUES ('r', '2019-11-19 10:00:00.000', 'w', '[]', 1, '[]')")
                try db.execute(sql: """
                    INSERT INTO capture (recordID, run, source, warcFile, "offset", targetURI, url, kind, retrieved, status, diagnostics)
                    VALUES ('<urn:uuid:1>', 'r', 'macrumors', 'w', 0, 'http://www.macrumors.com/a', 'http://www.macrumors.com/a/', 'article',
                            '2019-11-19 10:00:00.000', 200, '[]')
                    """)
            }
        }
        let store = try Store(file: file)
        #expect(try store.captures().map(\.pageKey) == [Links.pageKey("https://macrumors.com/a")])
    }
}

/// The links a run follows from a page are kept with its capture; a store made before they were has none
/// (nil: not known, so a fetch reads the page back instead), and an empty list is not "not known".
@Suite struct CaptureLinksTests {
    @Test func linksRoundTripAndOlderRowsHaveNone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("store.sqlite")
        do {
            let old = try DatabaseQueue(path: file.path)
            try Schema.migrator.migrate(old, upTo: "v7-add-capture-pageKey")
            try old.write { db in
                try db.execute(sql: "INSERT INTO run (id, started, warcFile, sources, pages, failures) VALUES ('r', '2026-03-01 10:00:00.000', 'w', '[]', 1, '[]')")
                try db.execute(sql: """
                    INSERT INTO capture (recordID, run, source, warcFile, "offset", targetURI, url, kind, retrieved, status, diagnostics, pageKey)
                    VALUES ('<urn:uuid:old>', 'r', 'macrumors', 'w', 0, 'https://www.macrumors.com/', 'https://www.macrumors.com/', 'listing',
                            '2026-03-01 10:00:00.000', 200, '[]', 'macrumors.com/')
                    """)
            }
        }
        let store = try Store(file: file)
        #expect(try store.lastCapture(targetURI: "https://www.macrumors.com/")?.followedLinks == nil)
        let links = [URL(string: "https://www.macrumors.com/2026/03/02/a/")!, URL(string: "https://www.macrumors.com/2026/03/02/b/?x=1&y=2")!]
        for (recordID, target, kept) in [("<urn:uuid:listing>", "https://www.macrumors.com/news/", links), ("<urn:uuid:article>", "https://www.macrumors.com/a/", [])] {
            let capture = CaptureRow(recordID: recordID, run: "r", source: "macrumors", warcFile: "w", offset: 1, targetURI: target,
                                     document: Document(url: target, source: "macrumors", kind: kept.isEmpty ? .article : .listing),
                                     retrieved: Date(timeIntervalSince1970: 1_772_400_000), status: 200, payloadDigest: nil, diagnostics: [], links: kept)
            try store.insert(capture: capture, claims: [])
            #expect(try store.lastCapture(targetURI: target)?.followedLinks == kept)
        }
    }
}

/// A store from before captures had a disposition gets one from what its rows recorded (the status codes
/// older builds made up, the `challenge` kind), and only pages hold a page's state.
@Suite struct DispositionMigrationTests {
    @Test func olderRowsAreClassifiedFromWhatTheyRecorded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-disposition-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("store.sqlite")
        let rows: [(name: String, kind: String, status: Int)] = [
            ("page", "article", 200), ("revisit", "unknown", 304), ("image", "unknown", 415), ("cut", "unknown", 413),
            ("garbled", "unknown", 422), ("wall", "challenge", 503), ("gone", "unknown", 404),
        ]
        do {
            let old = try DatabaseQueue(path: file.path)
            try Schema.migrator.migrate(old, upTo: "v9-add-capture-quotedIn")
            try old.write { db in
                try db.execute(sql: "INSERT INTO run (id, started, warcFile, sources, pages, failures) VALUES ('r', '2026-03-01 10:00:00.000', 'w', '[]', 1, '[]')")
                for (offset, row) in rows.enumerated() {
                    let url = "https://www.macrumors.com/\(row.name)/"
                    try db.execute(sql: """
                        INSERT INTO capture (recordID, run, source, warcFile, "offset", targetURI, url, kind, retrieved, status, diagnostics, pageKey)
                        VALUES (?, 'r', 'macrumors', 'w', ?, ?, ?, ?, '2026-03-01 10:00:00.000', ?, '[]', ?)
                        """, arguments: ["<urn:uuid:\(row.name)>", offset, url, url, row.kind, row.status, Links.pageKey(url)])
                }
            }
        }
        let store = try Store(file: file)
        let migrated = Dictionary(uniqueKeysWithValues: try store.captures().map { ($0.recordID, ($0.disposition, $0.kind)) })
        #expect(migrated["<urn:uuid:page>"]! == ("page", "article"))
        #expect(migrated["<urn:uuid:revisit>"]! == ("not-modified", "unknown"))
        #expect(migrated["<urn:uuid:image>"]! == ("not-a-page", "unknown"))
        #expect(migrated["<urn:uuid:cut>"]! == ("truncated", "unknown"))
        #expect(migrated["<urn:uuid:garbled>"]! == ("unreadable", "unknown"))
        #expect(migrated["<urn:uuid:wall>"]! == ("challenge", "unknown"))
        #expect(migrated["<urn:uuid:gone>"]! == ("failed", "unknown"))
        #expect(try store.latestCaptures().map(\.recordID) == ["<urn:uuid:page>"])
    }
}

import ClaimCore
import Foundation

/// A row of `run`.
struct RunRow {
    var id: String
    var started: Date
    var finished: Date?
    var warcFile: String
    var sources: String
    var pages: Int
    var failures: String

    static let columns = "id, started, finished, warcFile, sources, pages, failures"

    init(id: String, started: Date, finished: Date?, warcFile: String, sources: String, pages: Int, failures: String) {
        self.id = id
        self.started = started
        self.finished = finished
        self.warcFile = warcFile
        self.sources = sources
        self.pages = pages
        self.failures = failures
    }

    init(_ row: StoreRow) throws {
        self.init(id: try row.string(0), started: try row.date(1), finished: try row.date(2), warcFile: try row.string(3),
                  sources: try row.string(4), pages: try row.int(5), failures: try row.string(6))
    }

    /// Inserts the run, or updates its row when it is already there (a finished run updating a started one).
    func save(_ db: any StoreConnection) throws {
        try db.execute("""
            INSERT INTO run (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET started = excluded.started, finished = excluded.finished, warcFile = excluded.warcFile,
              sources = excluded.sources, pages = excluded.pages, failures = excluded.failures
            """, [id, started, finished, warcFile, sources, pages, failures])
    }
}

/// A row of `capture`: one archived page and what its plugin read off it.
public struct CaptureRow: Codable, Sendable {
    public var id: Int64?
    public var recordID: String
    public var run: String
    public var source: String
    public var warcFile: String
    public var offset: Int
    public var targetURI: String
    public var url: String
    public var kind: String
    public var title: String?
    public var author: String?
    public var publisher: String?
    public var published: Date?
    public var modified: Date?
    public var retrieved: Date
    public var status: Int
    public var payloadDigest: String?
    public var diagnostics: String
    public var etag: String?
    public var lastModified: String?
    public var refersTo: String?
    /// `Links.pageKey(url)`: which captures are of the same page.
    public var pageKey: String
    /// The links a run follows from this page, one per line ("" for none), as its plugin found them when
    /// the page was read; nil when not known.
    public var links: String?
    /// For an excerpt (an article as a feed or listing quoted it): the WARC record id of that feed or
    /// listing, whose bytes hold the excerpt; `recordID` is then that id with `#` and the article's URL.
    /// nil for a capture of the page itself.
    public var quotedIn: String?
    /// What the capture is (`CaptureDisposition`'s raw value): `page` holds a page's state; the rest say why
    /// it is not read (`not-modified`, `redirect`, `truncated`, `not-a-page`, `challenge`, `failed`, `unreadable`).
    public var disposition: String

    public init(recordID: String, run: String, source: String, warcFile: String, offset: Int, targetURI: String,
                document: Document, retrieved: Date, status: Int, payloadDigest: String?, diagnostics: [Diagnostic],
                etag: String? = nil, lastModified: String? = nil, refersTo: String? = nil, links: [URL]? = nil, quotedIn: String? = nil,
                disposition: String = "page") {
        self.quotedIn = quotedIn
        self.disposition = disposition
        self.links = links.map { $0.map(\.absoluteString).joined(separator: "\n") }
        self.etag = etag
        self.lastModified = lastModified
        self.refersTo = refersTo
        self.recordID = recordID
        self.run = run
        self.source = source
        self.warcFile = warcFile
        self.offset = offset
        self.targetURI = targetURI
        self.url = document.url
        self.pageKey = Links.pageKey(document.url)
        self.kind = document.kind.rawValue
        self.title = document.title
        self.author = document.author
        self.publisher = document.publisher
        self.published = document.published
        self.modified = document.modified
        self.retrieved = retrieved
        self.status = status
        self.payloadDigest = payloadDigest
        self.diagnostics = (try? JSONOutput.string(diagnostics, pretty: false)) ?? "[]"
    }

    /// The columns a `CaptureRow` is read from, in `init(_: StoreRow)`'s order.
    static let columns = """
        id, recordID, run, source, warcFile, "offset", targetURI, url, kind, title, author, publisher, published, modified, retrieved,
        status, payloadDigest, diagnostics, etag, lastModified, refersTo, pageKey, links, quotedIn, disposition
        """

    /// `columns` of the table aliased `alias`.
    static func columns(of alias: String) -> String {
        columns.split(separator: ",").map { "\(alias).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }.joined(separator: ", ")
    }

    init(_ row: StoreRow) throws {
        id = try row.int64(0)
        recordID = try row.string(1)
        run = try row.string(2)
        source = try row.string(3)
        warcFile = try row.string(4)
        offset = try row.int(5)
        targetURI = try row.string(6)
        url = try row.string(7)
        kind = try row.string(8)
        title = try row.string(9)
        author = try row.string(10)
        publisher = try row.string(11)
        published = try row.date(12)
        modified = try row.date(13)
        retrieved = try row.date(14)
        status = try row.int(15)
        payloadDigest = try row.string(16)
        diagnostics = try row.string(17)
        etag = try row.string(18)
        lastModified = try row.string(19)
        refersTo = try row.string(20)
        pageKey = try row.string(21)
        links = try row.string(22)
        quotedIn = try row.string(23)
        disposition = try row.string(24)
    }

    /// The columns a capture is inserted with (all but `id`, which the database gives).
    static let insertedColumns = ["recordID", "run", "source", "warcFile", "\"offset\"", "targetURI", "url", "kind", "title", "author",
                                  "publisher", "published", "modified", "retrieved", "status", "payloadDigest", "diagnostics",
                                  "etag", "lastModified", "refersTo", "pageKey", "links", "quotedIn", "disposition"]

    /// The values of `insertedColumns`, in order.
    var insertedValues: [any SQLArgument] {
        [recordID, run, source, warcFile, offset, targetURI, url, kind, title, author, publisher, published, modified, retrieved,
         status, payloadDigest, diagnostics, etag, lastModified, refersTo, pageKey, links, quotedIn, disposition]
    }

    /// Inserts captures and gives each the id the database gave it.
    static func insert(_ captures: inout [CaptureRow], _ db: any StoreConnection) throws {
        var ids: [String: Int64] = [:]
        try db.insert(into: "capture", columns: insertedColumns, rows: captures.map(\.insertedValues), returning: "recordID, id") { row in
            ids[try row.string(0)] = try row.int64(1)
        }
        for index in captures.indices { captures[index].id = ids[captures[index].recordID] }
    }

    /// `links` as URLs; nil when not known.
    public var followedLinks: [URL]? {
        links.map { $0.split(separator: "\n").compactMap { URL(string: String($0)) } }
    }

    /// The citation every claim read from this capture carries: the page's URL, title, author and date, and
    /// the archive record that holds its bytes (for an excerpt, the feed's or listing's).
    public var citation: Citation {
        Citation(url: url, publisher: publisher, title: title, author: author, published: published,
                 retrieved: retrieved, warcRecordID: quotedIn ?? recordID, payloadDigest: quotedIn == nil ? payloadDigest : nil,
                 quotedIn: quotedIn == nil ? nil : targetURI)
    }

    /// Whether this row is an excerpt: an article as a feed or listing quoted it.
    public var isExcerpt: Bool { quotedIn != nil }
}

/// A row of `claim`.
struct ClaimRow {
    var id: Int64?
    var captureID: Int64
    /// The claim's place among its capture's claims (column `position`); not `Claim.position`, which is
    /// the sentence it was read from and is stored as `sentence`.
    var order: Int
    var subject: String
    var attribute: String
    var qualifier: String?
    var value: String
    var validTime: String?
    var confidence: String
    var label: String
    var quote: String
    var statedAt: Date?
    /// `Claim.position`: the sentence of the page the claim was read from.
    var sentence: Int?

    static let columns = "id, captureID, position, subject, attribute, qualifier, value, validTime, confidence, label, quote, statedAt, sentence"

    init(_ row: StoreRow) throws {
        id = try row.int64(0)
        captureID = try row.int64(1)
        order = try row.int(2)
        subject = try row.string(3)
        attribute = try row.string(4)
        qualifier = try row.string(5)
        value = try row.string(6)
        validTime = try row.string(7)
        confidence = try row.string(8)
        label = try row.string(9)
        quote = try row.string(10)
        statedAt = try row.date(11)
        sentence = try row.int(12)
    }

    init(_ claim: Claim, captureID: Int64, order: Int) {
        self.captureID = captureID
        self.order = order
        subject = claim.subject
        attribute = claim.attribute
        qualifier = claim.qualifier
        value = CompactJSON.value(claim.value)
        validTime = claim.validTime.map(CompactJSON.validTime)
        confidence = CompactJSON.confidence(claim.confidence)
        label = claim.confidence.label.rawValue
        quote = claim.quote
        statedAt = claim.statedAt
        sentence = claim.position
    }

    /// Inserts claims (in SQLite through one prepared statement: GRDB's Codable insert rebuilt the row's SQL and
    /// encoded it field by field, which cost as much as reading the page).
    static func insert(_ rows: some Sequence<ClaimRow>, _ db: any StoreConnection) throws {
        try db.insert(into: "claim", columns: ["captureID", "position", "subject", "attribute", "qualifier", "value", "validTime", "confidence",
                                               "label", "quote", "statedAt", "sentence"],
                      rows: rows.lazy.map { [$0.captureID, $0.order, $0.subject, $0.attribute, $0.qualifier, $0.value, $0.validTime, $0.confidence,
                                        $0.label, $0.quote, $0.statedAt, $0.sentence] })
    }

    func claim(citation: Citation) throws -> Claim {
        // The hand reader first; JSONDecoder for anything it does not recognise.
        let decoder = JSONOutput.decoder()
        return Claim(subject: subject, attribute: attribute, qualifier: qualifier,
                     value: try CompactJSONReader.value(value) ?? decoder.decode(Value.self, from: Data(value.utf8)),
                     validTime: try validTime.map { try CompactJSONReader.validTime($0) ?? decoder.decode(ValidTime.self, from: Data($0.utf8)) },
                     confidence: try CompactJSONReader.confidence(confidence) ?? decoder.decode(Confidence.self, from: Data(confidence.utf8)),
                     quote: quote, statedAt: statedAt, citation: citation, position: sentence)
    }
}

/// What one stored claim says: its subject, attribute, qualifier, value, valid time and label as stored.
/// Two claims of a page with equal `says` say the same thing.
public struct ClaimStatement: Sendable {
    public var claimID: Int64
    public var captureID: Int64
    public var says: String
}

/// Which capture a page's state holds, without the rest of the capture row.
public struct PageVersion: Sendable {
    public var captureID: Int64
    public var url: String
    public var recordID: String
    public var payloadDigest: String?
    public var status: Int
    /// `Links.pageKey(url)`: the page, whichever URL it had.
    public var pageKey: String
}

/// A row of `unknown`: a sentence saying something about a tracked subject is not known.
struct UnknownRow {
    var id: Int64?
    var captureID: Int64
    var subjects: String
    var attributes: String
    var quote: String
    var sentence: Int?
    var statedAt: Date?

    static let columns = "id, captureID, subjects, attributes, quote, sentence, statedAt"

    init(_ row: StoreRow) throws {
        id = try row.int64(0)
        captureID = try row.int64(1)
        subjects = try row.string(2)
        attributes = try row.string(3)
        quote = try row.string(4)
        sentence = try row.int(5)
        statedAt = try row.date(6)
    }

    static func insert(_ rows: [UnknownRow], _ db: any StoreConnection) throws {
        try db.insert(into: "unknown", columns: ["captureID", "subjects", "attributes", "quote", "sentence", "statedAt"],
                      rows: rows.map { [$0.captureID, $0.subjects, $0.attributes, $0.quote, $0.sentence, $0.statedAt] })
    }

    init(_ unknown: StatedUnknown, captureID: Int64) throws {
        self.captureID = captureID
        subjects = try JSONOutput.string(unknown.subjects, pretty: false)
        attributes = try JSONOutput.string(unknown.attributes, pretty: false)
        quote = unknown.quote
        sentence = unknown.position
        statedAt = unknown.statedAt
    }

    func unknown(citation: Citation) throws -> StatedUnknown {
        let decoder = JSONOutput.decoder()
        return StatedUnknown(subjects: try decoder.decode([String].self, from: Data(subjects.utf8)),
                             attributes: try decoder.decode([String].self, from: Data(attributes.utf8)),
                             quote: quote, statedAt: statedAt, position: sentence, citation: citation)
    }
}

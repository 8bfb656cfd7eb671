import ClaimCore
import Foundation

/// What reading a page gives the store: its document, diagnostics, claims, stated unknowns, and the links a
/// run follows from it.
struct PageRead: Sendable {
    var document: Document
    var diagnostics: [Diagnostic]
    var claims: [Claim]
    var unknowns: [StatedUnknown]
    var links: [URL]
    /// The articles the page quotes (a feed's item bodies, a listing's teasers), each extracted on its own.
    var excerpts: [Excerpt] = []
    /// The text the page was read as (headline and prose), for the full-text index.
    var text: String = ""

    /// An article as the page quotes it, and what was extracted from it.
    struct Excerpt: Sendable {
        var document: Document
        var claims: [Claim]
        var unknowns: [StatedUnknown]
        /// A digest of the quoted text: what tells a changed excerpt from the same one in a newer feed.
        var digest: String
        /// The quoted text, for the full-text index.
        var text: String = ""
    }
}

typealias ReadResult = Result<PageRead, Error>

/// Pages a fetch has already read (a source's start page, read for its links once archived), by WARC record
/// id, until the ingest that follows takes them: each page of a run is read once. Holds no page bytes.
final class ReadAhead: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: ReadResult] = [:]

    func keep(_ result: ReadResult, for recordID: String) {
        lock.withLock { results[recordID] = result }
    }

    func holds(_ recordID: String) -> Bool {
        lock.withLock { results[recordID] != nil }
    }

    /// The reading kept for `recordID`, handed over once.
    func take(_ recordID: String) -> ReadResult? {
        lock.withLock { results.removeValue(forKey: recordID) }
    }
}

import Foundation
import HTMLKit

/// Who a plugin is: its id (as written in Sources.list), display name, hosts and the kinds of page it reads.
public struct SourceDescriptor: Sendable, Equatable {
    public let id: String
    public let name: String
    public let hosts: [String]
    public let kinds: [PageKind]
    /// How much this source is trusted before any cue in the sentence is read.
    public let prior: Confidence.Label
    /// Options this plugin reads from its Sources.list line, besides the ones every source takes.
    public let options: [String]

    public init(id: String, name: String, hosts: [String], kinds: [PageKind], prior: Confidence.Label, options: [String] = []) {
        self.id = id
        self.name = name
        self.hosts = hosts
        self.kinds = kinds
        self.prior = prior
        self.options = options
    }
}

/// The bytes of one page as fetched or archived: all a plugin ever sees.
public struct FetchedPage: Sendable {
    public var url: URL
    public var body: Data
    /// The HTTP Content-Type, when there was one.
    public var contentType: String?
    public var retrieved: Date?
    /// The source's `key=value` options from Sources.list.
    public var options: [String: String]
    /// The source's start page, when this page is one it led to (a listing's article); nil for the start
    /// page itself, and for pages archived before this was recorded.
    public var followedFrom: URL?

    public init(url: URL, body: Data, contentType: String? = nil, retrieved: Date? = nil,
                options: [String: String] = [:], followedFrom: URL? = nil) {
        self.url = url
        self.body = body
        self.contentType = contentType
        self.retrieved = retrieved
        self.options = options
        self.followedFrom = followedFrom
    }

    /// This page cut where its element budget ends (see `ElementBudget`), with a warning saying so; the page
    /// itself when it is within it.
    public func withinElementBudget(source: String) -> (page: FetchedPage, warning: Diagnostic?) {
        guard let cut = ElementBudget.cut(body) else { return (self, nil) }
        var page = self
        page.body = body.prefix(cut)
        return (page, Diagnostic(.warning, source: source, location: url.absoluteString,
                                 "more than \(ElementBudget.elements) elements: read only the first \(cut) of \(body.count) bytes"))
    }

    /// Whether the bytes look like XML (a feed) rather than HTML.
    public var looksLikeXML: Bool {
        if let contentType = contentType?.lowercased(), contentType.contains("xml") && !contentType.contains("html") {
            return true
        }
        let head = String(decoding: body.prefix(512), as: UTF8.self).drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        return head.hasPrefix("<?xml") || head.hasPrefix("<rss") || head.hasPrefix("<feed")
    }
}

/// A run of prose from a page that the core extractor reads for claims.
public struct Passage: Sendable, Equatable {
    public var text: String
    /// Who wrote this passage when it is not the page's author (a comment's author).
    public var author: String?
    /// When this passage was written when it differs from the page (a comment's time).
    public var written: Date?
    /// Set for passages that are user reports (comments), whatever their wording.
    public var isUserReport: Bool

    public init(_ text: String, author: String? = nil, written: Date? = nil, isUserReport: Bool = false) {
        self.text = text
        self.author = author
        self.written = written
        self.isUserReport = isUserReport
    }
}

/// What a plugin makes of a page: the document, the prose to extract claims from, claims read straight
/// from data tables, and diagnostics, so an empty result always says why.
public struct Reading: Sendable {
    public var document: Document
    public var passages: [Passage]
    /// Claims read from structured data (benchmark tables), already typed.
    public var claims: [Claim]
    public var diagnostics: [Diagnostic]
    /// The articles a feed or listing quotes, each read as its own page of kind `excerpt` with the
    /// article's URL, title, author and date, so its claims cite the article rather than the feed.
    public var excerpts: [Reading]

    public init(document: Document, passages: [Passage] = [], claims: [Claim] = [], diagnostics: [Diagnostic] = [],
                excerpts: [Reading] = []) {
        self.document = document
        self.passages = passages
        self.claims = claims
        self.diagnostics = diagnostics
        self.excerpts = excerpts
    }
}

/// A plugin knows one site: which links on its listings and feeds to follow, and how to read its pages.
/// It never touches the network or the store: bytes in, values out.
public protocol SourcePlugin: Sendable {
    static var descriptor: SourceDescriptor { get }
    init()
    /// Reads one page. Throws only when the bytes are not a page at all; layout trouble is a diagnostic.
    func read(_ page: FetchedPage) throws -> Reading
    /// The pages a run should fetch next from a page read as `reading`, in page order (default: a listing's or
    /// feed's links). Kept with the capture, so a page that answers 304 next time is not read again for them.
    func links(in reading: Reading) -> [URL]
    /// Problems with a Sources.list line's options, one sentence each (default: none).
    static func problems(with options: [String: String]) -> [String]
}

extension SourcePlugin {
    public static func problems(with options: [String: String]) -> [String] { [] }

    public func links(in reading: Reading) -> [URL] {
        guard reading.document.kind == .listing || reading.document.kind == .feed else { return [] }
        return reading.document.links.compactMap(URL.init(string:))
    }

    /// The pages a run should fetch next from `page`: it is read for them.
    public func discover(_ page: FetchedPage) throws -> [URL] {
        links(in: try read(page))
    }
}

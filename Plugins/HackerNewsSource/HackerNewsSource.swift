import ClaimCore
import Foundation
import HTMLKit

/// Reads Hacker News: front, newest and jobs listings in the 2018–2026 markups, item pages with every
/// comment, and the official API's JSON items. Comments are user reports.
public struct HackerNewsSource: SourcePlugin {
    public static let descriptor = SourceDescriptor(
        id: "hackernews", name: "Hacker News",
        hosts: ["news.ycombinator.com", "hacker-news.firebaseio.com"],
        kinds: [.listing, .item, .json], prior: .userReport)

    enum Select {
        /// Story rows: `tr.athing` (2018–2022) or `tr.athing.submission` (2023+); comment rows carry `comtr`.
        static let storyRows = "/descendant::tr[contains(concat(' ',normalize-space(@class),' '),' athing ') and not(contains(@class,'comtr'))]"
        /// `span.titleline > a` (2022+) or `a.storylink` (before).
        static let titleLink = "./descendant::span[@class='titleline']/a[1] | ./descendant::a[contains(@class,'storylink')]"
        /// The subtext row follows the story row.
        static let subtext = "following-sibling::tr[1]/descendant::td[@class='subtext']"
        static let commentRows = "/descendant::tr[contains(concat(' ',normalize-space(@class),' '),' comtr ')]"
        static let commentAuthor = "./descendant::a[contains(@class,'hnuser')]"
        static let age = "./descendant::span[@class='age']/@title"
        static let indent = "./descendant::td[@class='ind']"
        static let commentText = "./descendant::div[contains(@class,'commtext')]"
        static let topText = "/descendant::div[contains(@class,'toptext')]"
        static let moreLink = "/descendant::a[contains(@class,'morelink')]/@href"
    }

    public init() {}

    public func read(_ page: FetchedPage) throws -> Reading {
        if Self.looksLikeJSON(page.body) { return try readAPIItem(page) }
        let document = try HTMLDocument(html: page.body, url: page.url.absoluteString, charset: Charset.fromContentType(page.contentType))
        let (stories, comments) = Self.rows(in: document)
        if stories.isEmpty {
            return MetadataCascade(document: document, page: page)
                .fallback(source: Self.descriptor.id, publisher: Self.descriptor.name, missed: Select.storyRows)
        }
        let hasTopText = try document.first(Select.topText) != nil
        let isItem = page.url.path.hasSuffix("/item") || !comments.isEmpty || (stories.count == 1 && hasTopText)
        return isItem ? try readItem(stories[0], comments: comments, document: document, page: page)
                      : try readListing(stories, document: document, page: page)
    }

    /// A listing's story links (as GOLD lists them) are for the reader; a run follows the comment threads,
    /// where the user reports are.
    public func links(in reading: Reading) -> [URL] {
        guard reading.document.kind == .listing, let threads = reading.document.facts["threads"] else { return [] }
        return threads.split(separator: " ").compactMap { URL(string: String($0)) }
    }

    private func readListing(_ rows: [Node], document: HTMLDocument, page: FetchedPage) throws -> Reading {
        var links: [String] = []
        var threads: [String] = []
        var jobs = 0
        var firstPublished: Date?
        for (index, row) in rows.enumerated() {
            guard let href = try row.first(Select.titleLink)?.attribute("href"), let link = Links.absolute(href, base: page.url) else { continue }
            links.append(link)
            let subtext = try row.first(Select.subtext)
            if try subtext?.first("./descendant::span[@class='score']") == nil { jobs += 1 }
            if let id = row.attribute("id"), let thread = Links.absolute("item?id=\(id)", base: page.url) { threads.append(thread) }
            if index == 0 { firstPublished = try subtext?.first(Select.age).flatMap { Self.age($0.rawText) } }
        }
        var facts = ["items": String(links.count), "jobs": String(jobs), "threads": threads.joined(separator: " ")]
        if let first = rows.first?.attribute("id") { facts["first_id"] = first }
        if let firstPublished { facts["first_published"] = Timestamp.format(firstPublished) }
        if let more = try document.first(Select.moreLink)?.rawText { facts["more"] = more }
        let title = try document.text("//title").map { $0.replacingOccurrences(of: " | Hacker News", with: "") }
        return Reading(document: Document(url: PageMetadata(document).canonical ?? page.url.absoluteString, source: Self.descriptor.id,
                                          kind: .listing, title: title, publisher: Self.descriptor.name, links: links,
                                          provenance: ["links": Select.titleLink], facts: facts))
    }

    private func readItem(_ story: Node, comments: [Node], document: HTMLDocument, page: FetchedPage) throws -> Reading {
        let subtext = try story.first(Select.subtext)
        let title = try story.text(Select.titleLink)
        let author = try subtext?.text(Select.commentAuthor)
        let published = try subtext?.first(Select.age).flatMap { Self.age($0.rawText) }
        var passages: [Passage] = []
        if let top = try document.first(Select.topText) {
            passages += top.blocks.map { Passage($0, author: author, written: published, isUserReport: true) }
        }
        var depths: [Int: Int] = [:]
        var commenters = Set<String>()
        for row in comments {
            let parts = CommentParts(row)
            let commenter = parts.author?.text.nilIfEmpty
            let written = parts.age?.attribute("title").flatMap(Self.age)
            let depth = Self.depth(indent: parts.indent)
            depths[depth, default: 0] += 1
            if let commenter { commenters.insert(commenter) }
            // The reply link sits inside the comment's div; only the text paragraphs are the comment.
            guard let text = parts.text else { continue }
            passages += text.blocks.filter { $0 != "reply" }.map { Passage($0, author: commenter, written: written, isUserReport: true) }
        }
        let points = try subtext?.text("./descendant::span[@class='score']").flatMap { Int($0.split(separator: " ").first ?? "") }
        var facts = ["comments": String(comments.count), "commenters": String(commenters.count),
                     "top_level_comments": String(depths[0] ?? 0)]
        if let id = story.attribute("id") { facts["id"] = id }
        if let points { facts["points"] = String(points) }
        if let author { facts["by"] = author }
        if let header = try subtext?.select(".//a").map(\.text).first(where: { $0.hasSuffix("comments") || $0.hasSuffix("comment") }) {
            facts["header_comments"] = String(header.prefix { $0.isNumber })
        }
        var diagnostics: [Diagnostic] = []
        if title == nil {
            diagnostics.append(.warning("item has no title link matching \(Select.titleLink)", source: Self.descriptor.id, page: page))
        }
        return Reading(document: Document(url: PageMetadata(document).canonical ?? page.url.absoluteString, source: Self.descriptor.id,
                                          kind: .item, title: title, author: author, published: published, publisher: Self.descriptor.name,
                                          provenance: ["title": Select.titleLink, "published": "span.age[title]", "author": "a.hnuser"],
                                          facts: facts),
                       passages: passages, diagnostics: diagnostics)
    }

    /// An item from the official API (`/v0/item/ID.json`): a story, comment or job.
    private func readAPIItem(_ page: FetchedPage) throws -> Reading {
        guard let object = try? JSONSerialization.jsonObject(with: page.body) as? [String: Any] else {
            throw HackerNewsError.notAnItem(url: page.url.absoluteString)
        }
        let published = (object["time"] as? Double).map { Date(timeIntervalSince1970: $0) }
        let author = object["by"] as? String
        var facts: [String: String] = [:]
        for key in ["id", "type", "score", "descendants", "parent", "url"] {
            if let value = object[key] { facts[key] = "\(value)" }
        }
        if let kids = object["kids"] as? [Any] { facts["kids"] = String(kids.count) }
        if let published { facts["time"] = Timestamp.format(published) }
        var passages: [Passage] = []
        if let text = object["text"] as? String, let fragment = try? HTMLDocument(fragment: text) {
            passages = fragment.root?.blocks.map { Passage($0, author: author, written: published, isUserReport: true) } ?? []
        }
        let title = (object["title"] as? String).map(HTMLDocument.decodeEntities)
        return Reading(document: Document(url: page.url.absoluteString, source: Self.descriptor.id, kind: .json, title: title,
                                          author: author, published: published, publisher: Self.descriptor.name,
                                          provenance: ["published": "time", "author": "by"], facts: facts),
                       passages: passages)
    }

    /// `span.age[title]`: "2023-12-26T23:14:12 1703632452" — UTC without a zone, then the unix time.
    static func age(_ title: String) -> Date? {
        if let unix = title.split(separator: " ").last.flatMap({ Double($0) }), title.contains(" ") {
            return Date(timeIntervalSince1970: unix)
        }
        return Timestamp.iso8601(String(title.prefix(19)), assumingOffset: 0)
    }

    /// `Select.storyRows` and `Select.commentRows` in one walk: as XPath, each normalised and concatenated
    /// the class of every row of a thousand-comment thread.
    static func rows(in document: HTMLDocument) -> (stories: [Node], comments: [Node]) {
        var stories: [Node] = [], comments: [Node] = []
        document.root?.walkDescendants { node in
            guard node.hasName("tr"), let classes = node.attribute("class") else { return .descend }
            let tokens = classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            if tokens.contains("comtr") {
                comments.append(node)
            } else if tokens.contains("athing") && !classes.contains("comtr") {
                stories.append(node)
            }
            return .descend
        }
        return (stories, comments)
    }

    /// `td.ind[indent]` (2022+), or the spacer image's width in steps of 40 px (before).
    static func depth(indent cell: Node?) -> Int {
        guard let cell else { return 0 }
        if let indent = cell.attribute("indent").flatMap(Int.init) { return indent }
        let width = cell.firstDescendant { $0.hasName("img") }?.attribute("width").flatMap(Int.init) ?? 0
        return width / 40
    }

    /// The first `Select.commentAuthor`, `Select.age` (its element), `Select.indent` and
    /// `Select.commentText` of a comment row, found in one walk of the row: four XPath queries per comment
    /// were most of reading a thread beyond parsing it.
    struct CommentParts {
        var author: Node?, age: Node?, indent: Node?, text: Node?

        init(_ row: Node) {
            row.walkDescendants { node in
                if author == nil, node.hasName("a"), node.attribute("class")?.contains("hnuser") == true {
                    author = node
                } else if age == nil, node.hasName("span"), node.attribute("class") == "age", node.attribute("title") != nil {
                    age = node
                } else if indent == nil, node.hasName("td"), node.attribute("class") == "ind" {
                    indent = node
                } else if text == nil, node.hasName("div"), node.attribute("class")?.contains("commtext") == true {
                    text = node
                }
                return author != nil && age != nil && indent != nil && text != nil ? .stop : .descend
            }
        }
    }

    static func looksLikeJSON(_ body: Data) -> Bool {
        body.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == UInt8(ascii: "{")
    }
}

/// What the Hacker News reader cannot read at all.
public enum HackerNewsError: Error, CustomStringConvertible {
    case notAnItem(url: String)
    public var description: String {
        switch self {
        case .notAnItem(let url): "\(url): JSON that is not a Hacker News API item"
        }
    }
}

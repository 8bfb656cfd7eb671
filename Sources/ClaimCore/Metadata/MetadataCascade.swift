import Foundation
import HTMLKit

/// Reads any article page from the metadata most sites carry, most reliable first — JSON-LD, then
/// OpenGraph and other meta tags, then `<time datetime>`, then a visible byline, then a date in the URL —
/// recording which rule produced each field. The generic plugin is built on it, and every site plugin
/// falls back to it when its own selectors no longer match.
public struct MetadataCascade {
    public let document: HTMLDocument
    public let metadata: PageMetadata
    public let page: FetchedPage

    /// Types of JSON-LD object that describe the article itself.
    static let articleTypes: Set<String> = ["NewsArticle", "Article", "BlogPosting", "Review", "ReportageNewsArticle",
                                            "AnalysisNewsArticle", "TechArticle", "WebPage"]

    public init(document: HTMLDocument, page: FetchedPage) {
        self.document = document
        self.metadata = PageMetadata(document)
        self.page = page
    }

    /// The article JSON-LD: an article-typed object, or the `review` of a Product (Future plc reviews).
    public var articleLD: [String: Any]? {
        if let article = metadata.jsonLD(ofType: Self.articleTypes.subtracting(["WebPage"])) { return article }
        if let product = metadata.jsonLD(ofType: ["Product"]), let review = product["review"] as? [String: Any] { return review }
        return metadata.jsonLD(ofType: ["WebPage"])
    }

    /// A candidate value with the rule that produced it.
    public typealias Candidate<T> = (rule: String, value: T?)

    /// The first candidate with a value, noting its rule in `provenance`.
    public static func first<T>(_ field: String, _ candidates: [Candidate<T>], into provenance: inout [String: String]) -> T? {
        for (rule, value) in candidates {
            if let value, !((value as? String)?.isEmpty ?? false) {
                provenance[field] = rule
                return value
            }
        }
        return nil
    }

    public func title(headline: String? = nil, into provenance: inout [String: String]) -> String? {
        Self.first("title", [
            ("site headline", headline),
            ("h1", try? document.text("(/descendant::h1[contains(@class,'title')] | //article//h1 | //h1)[1]")),
            ("og:title", metadata.meta("og:title")),
            ("JSON-LD headline", (articleLD?["headline"] as? String).map(HTMLDocument.decodeEntities)),
            ("head title", metadata.headTitle),
        ].map { ($0.0, $0.1?.trimmed) }, into: &provenance)
    }

    public func author(into provenance: inout [String: String]) -> String? {
        let metaAuthor = metadata.meta("author").flatMap { $0.hasPrefix("http") ? nil : $0 }
        return Self.first("author", [
            ("JSON-LD author", metadata.name(of: articleLD?["author"])),
            ("meta author", metaAuthor),
            ("a[rel=author]", try? document.text("(/descendant::a[@rel='author'])[1]")),
            ("[itemprop=author]", try? document.text("(/descendant::*[@itemprop='author']/descendant::*[@itemprop='name'] | /descendant::*[@itemprop='author'])[1]")),
        ], into: &provenance)
    }

    /// The publication time. Full timestamps with a zone come before date-only values, whatever their source;
    /// a press release's dateline ("CUPERTINO, California—March 9, 2015—") comes before a date in the URL.
    public func published(into provenance: inout [String: String], dateline: Date? = nil) -> Date? {
        let ld = articleLD?["datePublished"] as? String
        let zoned: [Candidate<Date>] = [
            ("JSON-LD datePublished", ld.flatMap { Timestamp.hasZone($0) ? Timestamp.iso8601($0) : nil }),
            ("article:published_time", metadata.meta("article:published_time").flatMap { Timestamp.iso8601($0) }),
            ("meta pub_date", metadata.meta("pub_date").flatMap { Timestamp.iso8601($0) }),
            ("meta parsely-pub-date", metadata.meta("parsely-pub-date").flatMap { Timestamp.iso8601($0) }),
            ("time[datetime]", (try? document.first("(//article//time/@datetime | /descendant::time[@itemprop='datePublished']/@datetime | //time/@datetime)[1]"))?
                .flatMap { Timestamp.hasZone($0.rawText) ? Timestamp.iso8601($0.rawText) : nil }),
            ("visible byline", bylineTime()),
        ]
        if let date = Self.first("published", zoned, into: &provenance) { return date }
        return Self.first("published", [
            ("JSON-LD datePublished (date only)", ld.flatMap { Timestamp.iso8601(String($0.prefix(10))) }),
            ("dateline", dateline),
            ("date in URL", Self.dateInURL(page.url)),
        ], into: &provenance)
    }

    public func modified(into provenance: inout [String: String]) -> Date? {
        Self.first("modified", [
            ("JSON-LD dateModified", (articleLD?["dateModified"] as? String).flatMap { Timestamp.hasZone($0) ? Timestamp.iso8601($0) : nil }),
            ("article:modified_time", metadata.meta("article:modified_time").flatMap { Timestamp.iso8601($0) }),
        ], into: &provenance)
    }

    public func canonical(into provenance: inout [String: String]) -> String {
        Self.first("url", [
            ("link[rel=canonical]", metadata.canonical),
            ("og:url", metadata.meta("og:url")),
        ], into: &provenance) ?? page.url.absoluteString
    }

    /// A time written in a byline near the headline ("on June 29, 2017 9:00 AM EST").
    func bylineTime() -> Date? {
        let nodes = (try? document.select("/descendant::*[contains(@class,'byline') or contains(@class,'date') or self::em or self::time][string-length(normalize-space()) < 120]")) ?? []
        for node in nodes.prefix(40) {
            let text = node.text
            guard text.contains(":"), text.rangeOfCharacter(from: .decimalDigits) != nil else { continue }
            if let date = Timestamp.loose(text.components(separatedBy: " by ").first ?? text) { return date }
        }
        return nil
    }

    /// The day of a dateline opening a passage: a place in capitals, a dash, the date, a dash.
    static func dateline(_ text: String) -> Date? {
        let head = String(text.prefix(80))
        guard let match = Self.datelinePattern.firstMatch(in: head, range: NSRange(location: 0, length: (head as NSString).length)),
              let range = Range(match.range(at: 1), in: head) else { return nil }
        return Timestamp.loose(String(head[range]), assumingOffset: 0)
    }

    static let datelinePattern = try! NSRegularExpression(
        pattern: #"^[A-Z][A-Z .'’]{2,}(?:,\s*[A-Z][A-Za-z .]+)?\s*[—–-]{1,2}\s*([A-Z][a-z]+\.? \d{1,2},? \d{4})\s*[—–-]"#)

    /// `/2017/06/29/` in a URL path, read as that day.
    public static func dateInURL(_ url: URL) -> Date? {
        let parts = url.path.split(separator: "/").map(String.init)
        for index in parts.indices.dropLast(2) {
            if parts[index].count == 4, let year = Int(parts[index]), (1995...2100).contains(year),
               let month = Int(parts[index + 1]), let day = Int(parts[index + 2]) {
                return Timestamp.utc(year: year, month: month, day: day)
            }
        }
        return nil
    }

    /// Paragraphs of the article body: the element marked as the article's body, else the container the
    /// main-text finder scores highest, else the first container that holds prose, else every paragraph.
    public func passages(into provenance: inout [String: String]) -> [Passage] {
        if let node = try? document.first("/descendant::*[@itemprop='articleBody']") {
            let blocks = node.blocks.filter { $0.count > 1 }
            if !blocks.isEmpty {
                provenance["body"] = "[itemprop=articleBody]"
                return blocks.map { Passage($0) }
            }
        }
        if let found = MainText.passages(in: document), !found.blocks.isEmpty {
            provenance["body"] = "main text: " + Self.describe(found.container)
            return found.blocks.map { Passage($0) }
        }
        let containers = ["/descendant::*[@id='article-body']", "/descendant::div[contains(@class,'post-body')]",
                          "//article", "//main", "/descendant::div[contains(@class,'content')]"]
        for xpath in containers {
            if let node = try? document.first(xpath) {
                let blocks = node.blocks.filter { $0.count > 40 }
                if !blocks.isEmpty {
                    provenance["body"] = xpath
                    return blocks.map { Passage($0) }
                }
            }
        }
        let paragraphs = ((try? document.select("//p")) ?? []).map(\.text).filter { $0.count > 40 }
        if !paragraphs.isEmpty { provenance["body"] = "//p" }
        return paragraphs.map { Passage($0) }
    }

    /// An element as a reader of provenance knows it: `div#article-body.post`.
    static func describe(_ node: Node) -> String {
        node.name + (node.attribute("id").map { "#" + $0 } ?? "")
            + (node.attribute("class").map { "." + $0.split(separator: " ").prefix(2).joined(separator: ".") } ?? "")
    }

    /// The whole cascade as one article reading.
    public func readArticle(source: String, publisher: String?, headline: String? = nil) -> Reading {
        var provenance: [String: String] = [:]
        let passages = passages(into: &provenance)
        let document = Document(url: canonical(into: &provenance), source: source, kind: .article,
                                title: title(headline: headline, into: &provenance), author: author(into: &provenance),
                                published: published(into: &provenance, dateline: passages.prefix(3).lazy.compactMap { Self.dateline($0.text) }.first),
                                modified: modified(into: &provenance),
                                publisher: publisher ?? metadata.meta("og:site_name"), provenance: [:])
        var reading = Reading(document: document, passages: passages)
        reading.document.provenance = provenance
        return reading
    }
}

extension MetadataCascade {
    /// What a site plugin returns when its selectors found nothing: the cascade's reading, with a warning
    /// naming the plugin, the URL and the selector that failed. A page with no title and no prose is `unknown`.
    public func fallback(source: String, publisher: String?, missed selector: String) -> Reading {
        var reading = readArticle(source: source, publisher: publisher)
        if reading.document.title == nil || reading.passages.isEmpty { reading.document.kind = .unknown }
        reading.diagnostics.append(.warning("no article matched \(selector); layout changed? read with the generic metadata cascade", source: source, page: page))
        return reading
    }
}

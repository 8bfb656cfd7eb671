import ClaimCore
import Foundation
import HTMLKit

/// A site described entirely in Sources.list, no Swift needed: XPath selectors for the parts of a page,
/// and for anything not given, the metadata cascade (JSON-LD, OpenGraph/meta, `<time datetime>`, a date
/// in the URL). Each field records which rule produced it.
///
/// ```
/// generic https://example.com/news items="//li[@class='story']" links=".//a/@href"
/// generic https://example.com/2026/03/01/post/ title=//h1 date="//span[@class='when']" body="//div[@id='text']"
/// ```
public struct GenericSource: SourcePlugin {
    public static let descriptor = SourceDescriptor(
        id: "generic", name: "Generic (selectors from Sources.list)", hosts: [],
        kinds: [.article, .listing, .feed], prior: .reported, options: Option.allCases.map(\.rawValue))

    /// The selector options, each an XPath 1.0 expression.
    public enum Option: String, CaseIterable, Sendable {
        /// The headline's element.
        case title
        /// An element or attribute holding the publication time (ISO 8601, or text such as "March 3, 2026 9:00 AM EST").
        case date
        case author
        /// The element holding the article's prose.
        case body
        /// On the start page (a listing): the item elements; on their own, `links` then selects within each item.
        case items
        /// Links to follow from the start page: evaluated on it, or within each item when `items` is given.
        case links
        /// The publisher's name in citations (not a selector).
        case publisher
    }

    public init() {}

    public static func problems(with options: [String: String]) -> [String] {
        Option.allCases.filter { $0 != .publisher }.compactMap { option in
            guard let expression = options[option.rawValue] else { return nil }
            do {
                try XPath.validate(expression)
                return nil
            } catch {
                return "option \(option.rawValue): \(error)"
            }
        }
    }

    public func read(_ page: FetchedPage) throws -> Reading {
        let descriptor = Self.descriptor
        if page.looksLikeXML { return try WordPressFeed.read(page, source: descriptor) }
        let document = try HTMLDocument(html: page.body, url: page.url.absoluteString, charset: Charset.fromContentType(page.contentType))
        let cascade = MetadataCascade(document: document, page: page)
        var diagnostics: [Diagnostic] = []
        let options = page.options
        func selected(_ option: Option) throws -> Node? {
            guard let expression = options[option.rawValue] else { return nil }
            let node = try document.first(expression)
            if node == nil {
                diagnostics.append(.warning("selector \(option.rawValue)=\(expression) found nothing; using the metadata cascade", source: descriptor.id, page: page))
            }
            return node
        }

        // Listing selectors (items, links) apply to the source's start page; the articles it leads to are
        // read with the article selectors, or the metadata cascade and the main-text finder.
        let isListing = page.followedFrom == nil
        if isListing, let itemsExpression = options[Option.items.rawValue] {
            let items = try document.select(itemsExpression)
            let linkExpression = options[Option.links.rawValue] ?? ".//a/@href"
            let links = try items.compactMap { try $0.first(linkExpression).map { $0.isElement ? $0.attribute("href") : $0.rawText } }
                .compactMap { Links.absolute($0, base: page.url) }
            if items.isEmpty {
                diagnostics.append(.warning("selector items=\(itemsExpression) found nothing; layout changed?", source: descriptor.id, page: page))
            }
            var provenance: [String: String] = ["links": "items=\(itemsExpression) links=\(linkExpression)"]
            let listing = Document(url: cascade.canonical(into: &provenance), source: descriptor.id, kind: .listing,
                                   title: cascade.title(into: &provenance), publisher: options[Option.publisher.rawValue],
                                   links: links.removingDuplicates(), provenance: provenance, facts: ["items": String(items.count)])
            return Reading(document: listing, diagnostics: diagnostics)
        }

        var reading = cascade.readArticle(source: descriptor.id, publisher: options[Option.publisher.rawValue])
        if let title = try selected(.title)?.text.nilIfEmpty {
            reading.document.title = title
            reading.document.provenance["title"] = "option title=\(options["title"]!)"
        }
        if let author = try selected(.author)?.text.nilIfEmpty {
            reading.document.author = author
            reading.document.provenance["author"] = "option author=\(options["author"]!)"
        }
        if let node = try selected(.date) {
            let text = node.isElement ? (node.attribute("datetime") ?? node.attribute("content") ?? node.text) : node.rawText
            if let date = Timestamp.iso8601(text) ?? Timestamp.loose(text) {
                reading.document.published = date
                reading.document.provenance["published"] = "option date=\(options["date"]!)"
            } else {
                diagnostics.append(.warning("selector date=\(options["date"]!) found '\(text.prefix(60))', which is not a time with a zone; using the metadata cascade", source: descriptor.id, page: page))
            }
        }
        if let body = try selected(.body) {
            reading.passages = body.blocks.map { Passage($0) }
            reading.document.provenance["body"] = "option body=\(options["body"]!)"
        }
        if isListing, let linkExpression = options[Option.links.rawValue] {
            reading.document.links = (try document.select(linkExpression)
                .compactMap { $0.isElement ? $0.attribute("href") : $0.rawText }.compactMap { Links.absolute($0, base: page.url) }).removingDuplicates()
            reading.document.kind = .listing
        }
        if reading.document.title == nil && reading.passages.isEmpty {
            reading.document.kind = .unknown
            diagnostics.append(.warning("no title and no prose found; give title= and body= selectors for this site", source: descriptor.id, page: page))
        }
        reading.diagnostics += diagnostics
        return reading
    }
}

import Foundation
import HTMLKit

/// RSS 2.0 feeds as WordPress and most CMSs write them: channel title, `atom:link rel=self`, items with
/// link, guid, pubDate, `dc:creator`, and the article's text in `content:encoded` or `description`. A
/// run follows the item links; each item with text is also an excerpt of its article, so a feed that
/// carries whole bodies (MacRumors') yields their claims, cited to the articles.
public enum WordPressFeed {
    static let items = "/rss/channel/item"
    static let selfLink = "/rss/channel/*[local-name()='link' and @rel='self']/@href"
    /// An item's body: `content:encoded` where the feed has it, else `description`.
    static let itemBody = "*[local-name()='encoded'] | description"
    static let itemAuthor = "*[local-name()='creator']"

    public static func read(_ page: FetchedPage, source: SourceDescriptor) throws -> Reading {
        let document = try HTMLDocument(xml: page.body, url: page.url.absoluteString)
        let items = try document.select(items)
        var diagnostics: [Diagnostic] = []
        if items.isEmpty {
            diagnostics.append(.warning("feed has no \(Self.items) elements; not an RSS 2.0 feed?", source: source.id, page: page))
        }
        var links: [String] = []
        var excerpts: [Reading] = []
        for item in items {
            guard let link = try item.text("link").flatMap({ Links.absolute($0, base: page.url) }) else { continue }
            links.append(link)
            if let excerpt = try excerpt(of: item, at: link, source: source) { excerpts.append(excerpt) }
        }
        let canonical = try document.first(selfLink)?.rawText.nilIfEmpty ?? page.url.absoluteString
        return Reading(document: Document(url: canonical, source: source.id, kind: .feed,
                                          title: try document.text("/rss/channel/title"),
                                          modified: try document.text("/rss/channel/lastBuildDate").flatMap { Timestamp.loose($0) },
                                          publisher: source.name, links: links.removingDuplicates(),
                                          provenance: ["title": "channel/title", "url": "atom:link[rel=self]",
                                                       "modified": "channel/lastBuildDate", "links": "item/link"]),
                       diagnostics: diagnostics, excerpts: excerpts)
    }

    /// The line a feed adds under every item ("The post … appeared first on …", MacRumors' "This article, "…"
    /// first appeared on MacRumors.com" and "Discuss this article in our forums"): it quotes the headline, and
    /// is not the article.
    static func isFooter(_ block: String) -> Bool {
        let lower = block.lowercased()
        return lower.contains("appeared first on") || lower.contains("first appeared on") || lower.hasPrefix("discuss this article")
    }

    /// The article an item quotes, read from the HTML of its body; nil when the item carries no text.
    static func excerpt(of item: Node, at link: String, source: SourceDescriptor) throws -> Reading? {
        // content:encoded comes first in document order only by chance: prefer it whatever the order.
        let bodies = try item.select(itemBody)
        guard let body = (bodies.first { $0.hasName("encoded") } ?? bodies.first)?.rawText.nilIfEmpty else { return nil }
        let fragment = try HTMLDocument(fragment: body)
        guard let root = fragment.root else { return nil }
        let passages = MainText.blocks(of: root).filter { !isFooter($0) }.map { Passage($0) }
        guard !passages.isEmpty else { return nil }
        return Reading(document: Document(url: link, source: source.id, kind: .excerpt,
                                          title: try item.text("title"), author: try item.text(itemAuthor),
                                          published: try item.text("pubDate").flatMap { Timestamp.loose($0) },
                                          publisher: source.name,
                                          provenance: ["url": "item/link", "title": "item/title", "author": "item/dc:creator",
                                                       "published": "item/pubDate", "text": "item/content:encoded or description"]),
                       passages: passages)
    }
}

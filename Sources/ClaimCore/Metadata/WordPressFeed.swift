import Foundation
import HTMLKit

/// RSS 2.0 feeds as WordPress and most CMSs write them: channel title, `atom:link rel=self`, items with
/// link, guid, pubDate and `dc:creator`. Feeds are for discovery: their item links are what a run follows.
public enum WordPressFeed {
    static let items = "/rss/channel/item"
    static let selfLink = "/rss/channel/*[local-name()='link' and @rel='self']/@href"

    public static func read(_ page: FetchedPage, source: SourceDescriptor) throws -> Reading {
        let document = try HTMLDocument(xml: page.body, url: page.url.absoluteString)
        let items = try document.select(items)
        var diagnostics: [Diagnostic] = []
        if items.isEmpty {
            diagnostics.append(Diagnostic(.warning, source: source.id, location: page.url.absoluteString,
                                          "feed has no \(Self.items) elements; not an RSS 2.0 feed?"))
        }
        let links = try items.compactMap { try $0.text("link") }.compactMap { Links.absolute($0, base: page.url) }
        let canonical = try document.first(selfLink)?.rawText.nilIfEmpty ?? page.url.absoluteString
        return Reading(document: Document(url: canonical, source: source.id, kind: .feed,
                                          title: try document.text("/rss/channel/title"),
                                          modified: try document.text("/rss/channel/lastBuildDate").flatMap { Timestamp.loose($0) },
                                          publisher: source.name, links: Links.unique(links),
                                          provenance: ["title": "channel/title", "url": "atom:link[rel=self]",
                                                       "modified": "channel/lastBuildDate", "links": "item/link"]),
                       diagnostics: diagnostics)
    }
}

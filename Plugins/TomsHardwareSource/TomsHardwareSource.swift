import ClaimCore
import Foundation
import HTMLKit

/// Reads Tom's Hardware articles and reviews on Future plc's platform, which PC Gamer, TechRadar and the
/// other Future sites share. AnandTech's older template is read through the generic cascade.
public struct TomsHardwareSource: SourcePlugin {
    public static let descriptor = SourceDescriptor(
        id: "tomshardware", name: "Tom's Hardware",
        hosts: ["www.tomshardware.com", "tomshardware.com", "www.pcgamer.com", "www.techradar.com", "www.anandtech.com"],
        kinds: [.article, .feed], prior: .reported)

    private enum Select {
        static let body = "/descendant::div[@id='article-body']"
        static let headline = "(//header//h1 | //h1)[1]"
        static let author = "(/descendant::*[contains(@class,'by-author')]/descendant::a[@rel='author'] | /descendant::a[@rel='author'])[1]"
        static let timePublished = "(/descendant::time[@itemprop='datePublished']/@datetime)[1]"
    }

    public init() {}

    public func read(_ page: FetchedPage) throws -> Reading {
        if page.looksLikeXML { return try WordPressFeed.read(page, source: Self.descriptor) }
        let document = try HTMLDocument(html: page.body, url: page.url.absoluteString, charset: Charset.fromContentType(page.contentType))
        let cascade = MetadataCascade(document: document, page: page)
        guard let body = try document.first(Select.body) else {
            return cascade.fallback(source: Self.descriptor.id, publisher: Self.descriptor.name, missed: Select.body)
        }
        var provenance: [String: String] = [:]
        // Reviews put their article fields under Product.review; the cascade's articleLD knows both shapes.
        let ld = cascade.articleLD
        let title = MetadataCascade.first("title", [
            ("h1", try document.text(Select.headline)),
            ("JSON-LD headline", (ld?["headline"] as? String).map(HTMLDocument.decodeEntities)),
        ].map { ($0.0, $0.1?.trimmingCharacters(in: .whitespaces)) }, into: &provenance)
        let author = MetadataCascade.first("author", [
            (".by-author a[rel=author]", try document.text(Select.author)),
            ("JSON-LD author", cascade.metadata.name(of: ld?["author"])),
        ], into: &provenance)
        let published = MetadataCascade.first("published", [
            ("JSON-LD datePublished", (ld?["datePublished"] as? String).flatMap { Timestamp.hasZone($0) ? Timestamp.iso8601($0) : nil }),
            ("meta pub_date", cascade.metadata.meta("pub_date").flatMap { Timestamp.iso8601($0) }),
            ("time[itemprop=datePublished]", try document.first(Select.timePublished).flatMap { Timestamp.iso8601($0.rawText) }),
        ], into: &provenance)
        // One canonical URL per article: link[rel=canonical], even when it names the /uk/ edition and og:url does not.
        let canonical = cascade.canonical(into: &provenance)
        let publisher = cascade.metadata.meta("og:site_name").map { $0 == "pcgamer" ? "PC Gamer" : $0 } ?? Self.descriptor.name
        let reading = Document(url: canonical, source: Self.descriptor.id, kind: .article, title: title, author: author,
                               published: published, modified: cascade.modified(into: &provenance), publisher: publisher,
                               provenance: provenance)
        return Reading(document: reading, passages: body.blocks.map { Passage($0) })
    }
}

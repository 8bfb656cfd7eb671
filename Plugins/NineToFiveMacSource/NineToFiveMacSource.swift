import ClaimCore
import Foundation
import HTMLKit

/// Reads 9to5Mac articles and WordPress RSS feeds; the same theme serves electrek and the rest of the
/// 9to5 network. Built from the 2019 9to5Mac and 2022 electrek pages; no page after 9to5Mac's 2023 redesign
/// was available, so that layout is read by the generic cascade with a warning until a selector is added.
public struct NineToFiveMacSource: SourcePlugin {
    public static let descriptor = SourceDescriptor(
        id: "9to5mac", name: "9to5Mac",
        hosts: ["9to5mac.com", "www.9to5mac.com", "electrek.co", "9to5google.com", "9to5toys.com"],
        kinds: [.article, .feed], prior: .reported)

    private enum Select {
        /// The visible headline. The SEO title in <title>/og:title differs; the h1 is what a reader sees.
        /// Mustache copies of the template live inside <script type="x-tmpl-mustache"> and are never parsed as markup.
        static let headline = "(/descendant::h1[contains(@class,'post-title')])[1]"
        static let bylineAuthor = "(/descendant::p[contains(@class,'byline')]/descendant::*[@itemprop='name'] | /descendant::p[contains(@class,'byline')]//a)[1]"
        static let body = "(/descendant::div[contains(concat(' ',normalize-space(@class),' '),' post-body ')])[1]"
        /// Microdata written as Pacific wall-clock time with no zone.
        static let microdataPublished = "(/descendant::meta[@itemprop='datePublished']/@content)[1]"
        static let visibleTime = "(/descendant::p[contains(@class,'time-twitter')])[1]"
    }

    public init() {}

    public func read(_ page: FetchedPage) throws -> Reading {
        if page.looksLikeXML { return try WordPressFeed.read(page, source: Self.descriptor) }
        let document = try HTMLDocument(html: page.body, url: page.url.absoluteString, charset: Charset.fromContentType(page.contentType))
        let cascade = MetadataCascade(document: document, page: page)
        guard let headline = try document.text(Select.headline) else {
            return cascade.fallback(source: Self.descriptor.id, publisher: Self.descriptor.name, missed: Select.headline)
        }
        var provenance: [String: String] = ["title": "h1.post-title"]
        let ld = cascade.articleLD
        let author = MetadataCascade.first("author", [
            ("JSON-LD author (@id reference)", cascade.metadata.name(of: ld?["author"])),
            ("p.byline", try document.text(Select.bylineAuthor)),
        ], into: &provenance)
        let published = MetadataCascade.first("published", [
            ("JSON-LD datePublished", (ld?["datePublished"] as? String).flatMap { Timestamp.iso8601($0) }),
            ("article:published_time", cascade.metadata.meta("article:published_time").flatMap { Timestamp.iso8601($0) }),
            ("microdata datePublished (Pacific wall-clock)", try document.first(Select.microdataPublished)
                .flatMap { Timestamp.usLocal($0.rawText, standardHours: -8) }),
            ("p.time-twitter", try document.text(Select.visibleTime).flatMap(Self.visibleTime)),
        ], into: &provenance)
        let modified = cascade.modified(into: &provenance)
        let body = try document.first(Select.body)
        var diagnostics: [Diagnostic] = []
        if body == nil {
            diagnostics.append(Diagnostic(.warning, source: Self.descriptor.id, location: page.url.absoluteString,
                                          "no article body matched \(Select.body); layout changed?"))
        }
        let reading = Document(url: cascade.canonical(into: &provenance), source: Self.descriptor.id, kind: .article,
                               title: headline, author: author, published: published, modified: modified,
                               publisher: cascade.metadata.meta("og:site_name") ?? Self.descriptor.name, provenance: provenance)
        return Reading(document: reading, passages: body?.blocks.map { Passage($0) } ?? [], diagnostics: diagnostics)
    }

    /// "- Nov. 18th 2019 8:54 am PT": Pacific wall-clock time (`Timestamp.loose` drops the ordinal).
    static func visibleTime(_ text: String) -> Date? {
        let cleaned = text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: ".", with: " ")
            .replacingOccurrences(of: " PT", with: " PST")
        return Timestamp.loose(cleaned)
    }
}

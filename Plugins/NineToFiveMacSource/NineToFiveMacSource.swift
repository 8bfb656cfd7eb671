import ClaimCore
import Foundation
import HTMLKit

/// Reads 9to5Mac articles and WordPress RSS feeds; the same themes serve electrek and the rest of the 9to5
/// network. Two templates: the one before the 2023 redesign (the 2019 9to5Mac and 2022 electrek pages) and the
/// one after it (a 2025 9to5Google page: `h1.h1` in `div.container.med`, `div.post-content`, a `div.post-meta`
/// with the author's name and "Feb 28 2025 - 8:45 am PT").
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

        /// The template since the 2023 redesign.
        enum Current {
            static let headline = "(/descendant::div[contains(concat(' ',normalize-space(@class),' '),' med ')]/h1)[1]"
            static let body = "(/descendant::div[contains(concat(' ',normalize-space(@class),' '),' post-content ')])[1]"
            static let author = "(/descendant::div[contains(@class,'post-meta')]/descendant::span[contains(@class,'author-name')])[1]"
            /// "Feb 28 2025 - 8:45 am PT", Pacific wall-clock time, in the first post-meta line.
            static let meta = "(/descendant::div[contains(@class,'post-meta')])[1]"
        }
    }

    public init() {}

    public func read(_ page: FetchedPage) throws -> Reading {
        if page.looksLikeXML { return try WordPressFeed.read(page, source: Self.descriptor) }
        let document = try HTMLDocument(html: page.body, url: page.url.absoluteString, charset: Charset.fromContentType(page.contentType))
        let cascade = MetadataCascade(document: document, page: page)
        guard let headline = try document.text(Select.headline) else {
            if let current = try readCurrent(document, cascade: cascade, page: page) { return current }
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
            diagnostics.append(.warning("no article body matched \(Select.body); layout changed?", source: Self.descriptor.id, page: page))
        }
        let reading = Document(url: cascade.canonical(into: &provenance), source: Self.descriptor.id, kind: .article,
                               title: headline, author: author, published: published, modified: modified,
                               publisher: cascade.metadata.meta("og:site_name") ?? Self.descriptor.name, provenance: provenance)
        return Reading(document: reading, passages: body?.blocks.map { Passage($0) } ?? [], diagnostics: diagnostics)
    }

    /// An article in the template since the 2023 redesign; nil when the page is not one.
    private func readCurrent(_ document: HTMLDocument, cascade: MetadataCascade, page: FetchedPage) throws -> Reading? {
        guard let headline = try document.text(Select.Current.headline), let body = try document.first(Select.Current.body) else { return nil }
        var provenance: [String: String] = ["title": "div.med > h1", "body": "div.post-content"]
        let author = MetadataCascade.first("author", [
            ("JSON-LD author", cascade.metadata.name(of: cascade.articleLD?["author"])),
            ("span.author-name", try document.text(Select.Current.author)),
        ], into: &provenance)
        let published = MetadataCascade.first("published", [
            ("JSON-LD datePublished", (cascade.articleLD?["datePublished"] as? String).flatMap { Timestamp.iso8601($0) }),
            ("article:published_time", cascade.metadata.meta("article:published_time").flatMap { Timestamp.iso8601($0) }),
            ("div.post-meta", try document.text(Select.Current.meta).flatMap(Self.metaTime)),
        ], into: &provenance)
        let reading = Document(url: cascade.canonical(into: &provenance), source: Self.descriptor.id, kind: .article,
                               title: headline, author: author, published: published, modified: cascade.modified(into: &provenance),
                               publisher: cascade.metadata.meta("og:site_name") ?? Self.descriptor.name, provenance: provenance)
        // Inline ads, video embeds and related-story cards sit inside the body: their blocks are left out.
        return Reading(document: reading, passages: MainText.blocks(of: body).map { Passage($0) })
    }

    /// The time in a post-meta line ("Ben Schoon Feb 28 2025 - 8:45 am PT 12 Comments"), as Pacific wall-clock.
    static func metaTime(_ text: String) -> Date? {
        let pattern = #"([A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)? \d{4}\s*-\s*\d{1,2}:\d{2} [ap]m PT)"#
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        return visibleTime(String(text[range]))
    }

    /// "- Nov. 18th 2019 8:54 am PT": Pacific wall-clock time (`Timestamp.loose` drops the ordinal).
    static func visibleTime(_ text: String) -> Date? {
        let cleaned = text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: ".", with: " ")
            .replacingOccurrences(of: " PT", with: " PST")
        return Timestamp.loose(cleaned)
    }
}

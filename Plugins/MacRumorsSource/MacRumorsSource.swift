import ClaimCore
import Foundation
import HTMLKit

/// Reads MacRumors articles (the current CSS-module template and the pre-2020 one), the home page
/// listing and the RSS feed.
public struct MacRumorsSource: SourcePlugin {
    public static let descriptor = SourceDescriptor(
        id: "macrumors", name: "MacRumors",
        hosts: ["www.macrumors.com", "macrumors.com", "feeds.macrumors.com"],
        kinds: [.article, .listing, .feed], prior: .reported)

    /// Selectors, newest template first. Class names carry hashed suffixes (`article--2pJwZBkO`), so
    /// they are matched by prefix.
    private enum Select {
        static let currentArticle = "/descendant::article[starts-with(@class,'article--')]"
        static let currentHeadline = ".//h1"
        static let listingHeadlineLink = ".//h2//a/@href | .//h1//a/@href"
        static let currentByline = "./descendant::div[starts-with(@class,'byline--')]"
        static let currentBody = "./descendant::div[starts-with(@class,'content--')]"
        static let legacyArticle = "/descendant::div[@class='article'][h1[@class='title']]"
        static let legacyHeadline = "h1[@class='title']"
        static let legacyByline = "div[@class='byline']"
        static let legacyBody = "div[@class='content']"
        static let timeDatetime = ".//time/@datetime"
        static let authorLink = "./descendant::a[@rel='author'] | ./descendant::a[@class='author-url']"
        static let teaserHeadline = ".//h2"
        /// A home-page article's own URL, on the wrapper of its text.
        static let teaserArticleURL = "./descendant::*[@data-io-article-url][1]/@data-io-article-url"
    }

    public init() {}

    public func read(_ page: FetchedPage) throws -> Reading {
        if page.looksLikeXML { return try WordPressFeed.read(page, source: Self.descriptor) }
        let document = try HTMLDocument(html: page.body, url: page.url.absoluteString,
                                        charset: Charset.fromContentType(page.contentType))
        let articles = try document.select(Select.currentArticle)
        if let first = articles.first, try first.first(Select.currentHeadline) != nil {
            return try readArticle(first, layout: .current, document: document, page: page)
        }
        if articles.count > 1 {
            return try readListing(articles, document: document, page: page)
        }
        if let legacy = try document.first(Select.legacyArticle) {
            return try readArticle(legacy, layout: .legacy, document: document, page: page)
        }
        return MetadataCascade(document: document, page: page)
            .fallback(source: Self.descriptor.id, publisher: Self.descriptor.name, missed: "\(Select.currentArticle) or \(Select.legacyArticle)")
    }

    private enum Layout { case current, legacy }

    private func readArticle(_ article: Node, layout: Layout, document: HTMLDocument, page: FetchedPage) throws -> Reading {
        let metadata = PageMetadata(document)
        let ld = metadata.jsonLD(ofType: ["NewsArticle", "Article", "BlogPosting"])
        var provenance: [String: String] = [:]
        var diagnostics: [Diagnostic] = []

        let headline = try article.text(layout == .current ? Select.currentHeadline : Select.legacyHeadline)
        let title = MetadataCascade.first("title", [
            ("h1", headline),
            ("og:title", metadata.meta("og:title")),
            ("JSON-LD headline", (ld?["headline"] as? String).map(HTMLDocument.decodeEntities)),
        ], into: &provenance)
        let byline = try article.first(layout == .current ? Select.currentByline : Select.legacyByline)
        let author = MetadataCascade.first("author", [
            ("byline a[rel=author]", try byline?.text(Select.authorLink)),
            ("JSON-LD author", metadata.name(of: ld?["author"])),
            ("meta author", metadata.meta("author")),
        ], into: &provenance)
        let published = MetadataCascade.first("published", [
            // time[datetime] carries the true offset; the JSON-LD writes US Eastern wall-clock time as "Z".
            ("time[datetime]", (try byline?.first(Select.timeDatetime)?.rawText).flatMap { Timestamp.iso8601($0) }),
            ("JSON-LD datePublished (Eastern wall-clock)", (ld?["datePublished"] as? String).flatMap(easternLabelledZ)),
            ("article:published_time", metadata.meta("article:published_time").flatMap { Timestamp.iso8601($0) }),
            ("visible byline", byline.flatMap { Timestamp.loose(bylineDate($0.text)) }),
        ], into: &provenance)
        let modified = MetadataCascade.first("modified", [
            ("JSON-LD dateModified (Eastern wall-clock)", (ld?["dateModified"] as? String).flatMap(easternLabelledZ)),
            ("article:modified_time", metadata.meta("article:modified_time").flatMap { Timestamp.iso8601($0) }),
        ], into: &provenance)
        let canonical = metadata.canonical ?? metadata.meta("og:url") ?? page.url.absoluteString

        let body = try article.first(layout == .current ? Select.currentBody : Select.legacyBody)
        let passages = body?.blocks.map { Passage($0) } ?? []
        if body == nil || passages.isEmpty {
            diagnostics.append(.warning("no article body matched \(layout == .current ? Select.currentBody : Select.legacyBody); layout changed?", source: Self.descriptor.id, page: page))
        }
        for field in ["title", "published"] where provenance[field] == nil {
            diagnostics.append(.warning("no \(field) found in the article markup", source: Self.descriptor.id, page: page))
        }
        let reading = Document(url: canonical, source: Self.descriptor.id, kind: .article, title: title, author: author,
                               published: published, modified: modified, publisher: Self.descriptor.name,
                               provenance: provenance)
        return Reading(document: reading, passages: passages, diagnostics: diagnostics)
    }

    private func readListing(_ articles: [Node], document: HTMLDocument, page: FetchedPage) throws -> Reading {
        let metadata = PageMetadata(document)
        let links = try articles.compactMap { try $0.first(Select.listingHeadlineLink)?.rawText }
            .compactMap { Links.absolute($0, base: page.url) }
        var diagnostics: [Diagnostic] = []
        if links.isEmpty {
            diagnostics.append(.warning("listing has \(articles.count) articles but no headline links matched \(Select.listingHeadlineLink)", source: Self.descriptor.id, page: page))
        }
        let title = metadata.headTitle ?? metadata.meta("og:title")
        return Reading(document: Document(url: metadata.canonical ?? page.url.absoluteString, source: Self.descriptor.id,
                                          kind: .listing, title: title, publisher: Self.descriptor.name,
                                          links: links.removingDuplicates(), provenance: ["title": "head title", "links": Select.listingHeadlineLink]),
                       diagnostics: diagnostics, excerpts: try articles.compactMap { try teaser($0, page: page) })
    }

    /// A home-page article as the listing shows it: its headline, byline and the start of its text (often
    /// all of it), cited to the article's own URL.
    private func teaser(_ article: Node, page: FetchedPage) throws -> Reading? {
        guard let written = try article.first(Select.teaserArticleURL) ?? article.first(Select.listingHeadlineLink),
              let url = Links.absolute(written.rawText, base: page.url),
              let body = try article.first(Select.currentBody) else { return nil }
        let passages = MainText.blocks(of: body).map { Passage($0) }
        guard !passages.isEmpty else { return nil }
        let byline = try article.first(Select.currentByline)
        return Reading(document: Document(url: url, source: Self.descriptor.id, kind: .excerpt,
                                          title: try article.text(Select.teaserHeadline).map(Self.withoutMarker),
                                          author: try byline?.text(Select.authorLink),
                                          published: (try byline?.first(Select.timeDatetime)?.rawText).flatMap { Timestamp.iso8601($0) },
                                          publisher: Self.descriptor.name,
                                          provenance: ["url": "data-io-article-url, else the headline link", "title": "h2",
                                                       "author": "byline a[rel=author]", "published": "time[datetime]",
                                                       "text": Select.currentBody]),
                       passages: passages)
    }

    /// A headline without the pin a sticky story wears ("📌 Everything Apple Is Releasing in 2026").
    static func withoutMarker(_ headline: String) -> String {
        String(headline.drop { $0.isWhitespace || $0.unicodeScalars.first?.properties.isEmojiPresentation == true })
    }

    /// MacRumors' JSON-LD writes US Eastern wall-clock time with a `Z`; a real offset is trusted as written.
    private func easternLabelledZ(_ text: String) -> Date? {
        text.hasSuffix("Z") ? Timestamp.usLocal(text, standardHours: -5) : Timestamp.iso8601(text)
    }

    /// The date part of a byline ("Monday November 18, 2019 7:45 am PST by Joe Rossignol").
    private func bylineDate(_ byline: String) -> String {
        byline.components(separatedBy: " by ").first ?? byline
    }

}

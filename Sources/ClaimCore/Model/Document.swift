import Foundation

/// What kind of page a plugin recognised.
public enum PageKind: String, Codable, Sendable, CaseIterable {
    case article, listing, feed, result, compare, item, json, unknown
    /// An article as a feed or a listing quotes it (an item's body, a home-page teaser): it stands for the
    /// article until the article itself is captured.
    case excerpt
}

/// What a plugin reads off a page: where it lives, what it is, who wrote it and when.
public struct Document: Codable, Sendable, Equatable {
    /// The canonical URL: one per article, whichever URL it was fetched under.
    public var url: String
    /// The plugin id that read it.
    public var source: String
    public var kind: PageKind
    /// The headline as a reader sees it.
    public var title: String?
    public var author: String?
    public var published: Date?
    public var modified: Date?
    /// The publisher's display name, for citations.
    public var publisher: String?
    /// Links worth following (the articles of a listing or feed), absolute, in page order.
    public var links: [String]
    /// Which markup produced each field (`published: time[datetime]`), so a wrong value can be traced.
    public var provenance: [String: String]
    /// Facts a page of this kind carries besides its claims: a listing's item count, a thread's points
    /// and comments, a benchmark's model and version (`items: 30`, `points: 89`).
    public var facts: [String: String]

    public init(url: String, source: String, kind: PageKind, title: String? = nil, author: String? = nil,
                published: Date? = nil, modified: Date? = nil, publisher: String? = nil, links: [String] = [],
                provenance: [String: String] = [:], facts: [String: String] = [:]) {
        self.url = url
        self.source = source
        self.kind = kind
        self.title = title
        self.author = author
        self.published = published
        self.modified = modified
        self.publisher = publisher
        self.links = links
        self.provenance = provenance
        self.facts = facts
    }
}

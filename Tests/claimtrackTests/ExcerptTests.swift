import Foundation
import Testing

/// Articles a feed or a listing quotes: their claims cite the article, stand for it until the article itself
/// is captured, never replace that capture, and outlive the item's leaving the feed.
@Suite struct ExcerptTests {
    let articleA = "https://www.macrumors.com/2026/04/14/mac-studio-price-fixture/"
    let articleB = "https://www.macrumors.com/2026/04/13/macbook-air-price-fixture/"
    let articleC = "https://www.macrumors.com/2026/04/15/quiet-fixture/"

    /// A MacRumors feed (its real structure: the whole body in `description`) with these items.
    func feed(_ items: [(url: String, title: String, date: String, body: String)]) -> String {
        let entries = items.map { item in
            """
            <item>
            <title>\(item.title)</title>
            <link>\(item.url)</link>
            <pubDate>\(item.date)</pubDate>
            <guid isPermaLink="false">\(item.url)</guid>
            <dc:creator>Fixture Writer</dc:creator>
            <description><![CDATA[\(item.body)<br/>
            <div class="linkback">Tag: <a href="https://www.macrumors.com/guide/mac-studio/">Mac Studio</a></div>]]></description>
            </item>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>MacRumors: Mac News and Rumors - All Stories</title>
            <atom:link href="https://feeds.macrumors.com/MacRumors-All" rel="self" type="application/rss+xml" />
            <link>https://www.macrumors.com</link>
            \(entries)
            </channel>
            </rss>
            """
    }

    /// A MacRumors article page (the current template) whose canonical URL is `url`.
    func article(_ url: String, title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-US"><head><meta charset="utf-8"><title>\(title) - MacRumors</title>
        <link rel="canonical" href="\(url)"></head><body>
        <article class="article--2pJwZBkO js-article" expanded="true"><div class="titlebar--3N4MCKxL"><h1 class="heading--1cooZo6n">\(title)</h1></div>
        <div class="byline--3Eec5bcq"><time datetime="2026-04-14T08:00:00-07:00">Tuesday April 14, 2026 8:00 am PDT</time> by <a rel="author" href="/author/f/">Fixture Writer</a></div>
        <div class="content--2u3grYDr js-content"><div class="ugc--2nTu61bm minor--3O_9dH4U"><p>\(body)</p></div></div></article>
        </body></html>
        """
    }

    func claims(_ subject: String, in workspace: URL) throws -> [[String: Any]] {
        let result = try CLI.run(["claims", "--json", "--subject", subject, "--workspace", workspace.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    func prices(_ subject: String, in workspace: URL) throws -> [(Double, String, String)] {
        try claims(subject, in: workspace).filter { $0["attribute"] as? String == "price" }.compactMap { claim in
            let value = claim["value"] as? [String: Any], citation = claim["citation"] as? [String: Any]
            guard let number = value?["number"] as? Double, let url = citation?["url"] as? String,
                  let record = citation?["warcRecordID"] as? String else { return nil }
            return (number, url, record)
        }
    }

    @Test func aQuotedArticleStandsForTheArticleUntilItIsCaptured() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let feedFile = workspace.appendingPathComponent("feed.xml"), articleFile = workspace.appendingPathComponent("article-a.html")
        let sources = workspace.appendingPathComponent("Sources.list")
        func fetch() throws {
            let result = try CLI.run(["fetch", "--workspace", workspace.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let itemA = (url: articleA, title: "Mac Studio Price Holds", date: "Tue, 14 Apr 2026 06:00:00 PDT",
                     body: "<p>The Mac Studio still starts at $1,999 in the U.S.</p>")
        let itemB = (url: articleB, title: "MacBook Air Price Fixture", date: "Mon, 13 Apr 2026 06:00:00 PDT",
                     body: "<p>The MacBook Air now costs $1,099 in the U.S.</p>")

        // Run 1: only the feed, its links not followed. Its items' claims cite the articles.
        try Data(feed([itemA, itemB]).utf8).write(to: feedFile)
        try Data("macrumors \(feedFile.absoluteString) max=0\n".utf8).write(to: sources)
        try fetch()
        let quoted = try #require(try prices("Mac Studio", in: workspace).first)
        #expect(quoted.0 == 1999 && quoted.1 == articleA)
        #expect(quoted.2.hasPrefix("<urn:uuid:") && !quoted.2.contains("#"))  // the feed's own archive record
        #expect(try prices("MacBook Air", in: workspace).map(\.1) == [articleB])
        let citation = try claims("Mac Studio", in: workspace).first?["citation"] as? [String: Any]
        #expect(citation?["quotedIn"] as? String == feedFile.absoluteString)
        let digest = try CLI.run(["export", "--format", "markdown", "--workspace", workspace.path])
        #expect(digest.stdout.contains("\(articleA)>, as quoted in `\(feedFile.absoluteString)`"), "\(digest.stdout)")

        // Run 2: the article itself, fetched beside the same feed: its own capture holds the page.
        try Data(article(articleA, title: "Mac Studio Price Rises", body: "The Mac Studio now starts at $2,199 in the U.S.").utf8).write(to: articleFile)
        try Data("macrumors \(feedFile.absoluteString) max=0\nmacrumors \(articleFile.absoluteString)\n".utf8).write(to: sources)
        try fetch()
        #expect(try prices("Mac Studio", in: workspace).map(\.0) == [2199])

        // Run 3: the feed moves on; the article's capture still holds, and item B's claim outlives its item.
        try Data(feed([(url: articleC, title: "Quiet", date: "Wed, 15 Apr 2026 06:00:00 PDT", body: "<p>Nothing tracked here.</p>")]).utf8)
            .write(to: feedFile)
        try fetch()
        #expect(try prices("Mac Studio", in: workspace).map(\.0) == [2199])
        #expect(try prices("MacBook Air", in: workspace).map(\.0) == [1099])

        // The same feed again stores no new excerpt: A and B once, C once, whatever the number of fetches.
        try fetch()
        let verify = try CLI.run(["verify", "--workspace", workspace.path])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("7 stored (and 3 excerpts of articles they quote): ok"), "\(verify.stdout)")

        // The diff of runs 1 and 2 shows the article's page updated from the quote to the page itself.
        let runs = try JSONSerialization.jsonObject(with: Data(try CLI.run(["runs", "--json", "--workspace", workspace.path]).stdout.utf8))
            as? [[String: Any]] ?? []
        let ids = runs.compactMap { $0["id"] as? String }
        #expect(ids.count == 4)
        let diff = try CLI.run(["diff", "--from", ids[0], "--to", ids[1], "--json", "--workspace", workspace.path])
        let report = try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any]
        let pages = report?["pages"] as? [String: [String]]
        #expect(pages?["updated"]?.contains(articleA) == true, "\(diff.stdout)")
        #expect(pages?["updated"]?.contains(articleB) != true)  // the same quote again is no update

        // A reparse rebuilds the same state from the archive.
        #expect(try CLI.run(["reparse", "--workspace", workspace.path]).status == 0)
        #expect(try prices("Mac Studio", in: workspace).map(\.0) == [2199])
        #expect(try prices("MacBook Air", in: workspace).map(\.0) == [1099])
    }
}

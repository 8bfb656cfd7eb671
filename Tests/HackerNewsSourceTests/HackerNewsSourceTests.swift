import ClaimCore
import HTMLKit
import Foundation
@testable import HackerNewsSource
import TestSupport
import Testing

@Suite struct HackerNewsSourceTests {
    func page(_ name: String, url: String) throws -> FetchedPage {
        let file = try #require(Bundle.module.url(forResource: "Fixtures/hackernews/\(name)", withExtension: nil))
        return FetchedPage(url: URL(string: url)!, body: try Data(contentsOf: file))
    }

    @Test func itemPageGivesTheStoryAndEveryCommentAsUserReports() throws {
        let reading = try HackerNewsSource().read(page("item.html", url: "https://news.ycombinator.com/item?id=900001"))
        #expect(reading.document.kind == .item)
        #expect(reading.document.title == "Ask HN: Is the Mac Studio good for local LLMs?")
        #expect(reading.document.author == "asker")
        #expect(reading.document.published.map(Timestamp.format) == "2026-03-10T12:00:00Z")
        #expect(reading.document.facts["comments"] == "3")
        #expect(reading.document.facts["top_level_comments"] == "2")
        #expect(reading.document.facts["points"] == "42")
        #expect(reading.passages.allSatisfy { $0.isUserReport })
        let bob = try #require(reading.passages.first { $0.author == "bob" })
        #expect(bob.written.map(Timestamp.format) == "2026-03-10T14:00:00Z")
        #expect(!reading.passages.contains { $0.text == "reply" })
        let claims = ClaimExtractor().claims(for: reading, prior: HackerNewsSource.descriptor.prior)
        #expect(claims.contains { $0.subject == "Mac Studio" && $0.attribute == "price" && $0.confidence.label == .userReport })
        let throttling = claims.filter { $0.attribute == "user-report" && $0.value.text == "thermal throttling" }
        #expect(throttling.count == 1)  // alice and bob say the same thing: one claim, corroborated
        #expect(throttling.first?.confidence.reasons.contains("corroborated by 2 independent commenters") == true)
        #expect(claims.contains { $0.attribute == "user-report" && $0.value.text == "no internal access for cleaning" })
    }

    @Test func oldFrontPageMarkupWithAJobRow() throws {
        let source = HackerNewsSource()
        let listing = try page("front-2020.html", url: "https://news.ycombinator.com/")
        let reading = try source.read(listing)
        #expect(reading.document.kind == .listing)
        #expect(reading.document.links == ["https://example.com/mac-studio-teardown", "https://news.ycombinator.com/item?id=800002"])
        #expect(reading.document.facts["jobs"] == "1")
        #expect(reading.document.facts["first_published"] == nil)  // the 2020 markup has only relative ages
        // A run follows the comment threads, where the user reports are.
        #expect(try source.discover(listing).map(\.absoluteString) == ["https://news.ycombinator.com/item?id=800001",
                                                                        "https://news.ycombinator.com/item?id=800002"])
    }

    @Test func newestListingIn2026Markup() throws {
        let reading = try HackerNewsSource().read(page("newest-2026.html", url: "https://news.ycombinator.com/newest"))
        #expect(reading.document.title == "New Links")
        #expect(reading.document.links == ["https://example.org/m5-ultra"])
        #expect(reading.document.facts["first_published"] == "2026-03-08T11:06:56Z")
        #expect(reading.document.facts["more"] == "newest?next=700001&n=31")
    }

    @Test func apiItems() throws {
        let story = try HackerNewsSource().read(page("api-story.json", url: "https://hacker-news.firebaseio.com/v0/item/600001.json"))
        #expect(story.document.kind == .json)
        #expect(story.document.title == "Apple discontinues the Mac Pro & more")
        #expect(story.document.facts["kids"] == "2")
        #expect(story.document.facts["descendants"] == "12")
        let comment = try HackerNewsSource().read(page("api-comment.json", url: "https://hacker-news.firebaseio.com/v0/item/600002.json"))
        #expect(comment.document.published.map(Timestamp.format) == "2026-03-10T13:00:00Z")
        #expect(comment.passages.first?.text == "My Mac Pro is still sold at a discount, I saw it at $5,999.")
        #expect(comment.passages.allSatisfy { $0.isUserReport })
    }

    @Test func aChangedLayoutFallsBackWithAWarning() throws {
        let reading = try HackerNewsSource().read(page("changed-layout.html", url: "https://news.ycombinator.com/item?id=1"))
        #expect(reading.document.title == "A thread in a new layout")
        #expect(reading.diagnostics.first?.source == "hackernews")
        #expect(reading.diagnostics.first?.message.contains("layout changed?") == true)
    }

    @Test func jsonThatIsNotAnItemIsAnError() throws {
        #expect(throws: HackerNewsError.self) {
            try HackerNewsSource().read(FetchedPage(url: URL(string: "https://hacker-news.firebaseio.com/v0/x.json")!, body: Data("{\"a\": [".utf8)))
        }
    }
}

/// The walks that replace XPath on every row find what the selectors they replace find, on the fixtures and
/// on the real Hacker News pages.
@Suite struct HackerNewsWalkTests {
    @Test func rowsAndCommentPartsAgreeWithTheSelectors() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures/hackernews", withExtension: nil))
        let files = CorpusFolder.htmlFiles(in: fixtures) + CorpusFolder.htmlPages(of: "hackernews")
        var comments = 0
        for file in files {
            let document = try HTMLDocument(html: try Data(contentsOf: file))
            let rows = HackerNewsSource.rows(in: document)
            #expect(rows.stories.map { $0.attribute("id") } == (try document.select(HackerNewsSource.Select.storyRows)).map { $0.attribute("id") }, "\(file.lastPathComponent)")
            #expect(rows.comments.map { $0.attribute("id") } == (try document.select(HackerNewsSource.Select.commentRows)).map { $0.attribute("id") }, "\(file.lastPathComponent)")
            for row in rows.comments {
                let parts = HackerNewsSource.CommentParts(row)
                #expect(parts.author?.text == (try row.first(HackerNewsSource.Select.commentAuthor))?.text)
                #expect(parts.age?.attribute("title") == (try row.first(HackerNewsSource.Select.age))?.rawText)
                #expect(parts.indent?.attribute("indent") == (try row.first(HackerNewsSource.Select.indent))?.attribute("indent"))
                #expect(parts.text?.text == (try row.first(HackerNewsSource.Select.commentText))?.text)
                comments += 1
            }
        }
        // The fixture thread has three comments; the real thread in the corpus, when it is there, hundreds.
        #expect(comments >= (CorpusFolder.htmlPages(of: "hackernews").isEmpty ? 3 : 100), "comment rows among \(files.count) files: \(comments)")
    }
}

import ClaimCore
import Foundation
import MacRumorsSource
import Testing

/// The MacRumors reader on pages written in the site's real structures (see Fixtures/macrumors).
@Suite struct MacRumorsSourceTests {
    func page(_ name: String, url: String = "https://www.macrumors.com/") throws -> FetchedPage {
        let file = try #require(Bundle.module.url(forResource: "Fixtures/macrumors/\(name)", withExtension: nil))
        return FetchedPage(url: URL(string: url)!, body: try Data(contentsOf: file))
    }

    @Test func currentTemplateArticle() throws {
        let reading = try MacRumorsSource().read(page("current-article.html"))
        let document = reading.document
        #expect(document.kind == .article)
        #expect(document.title == "Apple Said to Cut iPad Pro Price to $899 in October")
        #expect(document.author == "Fixture Writer")
        // time[datetime] 08:20 PDT = 15:20Z; the JSON-LD's "11:20:00Z" is Eastern wall-clock time.
        #expect(document.published.map(Timestamp.format) == "2025-09-03T15:20:00Z")
        #expect(document.provenance["published"] == "time[datetime]")
        #expect(document.modified.map(Timestamp.format) == "2025-09-03T16:02:00Z")
        #expect(document.url == "https://www.macrumors.com/2025/09/03/ipad-pro-price-cut/")
        #expect(reading.passages.count == 2)
        #expect(!reading.passages.contains { $0.text.contains("5,000") })  // scripts are not prose
        #expect(reading.diagnostics.isEmpty)
    }

    @Test func legacyTemplateArticle() throws {
        let reading = try MacRumorsSource().read(page("legacy-article.html"))
        #expect(reading.document.kind == .article)
        #expect(reading.document.title == "Mac mini With M2 Pro Said to Launch Early Next Year")
        #expect(reading.document.author == "Legacy Writer")
        // No time element: the JSON-LD 09:31 "Z" is Eastern standard time = 14:31Z, as the byline (6:31 am PST) says.
        #expect(reading.document.published.map(Timestamp.format) == "2022-11-14T14:31:00Z")
        #expect(reading.passages.map(\.text).first?.hasPrefix("A Mac mini with the M2 Pro chip") == true)
        #expect(reading.passages.count == 3)
    }

    @Test func homepageListingLinksInPageOrderWithoutDuplicates() throws {
        let reading = try MacRumorsSource().read(page("homepage-listing.html"))
        #expect(reading.document.kind == .listing)
        #expect(reading.document.title == "MacRumors: Apple News and Rumors")
        #expect(reading.document.links == [
            "https://www.macrumors.com/guide/fixture-guide/",
            "https://www.macrumors.com/2025/12/02/second-story/",
            "https://www.macrumors.com/2025/12/01/third-story/",
        ])
        #expect(reading.passages.isEmpty)
    }

    @Test func rssFeedWithZoneNamesAndMixedLineEndings() throws {
        let reading = try MacRumorsSource().read(page("feed.xml", url: "https://feeds.macrumors.com/MacRumors-All"))
        #expect(reading.document.kind == .feed)
        #expect(reading.document.title == "MacRumors: Mac News and Rumors - All Stories")
        #expect(reading.document.url == "https://feeds.macrumors.com/MacRumors-All")
        #expect(reading.document.links == ["https://www.macrumors.com/2025/12/06/fixture-one/",
                                           "https://www.macrumors.com/guide/fixture-guide/"])
        #expect(reading.document.modified.map(Timestamp.format) == "2025-12-06T17:03:43Z")
    }

    @Test func aFeedWithFullBodiesQuotesEachArticle() throws {
        let reading = try MacRumorsSource().read(page("feed-full-bodies.xml", url: "https://feeds.macrumors.com/MacRumors-All"))
        #expect(reading.document.links.count == 3)  // every item is still followed
        // Two items carry text; the third has none and quotes nothing.
        #expect(reading.excerpts.map(\.document.url) == ["https://www.macrumors.com/2026/04/14/mac-studio-m5-ultra-june/",
                                                         "https://www.macrumors.com/2026/04/13/top-stories-fixture/"])
        let first = try #require(reading.excerpts.first)
        #expect(first.document.kind == .excerpt)
        #expect(first.document.title == "Mac Studio With M5 Ultra Said to Arrive in June")
        #expect(first.document.author == "Fixture Writer")
        #expect(first.document.published.map(Timestamp.format) == "2026-04-14T13:00:00Z")
        #expect(first.passages.first?.text == "Apple plans to release a Mac Studio with the M5 Ultra chip in June, according to a fixture report.")
        #expect(first.passages.contains { $0.text == "The current Mac Studio starts at $1,999 in the U.S." })
        // The feed's own lines under each item are not the article.
        #expect(!first.passages.contains { $0.text.contains("first appeared on") || $0.text.contains("Discuss this article") })
        let claims = ClaimExtractor(vocabulary: .standard).claims(for: first, prior: .reported)
        #expect(claims.contains { $0.subject == "Mac Studio" && $0.attribute == "price" && $0.value.number == 1999 })
        #expect(claims.contains { $0.attribute == "release-date" && $0.value.start == "2026-06-01" })
    }

    @Test func homePageTeasersQuoteTheirArticles() throws {
        let reading = try MacRumorsSource().read(page("homepage-teasers.html"))
        #expect(reading.document.kind == .listing)
        #expect(reading.excerpts.map(\.document.url) == ["https://www.macrumors.com/guide/fixture-2026/",
                                                         "https://www.macrumors.com/2026/04/13/mac-studio-price/"])
        let guide = try #require(reading.excerpts.first)
        #expect(guide.document.title == "What to Expect From the Mac in 2026")  // without the sticky pin
        #expect(guide.document.author == "Guide Writer")
        #expect(guide.document.published.map(Timestamp.format) == "2026-04-14T17:39:03Z")
        // The video embed's subscribe line is not the article's text.
        #expect(guide.passages.map(\.text) == ["Sometime around the middle of 2026, the Mac Studio will get the M5 Ultra chip, according to rumors.",
                                                "A Mac Pro update is not expected this year."])
        let claims = ClaimExtractor(vocabulary: .standard).claims(for: guide, prior: .reported)
        #expect(claims.contains { $0.subject == "Mac Studio" && $0.attribute == "release-date" && $0.value.start == "2026-05-01" })
        #expect(reading.excerpts.last?.document.author == "News Writer")
    }

    @Test func aChangedLayoutIsReportedNotSilent() throws {
        let reading = try MacRumorsSource().read(page("changed-layout.html", url: "https://www.macrumors.com/2026/02/01/redesigned-story/"))
        #expect(reading.document.kind == .article)  // the generic cascade still found a headline and prose
        #expect(reading.document.title == "Redesigned Story")
        #expect(reading.passages.map(\.text) == ["The Mac Studio is said to start at $2,199 after the redesign."])
        #expect(reading.document.published.map(Timestamp.format) == "2026-02-01T18:00:00Z")
        let warning = try #require(reading.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.source == "macrumors")
        #expect(warning.location == "https://www.macrumors.com/2026/02/01/redesigned-story/")
        #expect(warning.message.contains("layout changed?"))
    }

    @Test func articleClaimsComeOutOfTheCoreExtractor() throws {
        let reading = try MacRumorsSource().read(page("current-article.html"))
        let claims = ClaimExtractor().claims(for: reading, prior: MacRumorsSource.descriptor.prior)
        let prices = claims.filter { $0.subject == "iPad Pro" && $0.attribute == "price" }
        #expect(prices.map(\.value.number) == [899, 999])
        #expect(prices.first?.confidence.label == .rumored)  // "is expected to"
        #expect(prices.first?.statedAt.map(Timestamp.format) == "2025-09-03T15:20:00Z")
    }

    @Test func notAPageAtAll() throws {
        let reading = try MacRumorsSource().read(FetchedPage(url: URL(string: "https://www.macrumors.com/x")!, body: Data([0, 1, 2, 255])))
        #expect(reading.document.kind == .unknown)
        #expect(!reading.diagnostics.isEmpty)
    }
}

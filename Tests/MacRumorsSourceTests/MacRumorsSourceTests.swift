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

import ClaimCore
import Foundation
@testable import NineToFiveMacSource
import Testing

@Suite struct NineToFiveMacSourceTests {
    func read(_ name: String, url: String = "https://9to5mac.com/") throws -> Reading {
        let file = try #require(Bundle.module.url(forResource: "Fixtures/9to5mac/\(name)", withExtension: nil))
        return try NineToFiveMacSource().read(FetchedPage(url: URL(string: url)!, body: try Data(contentsOf: file)))
    }

    @Test func articleTakesTheVisibleHeadlineAndTheAuthorByReference() throws {
        let reading = try read("article.html")
        #expect(reading.document.title == "Apple\u{2019}s Mac Studio sees first discount")  // not the SEO <title>
        #expect(reading.document.author == "Fixture Author")
        #expect(reading.document.provenance["author"] == "JSON-LD author (@id reference)")
        #expect(reading.document.published.map(Timestamp.format) == "2026-02-10T17:05:00Z")
        #expect(reading.document.url == "https://9to5mac.com/2026/02/10/mac-studio-fixture-deals/")
        #expect(reading.passages.count == 2)
        #expect(!reading.passages.contains { $0.text.contains("{{") })
        let claims = ClaimExtractor().claims(for: reading, prior: .reported)
        let price = claims.first { $0.subject == "Mac Studio" && $0.attribute == "price" }
        #expect(price?.value.number == 1799)
        #expect(price?.qualifier == "M4 Max")
    }

    @Test func zonelessMicrodataIsPacificWallClock() throws {
        let reading = try read("microdata-only.html")
        #expect(reading.document.published.map(Timestamp.format) == "2019-11-18T16:54:19Z")
        #expect(reading.document.author == "Old Author")
    }

    @Test func visibleTimeReadsAsPacific() {
        #expect(NineToFiveMacSource.visibleTime("- Nov. 18th 2019 8:54 am PT").map(Timestamp.format) == "2019-11-18T16:54:00Z")
        #expect(NineToFiveMacSource.visibleTime("- May. 26th 2022 8:57 am PT").map(Timestamp.format) == "2022-05-26T15:57:00Z")
    }

    @Test func wordpressFeedGivesTheArticlesToFollow() throws {
        let reading = try read("feed.xml", url: "https://9to5mac.com/feed/")
        #expect(reading.document.kind == .feed)
        #expect(reading.document.links == ["https://9to5mac.com/2026/02/10/mac-studio-fixture-deals/",
                                           "https://9to5mac.com/2026/02/09/second-fixture/"])
        // The item with a body is an excerpt of its article: content:encoded, not the description's summary.
        let excerpt = try #require(reading.excerpts.first)
        #expect(reading.excerpts.count == 1)
        #expect(excerpt.document.url == "https://9to5mac.com/2026/02/10/mac-studio-fixture-deals/")
        #expect(excerpt.document.title == "Apple\u{2019}s Mac Studio sees first discount")
        #expect(excerpt.document.author == "Fixture Author")
        #expect(excerpt.passages.first?.text == "Amazon is now offering the first discount on the Mac Studio: it sells for $1,799 today.")
        #expect(ClaimExtractor(vocabulary: .standard).claims(for: excerpt, prior: .reported)
            .contains { $0.subject == "Mac Studio" && $0.attribute == "price" && $0.value.number == 1799 })
    }

    /// The template since the 2023 redesign: the visible headline, the author in the post-meta line, its Pacific
    /// time, and the body without the ads, video embeds and related-story cards placed inside it.
    @Test func theCurrentTemplate() throws {
        let reading = try read("current-template.html", url: "https://9to5mac.com/2026/03/12/mac-studio-fixture-price-cut/")
        #expect(reading.diagnostics.isEmpty)
        #expect(reading.document.title == "Mac Studio gets its first price cut of the year")
        #expect(reading.document.author == "Fixture Writer")
        #expect(reading.document.published.map(Timestamp.format) == "2026-03-12T16:30:00Z")
        #expect(reading.passages.count == 2)
        #expect(!reading.passages.contains { $0.text.contains("Sponsored") || $0.text.contains("review") || $0.text.contains("YouTube") })
        let prices = ClaimExtractor().claims(for: reading, prior: .reported).filter { $0.attribute == "price" }.compactMap(\.value.number)
        #expect(Set(prices) == [1799, 2999])
    }

    @Test func aChangedLayoutFallsBackWithAWarning() throws {
        let reading = try read("changed-layout.html", url: "https://9to5mac.com/2026/01/05/redesign/")
        #expect(reading.document.title == "After the 2023 redesign")
        #expect(reading.document.published.map(Timestamp.format) == "2026-01-05T15:00:00Z")
        #expect(reading.diagnostics.first?.message.contains("h1[contains(@class,'post-title')]") == true)
        #expect(reading.diagnostics.first?.source == "9to5mac")
        #expect(!reading.passages.isEmpty)
    }
}

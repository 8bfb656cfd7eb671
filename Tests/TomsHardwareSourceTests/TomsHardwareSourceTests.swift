import ClaimCore
import Foundation
import TomsHardwareSource
import Testing

@Suite struct TomsHardwareSourceTests {
    func read(_ name: String, url: String = "https://www.tomshardware.com/") throws -> Reading {
        let file = try #require(Bundle.module.url(forResource: "Fixtures/tomshardware/\(name)", withExtension: nil))
        return try TomsHardwareSource().read(FetchedPage(url: URL(string: url)!, body: try Data(contentsOf: file)))
    }

    @Test func newsArticleKeepsTheCanonicalEditionAndTrimsTheHeadline() throws {
        let reading = try read("news-article.html")
        #expect(reading.document.url == "https://www.tomshardware.com/uk/pc-components/gpus/rtx-5090-fixture")
        #expect(reading.document.title == "Nvidia RTX 5090 Fixture Story")
        #expect(reading.document.author == "Fixture Reviewer")  // not the Facebook URL in article:author
        #expect(reading.document.published.map(Timestamp.format) == "2026-01-20T14:00:00Z")
        let claims = ClaimExtractor().claims(for: reading, prior: .reported)
        #expect(claims.contains { $0.subject == "Mac Studio" && $0.attribute == "performance.relative" && $0.qualifier == "vs RTX 5090" })
        #expect(claims.contains { $0.subject == "RTX 5090" && $0.attribute == "price" && $0.value.number == 1999 })
    }

    @Test func reviewFieldsLiveUnderProductReview() throws {
        let reading = try read("review-product.html", url: "https://www.pcgamer.com/fixture-game-review/")
        #expect(reading.document.title == "Fixture Game review")
        #expect(reading.document.author == "Review Writer")
        #expect(reading.document.published.map(Timestamp.format) == "2025-06-01T10:30:00Z")
        #expect(reading.document.publisher == "PC Gamer")
    }

    @Test func aChangedLayoutFallsBackWithAWarning() throws {
        let reading = try read("changed-layout.html", url: "https://www.tomshardware.com/news/new-template")
        #expect(reading.document.title == "New template story")
        #expect(reading.document.author == "Template Writer")
        #expect(reading.document.published.map(Timestamp.format) == "2026-02-02T08:00:00Z")
        #expect(reading.diagnostics.first?.message.contains("/descendant::div[@id='article-body']") == true)
    }
}

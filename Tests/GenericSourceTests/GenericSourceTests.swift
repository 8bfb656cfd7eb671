import ClaimCore
import Foundation
import GenericSource
import Testing

@Suite struct GenericSourceTests {
    func read(_ name: String, url: String, options: [String: String] = [:]) throws -> Reading {
        let file = try #require(Bundle.module.url(forResource: "Fixtures/generic/\(name)", withExtension: nil))
        return try GenericSource().read(FetchedPage(url: URL(string: url)!, body: try Data(contentsOf: file), options: options))
    }

    @Test func selectorsFromSourcesListDescribeTheSite() throws {
        let reading = try read("blog-post.html", url: "https://blog.example.com/studio-notes", options: [
            "title": "//h2[@class='entry-title']", "author": "//span[@class='who']", "date": "//span[@class='when']",
            "body": "//div[@id='entry-text']", "publisher": "Example Blog",
        ])
        #expect(reading.document.title == "Why the Mac Studio beat my old tower")
        #expect(reading.document.author == "Dana Writer")
        // "EST" after 8 March is the Eastern wall clock, then on daylight time.
        #expect(reading.document.published.map(Timestamp.format) == "2026-03-12T13:30:00Z")
        #expect(reading.document.provenance["published"] == "option date=//span[@class='when']")
        #expect(reading.document.publisher == "Example Blog")
        #expect(reading.passages.map(\.text) == ["The Mac Studio I bought costs $3,999 and it replaced a Mac Pro.", "It is quiet."])
        #expect(reading.diagnostics.isEmpty)
    }

    @Test func listingItemsGiveTheLinksToFollow() throws {
        let reading = try read("news-index.html", url: "https://news.example.com/", options: ["items": "//li[@class='story']"])
        #expect(reading.document.kind == .listing)
        #expect(reading.document.links == ["https://news.example.com/2026/03/10/first/", "https://news.example.com/2026/03/09/second/"])
        #expect(reading.document.facts["items"] == "2")
    }

    @Test func withoutSelectorsTheCascadeReadsMetadataAndSaysWhich() throws {
        let reading = try read("metadata-only.html", url: "https://example.com/post")
        #expect(reading.document.title == "A post with only metadata")
        #expect(reading.document.author == "LD Author")
        #expect(reading.document.provenance["author"] == "JSON-LD author")
        #expect(reading.document.published.map(Timestamp.format) == "2026-03-11T13:00:00Z")
        #expect(reading.document.provenance["published"] == "JSON-LD datePublished")
        #expect(!reading.passages.isEmpty)
    }

    @Test func aDateInTheURLIsTheLastResort() throws {
        let reading = try read("dated-url.html", url: "https://example.com/2026/02/27/undated-page/")
        #expect(reading.document.published.map(Timestamp.format) == "2026-02-27T00:00:00Z")
        #expect(reading.document.provenance["published"] == "date in URL")
    }

    @Test func aSelectorThatFindsNothingIsReportedAndTheCascadeTakesOver() throws {
        let reading = try read("metadata-only.html", url: "https://example.com/post", options: ["title": "//h2[@class='gone']"])
        #expect(reading.document.title == "A post with only metadata")
        #expect(reading.diagnostics.map(\.message) == ["selector title=//h2[@class='gone'] found nothing; using the metadata cascade"])
    }

    @Test func badSelectorsAreSourcesListErrors() {
        #expect(GenericSource.problems(with: ["title": "//h1["]) == ["option title: xpath \"//h1[\" is invalid"])
        #expect(GenericSource.problems(with: ["title": "//h1", "publisher": "Not [an xpath"]).isEmpty)
    }
}

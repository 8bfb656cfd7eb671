import Foundation
@testable import ClaimCore
import Testing

@Suite struct SourcesListTests {
    let plugins: [String: SourcesList.PluginRules] = Dictionary(uniqueKeysWithValues:
        ["9to5mac", "geekbench", "hackernews", "macrumors", "tomshardware"].map { ($0, SourcesList.PluginRules(options: [])) }
        + [("generic", SourcesList.PluginRules(options: ["title", "body"], check: { options in
            options["title"] == "//h1[" ? ["option title: xpath \"//h1[\" is invalid"] : []
        }))])

    @Test func readsEntriesAndOptions() {
        let text = """
        # the sources
        macrumors https://www.macrumors.com/ max=5   # front page
        macrumors file:///tmp/feed.xml
        """
        let (entries, problems) = SourcesList.parse(text, plugins: plugins)
        #expect(problems.isEmpty)
        #expect(entries.map(\.url.absoluteString) == ["https://www.macrumors.com/", "file:///tmp/feed.xml"])
        #expect(entries[0].maxLinks == 5)
        #expect(entries[1].maxLinks == 20)
        #expect(entries[0].location == "Sources.list:2")
    }

    @Test func quotedValuesKeepTheirSpacesAndOptionsAreChecked() {
        let text = """
        generic https://example.com/ title="//h1[@class='big headline']" body='//div[@id="story"]'
        generic https://example.com/ titel=//h1
        generic https://example.com/ title=//h1[
        generic https://example.com/ title="//h1
        generic https://example.com/ max-size=lots
        generic https://example.com/ max-size=512KB
        """
        let (entries, problems) = SourcesList.parse(text, plugins: plugins)
        #expect(entries.count == 2)
        #expect(entries.last?.maximumBodySize == 512 * 1024)
        #expect(entries.first?.options == ["title": "//h1[@class='big headline']", "body": "//div[@id=\"story\"]"])
        #expect(problems.map(\.description) == [
            "Sources.list:2: error: unknown option 'titel' for generic; known: body, delay, every, max, max-size, prior, retries, title",
            "Sources.list:3: error: option title: xpath \"//h1[\" is invalid",
            "Sources.list:4: error: unclosed \" quote",
            "Sources.list:5: error: option max-size=lots must be a size such as 512KB or 20MB, at most 2GB",
        ])
    }

    @Test func reportsEveryBadLineWithItsNumberAndTheAlternatives() {
        let text = """
        macrumor https://www.macrumors.com/
        macrumors ftp://example.com/feed
        macrumors
        macrumors https://www.macrumors.com/ max=lots
        macrumors https://www.macrumors.com/ verbose
        macrumors https://feeds.macrumors.com/MacRumors-All
        """
        let (entries, problems) = SourcesList.parse(text, plugins: plugins)
        #expect(entries.count == 1)
        #expect(problems.map(\.description) == [
            "Sources.list:1: error: unknown source 'macrumor'; known: 9to5mac, geekbench, generic, hackernews, macrumors, tomshardware",
            "Sources.list:2: error: 'ftp://example.com/feed' is not an http, https or file URL",
            "Sources.list:3: error: expected '<plugin-id> <url> [key=value ...]'",
            "Sources.list:4: error: option max=lots must be a whole number of links",
            "Sources.list:5: error: option 'verbose' is not key=value",
        ])
    }
}

/// A file saved on Windows: each CRLF line is a line of its own, numbered as an editor numbers it.
@Suite struct LineBreakTests {
    @Test func crlfLinesAreLines() {
        let text = "# sources\r\nmacrumors https://www.macrumors.com/\r\nmacrumor https://x.example/\r\n"
        let parsed = SourcesList.parse(text, plugins: ["macrumors": SourcesList.PluginRules(options: [], check: { _ in [] })])
        #expect(parsed.entries.map(\.location) == ["Sources.list:2"])
        #expect(parsed.problems.map(\.line) == [3])
        #expect(ListFile.rawLines(text).joined() == text && ListFile.rawLines(text).count == 3)
        #expect(ListFile.rawLines("a\nb").map(String.init) == ["a\n", "b"])
    }
}

@Suite struct SourceOptionsTests {
    @Test func intervalsReadMinutesHoursAndDays() {
        #expect(SourceEntry.interval("30m") == 1800 && SourceEntry.interval("6h") == 21_600 && SourceEntry.interval("1d") == 86_400)
        #expect(SourceEntry.interval("soon") == nil)
    }

    @Test func optionsSurviveTheArchiveHeader() {
        let options = ["title": "//h1[@class='a b']", "prior": "rumored", "max": "5", "odd": "x&y=z%"]
        #expect(SourceEntry.decode(SourceEntry.encode(options)) == options)
        #expect(!SourceEntry.encode(options).contains(" "))
    }

    @Test func priorMustBeALabel() {
        let rules = ["macrumors": SourcesList.PluginRules(options: [])]
        let (entries, problems) = SourcesList.parse("macrumors https://www.macrumors.com/ prior=rumored\nmacrumors https://www.macrumors.com/ prior=gossip\n", plugins: rules)
        #expect(entries.first?.options["prior"] == "rumored")
        #expect(problems.first?.description.hasPrefix("Sources.list:2: error: option prior=gossip is not a confidence label; known: official") == true)
    }
}

import ClaimCore
import ClaimFetch
import Testing

@Suite struct SourcesListTests {
    let plugins = ["9to5mac", "generic", "geekbench", "hackernews", "macrumors", "tomshardware"]

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

import ClaimCore
import Foundation
import PluginRegistry

/// One target per registered plugin: its page reader, link discovery and the core extractor over what it read.
let pluginTargets: [FuzzTarget] = PluginRegistry.all.map { plugin in
    let descriptor = plugin.descriptor
    let fixtures = pluginFixtureFolders.map { "\($0)/\(descriptor.id)" }
    return FuzzTarget(
        name: "plugin-\(descriptor.id)",
        summary: "\(descriptor.name): read, discover, extract claims and stated unknowns",
        seedPaths: fixtures,
        run: { data in
            let instance = plugin.init()
            let url = URL(string: "https://\(descriptor.hosts.first ?? "example.com")/2026/03/10/page/")!
            // The first byte picks HTML or XML framing, so feed paths are explored as well as pages.
            let contentType = (data.first ?? 0) % 2 == 0 ? "text/html; charset=utf-8" : "application/rss+xml"
            let page = FetchedPage(url: url, body: data, contentType: contentType,
                                   retrieved: Date(timeIntervalSince1970: 1_773_000_000), options: genericOptions)
            _ = try? instance.discover(page)
            guard let reading = try? instance.read(page) else { return }
            let extractor = ClaimExtractor()
            _ = extractor.extract(reading, prior: descriptor.prior)
        }
    )
}

/// Selector options for the generic plugin (ignored by the others).
private let genericOptions = [
    "items": "//li[@class='story'] | //article", "links": ".//a/@href", "title": "//h1", "body": "//article//p",
    "date": "//time/@datetime", "publisher": "Example News",
]

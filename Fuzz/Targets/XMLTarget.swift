import Foundation
import HTMLKit

/// The XML layer feeds go through: no entity expansion, no DTD, no network, whatever the document asks.
let xmlTarget = FuzzTarget(
    name: "xml",
    summary: "HTMLKit: XML (RSS/Atom) parse and XPath, entities never expanded",
    seedPaths: ["Sample/run-1/9to5mac/feed.xml", "Sample/run-2/9to5mac/feed.xml", "Sample/run-2/tomshardware/feed.xml"],
    run: { data in
        guard let document = try? HTMLDocument(xml: data, url: "https://example.com/feed") else { return }
        for xpath in ["//item/link", "//*[local-name()='entry']/*[local-name()='link']/@href", "//item/title", "//channel/*"] {
            for node in (try? document.select(xpath)) ?? [] { _ = node.text }
        }
    }
)

import Foundation
import HTMLKit

/// The HTML layer: charset sniffing, parsing, XPath and the text walker, as every plugin uses them.
let htmlTarget = FuzzTarget(
    name: "html",
    summary: "HTMLKit: charset detection, HTML parse, XPath, text blocks",
    seedPaths: ["Sample/run-1", "Sample/run-2", "Tests/HTMLKitTests"] + pluginFixtureFolders,
    run: { data in
        // The first byte picks a declared charset, so lying and mixed declarations are explored too.
        let declared = ["utf-8", "iso-8859-1", "windows-1252", "shift_jis", "utf-16", "bogus-charset", nil][Int(data.first ?? 0) % 7]
        _ = Charset.detect(data, declared: declared)
        guard let document = try? HTMLDocument(html: data, url: "https://example.com/page", charset: declared) else { return }
        for xpath in ["//title", "//meta[@property]/@content", "//article//p", "//script[@type='application/ld+json']", "//a/@href"] {
            for node in (try? document.select(xpath)) ?? [] {
                _ = node.text
                _ = node.attribute("content")
            }
        }
        _ = document.root?.blocks
    }
)

/// Every plugin's fixture folder, which seeds the HTML target and the plugin's own target.
let pluginFixtureFolders = [
    "Tests/MacRumorsSourceTests/Fixtures", "Tests/NineToFiveMacSourceTests/Fixtures", "Tests/TomsHardwareSourceTests/Fixtures",
    "Tests/HackerNewsSourceTests/Fixtures", "Tests/GeekbenchSourceTests/Fixtures", "Tests/GenericSourceTests/Fixtures",
]

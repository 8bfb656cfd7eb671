import ClaimCore
import Foundation
import HTMLKit
import PluginRegistry

// Extraction speed against the parse floor: libxml2 parse alone, then plugin read + core extraction, over
// the same pages (the real corpus beside the repository, else the sample pages). Prints MB/s and pages/s, and the ratio per plugin.
// Run: swift run -c release extraction-benchmark [FOLDER ...]

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let folders = CommandLine.arguments.dropFirst().map { URL(fileURLWithPath: $0) }
let roots = folders.isEmpty ? [repository.deletingLastPathComponent().appendingPathComponent("shared/corpus"), repository.appendingPathComponent("Sample")] : folders

/// A page and the plugin that reads it, chosen by the folder it sits in (`corpus/macrumors/…`, `Sample/run-1/9to5mac/…`).
struct Page {
    let url: URL
    let body: Data
    let plugin: any SourcePlugin
}

var pages: [Page] = []
for root in roots {
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
    for case let file as URL in walker where ["html", "xml"].contains(file.pathExtension) {
        guard let plugin = PluginRegistry.plugin(id: file.deletingLastPathComponent().lastPathComponent),
              let body = try? Data(contentsOf: file) else { continue }
        pages.append(Page(url: file, body: body, plugin: plugin))
    }
}
guard !pages.isEmpty else {
    FileHandle.standardError.write(Data("no pages found under \(roots.map(\.path).joined(separator: ", "))\n".utf8))
    exit(1)
}
let bytes = pages.reduce(0) { $0 + $1.body.count }
let extractor = ClaimExtractor()

/// One pass of `work` over every page; returns its seconds, adding each page's time to its plugin's total.
@MainActor func pass(_ work: (Page) throws -> Void, perPlugin: inout [String: Double]) rethrows -> Double {
    var total = 0.0
    for page in pages {
        let start = DispatchTime.now().uptimeNanoseconds
        try work(page)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        perPlugin[type(of: page.plugin).descriptor.id, default: 0] += seconds
        total += seconds
    }
    return total
}

@MainActor func parseOnly(_ page: Page) throws {
    if page.url.pathExtension == "xml" { _ = try HTMLDocument(xml: page.body) } else { _ = try HTMLDocument(html: page.body) }
}
var claims = 0
@MainActor func readAndExtract(_ page: Page) throws {
    let reading = try page.plugin.read(FetchedPage(url: page.url, body: page.body))
    let prior = type(of: page.plugin).descriptor.prior
    // The articles a feed or listing quotes are extracted too, as a fetch extracts them.
    claims = ([reading] + reading.excerpts).reduce(0) { $0 + extractor.extract($1, prior: prior).claims.count }
}

// The two stages alternate, pass by pass, for about six seconds; each keeps its median pass for MB/s, and
// the cost is the median of each round's ratio: on a shared machine a stage measured alone for three
// seconds could land in a slow spell the other missed.
var ignored: [String: Double] = [:]
_ = try pass(parseOnly, perPlugin: &ignored)  // warm up
_ = try pass(readAndExtract, perPlugin: &ignored)
var parsePasses: [Double] = [], fullPasses: [Double] = []
var parseByPlugin: [String: Double] = [:], fullByPlugin: [String: Double] = [:]
let started = Date()
repeat {
    parsePasses.append(try pass(parseOnly, perPlugin: &parseByPlugin))
    fullPasses.append(try pass(readAndExtract, perPlugin: &fullByPlugin))
} while Date().timeIntervalSince(started) < 6 || parsePasses.count < 5
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let parse = 1 / median(parsePasses), full = 1 / median(fullPasses)
// The ratio of each round's two passes, a second apart, then their median: a slow spell of the machine
// slows both passes of a round alike.
let ratio = median(zip(fullPasses, parsePasses).map { $0 / $1 })
let megabytes = Double(bytes) / 1_000_000
print("pages: \(pages.count), \(String(format: "%.1f", megabytes)) MB (\(roots.map(\.lastPathComponent).joined(separator: " + ")))")
print("stage                          MB/s   pages/s")
print(String(format: "libxml2 parse alone        %8.1f  %8.0f", parse * megabytes, parse * Double(pages.count)))
print(String(format: "plugin read + extraction   %8.1f  %8.0f", full * megabytes, full * Double(pages.count)))
print(String(format: "cost of read + extraction over parse: %.2fx (target ≤ 1.5x), median over %d rounds of one pass each", ratio, parsePasses.count))
print("by plugin (all passes): parse s, read + extraction s, ratio")
for id in fullByPlugin.keys.sorted() {
    print(String(format: "  %@ %7.2f %7.2f  %.2fx", id.padding(toLength: 14, withPad: " ", startingAt: 0), parseByPlugin[id] ?? 0, fullByPlugin[id] ?? 0, (fullByPlugin[id] ?? 0) / max(parseByPlugin[id] ?? 0, 1e-9)))
}

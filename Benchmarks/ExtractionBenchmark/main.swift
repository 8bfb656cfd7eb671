import ClaimCore
import Foundation
import HTMLKit
import PluginRegistry

// Extraction speed against the parse floor: libxml2 parse alone, then plugin read + core extraction, over
// the same pages (the real corpus beside the repository, else the sample pages). Prints MB/s and pages/s.
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

/// Repeats `work` over every page until `seconds` have passed; returns passes per second.
@MainActor func measure(seconds: Double, _ work: (Page) throws -> Void) rethrows -> Double {
    let start = Date()
    var passes = 0
    repeat {
        for page in pages { try work(page) }
        passes += 1
    } while Date().timeIntervalSince(start) < seconds
    return Double(passes) / Date().timeIntervalSince(start)
}

var claims = 0
_ = try measure(seconds: 0.5) { page in _ = try HTMLDocument(html: page.body) }  // warm up
let parse = try measure(seconds: 3) { page in
    if page.url.pathExtension == "xml" { _ = try HTMLDocument(xml: page.body) } else { _ = try HTMLDocument(html: page.body) }
}
let full = try measure(seconds: 3) { page in
    let reading = try page.plugin.read(FetchedPage(url: page.url, body: page.body))
    claims = extractor.claims(for: reading, prior: type(of: page.plugin).descriptor.prior).count
}
let megabytes = Double(bytes) / 1_000_000
print("pages: \(pages.count), \(String(format: "%.1f", megabytes)) MB (\(roots.map(\.lastPathComponent).joined(separator: " + ")))")
print("stage                          MB/s   pages/s")
print(String(format: "libxml2 parse alone        %8.1f  %8.0f", parse * megabytes, parse * Double(pages.count)))
print(String(format: "plugin read + extraction   %8.1f  %8.0f", full * megabytes, full * Double(pages.count)))
print(String(format: "cost of read + extraction over parse: %.2fx (target ≤ 1.5x)", parse / full))

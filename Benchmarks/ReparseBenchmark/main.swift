import ClaimCore
import ClaimFetch
import ClaimPipeline
import Foundation

// Full reparse (archive → plugins → extractor → store) over a scaled archive: N pages made by repeating
// the sample pages under unique URLs, written as one WARC run. Prints pages/s, MB/s, claims stored per
// second and peak memory, and, when libxml2-utils is installed, `xmllint --html --noout` over the same
// pages as the floor. Run: swift run -c release reparse-benchmark [N] (default 1,000)

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sample = repository.appendingPathComponent("Sample/run-2")

/// The sample pages with the plugin that reads each (the folder name).
var templates: [(source: String, body: String)] = []
for source in (try? FileManager.default.contentsOfDirectory(atPath: sample.path).sorted()) ?? [] {
    let folder = sample.appendingPathComponent(source)
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? [] where name.hasSuffix(".html") {
        if let body = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { templates.append((source, body)) }
    }
}
guard !templates.isEmpty else { fatalError("no sample pages under \(sample.path)") }

let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-bench-\(UUID().uuidString)")
let pagesFolder = workspace.appendingPathComponent("pages")
try FileManager.default.createDirectory(at: pagesFolder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: workspace) }

// One run of N resource records; every page gets its own canonical URL so each is a distinct page.
let archive = workspace.appendingPathComponent("Archive")
try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
let writer = try WARCWriter(file: archive.appendingPathComponent("claimtrack-20260401T000000Z.warc.gz"))
var bytes = 0
let date = Timestamp.iso8601("2026-04-01T00:00:00Z")!
try writer.write([WARCWriter.header(type: "warcinfo", date: date, contentType: "application/warc-fields",
                                    block: Data("run: 2026-04-01T00:00:00Z\r\nstarted: 2026-04-01T00:00:00Z\r\n".utf8))])
for index in 0..<count {
    let template = templates[index % templates.count]
    let body = Data(template.body.replacingOccurrences(of: "<link rel=\"canonical\" href=\"", with: "<link rel=\"canonical\" href=\"https://copy\(index).example/").utf8)
    bytes += body.count
    let target = "https://bench.example/\(template.source)/\(index).html"
    try writer.write([WARCWriter.header(type: "resource", date: date, target: target, contentType: "text/html", block: body,
                                        extra: [(ArchiveScanner.sourceHeader, template.source), (ArchiveScanner.runHeader, "2026-04-01T00:00:00Z"),
                                                ("WARC-Payload-Digest", WARCDigest.sha1(body))])])
    try body.write(to: pagesFolder.appendingPathComponent("\(index).html"))
}

let start = Date()
let outcome = try Pipeline(workspace: Workspace(root: workspace)).catchUp()
let seconds = Date().timeIntervalSince(start)
var usage = rusage()
getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
let megabytes = Double(bytes) / 1_000_000
print("\(count) pages, \(String(format: "%.1f", megabytes)) MB, \(outcome.claims) claims stored")
print(String(format: "reparse (1 process)   %7.1f pages/s  %6.2f MB/s  %8.0f claims/s  %.1f s", Double(outcome.pages) / seconds,
             megabytes / seconds, Double(outcome.claims) / seconds, seconds))
print(String(format: "peak memory           %7.1f MB", Double(usage.ru_maxrss) / 1024))

// The floor: libxml2's own command-line parser over the same files, when it is installed.
if FileManager.default.fileExists(atPath: "/usr/bin/xmllint") {
    let files = (0..<count).map { pagesFolder.appendingPathComponent("\($0).html").path }
    let lint = Process()
    lint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    lint.arguments = ["--html", "--noout"] + files
    lint.standardError = FileHandle.nullDevice
    let lintStart = Date()
    try lint.run()
    lint.waitUntilExit()
    let lintSeconds = Date().timeIntervalSince(lintStart)
    print(String(format: "xmllint --html --noout %6.1f pages/s  %6.2f MB/s", Double(count) / lintSeconds, megabytes / lintSeconds))
} else {
    print("xmllint not installed (apt-get install libxml2-utils) — no floor measured")
}

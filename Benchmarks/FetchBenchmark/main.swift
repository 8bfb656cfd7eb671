import BenchmarkSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// `claimtrack fetch` against N pages on a loopback server (HTTP/1.1 keep-alive; delay 0 for 127.0.0.1): a first run that
// archives everything, then a second run where nothing changed (every page a 304 → WARC revisit).
// Prints wall time and peak resident memory of each `claimtrack fetch` process; repeats at a second size
// to show the no-change run's memory does not grow with the archive.
// Run: swift build -c release --product claimtrack && swift run -c release fetch-benchmark [N ...] (default 500 2000)

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }.nilIfEmpty ?? [500, 2000]
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("claimtrack")
guard FileManager.default.isExecutableFile(atPath: binary.path) else {
    fatalError("\(binary.path) is missing: run `swift build -c release --product claimtrack` first")
}
// A real MacRumors article (72 KB) from ../shared/corpus when it is there, as real pages weigh; else the
// sample's small page.
let corpusArticle = repository.deletingLastPathComponent()
    .appendingPathComponent("shared/corpus/macrumors/macrumors-2019-11-18-13-inch-macbook-pro-scissor-keyboard-2020.html")
let templateFile = FileManager.default.fileExists(atPath: corpusArticle.path)
    ? corpusArticle : repository.appendingPathComponent("Sample/run-2/macrumors/june-launch.html")
let template = String(decoding: try Data(contentsOf: templateFile), as: UTF8.self)

extension Array { var nilIfEmpty: Self? { isEmpty ? nil : self } }

print("fetch over loopback (python3 http.server: Last-Modified / If-Modified-Since → 304), delay 0")
print("page: \(templateFile.lastPathComponent) (\(template.utf8.count / 1024) KB), each copy under its own URL and canonical link")
print("pages   first run          no-change run (all 304)   archive")
for count in sizes {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-fetch-bench-\(UUID().uuidString)")
    let site = root.appendingPathComponent("site"), workspace = root.appendingPathComponent("workspace")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    // A MacRumors-shaped listing of N articles, each a distinct page (its own canonical URL).
    var listing = "<html><head><title>MacRumors: Apple News and Rumors</title></head><body>\n"
    for index in 0..<count {
        listing += "<article class=\"article--2pJwZBkO js-article\"><h2><a href=\"/a/\(index).html\">x</a></h2></article>\n"
        try FileManager.default.createDirectory(at: site.appendingPathComponent("a"), withIntermediateDirectories: true)
        let page = template.replacingOccurrences(of: "<link rel=\"canonical\" href=\"", with: "<link rel=\"canonical\" href=\"https://copy\(index).example/")
        try Data(page.utf8).write(to: site.appendingPathComponent("a/\(index).html"))
    }
    try Data((listing + "</body></html>\n").utf8).write(to: site.appendingPathComponent("index.html"))

    let server = Process()
    server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // Python's static file handler over HTTP/1.1 keep-alive, with Nagle off (else every body waits 40 ms
    // for a delayed ACK); it answers If-Modified-Since from the files' mtimes.
    let script = """
        import functools, http.server, sys
        class Handler(http.server.SimpleHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
        print("port", server.server_address[1], flush=True)
        server.serve_forever()
        """
    server.arguments = ["python3", "-u", "-c", script, site.path]
    let output = Pipe()
    server.standardOutput = output
    server.standardError = FileHandle.nullDevice
    try server.run()
    var banner = ""
    while !banner.contains("\n") {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        banner += String(decoding: chunk, as: UTF8.self)
    }
    guard let port = banner.range(of: "port ").flatMap({ Int(banner[$0.upperBound...].prefix { $0.isNumber }) }) else {
        fatalError("http.server did not start: \(banner)")
    }
    defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
    try Data("macrumors http://127.0.0.1:\(port)/index.html max=\(count)\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))

    let first = ChildRun.measure(binary, ["fetch", "--workspace", workspace.path])
    sleep(1)  // the second run's files keep their Last-Modified; a new second keeps run ids distinct
    let second = ChildRun.measure(binary, ["fetch", "--workspace", workspace.path])
    let archiveBytes = (try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("Archive").path))
        .compactMap { try? FileManager.default.attributesOfItem(atPath: workspace.appendingPathComponent("Archive/\($0)").path)[.size] as? Int }
        .reduce(0, +)
    print(String(format: "%5d   %6.2f s %6.1f MB   %6.2f s %6.1f MB (%3.0f%%)   %.1f MB%@", count, first.seconds, first.peakMB,
                 second.seconds, second.peakMB, 100 * second.seconds / first.seconds, Double(archiveBytes) / 1_000_000,
                 first.status == 0 && second.status == 0 ? "" : "  (a run reported failures)"))
}

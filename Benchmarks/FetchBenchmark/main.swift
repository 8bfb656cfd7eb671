import BenchmarkSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// `claimtrack fetch` beside urlwatch (PyPI), the same N pages from the same loopback servers: a first run that
// fetches everything (claimtrack also archives, parses, extracts and stores it), then a run where nothing
// changed (every page answers 304). The pages are spread over several loopback hosts (127.0.0.2, 127.0.0.3, …,
// one Python server each), so claimtrack's one-request-at-a-time-per-host politeness allows about the
// parallelism of urlwatch's ten workers. Both tools get the same URL list: claimtrack as Sources.list lines
// (each page with its own site's plugin), urlwatch as jobs. Prints wall time and peak resident memory of each
// process, and the three targets.
//
// Run: swift build -c release --product claimtrack && swift run -c release fetch-benchmark [N ...] [--hosts H]
// (default 500 pages on 6 hosts). urlwatch is installed into .build/urlwatch-venv on first use (pip, PyPI);
// --no-urlwatch measures claimtrack alone.

let arguments = Array(CommandLine.arguments.dropFirst())
let hostsAt = arguments.firstIndex(of: "--hosts")
let hostCount = hostsAt.flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } ?? 6
let withURLWatch = !arguments.contains("--no-urlwatch")
let sizes = arguments.enumerated().compactMap { index, word in index == hostsAt.map { $0 + 1 } ? nil : Int(word) }.nilIfEmpty ?? [500]

extension Array { var nilIfEmpty: Self? { isEmpty ? nil : self } }

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("claimtrack")
guard FileManager.default.isExecutableFile(atPath: binary.path) else {
    fatalError("\(binary.path) is missing: run `swift build -c release --product claimtrack` first")
}

/// A page to copy: its plugin and its bytes.
struct Template {
    var source: String
    var body: String
}

/// The real articles of ../shared/corpus (or $CLAIMTRACK_CORPUS), read in place (MANIFEST.tsv names their kind);
/// the sample's own articles when the corpus is absent.
func templates() -> (pages: [Template], origin: String) {
    let corpus = ProcessInfo.processInfo.environment["CLAIMTRACK_CORPUS"].map { URL(fileURLWithPath: $0) }
        ?? repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    if let manifest = try? String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8) {
        let pages = manifest.split(separator: "\n").dropFirst().compactMap { line -> Template? in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > 2, ["article", "item"].contains(fields[2]), fields[0].hasSuffix(".html"), !fields[0].hasPrefix("prose/"),
                  let data = try? Data(contentsOf: corpus.appendingPathComponent(fields[0])) else { return nil }
            return Template(source: fields[1], body: String(decoding: data, as: UTF8.self))
        }
        if !pages.isEmpty { return (pages, "the real articles of \(corpus.path)") }
    }
    let sample = repository.appendingPathComponent("Sample/run-2")
    let pages = ["macrumors/256gb-price.html", "macrumors/june-launch.html", "9to5mac/512gb-gone.html", "tomshardware/mac-studio-ai.html",
                 "hackernews/item-47310001.html", "geekbench/v6-cpu-19120455.html"].compactMap { path -> Template? in
        (try? Data(contentsOf: sample.appendingPathComponent(path))).map { Template(source: String(path.prefix { $0 != "/" }), body: String(decoding: $0, as: UTF8.self)) }
    }
    return (pages, "the sample's articles (../shared/corpus not found)")
}

/// urlwatch from PyPI in a virtual environment under .build, made on first use.
func urlwatchExecutable() -> URL? {
    let venv = repository.appendingPathComponent(".build/urlwatch-venv")
    let executable = venv.appendingPathComponent("bin/urlwatch")
    if FileManager.default.isExecutableFile(atPath: executable.path) { return executable }
    print("installing urlwatch into \(venv.path) (python3 -m venv, pip install urlwatch)")
    for command in [["python3", "-m", "venv", venv.path], [venv.appendingPathComponent("bin/pip").path, "install", "--quiet", "urlwatch"]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
    }
    return FileManager.default.isExecutableFile(atPath: executable.path) ? executable : nil
}

/// One Python static-file server per loopback host, all serving `site`: HTTP/1.1 keep-alive, Nagle off (else
/// every body waits 40 ms for a delayed ACK), If-Modified-Since answered from the files' times.
final class LoopbackSites {
    private var servers: [Process] = []
    private(set) var bases: [String] = []

    init(serving site: URL, hosts: Int) throws {
        let script = """
            import functools, http.server, sys
            class Handler(http.server.SimpleHTTPRequestHandler):
                protocol_version = "HTTP/1.1"
                disable_nagle_algorithm = True
                def log_message(self, *args): pass
            server = http.server.ThreadingHTTPServer((sys.argv[2], 0), functools.partial(Handler, directory=sys.argv[1]))
            print("port", server.server_address[1], flush=True)
            server.serve_forever()
            """
        for host in (0..<hosts).map({ "127.0.0.\($0 + 2)" }) {
            let server = Process()
            server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            server.arguments = ["python3", "-u", "-c", script, site.path, host]
            let output = Pipe()
            server.standardOutput = output
            server.standardError = FileHandle.nullDevice
            try server.run()
            servers.append(server)
            var banner = ""
            while !banner.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                banner += String(decoding: chunk, as: UTF8.self)
            }
            guard let port = banner.range(of: "port ").flatMap({ Int(banner[$0.upperBound...].prefix { $0.isNumber }) }) else {
                fatalError("http.server on \(host) did not start: \(banner)")
            }
            bases.append("http://\(host):\(port)")
        }
    }

    deinit {
        for server in servers {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
    }
}

let (pages, origin) = templates()
let averageKB = pages.map(\.body.utf8.count).reduce(0, +) / max(1, pages.count) / 1024
let urlwatch = withURLWatch ? urlwatchExecutable() : nil
if withURLWatch && urlwatch == nil { print("urlwatch could not be installed: claimtrack alone") }
print("fetch over loopback: \(hostCount) hosts (127.0.0.2…), python3 http.server (Last-Modified / If-Modified-Since → 304), delay 0")
print("pages: \(pages.count) templates from \(origin), \(averageKB) KB on average, each copy under its own URL and canonical link")
print("pages  tool         first run            no-change run (all 304)")

for count in sizes {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-fetch-bench-\(UUID().uuidString)")
    let site = root.appendingPathComponent("site"), workspace = root.appendingPathComponent("workspace"), watch = root.appendingPathComponent("urlwatch")
    for folder in [site.appendingPathComponent("a"), workspace, watch] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    // FETCH_BENCH_KEEP=1 keeps the site and both workspaces (the path is printed) for profiling by hand.
    let keep = ProcessInfo.processInfo.environment["FETCH_BENCH_KEEP"] == "1"
    defer { if keep { print("kept: \(root.path)") } else { try? FileManager.default.removeItem(at: root) } }
    var sources: [(plugin: String, path: String)] = []
    for index in 0..<count {
        let template = pages[index % pages.count]
        let body = "<!-- copy \(index) -->\n" + template.body
            .replacingOccurrences(of: "<link rel=\"canonical\" href=\"", with: "<link rel=\"canonical\" href=\"https://copy\(index).example/")
        try Data(body.utf8).write(to: site.appendingPathComponent("a/\(index).html"))
        sources.append((template.source, "/a/\(index).html"))
    }
    let sites = try LoopbackSites(serving: site, hosts: hostCount)
    // Page i on host i mod H, for both tools.
    let urls = sources.enumerated().map { index, source in (source.plugin, sites.bases[index % hostCount] + source.path) }
    try Data(urls.map { "\($0.0) \($0.1)\n" }.joined().utf8).write(to: workspace.appendingPathComponent("Sources.list"))
    try Data(urls.map { "url: \($0.1)\n" }.joined(separator: "---\n").utf8).write(to: watch.appendingPathComponent("urls.yaml"))

    func row(_ tool: String, _ first: ChildRun, _ second: ChildRun) -> String {
        String(format: "%5d  ", count) + tool.padding(toLength: 11, withPad: " ", startingAt: 0)
            + String(format: "  %6.2f s %6.1f MB   %6.2f s %6.1f MB", first.seconds, first.peakMB, second.seconds, second.peakMB)
            + (first.status == 0 && second.status == 0 ? "" : "  (a run reported failures)")
    }
    let ours = ChildRun.measure(binary, ["fetch", "--workspace", workspace.path])
    sleep(1)  // a new second keeps run ids distinct
    let oursAgain = ChildRun.measure(binary, ["fetch", "--workspace", workspace.path])
    print(row("claimtrack", ours, oursAgain))
    guard let urlwatch else { continue }
    let watchArguments = ["--urls", watch.appendingPathComponent("urls.yaml").path, "--config", watch.appendingPathComponent("urlwatch.yaml").path,
                          "--cache", watch.appendingPathComponent("cache.db").path, "--hooks", watch.appendingPathComponent("hooks.py").path]
    let theirs = ChildRun.measure(urlwatch, watchArguments)
    sleep(1)
    let theirsAgain = ChildRun.measure(urlwatch, watchArguments)
    print(row("urlwatch", theirs, theirsAgain))
    let firstRatio = ours.seconds / theirs.seconds, noChangeRatio = oursAgain.seconds / theirsAgain.seconds
    let memoryRatio = max(ours.peakMB, oursAgain.peakMB) / max(theirs.peakMB, theirsAgain.peakMB)
    print(String(format: "       targets: first run %.2fx urlwatch's (≤ 2x: %@), no-change run %.2fx (≤ 1x: %@), peak memory %.2fx (≤ 0.33x: %@)",
                 firstRatio, firstRatio <= 2 ? "holds" : "misses", noChangeRatio, noChangeRatio <= 1 ? "holds" : "misses",
                 memoryRatio, memoryRatio <= 1.0 / 3 ? "holds" : "misses"))
}

import BenchmarkSupport
import ClaimArchive
import ClaimCore
import ClaimPipeline
import ClaimStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Full reparse (archive → plugins → extractor → store) over scaled archives, against the libxml2 floor.
// The corpus generator makes N unique pages from a set of templates (each copy under its own URL, with its
// own canonical link and bytes), written as WARC runs of at most 1,000 pages. Two sets: the sample's pages
// and every plugin fixture (small pages), then the real pages of ../shared/corpus (full size). For each N
// it runs `reparse` in a fresh process on one worker and on every core, then `xmllint --html --noout` over
// the same pages (libxml2-utils), three rounds, printing medians of pages/s and MB/s, the peak resident
// memory, and a store insert rate.
// Run: swift run -c release reparse-benchmark [N ...] [--real N ...] [--postgresql URL]
// (defaults 100 1000 10000, real 100 1000; --real 0 skips). With --postgresql (an empty database or schema the
// benchmark may fill and empty), every row is taken on SQLite and then on that PostgreSQL store, one under the other,
// and the insert rates side by side.

var arguments = Array(CommandLine.arguments.dropFirst())
let postgres = arguments.firstIndex(of: "--postgresql").map { index in
    guard index + 1 < arguments.count else { fatalError("--postgresql needs a URL: postgresql://user@host:port/db[?schema=name]") }
    defer { arguments.removeSubrange(index...index + 1) }
    return arguments[index + 1]
}
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Child mode: `--reparse <workspace> <workers> [<store>]` prints "pages claims seconds".
if arguments.first == "--reparse", arguments.count >= 3, let workers = Int(arguments[2]) {
    let workspace = Workspace(root: URL(fileURLWithPath: arguments[1]), store: arguments.dropFirst(3).first)
    // Every round starts from an empty store: a SQLite file is deleted by the parent, a PostgreSQL schema emptied here.
    if case .postgresql = try workspace.storeLocation() { try Store.rebuild(try workspace.storeLocation()) { _ in } }
    var pipeline = try Pipeline(workspace: workspace)
    pipeline.workers = workers
    let start = Date()
    let outcome = try pipeline.catchUp()
    print(outcome.pages, outcome.claims, Date().timeIntervalSince(start))
    exit(0)
}

/// Child mode: `--insert <folder> <claims> [<store>]` stores that many claims (100 per capture) and prints "claims seconds".
if arguments.first == "--insert", arguments.count >= 3, let count = Int(arguments[2]) {
    let location = try StoreLocation.named(arguments.dropFirst(3).first, workspaceFile: URL(fileURLWithPath: arguments[1]).appendingPathComponent("store.sqlite"))
    if location.isPostgreSQL { try Store.rebuild(location) { _ in } }
    let store = try Store(location)
    try store.save(run: Run(id: "2026-04-01T00:00:00Z", started: Date(), warcFile: "bench.warc.gz"))
    let date = Date(timeIntervalSince1970: 1_775_000_000)
    var entries: [Store.Entry] = []
    let start = Date()
    for page in 0..<(count / 100) {
        let capture = CaptureRow(recordID: "<urn:uuid:\(page)>", run: "2026-04-01T00:00:00Z", source: "macrumors", warcFile: "bench.warc.gz",
                                 offset: page, targetURI: "https://bench.example/\(page)", document: Document(url: "https://bench.example/\(page)", source: "macrumors", kind: .article),
                                 retrieved: date, status: 200, payloadDigest: "sha1:\(page)", diagnostics: [])
        let claims = (0..<100).map { index in
            Claim(subject: "Mac Studio", attribute: "price", qualifier: index % 2 == 0 ? "base" : nil,
                  value: Value(type: .money, text: "$\(1999 + index)", number: Double(1999 + index), unit: "USD"),
                  confidence: Confidence(score: 0.7, label: .reported, reasons: ["source prior: reported"]),
                  quote: "The Mac Studio costs $\(1999 + index) according to page \(page).", statedAt: date, position: index)
        }
        entries.append(Store.Entry(capture: capture, claims: claims))
        if entries.count == 250 { try store.insert(entries); entries.removeAll() }
    }
    try store.insert(entries)
    print(count, Date().timeIntervalSince(start))
    exit(0)
}

// Sizes for the sample set come from the arguments; `--real N ...` sets the real-page sizes (0 skips them).
let realFlag = arguments.firstIndex(of: "--real")
let sampleSizes = (realFlag.map { Array(arguments[..<$0]) } ?? arguments).compactMap { Int($0) }
let realSizes = (realFlag.map { Array(arguments[($0 + 1)...]) } ?? []).compactMap { Int($0) }
let cores = ProcessInfo.processInfo.activeProcessorCount
let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()

/// A page the generator copies, with the plugin that reads it.
typealias Template = (source: String, body: String)

/// Every HTML page in `folder`, for the plugin `source`.
func pages(in folder: URL, source: String) -> [Template] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().filter { $0.hasSuffix(".html") }.compactMap { name in
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { (source, $0) }
    }
}

/// The sample's pages and every plugin fixture: pages in each site's structure, but small (1.8 KB on
/// average), so what a page costs beyond its bytes weighs most.
func sampleTemplates() -> [Template] {
    var templates: [Template] = []
    for run in ["run-1", "run-2"] {
        let folder = repository.appendingPathComponent("Sample/\(run)")
        for source in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
            templates += pages(in: folder.appendingPathComponent(source), source: source)
        }
    }
    for (folder, id) in [("MacRumors", "macrumors"), ("NineToFiveMac", "9to5mac"), ("TomsHardware", "tomshardware"),
                         ("HackerNews", "hackernews"), ("Geekbench", "geekbench"), ("Generic", "generic")] {
        templates += pages(in: repository.appendingPathComponent("Tests/\(folder)SourceTests/Fixtures/\(id)"), source: id)
    }
    return templates
}

/// The real pages beside the repository (`../shared/corpus`, or `$CLAIMTRACK_CORPUS`), read in place and
/// never copied into the project: full-size pages as the sites serve them (170 KB on average).
func realTemplates() -> [Template] {
    let corpus = ProcessInfo.processInfo.environment["CLAIMTRACK_CORPUS"].map { URL(fileURLWithPath: $0) }
        ?? repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    return ["9to5mac", "geekbench", "hackernews", "macrumors", "tomshardware"].flatMap { pages(in: corpus.appendingPathComponent($0), source: $0) }
}

let lint = FileManager.default.fileExists(atPath: "/usr/bin/xmllint")

/// Writes `count` unique copies of `templates` as WARC runs of 1,000 pages (and as files for xmllint),
/// reparses them three times on one worker and on every core, runs xmllint over them, and prints a row for
/// each store (SQLite, then the PostgreSQL one if given).
func measure(_ templates: [Template], count: Int) throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-bench-\(UUID().uuidString)")
    let pagesFolder = workspace.appendingPathComponent("pages"), archive = workspace.appendingPathComponent("Archive")
    try FileManager.default.createDirectory(at: pagesFolder, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
    // REPARSE_BENCH_KEEP=1 keeps each workspace (its path is printed) for profiling `reparse` by hand.
    let keep = ProcessInfo.processInfo.environment["REPARSE_BENCH_KEEP"] == "1"
    defer { if keep { print("workspace kept: \(workspace.path)") } else { try? FileManager.default.removeItem(at: workspace) } }
    var bytes = 0
    var writer: WARCWriter?
    for index in 0..<count {
        if index % 1_000 == 0 {
            // A new run every 1,000 pages: runs named a minute apart.
            let run = Timestamp.utc(year: 2026, month: 4, day: 1, hour: (index / 1_000) / 60, minute: (index / 1_000) % 60)!
            let id = Timestamp.format(run)
            writer = try WARCWriter(file: archive.appendingPathComponent("claimtrack-\(id.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")).warc.gz"))
            try writer!.write([WARCWriter.header(type: "warcinfo", date: run, contentType: "application/warc-fields",
                                                 block: Data("run: \(id)\r\nstarted: \(id)\r\n".utf8))])
        }
        let template = templates[index % templates.count]
        // Each copy is its own page: its own URL, its own canonical link, its own bytes.
        let body = Data(("<!-- copy \(index) -->\n" + template.body
            .replacingOccurrences(of: "<link rel=\"canonical\" href=\"", with: "<link rel=\"canonical\" href=\"https://copy\(index).example/")).utf8)
        bytes += body.count
        let date = Timestamp.utc(year: 2026, month: 4, day: 1, hour: (index / 1_000) / 60, minute: (index / 1_000) % 60)!
        try writer!.write([WARCWriter.header(type: "resource", date: date, target: "https://bench.example/\(template.source)/\(index).html",
                                             contentType: "text/html", block: body,
                                             extra: [(ArchiveScanner.sourceHeader, template.source), (ArchiveScanner.runHeader, Timestamp.format(date)),
                                                     ("WARC-Payload-Digest", WARCDigest.sha1(body))])])
        try body.write(to: pagesFolder.appendingPathComponent("\(index).html"))
    }
    try writer?.synchronize()
    let files = (0..<count).map { pagesFolder.appendingPathComponent("\($0).html").path }
    for store in [nil] + (postgres.map { [$0] } ?? []) {
        print(row(workspace, files: files, megabytes: Double(bytes) / 1_000_000, store: store))
    }
}

/// One row of the table: `reparse` of `workspace` into `store` (nil: its SQLite file) three rounds over.
func row(_ workspace: URL, files: [String], megabytes: Double, store: String?) -> String {
    let count = files.count
    var line = (store == nil ? "SQLite" : "PostgreSQL").padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: " %6d %6.1f", count, megabytes)
    // Three rounds, each one worker then every core, then xmllint; each figure is its median over the
    // rounds and each ratio the median of the rounds' ratios: a shared machine's slow spells vary a
    // single run by half.
    struct Round { var one: Double, all: Double, peakOne: Double, peakAll: Double, floor: Double? }
    var rounds: [Round] = []
    func reparse(_ workers: Int) -> (rate: Double, peak: Double) {
        try? FileManager.default.removeItem(at: workspace.appendingPathComponent(".claimtrack"))
        let result = ChildRun.measure(me, ["--reparse", workspace.path, String(workers)] + (store.map { [$0] } ?? []))
        let fields = result.output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count == 3 else { fatalError("reparse child failed: \(result.output)") }
        return (fields[0] / fields[2], result.peakMB)
    }
    for _ in 0..<3 {
        let one = reparse(1), all = reparse(cores)
        let floor = lint ? Double(count) / ChildRun.measure(URL(fileURLWithPath: "/usr/bin/xmllint"), ["--html", "--noout"] + files).seconds : nil
        rounds.append(Round(one: one.rate, all: all.rate, peakOne: one.peak, peakAll: all.peak, floor: floor))
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    let one = median(rounds.map(\.one)), all = median(rounds.map(\.all))
    for (rate, peak) in [(one, rounds.map(\.peakOne).max()!), (all, rounds.map(\.peakAll).max()!)] {
        line += String(format: "   %6.0f p/s %5.2f MB/s %4.0f MB", rate, megabytes * rate / Double(count), peak)
    }
    if lint {
        let floors = rounds.compactMap(\.floor)
        // The targets: one worker at half of xmllint's pages/s (one process, one core), and every core at
        // 1.7 times one worker.
        line += String(format: "   %6.0f p/s %5.1f MB/s   %5.1f%%            %4.2fx", median(floors), megabytes * median(floors) / Double(count),
                       100 * median(rounds.map { $0.one / $0.floor! }), median(rounds.map { $0.all / $0.one }))
    } else {
        line += String(format: "   xmllint not installed (apt-get install libxml2-utils)   %4.2fx", median(rounds.map { $0.all / $0.one }))
    }
    return line
}

/// The templates' mean size in KB, to one decimal.
func kilobytes(_ templates: [Template]) -> String {
    String(format: "%.1f", Double(templates.reduce(0) { $0 + $1.body.utf8.count }) / Double(templates.count) / 1000)
}

let heading = "store        pages     MB   reparse 1 worker            reparse \(cores) workers           xmllint --html --noout   1 worker/xmllint  \(cores) cores/1 worker"
let sample = sampleTemplates()
guard !sample.isEmpty else { fatalError("no sample pages or fixtures under \(repository.path)") }
print("sample set: \(sample.count) distinct pages (sample + fixtures, \(kilobytes(sample)) KB on average), copied under unique URLs; \(cores) cores")
print(heading)
for count in sampleSizes.isEmpty ? [100, 1_000, 10_000] : sampleSizes where count > 0 { try measure(sample, count: count) }

let real = realTemplates()
if real.isEmpty {
    print("\nreal pages: ../shared/corpus not found (set CLAIMTRACK_CORPUS); skipped")
} else if realFlag == nil || !realSizes.allSatisfy({ $0 == 0 }) {
    print("\nreal set: \(real.count) real pages of the five sites (../shared/corpus, \(kilobytes(real)) KB on average), copied under unique URLs")
    print(heading)
    for count in realSizes.isEmpty ? [100, 1_000] : realSizes where count > 0 { try measure(real, count: count) }
}

let insertFolder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-insert-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: insertFolder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: insertFolder) }
var rates: [String] = []
for store in [nil] + (postgres.map { [$0] } ?? []) {
    let insert = ChildRun.measure(me, ["--insert", insertFolder.path, "200000"] + (store.map { [$0] } ?? []))
    let fields = insert.output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard fields.count == 2 else { fatalError("insert child failed: \(insert.output)") }
    rates.append(String(format: "%@ %.0f claims/s (peak %.0f MB)", (store == nil ? "SQLite" : "PostgreSQL") as NSString, fields[0] / fields[1], insert.peakMB))
}
print("store insert (200,000 claims, 100 per capture, 250 captures per transaction): " + rates.joined(separator: ", "))

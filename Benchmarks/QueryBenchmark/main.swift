import BenchmarkSupport
import ClaimCore
import ClaimPipeline
import ClaimStore
import Foundation

// `questions`, `contradictions`, `diff` and `export` of the real command line over a large store: N claims
// (default 1,000,000) on 1,000 questions, 100 claims per page, in two runs; the second run re-captures a
// tenth of the pages, a few with a different price (changes and contradictions to find), and Apple's price for
// every other configuration, which resolves half the questions (a track record to judge).
// Each listing runs twice: first with nothing kept (it resolves, as after an edit of Questions.list by hand),
// then after a writer has kept each run's resolution (as `fetch` does at the end of its run): it reads that.
// Run: swift build -c release --product claimtrack && swift run -c release query-benchmark [N] [--postgresql URL]
// With --postgresql (an empty database or schema the benchmark may fill and drop), every figure is taken on
// SQLite and then on that PostgreSQL store, and printed side by side.

// The store is built by a child process, so this one stays small and each command's peak memory is its own
// (a spawned child's peak starts from its parent's).
let questionCount = 1_000, perPage = 100
/// Child mode: `--build <workspace> <claims> [<store>]` writes the store.
if CommandLine.arguments.count >= 4, CommandLine.arguments[1] == "--build" {
    let workspace = Workspace(root: URL(fileURLWithPath: CommandLine.arguments[2]), store: CommandLine.arguments.dropFirst(4).first)
    try buildStore(workspace, claims: Int(CommandLine.arguments[3])!)
    exit(0)
}
/// Child mode: `--keep <workspace> [<store>]` keeps each run's resolution, as the writer of that run did.
if CommandLine.arguments.count >= 3, CommandLine.arguments[1] == "--keep" {
    let workspace = Workspace(root: URL(fileURLWithPath: CommandLine.arguments[2]), store: CommandLine.arguments.dropFirst(3).first)
    let store = try Store(try workspace.storeLocation())
    for run in try store.runIDs() { try Pipeline.keepResolution(workspace, store: store, asOf: run) }
    try store.finishWriting()
    exit(0)
}
let total = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let postgres = CommandLine.arguments.firstIndex(of: "--postgresql").map { index in
    guard index + 1 < CommandLine.arguments.count else { fatalError("--postgresql needs a URL: postgresql://user@host:port/db[?schema=name]") }
    return CommandLine.arguments[index + 1]
}
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("claimtrack")
guard FileManager.default.isExecutableFile(atPath: binary.path) else {
    fatalError("\(binary.path) is missing: run `swift build -c release --product claimtrack` first")
}
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-query-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: workspace.appendingPathComponent(".claimtrack"), withIntermediateDirectories: true)
// QUERY_BENCH_KEEP=1 keeps the workspace (its path is printed) for profiling the commands by hand.
let keep = ProcessInfo.processInfo.environment["QUERY_BENCH_KEEP"] == "1"
defer { if keep { print("workspace kept: \(workspace.path)") } else { try? FileManager.default.removeItem(at: workspace) } }

var questions = ""
for index in 0..<questionCount {
    questions += "[q\(index)]\ntext: What does configuration \(index) of the Mac Studio cost?\nsubjects: Mac Studio\nattribute: price\nqualifier: config \(index)\n\n"
}
try Data(questions.utf8).write(to: workspace.appendingPathComponent("Questions.list"))

let listings = ProcessInfo.processInfo.environment["QUERY_BENCH_COMMANDS"].map { $0.split(separator: ",").map { $0.split(separator: " ").map(String.init) } }
    ?? [["questions"], ["contradictions"], ["diff"], ["track-record"]]
let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()

/// Every figure on one store (nil: the workspace's SQLite file), printed as taken and returned by label.
func benchmark(store: String?) -> [(String, String)] {
    let backend = store == nil ? "SQLite" : "PostgreSQL"
    let storeArguments = store.map { [$0] } ?? []
    var figures: [(String, String)] = []
    let buildRun = ChildRun.measure(me, ["--build", workspace.path, String(total)] + storeArguments)
    guard buildRun.status == 0 else { fatalError("building the store failed: \(buildRun.output)") }
    let stored = total + total / 10 + questionCount / 2
    print(String(format: "%@ store: %d claims on %d questions, %d pages, 2 runs (built in %.1f s: %.0f claims/s)", backend as NSString, stored,
                 questionCount, total / perPage, buildRun.seconds, Double(stored) / buildRun.seconds))
    figures.append(("store inserts", String(format: "%.0f claims/s", Double(stored) / buildRun.seconds)))
    func measure(_ command: [String], _ note: String) {
        let run = ChildRun.measure(binary, command + ["--workspace", workspace.path] + (store.map { ["--store", $0] } ?? []))
        let label = command.joined(separator: " ") + note
        print(String(format: "%-34@ %7.2f s  peak %5.0f MB  (exit %d, %d lines)", label as NSString, run.seconds, run.peakMB,
                     run.status, run.lines))
        figures.append((label, String(format: "%.2f s, %.0f MB", run.seconds, run.peakMB)))
    }
    for command in listings { measure(command, " (resolving)") }
    let keepRun = ChildRun.measure(me, ["--keep", workspace.path] + storeArguments)
    guard keepRun.status == 0 else { fatalError("keeping the resolutions failed: \(keepRun.output)") }
    print(String(format: "the writer keeps both runs' resolutions: %.2f s", keepRun.seconds))
    figures.append(("the writer keeps both runs' resolutions", String(format: "%.2f s", keepRun.seconds)))
    for command in listings { measure(command, " (kept)") }
    // These print every linked claim, so they always resolve.
    for command in [["questions", "--json"], ["export", "--format", "markdown"]] { measure(command, "") }
    return figures
}

let onSQLite = benchmark(store: nil)
if let postgres {
    let onPostgreSQL = benchmark(store: postgres)
    print("\n| \(total + total / 10) claims | SQLite | PostgreSQL |\n|---|---|---|")
    for ((label, sqlite), (_, postgresql)) in zip(onSQLite, onPostgreSQL) { print("| \(label) | \(sqlite) | \(postgresql) |") }
}

/// Writes the benchmark's store into `workspace`.
func buildStore(_ workspace: Workspace, claims total: Int) throws {
    let pages = total / perPage
    let location = try workspace.storeLocation()
    // A PostgreSQL store is emptied first (rebuilt with nothing in it): the benchmark starts from nothing on both.
    if location.isPostgreSQL { try Store.rebuild(location) { _ in } }
    let store = try Store(location)
    let runs = ["2026-04-01T00:00:00Z", "2026-04-02T00:00:00Z"]
    for (number, run) in runs.enumerated() {
        let started = Timestamp.iso8601(run)!
        try store.save(run: Run(id: run, started: started, warcFile: "claimtrack-\(number).warc.gz"))
        var entries: [Store.Entry] = []
        // Run 1 captures every page; run 2 a tenth of them again, one in twenty of those with a new price.
        for page in stride(from: 0, to: pages, by: number == 0 ? 1 : 10) {
            let url = "https://bench.example/\(page)"
            let document = Document(url: url, source: "macrumors", kind: .article, title: "Page \(page)", published: started, publisher: "MacRumors")
            let capture = CaptureRow(recordID: "<urn:uuid:\(number)-\(page)>", run: run, source: "macrumors", warcFile: "claimtrack-\(number).warc.gz",
                                     offset: page, targetURI: url, document: document, retrieved: started, status: 200,
                                     payloadDigest: "sha1:\(number)-\(page)", diagnostics: [])
            let price = number == 1 && page % 200 == 0 ? 2_499.0 : 1_999.0
            let claims = (0..<perPage).map { slot in
                let question = (page * perPage + slot) % questionCount
                return Claim(subject: "Mac Studio", attribute: "price", qualifier: "config \(question)",
                             value: Value(type: .money, text: "$\(Int(price))", number: price, currency: "USD"),
                             confidence: Confidence(score: 0.7, label: .reported, reasons: ["source prior: reported"]),
                             quote: "Configuration \(question) of the Mac Studio costs $\(Int(price)).", statedAt: started, position: slot)
            }
            entries.append(Store.Entry(capture: capture, claims: claims))
            if entries.count == 250 { try store.insert(entries); entries.removeAll() }
        }
        // Run 2 also brings Apple's price for every even configuration: half the questions resolve, and the
        // track record has a claim to judge on each.
        for question in stride(from: 0, to: number == 1 ? questionCount : 0, by: 2) {
            let url = "https://apple.example/mac-studio/config-\(question)"
            let document = Document(url: url, source: "generic", kind: .article, title: "Configuration \(question)", published: started, publisher: "Apple")
            let capture = CaptureRow(recordID: "<urn:uuid:apple-\(question)>", run: run, source: "generic", warcFile: "claimtrack-\(number).warc.gz",
                                     offset: pages + question, targetURI: url, document: document, retrieved: started, status: 200,
                                     payloadDigest: "sha1:apple-\(question)", diagnostics: [])
            let claim = Claim(subject: "Mac Studio", attribute: "price", qualifier: "config \(question)",
                              value: Value(type: .money, text: "$1999", number: 1_999, currency: "USD"),
                              confidence: Confidence(score: 0.95, label: .official, reasons: ["cue: apple's website"]),
                              quote: "Configuration \(question) costs $1,999 on Apple's website.", statedAt: started, position: 0)
            entries.append(Store.Entry(capture: capture, claims: [claim]))
        }
        try store.insert(entries)
    }
    try store.finishWriting()
}

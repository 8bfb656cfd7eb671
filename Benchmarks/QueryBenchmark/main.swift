import BenchmarkSupport
import ClaimCore
import ClaimStore
import Foundation

// `questions`, `contradictions`, `diff` and `export` of the real command line over a large store: N claims
// (default 1,000,000) on 1,000 questions, 100 claims per page, in two runs; the second run re-captures a
// tenth of the pages, a few with a different price (changes and contradictions to find).
// Run: swift build -c release --product claimtrack && swift run -c release query-benchmark [N]

let total = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let questionCount = 1_000, perPage = 100
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

let store = try Store(file: workspace.appendingPathComponent(".claimtrack/store.sqlite"))
let runs = ["2026-04-01T00:00:00Z", "2026-04-02T00:00:00Z"]
let pages = total / perPage
let buildStart = Date()
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
    try store.insert(entries)
}
print(String(format: "store: %d claims on %d questions, %d pages, 2 runs (built in %.1f s)", total + total / 10, questionCount, pages,
             Date().timeIntervalSince(buildStart)))

let commands = ProcessInfo.processInfo.environment["QUERY_BENCH_COMMANDS"].map { $0.split(separator: ",").map { $0.split(separator: " ").map(String.init) } }
    ?? [["questions"], ["questions", "--json"], ["contradictions"], ["diff"], ["export", "--format", "markdown"]]
for command in commands {
    let run = ChildRun.measure(binary, command + ["--workspace", workspace.path])
    print(String(format: "%-26@ %7.2f s  peak %5.0f MB  (exit %d, %d lines)", command.joined(separator: " ") as NSString, run.seconds, run.peakMB,
                 run.status, run.output.split(separator: "\n").count))
}

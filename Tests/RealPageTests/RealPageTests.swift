import ClaimCore
import Foundation
import PluginRegistry
import TestSupport
import Testing

/// The real saved pages in ../shared/corpus (or $CLAIMTRACK_CORPUS) against the hand-made GOLD.tsv.
enum Corpus {
    static let folder = CorpusFolder.url

    static var available: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("GOLD.tsv").path) }

    /// One GOLD.tsv row.
    struct Gold: CustomTestStringConvertible, Sendable {
        var file, source, kind, url, title, author, published, extra: String
        var testDescription: String { file }

        /// `items=18; first=https://…; …` as a dictionary.
        var extras: [String: String] {
            Dictionary(extra.split(separator: ";").compactMap { part -> (String, String)? in
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return pair.count == 2 ? (pair[0], pair[1]) : nil
            }, uniquingKeysWith: { first, _ in first })
        }
    }

    static let rows: [Gold] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("GOLD.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 9 else { return nil }
            return Gold(file: f[0], source: f[1], kind: f[2], url: f[3], title: f[4], author: f[5], published: f[6], extra: f[8])
        }
    }()

    /// Rows whose plugin this build has; the others are listed as not yet covered.
    static var covered: [Gold] { rows.filter { PluginRegistry.plugin(id: $0.source) != nil } }
}

@Suite(.enabled(if: Corpus.available, "../shared/corpus is absent: the real-page suite was skipped"))
struct RealPageTests {
    /// Field-by-field agreement with GOLD for one file; returns the mismatches.
    static func mismatches(_ gold: Corpus.Gold) throws -> [String] {
        let plugin = try #require(PluginRegistry.plugin(id: gold.source))
        let body = try Data(contentsOf: Corpus.folder.appendingPathComponent(gold.file))
        let pageURL = URL(string: gold.url) ?? Corpus.folder.appendingPathComponent(gold.file)
        let reading = try plugin.read(FetchedPage(url: pageURL, body: body))
        let document = reading.document
        var wrong: [String] = []
        func check(_ field: String, _ got: String?, _ want: String) {
            if !want.isEmpty && got != want { wrong.append("\(field): got \(got ?? "nil"), want \(want)") }
        }
        // GOLD's "excerpt" and "textdump" say what the file is, not what kind of page it shows.
        if !["excerpt", "textdump"].contains(gold.kind) { check("kind", document.kind.rawValue, gold.kind) }
        check("url", document.url, gold.url)
        check("title", document.title, gold.title)
        check("author", document.author, gold.author)
        // Right to the minute, in UTC. A lone API comment carries only its own time (GOLD's extra `time=`).
        let extras = gold.extras
        let wantPublished = gold.kind == "json" && extras["type"] == "comment" ? (extras["time"] ?? gold.published) : gold.published
        check("published", document.published.map { String(Timestamp.format($0).prefix(16)) }, String(wantPublished.prefix(16)))
        // Every fact GOLD lists that the reader also reports must agree (first word of GOLD's value).
        for (key, value) in extras.sorted(by: { $0.key < $1.key }) where !["items", "first", "last"].contains(key) {
            guard let got = document.facts[key] else { continue }
            // GOLD sometimes annotates a count: "jobs=1 (rank 23, id 22800418, …)".
            let want = value.range(of: #"^\d+ \("#, options: .regularExpression) != nil ? String(value.prefix { $0 != " " }) : value
            check(key, got, want)
        }
        if let items = extras["items"] { check("items", String(document.links.count), items) }
        if let first = extras["first"] { check("first", document.links.first, first) }
        if let last = extras["last"] { check("last", document.links.last, last) }
        return wrong
    }

    /// Where a reader of the page alone cannot reach GOLD, and why. Each is asserted exactly, so a change shows.
    static let knownDeviations: [String: [String]] = [
        // The Upload Date cell was localised by the saving browser's JavaScript (+02:00, known only from the
        // sibling .gb5 file); the page itself carries no zone, so it is read as UTC, and a note says so.
        "geekbench/geekbench-2022-11-05-v5-cpu-18449406-x670e-ryzen7-7700x.html": ["published: got 2022-11-05T16:05, want 2022-11-05T14:05"],
    ]

    @Test(arguments: Corpus.covered)
    func readsLikeGold(_ gold: Corpus.Gold) throws {
        let wrong = try Self.mismatches(gold)
        #expect(wrong == (Self.knownDeviations[gold.file] ?? []), "\(gold.file): \(wrong.joined(separator: "; "))")
    }

    @Test func scoreTable() throws {
        var table: [String: (passed: Int, total: Int)] = [:]
        var deviations: [String: Int] = [:]
        for gold in Corpus.rows {
            var entry = table[gold.source] ?? (0, 0)
            entry.total += 1
            if PluginRegistry.plugin(id: gold.source) != nil, (try? Self.mismatches(gold))?.isEmpty == true { entry.passed += 1 }
            if Self.knownDeviations[gold.file] != nil { deviations[gold.source, default: 0] += 1 }
            table[gold.source] = entry
        }
        var lines = ["real pages vs GOLD.tsv", "source          passed / files"]
        for source in table.keys.sorted() {
            let (passed, total) = table[source]!
            let note = PluginRegistry.plugin(id: source) == nil ? "   (no plugin yet)"
                : deviations[source].map { "   (\($0) known deviation\($0 == 1 ? "" : "s"), see knownDeviations)" } ?? ""
            lines.append("\(source.padding(toLength: 15, withPad: " ", startingAt: 0)) \(passed) / \(total)\(note)")
        }
        print(lines.joined(separator: "\n"))
        #expect(!Corpus.covered.isEmpty)
    }
}

/// Every real page read by every plugin, its own or not: never a crash, never a silent empty result.
@Suite(.enabled(if: Corpus.available, "../shared/corpus is absent: the wrong-plugin suite was skipped"))
struct WrongPluginTests {
    @Test(arguments: Corpus.rows)
    func anyPluginOnAnyPageSaysWhatItFound(_ gold: Corpus.Gold) throws {
        let body = try Data(contentsOf: Corpus.folder.appendingPathComponent(gold.file))
        let url = URL(string: gold.url) ?? Corpus.folder.appendingPathComponent(gold.file)
        for plugin in PluginRegistry.all.map({ $0.init() }) {
            let reading: Reading
            do {
                reading = try plugin.read(FetchedPage(url: url, body: body))
            } catch {
                // Bytes that are not a page at all for this plugin: a typed error with a message, not a crash.
                #expect(!"\(error)".isEmpty)
                continue
            }
            let document = reading.document
            let empty = document.title == nil && reading.passages.isEmpty && reading.claims.isEmpty && document.links.isEmpty && document.facts.isEmpty
            #expect(!empty || !reading.diagnostics.isEmpty, "\(type(of: plugin).descriptor.id) on \(gold.file): empty and silent")
        }
    }
}

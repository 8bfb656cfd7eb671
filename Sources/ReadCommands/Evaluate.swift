import ArgumentParser
import ClaimCore
import CommandSupport
import Foundation
import PluginRegistry

/// `evaluate`: the extractor scored on a gold set of sentences, or on real article pages read through the
/// real path.
public struct Evaluate: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Score claim extraction on a gold set: precision, recall and F1 for detection, values and labels.",
        discussion: """
        With --gold, a set of sentences (one JSON object per line) read by the extractor alone. With --prose, a \
        folder of real article pages with hand-annotated claims and hard negatives (GOLD.json, Vocabulary.list and \
        Questions.list beside them, as in ../shared/corpus/prose): each page is read as a fetch would read it \
        (its site's plugin, or the generic reader; the page's own dates; the folder's vocabulary) and scored page \
        by page, with the hard negatives a produced claim violates.
        """)

    @Option(name: .long, help: "The sentence gold set, one JSON object per line (scored with the built-in vocabulary, or with the vocabulary of --workspace when it is given).", completion: .file(extensions: ["jsonl"]))
    var gold = "Evaluation/extraction-gold.jsonl"

    @Option(name: .long, help: "A folder of real pages with GOLD.json (e.g. ../shared/corpus/prose).", completion: .directory)
    var prose: String?

    @Flag(name: .customLong("all-attributes"), help: "With --prose: score the extra attributes of the folder's Vocabulary.list too (default: built-in attributes only).")
    var allAttributes = false

    @Flag(name: .customLong("given-body"), help: "With --prose: read every page with the generic reader and the gold's body_xpath, to tell finding the prose from reading it.")
    var givenBody = false

    @Flag(name: .long, help: "List every disagreement: misses, false claims and (with --prose) violated hard negatives.")
    var errors = false

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    public func run() throws {
        if let prose { return try evaluateProse(URL(fileURLWithPath: prose, isDirectory: true)) }
        guard let contents = try? String(contentsOfFile: gold, encoding: .utf8) else {
            Terminal.warn("error: \(gold): cannot read the gold set")
            throw ExitCode.failure
        }
        let sentences: [GoldSentence]
        do { sentences = try ExtractionEvaluation.load(contents, file: gold) } catch {
            Terminal.warn("\(error)")
            throw ExitCode.failure
        }
        let priors = Dictionary(uniqueKeysWithValues: PluginRegistry.all.map { ($0.descriptor.id, $0.descriptor.prior) })
        // The built-in vocabulary, so scores compare across workspaces; a workspace named with --workspace
        // scores with its own (Vocabulary.list and the subjects its questions name).
        let vocabulary = workspace.workspace == nil ? Vocabulary.standard : try workspace.reporting { try workspace.resolved.vocabulary() }
        let report = ExtractionEvaluation.evaluate(sentences, extractor: ClaimExtractor(vocabulary: vocabulary), priors: priors)
        if output.json { return try output.printJSON(report) }
        print(ExtractionEvaluation.table(report))
        if errors { print(""); report.errors.forEach { print($0) } }
    }

    /// Reads every page of a real-prose gold set through its plugin and the extractor, and scores it.
    private func evaluateProse(_ folder: URL) throws {
        let goldFile = folder.appendingPathComponent("GOLD.json")
        let gold: ProseGold
        do { gold = try JSONDecoder().decode(ProseGold.self, from: Data(contentsOf: goldFile)) } catch {
            Terminal.warn("error: \(goldFile.path): not a prose gold set: \(error)")
            throw ExitCode.failure
        }
        // The folder is a workspace: its Vocabulary.list and Questions.list name the subjects.
        let vocabulary: Vocabulary
        do { vocabulary = try Workspace(root: folder).vocabulary() } catch {
            Terminal.warn("\(error)")
            throw ExitCode.failure
        }
        let extractor = ClaimExtractor(vocabulary: vocabulary)
        var produced: [String: (plugin: String, claims: [Claim])] = [:]
        for page in gold.pages {
            guard let url = URL(string: page.url), let body = try? Data(contentsOf: folder.appendingPathComponent(page.file)) else {
                Terminal.warn("warning: \(page.file): cannot read the page; scored as finding nothing")
                continue
            }
            let host = (url.host ?? "").lowercased()
            let plugin = givenBody ? PluginRegistry.plugin(id: "generic")!
                : PluginRegistry.plugin(host: host) ?? PluginRegistry.plugin(host: "www." + host) ?? PluginRegistry.plugin(id: "generic")!
            let options = givenBody ? page.bodyXPath.map { ["body": $0] } ?? [:] : [:]
            // Retrieved the day it was published, as a fetch of the day would have it.
            let retrieved = Timestamp.iso8601(page.published).map { $0.addingTimeInterval(12 * 3600) }
            do {
                let reading = try plugin.read(FetchedPage(url: url, body: body, contentType: "text/html", retrieved: retrieved, options: options))
                produced[page.file] = (type(of: plugin).descriptor.id, extractor.extract(reading, prior: type(of: plugin).descriptor.prior).claims)
            } catch {
                Terminal.warn("warning: \(page.file): unreadable: \(error)")
                produced[page.file] = (type(of: plugin).descriptor.id, [])
            }
        }
        let report = ProseEvaluation.evaluate(gold, produced: produced, builtinOnly: !allAttributes,
                                              builtinAttributes: Set(Vocabulary.standard.attributes.map(\.id)))
        if output.json { return try output.printJSON(report) }
        print(ProseEvaluation.table(report))
        if errors { print(""); report.errors.forEach { print($0) } }
    }
}

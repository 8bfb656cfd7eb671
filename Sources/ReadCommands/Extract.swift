import ArgumentParser
import ClaimCore
import CommandSupport
import Foundation
import PluginRegistry

/// `extract FILE --source ID`: the plugin author's tool; touches neither the store nor the archive.
public struct Extract: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Read one saved page or feed with a plugin and print its document and claims.")

    @Argument(help: "A saved HTML page, RSS feed or JSON document.", completion: .file())
    var file: String

    @Option(name: .long, help: "The plugin id (\(PluginRegistry.ids.joined(separator: ", "))).", completion: Completions.sourceIDs)
    var source: String

    @Option(name: .long, help: "The URL the page was fetched from (default: file://FILE).")
    var url: String?

    @Option(name: .customLong("option"), help: "A source option as in Sources.list, key=value (repeatable), e.g. title=//h1 for generic.")
    var options: [String] = []

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    public func validate() throws {
        guard PluginRegistry.plugin(id: source) != nil else {
            throw ValidationError("unknown source '\(source)'; known: \(PluginRegistry.ids.joined(separator: ", "))")
        }
        if let url, URL(string: url)?.scheme == nil {
            throw ValidationError("--url '\(url)' is not an absolute URL")
        }
        for option in options where !option.contains("=") {
            throw ValidationError("--option '\(option)' is not key=value")
        }
        let rules = PluginRegistry.sourcesListRules[source]!
        for key in parsedOptions.keys where !(SourcesList.commonOptions + rules.options).contains(key) {
            throw ValidationError("unknown option '\(key)' for \(source); known: \((SourcesList.commonOptions + rules.options).sorted().joined(separator: ", "))")
        }
        if let problem = rules.check(parsedOptions).first { throw ValidationError(problem) }
    }

    var parsedOptions: [String: String] {
        Dictionary(options.compactMap { option in
            let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
            return pair.count == 2 ? (pair[0], pair[1]) : nil
        }, uniquingKeysWith: { _, last in last })
    }

    struct Output: Encodable {
        let document: Document
        let claims: [Claim]
        let diagnostics: [Diagnostic]
        /// The articles a feed or listing quotes, each with its own claims (cited to the article).
        let excerpts: [Excerpt]
    }

    struct Excerpt: Encodable {
        let document: Document
        let claims: [Claim]
    }

    public func run() throws {
        let plugin = PluginRegistry.plugin(id: source)!
        let fileURL = URL(fileURLWithPath: file)
        guard let body = FileManager.default.contents(atPath: fileURL.path) else {
            Terminal.warn("error: \(file): cannot read the file")
            throw ExitCode.failure
        }
        let page = FetchedPage(url: url.flatMap(URL.init(string:)) ?? fileURL, body: body, options: parsedOptions)
        let bounded = page.withinElementBudget(source: source)
        var reading = try plugin.read(bounded.page)
        if let warning = bounded.warning { reading.diagnostics.append(warning) }
        let vocabulary = try workspace.reporting { try workspace.resolved.vocabulary() }
        let extractor = ClaimExtractor(vocabulary: vocabulary)
        let prior = type(of: plugin).descriptor.prior
        let claims = extractor.claims(for: reading, prior: prior)
        let excerpts = reading.excerpts.map { Excerpt(document: $0.document, claims: extractor.claims(for: $0, prior: prior)) }
        if output.json {
            try output.printJSON(Output(document: reading.document, claims: claims, diagnostics: reading.diagnostics, excerpts: excerpts))
        } else {
            printDocument(reading.document, claims: claims, indent: "")
            for excerpt in excerpts where !excerpt.claims.isEmpty {
                printDocument(excerpt.document, claims: excerpt.claims, indent: "  ")
            }
            let quiet = excerpts.filter(\.claims.isEmpty).count
            if quiet > 0 { print("  (\(quiet) more excerpt\(quiet == 1 ? "" : "s") with no claims)") }
            reading.diagnostics.forEach { Terminal.warn($0.description) }
        }
    }

    private func printDocument(_ document: Document, claims: [Claim], indent: String) {
        print("\(indent)\(document.kind.rawValue): \(document.title ?? "(no title)")")
        print("\(indent)  url:       \(document.url)")
        print("\(indent)  author:    \(document.author ?? "-")")
        print("\(indent)  published: \(document.published.map(Timestamp.format) ?? "-")")
        if !document.links.isEmpty { print("\(indent)  links:     \(document.links.count)") }
        for claim in claims {
            print("\(indent)  \(claim.subject) · \(claim.attribute)\(claim.qualifier.map { " (\($0))" } ?? ""): \(claim.value.display) [\(claim.confidence.label.rawValue)]")
        }
    }
}

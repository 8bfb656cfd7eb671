import ArgumentParser
import ClaimCore
import ClaimFetch
import ClaimPipeline
import ClaimQuery
import ClaimResolver
import CommandSupport
import Foundation
import PluginRegistry

/// `fetch [--source ID]... [--offline]`.
public struct Fetch: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Fetch the sources, archive every page, extract claims and resolve questions.",
        discussion: """
        Every exchange is written to Archive/ before anything reads it. A failing source is reported on stderr \
        with its id, URL and reason; the others carry on; the exit code is then 1. With --offline nothing is \
        sent over the network: the store is brought level with Archive/ (rebuilt, on a fresh clone). \
        Set CLAIMTRACK_NOW to an ISO 8601 time to pin the run's clock (used to build the sample archive).
        """)

    @Option(name: .long, help: "Fetch only this source id (repeatable).", completion: Completions.sourceIDs)
    var source: [String] = []

    @Flag(name: .long, help: "Send nothing over the network; rebuild the store from Archive/.")
    var offline = false

    @Option(name: .customLong("user-agent"), help: "The User-Agent to send (default: $CLAIMTRACK_USER_AGENT or claimtrack's own, with a contact URL).")
    var userAgent: String?

    @Option(name: .long, help: "Seconds to wait for a response before giving up on it.")
    var timeout: Double = 30

    @Flag(name: .long, help: """
        For cron: print only what changed since the last run (claims added, changed or retracted, questions whose \
        status moved, contradictions), nothing when nothing did. Exit 0: nothing changed; 2: something changed; \
        1: a source failed.
        """)
    var changes = false

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writer: WriterOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var verbosity: VerbosityOptions

    public func validate() throws {
        for id in source where PluginRegistry.plugin(id: id) == nil {
            throw ValidationError("unknown source '\(id)'; known: \(PluginRegistry.ids.joined(separator: ", "))")
        }
        if offline && !source.isEmpty { throw ValidationError("--offline rebuilds every source; drop --source") }
        if changes && (offline || output.json) { throw ValidationError("--changes reports what a fetch changed: drop --offline and --json") }
        if !(1...600).contains(timeout) { throw ValidationError("--timeout must be between 1 and 600 seconds") }
        if let now = ProcessInfo.processInfo.environment["CLAIMTRACK_NOW"], Timestamp.iso8601(now) == nil {
            throw ValidationError("CLAIMTRACK_NOW='\(now)' is not an ISO 8601 time")
        }
    }

    public func run() async throws {
        let space = workspace.resolved
        let lock = try workspace.reporting { try WorkspaceLock(space, wait: writer.wait) }
        defer { withExtendedLifetime(lock) {} }
        let pipeline = try workspace.reporting { try Pipeline(workspace: space) }
        try workspace.reporting { try pipeline.repairArchive() }.forEach { Terminal.warn("warning: archive: \($0)") }
        let outcome: Pipeline.Outcome
        var problems = 0
        var lastRun: String?
        if offline {
            outcome = try workspace.reporting { try pipeline.catchUp() }
            try reread(pipeline)
        } else {
            // What an earlier run archived but did not store (it was stopped, or a listing's lock made its
            // store fail) is stored first, so nothing archived waits for a `fetch --offline`.
            let earlier = try workspace.reporting { try pipeline.catchUp() }
            if earlier.pages + earlier.unchanged > 0 && !verbosity.quiet {
                Terminal.warn("note: stored \(earlier.pages + earlier.unchanged) capture\(earlier.pages + earlier.unchanged == 1 ? "" : "s") an earlier run archived but had not stored")
            }
            earlier.archiveProblems.forEach { Terminal.warn("warning: archive: \($0)") }
            try reread(pipeline)
            lastRun = try workspace.reporting { try pipeline.store.runIDs().last }
            let contents = try workspace.reporting { try WorkspaceText.read(space.sourcesList) } ?? ""
            let parsed = SourcesList.parse(contents, plugins: PluginRegistry.sourcesListRules)
            parsed.problems.forEach { Terminal.warn($0.description) }
            problems += parsed.problems.count
            let entries = source.isEmpty ? parsed.entries : parsed.entries.filter { source.contains($0.plugin) }
            guard !entries.isEmpty else {
                // Nothing to fetch is no run: no WARC file, no empty row in the runs table.
                Terminal.warn("warning: \(space.sourcesList.path) names no source\(source.isEmpty ? "" : " of \(source.joined(separator: ", "))") to fetch; nothing was fetched (add one with 'claimtrack source add')")
                try workspace.reporting { _ = try pipeline.keepResolution(); try pipeline.store.finishWriting() }
                if problems > 0 { throw ExitCode.failure }
                return
            }
            let pinned = ProcessInfo.processInfo.environment["CLAIMTRACK_NOW"].flatMap { Timestamp.iso8601($0) }
            let now: @Sendable () -> Date = { pinned ?? Date() }
            let progress = verbosity.progressLine()
            let agent = userAgent ?? ProcessInfo.processInfo.environment["CLAIMTRACK_USER_AGENT"] ?? PageClient.defaultUserAgent
            // The process's one HTTP client, shut down before the command returns, whatever happened.
            let client = PageClient(userAgent: agent, timeout: timeout)
            do {
                outcome = try await pipeline.fetch(entries, client: client, now: now, onProgress: { source, pages, bytes, failures in
                    progress.show("\(source): \(pages) pages, \(bytes / 1024) KB, \(failures) failed")
                }, onFailure: { failure in
                    progress.clear()
                    Terminal.warn("error: \(failure.source): \(failure.url): \(failure.message)")
                })
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
            progress.clear()
        }
        if !verbosity.quiet {
            outcome.skipped.forEach { Terminal.warn("note: not due yet: \($0)") }
            outcome.leftToOthers.forEach { Terminal.warn("note: left to another fetcher: \($0)") }
        }
        verbosity.report(outcome.diagnostics)
        outcome.archiveProblems.forEach { Terminal.warn("warning: archive: \($0)") }
        // Every page this run stored was read with the vocabulary as it is now.
        try workspace.reporting { try pipeline.recordVocabularyRead() }
        // The writer keeps the run's resolution, so the listings that follow read it.
        let kept = try workspace.reporting { try pipeline.keepResolution() }
        if changes, let run = outcome.run {
            let diff = try workspace.reporting { try Snapshot.diff(space, store: pipeline.store, from: lastRun, to: run) }
            try workspace.reporting { try pipeline.store.finishWriting() }
            let sections = DiffText.sections(diff, pages: false)
            DiffText.print(sections)
            if !outcome.failures.isEmpty || problems > 0 { throw ExitCode.failure }
            if !sections.isEmpty { throw ExitCode(Self.somethingChanged) }
            return
        }
        try workspace.reporting { try pipeline.store.finishWriting() }
        let questions = kept.questions.map(\.state)
        let open = questions.filter { $0.status != .resolved }.count
        if output.json {
            struct Summary: Encodable {
                let run: String?
                let sources: [Pipeline.SourceSummary]
                let pages: Int
                let new: Int
                let changed: Int
                let unchanged: Int
                let claims: Int
                let failures: [Run.Failure]
                let unresolvedQuestions: Int
            }
            try output.printJSON(Summary(run: outcome.run, sources: outcome.sources, pages: outcome.pages, new: outcome.new, changed: outcome.changed, unchanged: outcome.unchanged, claims: outcome.claims,
                                         failures: outcome.failures, unresolvedQuestions: open))
        } else {
            if offline {
                print("offline: \(outcome.pages) archived page\(outcome.pages == 1 ? "" : "s") read, \(outcome.claims) claims stored (nothing was fetched)")
            } else {
                print("run \(outcome.run ?? "-"): \(outcome.new) new, \(outcome.changed) changed, \(outcome.unchanged) unchanged, \(outcome.failures.count) failed")
                for summary in outcome.sources {
                    print("  \(summary.source.padding(toLength: 14, withPad: " ", startingAt: 0)) \(summary.pages) pages  \(summary.claims) claims  \(summary.failures) failed")
                }
            }
            print("\(kept.liveClaims) live claims; \(open) of \(questions.count) questions unresolved")
            for question in questions.filter({ $0.status != .resolved }).sorted(by: { ($0.status, $0.id) < ($1.status, $1.id) }) {
                print("  [\(question.status.rawValue)] \(question.id): \(question.text) → \(question.answer ?? "no answer yet")")
            }
        }
        if !outcome.failures.isEmpty && !offline || problems > 0 { throw ExitCode.failure }
    }

    /// Reads again the archived pages that mention what the vocabulary gained since they were read, and says so.
    private func reread(_ pipeline: Pipeline) throws {
        let reread = try workspace.reporting { try pipeline.rereadForNewTerms() }
        if let summary = reread.summary, !verbosity.quiet {
            Terminal.warn("note: \(summary), new in Questions.list or Vocabulary.list")
        }
        verbosity.report(reread.diagnostics)
    }

    /// `--changes`' exit code when something changed (1 stays "something failed").
    static let somethingChanged: Int32 = 2
}

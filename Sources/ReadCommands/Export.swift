import ArgumentParser
import ClaimCore
import ClaimDigest
import ClaimQuery
import CommandSupport
import Foundation

/// `export [--format markdown] [--output FILE]`.
public struct Export: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(abstract: "Write the cited digest.")

    @Option(name: .long, help: "Digest format.")
    var format: DigestFormat = .markdown

    @Option(name: .long, help: "Write to this file instead of stdout.", completion: .file())
    var output: String?

    @Option(name: .long, help: "Only this question and its claims (repeatable).", completion: Completions.questionIDs)
    var question: [String] = []

    @Option(name: .long, help: "Only claims stated on or after this date (YYYY-MM-DD or ISO 8601).")
    var since: String?

    @Option(name: .customLong("min-confidence"), help: "Only claims with at least this confidence score (0…1).")
    var minConfidence: Double?

    @OptionGroup var workspace: WorkspaceOptions

    public func validate() throws {
        if let since, Timestamp.iso8601(since) == nil { throw ValidationError("--since '\(since)' is not a date (YYYY-MM-DD)") }
        if let minConfidence, !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    public func run() throws {
        let space = workspace.resolved
        // On a terminal, a line saying how far a large export has got; nothing of it in a pipe or a file.
        let progress = ProgressLine()
        progress.show("export: reading the store…", now: true)
        defer { progress.clear() }
        // A digest since a date resolves the claims stated since then: the status, answer, spread and
        // contradictions it shows are theirs, not those of claims it leaves out.
        let sinceDate = since.flatMap { Timestamp.iso8601($0) }
        let content = try workspace.reporting {
            try StoreDigestContent(space, store: workspace.openStoreForReading(), since: sinceDate)
        }
        let known = content.questionStates().map(\.id)
        if let unknown = question.first(where: { !known.contains($0) }) {
            throw ValidationError("unknown question '\(unknown)'; known: \(known.sorted().joined(separator: ", "))")
        }
        let filter = DigestFilter(questions: question, since: sinceDate, minConfidence: minConfidence)
        try workspace.reporting {
            try WorkspaceFileWriter.write(toOutput: output) { sink in
                try format.write(content, filter: filter, to: DigestOutput(sink)) { progress.show("export: writing \($0)…") }
            }
        }
    }
}

extension DigestFormat: ExpressibleByArgument {}

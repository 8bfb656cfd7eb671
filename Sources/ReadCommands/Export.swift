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

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json, html }

    @Option(name: .long, help: "Digest format.")
    var format: Format = .markdown

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
        // On a terminal, a line saying which stage a large export is in; nothing of it in a pipe or a file.
        let progress = ProgressLine()
        progress.show("export: reading and resolving the store…", now: true)
        // A digest since a date resolves the claims stated since then: the status, answer, spread and
        // contradictions it shows are theirs, not those of claims it leaves out.
        let sinceDate = since.flatMap { Timestamp.iso8601($0) }
        let snapshot = try workspace.reporting {
            try Snapshot.load(space, store: workspace.openStoreForReading()) { claim in
                sinceDate.map { (claim.statedAt ?? claim.citation?.retrieved ?? .distantPast) >= $0 } ?? true
            }
        }
        progress.show("export: rendering \(snapshot.claims.count) claims on \(snapshot.questions.count) questions as \(format.rawValue)…", now: true)
        defer { progress.clear() }
        if let unknown = question.first(where: { id in !snapshot.questions.contains { $0.id == id } }) {
            throw ValidationError("unknown question '\(unknown)'; known: \(snapshot.questions.map(\.id).sorted().joined(separator: ", "))")
        }
        let input = DigestFilter(questions: question, since: sinceDate, minConfidence: minConfidence)
            .apply(to: DigestInput(workspace: space.root.lastPathComponent, run: snapshot.run,
                                   questions: snapshot.questions, claims: snapshot.claims))
        let text: String
        switch format {
        case .markdown: text = MarkdownDigest.render(input)
        case .json: text = try JSONDigest.render(input)
        case .html: text = HTMLDigest.render(input)
        }
        if let output {
            try WorkspaceFileWriter.write(text, toOutput: output)
        } else {
            print(text, terminator: "")
        }
    }
}

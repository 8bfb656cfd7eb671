import ArgumentParser
import ClaimCore
import ClaimQuery
import ClaimResolver
import CommandSupport

/// `diff [--from RUN] [--to RUN]`: claim-level changes between two runs.
public struct Diff: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "What changed between two runs: claims added, retracted and changed, question statuses, contradictions, pages.",
        discussion: "RUN is a run id as `claimtrack runs` prints it, a unique prefix of one, its number (1 is the oldest) or a date (the last run started by the end of that day). By default the last two runs are compared.")

    @Option(name: .long, help: "The earlier run (default: the one before --to).")
    var from: String?

    @Option(name: .long, help: "The later run (default: the latest).")
    var to: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    public func run() throws {
        let space = workspace.resolved
        let store = try workspace.openStoreForReading()
        let runs = try workspace.reporting { try store.runIDs() }
        let later = try to.map { try RunReference.resolve($0, among: runs) } ?? runs.last
        let earlier = try from.map { try RunReference.resolve($0, among: runs) } ?? later.flatMap { later in runs.last { $0 < later } }
        guard let later else {
            Terminal.warn("error: no runs yet: run 'claimtrack fetch' first")
            throw ExitCode.failure
        }
        let diff = try workspace.reporting { try Snapshot.diff(space, store: store, from: earlier, to: later) }
        if output.json { return try output.printJSON(diff) }
        print(Terminal.bold("diff \(earlier ?? "(nothing)") → \(later)"))
        if diff.isEmpty { print("no changes") }
        section("pages", diff.pages.new.map { "+ new \($0)" } + diff.pages.updated.map { "~ updated \($0)" } + diff.pages.gone.map { "- gone \($0)" })
        section("claims", diff.added.map { "+ \(line($0))" } + diff.retracted.map { "- \(line($0))" }
            + diff.changed.map { "~ \($0.new.subject) · \(key($0.new)): \($0.old.value.display) → \($0.new.value.display)  (\(source($0.old)) → \(source($0.new)))" })
        section("questions", diff.questions.map { "\($0.id): \($0.from.rawValue) → \($0.to.rawValue)  \($0.text)" })
        section("contradictions", diff.contradictions.appeared.map { "+ \(describe($0))" } + diff.contradictions.cleared.map { "- \(describe($0))" })
    }

    private func section(_ title: String, _ lines: [String]) {
        guard !lines.isEmpty else { return }
        print(Terminal.bold(title))
        lines.forEach { print("  " + $0) }
    }

    private func key(_ claim: Claim) -> String { claim.attribute + (claim.qualifier.map { " (\($0))" } ?? "") }

    private func source(_ claim: Claim) -> String {
        [claim.citation?.publisher, claim.citation?.url].compactMap { $0 }.joined(separator: " ")
    }

    private func line(_ claim: Claim) -> String {
        "\(claim.subject) · \(key(claim)): \(claim.value.display) [\(claim.confidence.label.rawValue)]  \(source(claim))"
    }

    private func describe(_ contradiction: Contradiction) -> String {
        let (a, b) = (contradiction.claims[0], contradiction.claims[1])
        return "\(a.subject) · \(key(a)): \(a.value.display) (\(a.citation?.publisher ?? "?")) vs \(b.value.display) (\(b.citation?.publisher ?? "?"))"
    }
}

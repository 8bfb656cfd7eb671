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
        DiffText.print(DiffText.sections(diff))
    }
}

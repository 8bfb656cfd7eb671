import ArgumentParser
import ClaimCore
import CommandSupport

/// `runs`: the fetch history.
public struct Runs: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(abstract: "List runs, oldest first, with their counts.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    public func run() throws {
        let runs = try workspace.reporting { try workspace.openStoreForReading().runs() }
        if output.json { return try output.printJSON(runs) }
        if runs.isEmpty { print("no runs yet: run 'claimtrack fetch'") }
        for run in runs {
            print("\(Terminal.bold(run.id))  \(run.sources.joined(separator: ","))  \(run.pages) pages  \(run.claims) claims  \(run.failures.count) failures")
        }
    }
}

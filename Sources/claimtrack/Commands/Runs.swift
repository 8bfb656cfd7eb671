import ArgumentParser
import ClaimCore

extension Claimtrack {
    /// `runs`: the fetch history.
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List runs, oldest first, with their counts.")

        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let runs = try workspace.reporting { try workspace.openStore().runs() }
            if output.json { return try output.printJSON(runs) }
            if runs.isEmpty { print("no runs yet: run 'claimtrack fetch'") }
            for run in runs {
                print("\(Terminal.bold(run.id))  \(run.sources.joined(separator: ","))  \(run.pages) pages  \(run.claims) claims  \(run.failures.count) failures")
            }
        }
    }
}

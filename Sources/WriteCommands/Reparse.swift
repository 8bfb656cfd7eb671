import ArgumentParser
import ClaimCore
import ClaimPipeline
import ClaimStore
import CommandSupport
import Foundation

/// `reparse`: rebuild the store from the archive with the current plugins.
public struct Reparse: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Re-extract every archived capture with the current plugins, rebuilding the store.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writer: WriterOptions
    @OptionGroup var verbosity: VerbosityOptions
    @Option(help: "Pages read and extracted at the same time (default: one per core).")
    var jobs: Int?

    public func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
    }

    public func run() throws {
        let space = workspace.resolved
        let lock = try workspace.reporting { try WorkspaceLock(space, wait: writer.wait) }
        defer { withExtendedLifetime(lock) {} }
        // The new store is built beside the old one and replaces it only when complete: a reparse that is
        // interrupted leaves the previous store as it was.
        let outcome = try workspace.reporting {
            try Store.rebuild(try space.storeLocation()) { store in
                var pipeline = try Pipeline(workspace: space, store: store)
                pipeline.workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
                let progress = verbosity.progressLine()
                pipeline.onPagesRead = { pages in progress.show("reparse: \(pages) pages read") }
                try pipeline.repairArchive().forEach { Terminal.warn("warning: archive: \($0)") }
                let outcome = try pipeline.catchUp()
                progress.clear()
                verbosity.report(outcome.diagnostics)
                try pipeline.recordVocabularyRead()
                outcome.archiveProblems.forEach { Terminal.warn("warning: archive: \($0)") }
                // As a fetch does: resolve once now and keep it, so the next listing reads it.
                try pipeline.keepResolution()
                return outcome
            }
        }
        print("reparsed \(outcome.pages) captures: \(outcome.claims) claims")
    }
}

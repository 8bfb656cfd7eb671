import ArgumentParser
import ClaimPipeline
import Foundation

extension Claimtrack {
    /// `reparse`: rebuild the store from the archive with the current plugins.
    struct Reparse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-extract every archived capture with the current plugins, rebuilding the store.")

        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var writer: WriterOptions
        @Option(help: "Pages read and extracted at the same time (default: one per core).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            if !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
        }

        func run() throws {
            let space = workspace.resolved
            let lock = try workspace.reporting { try WorkspaceLock(space, wait: writer.wait) }
            defer { withExtendedLifetime(lock) {} }
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: space.storeFile.path + suffix)
            }
            var pipeline = try workspace.reporting { try Pipeline(workspace: space) }
            pipeline.workers = jobs
            try workspace.reporting { try pipeline.repairArchive() }.forEach { Terminal.warn("warning: archive: \($0)") }
            let outcome = try workspace.reporting { try pipeline.catchUp() }
            outcome.diagnostics.forEach { Terminal.warn($0.description) }
            outcome.archiveProblems.forEach { Terminal.warn("warning: archive: \($0)") }
            // As a fetch does: resolve once now and keep it, so the next listing reads it.
            let snapshot = try workspace.reporting { try Snapshot.load(space, store: pipeline.store) }
            _ = try workspace.reporting { try snapshot.keepContradictions(space, store: pipeline.store) }
            print("reparsed \(outcome.pages) captures: \(outcome.claims) claims")
        }
    }
}

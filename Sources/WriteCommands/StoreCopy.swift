import ArgumentParser
import ClaimCore
import ClaimStore
import CommandSupport
import Foundation

/// `store copy --to URL`: the workspace's store copied into another, e.g. from SQLite into a team's PostgreSQL.
public struct StoreCopy: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy the workspace's store into another (SQLite into PostgreSQL, or back), checked by counts and a digest of every claim.")

    @Option(name: .long, help: ArgumentHelp("The store to copy into, which must hold no runs: postgresql://user@host:port/database[?schema=name] or a SQLite file.", valueName: "url"))
    var to: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var verbosity: VerbosityOptions

    public func validate() throws {
        let target: StoreLocation
        do { target = try StoreLocation.named(to, workspaceFile: workspace.resolved.storeFile) } catch { throw ValidationError("--to: \(error)") }
        if let source = try? workspace.resolved.storeLocation(), source == target {
            throw ValidationError("--to names the workspace's own store (\(target)); name another")
        }
    }

    public func run() throws {
        let space = workspace.resolved
        let source = try workspace.openStoreForReading()
        let targetLocation = try StoreLocation.named(to, workspaceFile: space.storeFile)
        try workspace.reporting {
            let target = try Store(targetLocation)
            let progress = verbosity.progressLine()
            try source.copy(into: target) { copied in progress.show("store copy: \(copied) captures") }
            progress.clear()
            let (from, into) = (try source.counts(), try target.counts())
            let (fromDigest, intoDigest) = (try source.claimsDigest(), try target.claimsDigest())
            try target.finishWriting()
            guard from == into, fromDigest == intoDigest else {
                Terminal.warn("error: the copy in \(targetLocation) differs: \(into) (claims digest \(intoDigest.prefix(16))) where \(source.path) holds \(from) (claims digest \(fromDigest.prefix(16)))")
                throw ExitCode.failure
            }
            print("copied \(from) into \(targetLocation); claims digest \(fromDigest.prefix(16)) matches")
        }
    }
}

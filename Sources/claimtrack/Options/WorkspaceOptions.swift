import ArgumentParser
import ClaimCore
import ClaimStore
import Foundation

/// `--workspace DIR`, shared by every command that reads or writes a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace folder (default: $CLAIMTRACK_WORKSPACE or the current folder).", completion: .directory)
    var workspace: String?

    var resolved: Workspace { Workspace.current(workspace) }

    /// The store; a user-facing error when it cannot be opened.
    func openStore() throws -> Store {
        do { return try Store(file: resolved.storeFile) } catch {
            Terminal.warn("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Runs `body`, turning errors of the user's files into compiler-style messages and exit 1.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputFileError {
            Terminal.warn(error.description)
            throw ExitCode.failure
        } catch let error as ExitCode {
            throw error
        } catch {
            Terminal.warn("error: \(error)")
            throw ExitCode.failure
        }
    }
}

/// For the commands that write the workspace (fetch, reparse): one writer at a time.
struct WriterOptions: ParsableArguments {
    @Flag(name: .long, help: "If another fetch or reparse is writing the workspace, wait for it instead of stopping.")
    var wait = false
}

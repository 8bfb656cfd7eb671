import ArgumentParser
import ClaimCore
import ClaimStore
import Foundation

/// `--workspace DIR`, shared by every command that reads or writes a workspace.
public struct WorkspaceOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: "The workspace folder (default: $CLAIMTRACK_WORKSPACE or the current folder).", completion: .directory)
    public var workspace: String?

    @Option(name: .long, help: ArgumentHelp(
        "Where the store is: a postgresql://user@host:port/database[?schema=name] URL shared by a team, or a SQLite file (default: $CLAIMTRACK_STORE or the workspace's .claimtrack/store.sqlite).",
        valueName: "url"))
    public var store: String?

    @Option(name: .long, help: ArgumentHelp(
        "The archive folder, which the machines of a team sharing a PostgreSQL store can share (default: $CLAIMTRACK_ARCHIVE or the workspace's Archive/).",
        valueName: "dir"), completion: .directory)
    public var archive: String?

    public var resolved: Workspace { Workspace.current(workspace, store: store, archive: archive) }

    /// A workspace is a folder that exists: a file, or a path to nothing (a typo), is said at once rather
    /// than read as an empty workspace or created.
    public func validate() throws {
        var isFolder: ObjCBool = false
        let path = resolved.root.path
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ValidationError("no workspace folder at \(path); create it (mkdir) or name another with --workspace")
        }
        guard isFolder.boolValue else {
            throw ValidationError("\(path) is a file, not a workspace folder; name the folder that holds Sources.list with --workspace")
        }
        do { _ = try resolved.storeLocation() } catch { throw ValidationError("\(error)") }
        // A mistake in one question is said once, up front; the command goes on with the good ones.
        if let problems = try? resolved.questionProblems() { WorkspaceFileProblems.report(problems) }
    }

    /// The store, for a command that writes it (holding the workspace lock); a user-facing error when it
    /// cannot be opened.
    public func openStore() throws -> Store {
        do { return try Store(try resolved.storeLocation()) } catch {
            Terminal.warn("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// The store, for a listing: opened read-only, so it writes nothing and works where the store may not
    /// be changed. A store an older claimtrack wrote first has its schema brought up to date, once, under
    /// the workspace lock.
    public func openStoreForReading() throws -> Store {
        let store = try openStoreReadOnly()
        // Questions.list or Vocabulary.list named something the stored pages were not read for: a writer reads
        // the pages that mention it again; a listing only says so.
        if let known = try? store.vocabularyRead(), !known.isEmpty, let current = try? resolved.vocabulary().terms {
            let new = current.subtracting(known).sorted()
            if !new.isEmpty {
                Terminal.warn("note: \(new.joined(separator: ", ")) \(new.count == 1 ? "is" : "are") new since the archived pages were read; run 'claimtrack fetch --offline' to read again the pages that mention \(new.count == 1 ? "it" : "them")")
            }
        }
        return store
    }

    private func openStoreReadOnly() throws -> Store {
        let space = resolved
        if (try? space.hasStore()) == false, case let files = space.runFiles(), !files.isEmpty {
            Terminal.warn("note: there is no store yet, though Archive/ holds \(files.count) run file\(files.count == 1 ? "" : "s"); run 'claimtrack fetch --offline' to read them")
        }
        do {
            let location = try space.storeLocation()
            do {
                return try Store(readingOnly: location)
            } catch let error as StoreError where error.isOutdated {
                let lock = try WorkspaceLock(space, wait: true)
                defer { withExtendedLifetime(lock) {} }
                try Store(location).finishWriting()
                return try Store(readingOnly: location)
            }
        } catch {
            Terminal.warn("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Runs `body`, turning errors of the user's files into compiler-style messages and exit 1.
    public func reporting<T>(_ body: () throws -> T) throws -> T {
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
public struct WriterOptions: ParsableArguments {
    public init() {}

    @Flag(name: .long, help: "If another fetch or reparse is writing the workspace, wait for it instead of stopping.")
    public var wait = false
}

/// Mistakes found in the user's workspace files while a command runs: each printed once as found; the
/// command does its work with the good lines, then exits 1 so a script sees that something needs fixing.
public enum WorkspaceFileProblems {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var reported: Set<String> = []

    public static func report(_ problems: [InputFileError.Problem]) {
        lock.withLock {
            for problem in problems where reported.insert(problem.description).inserted { Terminal.warn(problem.description) }
        }
    }

    /// Whether any was reported.
    public static var any: Bool { lock.withLock { !reported.isEmpty } }
}

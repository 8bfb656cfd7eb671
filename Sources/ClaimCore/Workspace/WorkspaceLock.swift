import Foundation

/// The one-writer rule: every command that writes the store (`fetch`, `reparse`, `question add` and
/// `resolve`, a listing bringing an old store's schema up to date) holds an exclusive lock on `.claimtrack/lock`.
public final class WorkspaceLock {
    private let descriptor: Int32

    /// Takes the lock; when another process holds it, throws at once, or with `wait` blocks until it is free.
    public init(_ workspace: Workspace, wait: Bool = false) throws {
        try FileManager.default.createDirectory(at: workspace.stateFolder, withIntermediateDirectories: true)
        descriptor = open(workspace.lockFile.path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw LockError(path: workspace.lockFile.path, reason: "cannot open") }
        guard flock(descriptor, wait ? LOCK_EX : LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw LockError(path: workspace.lockFile.path,
                            reason: "another claimtrack fetch or reparse is writing this workspace; try again when it ends, or pass --wait")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Why the lock could not be taken.
    public struct LockError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }
}

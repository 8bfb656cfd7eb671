import ClaimCore
import ClaimQuery
import ClaimStore

extension Pipeline {
    /// Resolves the store as it now stands and keeps the result for the listings that follow (question
    /// summaries and live contradictions, `KeptResolution`): the writer, which holds the workspace lock, is
    /// the only one that writes them. Returns the snapshot, for the writer's own summary.
    @discardableResult
    public func keepResolution() throws -> Snapshot {
        try Self.keepResolution(workspace, store: store)
    }

    /// The same for a writer that changed only the workspace's files (`question add`, `question resolve`), or
    /// for the state as of an earlier `run`.
    @discardableResult
    public static func keepResolution(_ workspace: Workspace, store: Store, asOf run: String? = nil) throws -> Snapshot {
        let snapshot = try Snapshot.load(workspace, store: store, asOf: run)
        for entry in try KeptResolution.entries(for: snapshot, workspace, store) {
            try store.keepDerived(entry.key, kind: entry.kind, json: entry.json)
        }
        return snapshot
    }
}

import ClaimCore
import ClaimQuery
import ClaimStore

extension Pipeline {
    /// Resolves the store as it now stands and keeps the result for the listings that follow (question
    /// summaries and live contradictions, `KeptResolution`): the writer, which holds the workspace lock, is
    /// the only one that writes them. Resolved a question and a slot at a time, so a million live claims are
    /// never in memory at once. Returns the question summaries and the live claims' number, for the writer's
    /// own summary.
    @discardableResult
    public func keepResolution() throws -> (questions: [QuestionSummary], liveClaims: Int) {
        try Self.keepResolution(workspace, store: store)
    }

    /// The same for a writer that changed only the workspace's files (`question add`, `question resolve`), or
    /// for the state as of an earlier `run`.
    @discardableResult
    public static func keepResolution(_ workspace: Workspace, store: Store, asOf run: String? = nil) throws
        -> (questions: [QuestionSummary], liveClaims: Int) {
        let (rows, summaries) = try KeptResolution.entries(workspace, store, asOf: run)
        for row in rows { try store.keepDerived(row.key, kind: row.kind, json: row.json) }
        return (summaries, try store.liveClaimCount(asOf: run))
    }
}

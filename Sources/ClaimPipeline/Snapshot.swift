import ClaimCore
import ClaimResolver
import ClaimStore

/// The resolved state of a workspace after a run: live claims linked to questions, with statuses.
public struct Snapshot: Sendable {
    public var run: String?
    public var claims: [Claim]
    public var questions: [QuestionState]
    public var pages: [PageState]
    /// Per-attribute tolerances from the workspace's Vocabulary.list.
    public var tolerances: [String: Double]

    /// Reads the store as of `run` (default: the latest) and resolves it against the workspace's questions.
    public static func load(_ workspace: Workspace, store: Store, asOf run: String? = nil) throws -> Snapshot {
        let runs = try store.runs()
        let claims = try store.liveClaims(asOf: run)
        let tolerances = try workspace.vocabulary().tolerances
        let (linked, questions) = Resolver.resolve(questions: try workspace.questions(), claims: claims,
                                                   unknowns: try store.liveUnknowns(asOf: run), tolerances: tolerances)
        let pages = try store.pageCaptures(asOf: run).map {
            PageState(url: $0.url, recordID: $0.recordID, payloadDigest: $0.payloadDigest, status: $0.status)
        }
        return Snapshot(run: run ?? runs.last?.id, claims: linked, questions: questions, pages: pages, tolerances: tolerances)
    }
}

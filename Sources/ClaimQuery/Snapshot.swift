import ClaimCore
import ClaimResolver
import ClaimStore
import Foundation

/// The resolved state of a workspace after a run: live claims linked to questions, with statuses.
public struct Snapshot: Sendable {
    public var run: String?
    public var claims: [Claim]
    public var questions: [QuestionState]
    public var pages: [PageState]
    /// Per-attribute tolerances from the workspace's Vocabulary.list.
    public var tolerances: [String: Double]

    /// Reads the store as of `run` (default: the latest) and resolves it against the workspace's questions.
    /// Writes nothing: the writer that made the run keeps its resolution (`KeptResolution`).
    public static func load(_ workspace: Workspace, store: Store, asOf run: String? = nil) throws -> Snapshot {
        let claims = try store.liveClaims(asOf: run)
        let tolerances = try workspace.vocabulary().tolerances
        let (linked, questions) = Resolver.resolve(questions: try workspace.questions(), claims: claims,
                                                   unknowns: try store.liveUnknowns(asOf: run), tolerances: tolerances)
        return Snapshot(run: try run ?? store.latestRunID(), claims: linked, questions: questions,
                        pages: try pageStates(store, asOf: run), tolerances: tolerances)
    }

    /// The question summaries and the live contradictions of this snapshot: what a writer keeps for listings.
    public var summaries: [QuestionSummary] { questions.map(QuestionSummary.init) }

    /// Every contradiction among this snapshot's live claims, whether or not a question tracks it.
    public var contradictions: [Contradiction] { Resolver.contradictions(among: claims, tolerances: tolerances) }

    /// Every page's latest capture at or before `run`, whatever its status.
    static func pageStates(_ store: Store, asOf run: String?) throws -> [PageState] {
        try store.pageVersions(asOf: run, anyStatus: true).map {
            PageState(url: $0.url, recordID: $0.recordID, payloadDigest: $0.payloadDigest, status: $0.status)
        }
    }
}

/// A resolved question without its linked claims (what listings show), and how many claims it had.
public struct QuestionSummary: Codable, Sendable {
    public var state: QuestionState
    public var claimCount: Int

    public init(_ state: QuestionState) {
        claimCount = state.claims.count
        var stripped = state
        stripped.claims = []
        self.state = stripped
    }
}

extension Snapshot {
    /// The questions as of `run` (default: the latest) without their claims: the ones the writer of that run
    /// kept, so a listing reads about a thousand rows' worth of JSON instead of resolving every live claim;
    /// resolved afresh (and not kept) when the store or the workspace files have changed since.
    public static func questionSummaries(_ workspace: Workspace, store: Store, asOf run: String? = nil) throws -> [QuestionSummary] {
        if let kept: [QuestionSummary] = try KeptResolution.kept(.questions, workspace, store, run) { return kept }
        // Resolved a question at a time: a store of a million claims is never in memory at once.
        return try QuestionByQuestion(workspace, store: store, asOf: run).summaries()
    }

    /// The track record: every earlier claim on each resolved question judged against its answer, as of the
    /// latest run; kept by the writer, and otherwise judged afresh from the resolved questions alone.
    public static func judgements(_ workspace: Workspace, store: Store) throws -> [Judgement] {
        if let kept: [Judgement] = try KeptResolution.kept(.judgements, workspace, store, nil) { return kept }
        return try QuestionByQuestion(workspace, store: store).judgements()
    }

    /// Every contradiction among the live claims as of the latest run, whether or not a question tracks it;
    /// kept like `questionSummaries`.
    public static func liveContradictions(_ workspace: Workspace, store: Store) throws -> [Contradiction] {
        if let kept: [Contradiction] = try KeptResolution.kept(.contradictions, workspace, store, nil) { return kept }
        return try QuestionByQuestion(workspace, store: store).contradictions()
    }
}

extension Snapshot {
    /// What changed from `earlier` to `later`, reading only what it must: the page states of both runs, the
    /// claims of pages whose live capture differs (a page whose capture is the same on both sides says the
    /// same claims, which cancel), and the question states kept for each run. Claims carry their
    /// question links and the confidence they were extracted with.
    public static func diff(_ workspace: Workspace, store: Store, from earlier: String?, to later: String) throws -> ClaimDiff {
        let questions = try workspace.questions()
        let oldLive = try earlier.map { try store.pageVersions(asOf: $0, anyStatus: false) } ?? []
        let newLive = try store.pageVersions(asOf: later, anyStatus: false)
        // Pages by key: an article re-captured under https after years under http is one page.
        let oldByPage = Dictionary(oldLive.map { ($0.pageKey, $0.captureID) }, uniquingKeysWith: { first, _ in first })
        let newByPage = Dictionary(newLive.map { ($0.pageKey, $0.captureID) }, uniquingKeysWith: { first, _ in first })
        let oldPages = try store.captures(ids: oldLive.filter { newByPage[$0.pageKey] != $0.captureID }.map(\.captureID))
        let newPages = try store.captures(ids: newLive.filter { oldByPage[$0.pageKey] != $0.captureID }.map(\.captureID))
        // A page's claims stored the same in both of its captures cancel before any is decoded; only the
        // rest are read whole.
        let oldSays = try store.claimStatements(of: oldPages), newSays = try store.claimStatements(of: newPages)
        var left: (old: [ClaimStatement], new: [ClaimStatement]) = ([], [])
        for page in Set(oldByPage.keys).union(newByPage.keys) {
            let before = oldByPage[page].flatMap { oldSays[$0] } ?? [], after = newByPage[page].flatMap { newSays[$0] } ?? []
            if before.elementsEqual(after, by: { $0.says == $1.says }) { continue }
            let rest = ClaimDiff.unpaired(old: before, new: after, key: \.says)
            left.old += rest.old
            left.new += rest.new
        }
        let oldClaims = Resolver.link(try store.claims(left.old, of: oldPages), to: questions)
        let newClaims = Resolver.link(try store.claims(left.new, of: newPages), to: questions)
        let oldStates = try earlier.map { try questionSummaries(workspace, store: store, asOf: $0).map(\.state) } ?? []
        let newStates = try questionSummaries(workspace, store: store, asOf: later).map(\.state)
        return ClaimDiff.compute(from: earlier, to: later, old: (oldClaims, try earlier.map { try pageStates(store, asOf: $0) } ?? [], oldStates),
                                 new: (newClaims, try pageStates(store, asOf: later), newStates))
    }
}

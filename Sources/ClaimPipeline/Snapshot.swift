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
    public static func load(_ workspace: Workspace, store: Store, asOf run: String? = nil) throws -> Snapshot {
        let claims = try store.liveClaims(asOf: run)
        let tolerances = try workspace.vocabulary().tolerances
        let (linked, questions) = Resolver.resolve(questions: try workspace.questions(), claims: claims,
                                                   unknowns: try store.liveUnknowns(asOf: run), tolerances: tolerances)
        // Every full load leaves the question summaries of its run behind for the next listing or diff (a
        // fetch ends with one).
        keep(questions.map(QuestionSummary.init), kind: "questions", workspace, store, run)
        return Snapshot(run: try run ?? store.latestRunID(), claims: linked, questions: questions,
                        pages: try pageStates(store, asOf: run), tolerances: tolerances)
    }

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

    init(_ state: QuestionState) {
        claimCount = state.claims.count
        var stripped = state
        stripped.claims = []
        self.state = stripped
    }
}

extension Snapshot {
    /// The questions as of `run` (default: the latest) without their claims. Kept in the store under a key
    /// naming the run, the store's generation and the workspace files, so the next listing reads about a
    /// thousand rows' worth of JSON instead of resolving every live claim again.
    public static func questionSummaries(_ workspace: Workspace, store: Store, asOf run: String? = nil) throws -> [QuestionSummary] {
        if let kept: [QuestionSummary] = try kept("questions", workspace, store, run) { return kept }
        return try load(workspace, store: store, asOf: run).questions.map(QuestionSummary.init)
    }

    /// Every contradiction among the live claims as of the latest run, whether or not a question tracks it;
    /// kept like `questionSummaries`.
    public static func liveContradictions(_ workspace: Workspace, store: Store) throws -> [Contradiction] {
        if let kept: [Contradiction] = try kept("contradictions", workspace, store, nil) { return kept }
        return try load(workspace, store: store).keepContradictions(workspace, store: store)
    }

    /// Works out the live contradictions of this (latest) snapshot and keeps them for `contradictions`; a
    /// fetch calls it so the first listing after a run is already kept.
    @discardableResult
    public func keepContradictions(_ workspace: Workspace, store: Store) throws -> [Contradiction] {
        let found = Resolver.contradictions(among: claims, tolerances: tolerances)
        Self.keep(found, kind: "contradictions", workspace, store, run)
        return found
    }

    /// What a derived result depends on: its kind, the run, the store's generation and the bytes of
    /// Questions.list and Vocabulary.list.
    static func derivedKey(_ kind: String, _ workspace: Workspace, _ store: Store, _ run: String?) throws -> String {
        var hash = FNV1a()
        for file in [workspace.questionsList, workspace.vocabularyList] {
            hash.add((try? Data(contentsOf: file)) ?? Data())
            hash.add(Data([0]))
        }
        let run = try run ?? store.latestRunID()
        return [kind, run ?? "-", try store.generation(asOf: run), String(hash.value, radix: 16)].joined(separator: "|")
    }

    /// The result of `kind` kept for `run`, if its inputs have not changed since.
    static func kept<T: Decodable>(_ kind: String, _ workspace: Workspace, _ store: Store, _ run: String?) throws -> T? {
        guard let json = try store.derived(try derivedKey(kind, workspace, store, run)) else { return nil }
        return try? JSONOutput.decoder().decode(T.self, from: Data(json.utf8))
    }

    /// Keeps a result of `kind` for `run`. A busy or read-only store only means the next listing resolves again.
    static func keep<T: Encodable>(_ value: T, kind: String, _ workspace: Workspace, _ store: Store, _ run: String?) {
        guard let key = try? derivedKey(kind, workspace, store, run), let json = try? JSONOutput.string(value, pretty: false) else { return }
        try? store.keepDerived(key, kind: kind, json: json)
    }
}

/// 64-bit FNV-1a: a stable hash of the workspace files (Swift's Hasher is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ data: Data) {
        for byte in data {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
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

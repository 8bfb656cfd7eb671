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
        let runs = try store.runs()
        let claims = try store.liveClaims(asOf: run)
        let tolerances = try workspace.vocabulary().tolerances
        let (linked, questions) = Resolver.resolve(questions: try workspace.questions(), claims: claims,
                                                   unknowns: try store.liveUnknowns(asOf: run), tolerances: tolerances)
        let pages = try store.pageCaptures(asOf: run).map {
            PageState(url: $0.url, recordID: $0.recordID, payloadDigest: $0.payloadDigest, status: $0.status)
        }
        // Every full load of the latest state leaves the question summaries behind for the next listing
        // (a fetch ends with one).
        if run == nil { keep(questions, workspace, store, run) }
        return Snapshot(run: run ?? runs.last?.id, claims: linked, questions: questions, pages: pages, tolerances: tolerances)
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
        let key = try derivedKey("questions", workspace, store, run)
        if let json = try store.derived(key), let kept = try? JSONOutput.decoder().decode([QuestionSummary].self, from: Data(json.utf8)) {
            return kept
        }
        return try load(workspace, store: store, asOf: run).questions.map(QuestionSummary.init)
    }

    /// Every contradiction among the live claims as of the latest run, whether or not a question tracks it;
    /// kept like `questionSummaries`.
    public static func liveContradictions(_ workspace: Workspace, store: Store) throws -> [Contradiction] {
        let key = try derivedKey("contradictions", workspace, store, nil)
        if let json = try store.derived(key), let kept = try? JSONOutput.decoder().decode([Contradiction].self, from: Data(json.utf8)) {
            return kept
        }
        let snapshot = try load(workspace, store: store)
        let found = Resolver.contradictions(among: snapshot.claims, tolerances: snapshot.tolerances)
        // A busy or read-only store only means the next listing resolves again.
        if let json = try? JSONOutput.string(found, pretty: false) { try? store.keepDerived(key, kind: "contradictions", json: json) }
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
        return [kind, try run ?? store.latestRunID() ?? "-", try store.generation(), String(hash.value, radix: 16)].joined(separator: "|")
    }

    /// Keeps the question summaries of a freshly loaded snapshot.
    static func keep(_ questions: [QuestionState], _ workspace: Workspace, _ store: Store, _ run: String?) {
        guard let key = try? derivedKey("questions", workspace, store, run),
              let json = try? JSONOutput.string(questions.map(QuestionSummary.init), pretty: false) else { return }
        try? store.keepDerived(key, kind: "questions", json: json)
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

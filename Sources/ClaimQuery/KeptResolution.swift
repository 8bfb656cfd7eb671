import ClaimCore
import ClaimStore
import Foundation

/// A run's resolution kept in the store (`derived`), under a key naming the run, the store's generation and
/// the bytes of Questions.list and Vocabulary.list: any change to those inputs misses the key. Only a writer,
/// holding the workspace lock, keeps one (`entries(for:)` gives it the rows); readers only look them up.
public enum KeptResolution {
    /// What is kept of a run.
    public enum Kind: String, Sendable {
        case questions, contradictions, judgements
    }

    /// The rules what is kept was made by: raised whenever resolving or judging changes, so that a newer
    /// claimtrack never shows what an older one kept.
    static let rules = 2

    /// The key of `kind` for `run` (default: the latest) as the workspace and store are now.
    public static func key(_ kind: Kind, _ workspace: Workspace, _ store: Store, _ run: String?) throws -> String {
        let run = try run ?? store.latestRunID()
        return [kind.rawValue, "rules \(rules)", run ?? "-", try store.generation(asOf: run), workspace.definitionsFingerprint()].joined(separator: "|")
    }

    /// The result of `kind` kept for `run`, if its inputs have not changed since.
    static func kept<T: Decodable>(_ kind: Kind, _ workspace: Workspace, _ store: Store, _ run: String?) throws -> T? {
        guard let json = try store.derived(try key(kind, workspace, store, run)) else { return nil }
        return try? JSONOutput.decoder().decode(T.self, from: Data(json.utf8))
    }

    /// Resolves the state as of `run` (default: the latest) a question and a slot at a time, and returns the
    /// rows a writer keeps for it (its question summaries, its live contradictions and the track record of its
    /// resolved questions) with the summaries.
    public static func entries(_ workspace: Workspace, _ store: Store, asOf run: String? = nil) throws
        -> (rows: [(key: String, kind: String, json: String)], summaries: [QuestionSummary]) {
        let (summaries, contradictions, judgements) = try QuestionByQuestion(workspace, store: store, asOf: run).summariesAndContradictions()
        let rows = [
            (try key(.questions, workspace, store, run), Kind.questions.rawValue, try JSONOutput.string(summaries, pretty: false)),
            (try key(.contradictions, workspace, store, run), Kind.contradictions.rawValue, try JSONOutput.string(contradictions, pretty: false)),
            (try key(.judgements, workspace, store, run), Kind.judgements.rawValue, try JSONOutput.string(judgements, pretty: false)),
        ]
        return (rows, summaries)
    }
}

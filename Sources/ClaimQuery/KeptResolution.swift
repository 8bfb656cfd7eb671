import ClaimCore
import ClaimStore
import Foundation

/// A run's resolution kept in the store (`derived`), under a key naming the run, the store's generation and
/// the bytes of Questions.list and Vocabulary.list: any change to those inputs misses the key. Only a writer,
/// holding the workspace lock, keeps one (`entries(for:)` gives it the rows); readers only look them up.
public enum KeptResolution {
    /// What is kept of a run.
    public enum Kind: String, Sendable {
        case questions, contradictions
    }

    /// The key of `kind` for `run` (default: the latest) as the workspace and store are now.
    public static func key(_ kind: Kind, _ workspace: Workspace, _ store: Store, _ run: String?) throws -> String {
        let run = try run ?? store.latestRunID()
        return [kind.rawValue, run ?? "-", try store.generation(asOf: run), workspace.definitionsFingerprint()].joined(separator: "|")
    }

    /// The result of `kind` kept for `run`, if its inputs have not changed since.
    static func kept<T: Decodable>(_ kind: Kind, _ workspace: Workspace, _ store: Store, _ run: String?) throws -> T? {
        guard let json = try store.derived(try key(kind, workspace, store, run)) else { return nil }
        return try? JSONOutput.decoder().decode(T.self, from: Data(json.utf8))
    }

    /// The rows a writer keeps for `snapshot`'s run: its question summaries and its live contradictions.
    public static func entries(for snapshot: Snapshot, _ workspace: Workspace, _ store: Store) throws
        -> [(key: String, kind: String, json: String)] {
        [
            (try key(.questions, workspace, store, snapshot.run), Kind.questions.rawValue, try JSONOutput.string(snapshot.summaries, pretty: false)),
            (try key(.contradictions, workspace, store, snapshot.run), Kind.contradictions.rawValue,
             try JSONOutput.string(snapshot.contradictions, pretty: false)),
        ]
    }
}

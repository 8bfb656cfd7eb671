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
        var hash = FNV1a()
        for file in [workspace.questionsList, workspace.vocabularyList] {
            hash.add((try? Data(contentsOf: file)) ?? Data())
            hash.add(Data([0]))
        }
        let run = try run ?? store.latestRunID()
        return [kind.rawValue, run ?? "-", try store.generation(asOf: run), String(hash.value, radix: 16)].joined(separator: "|")
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

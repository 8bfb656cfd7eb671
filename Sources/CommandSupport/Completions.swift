import ArgumentParser
import ClaimCore
import Foundation
import PluginRegistry

/// Shell completions (`claimtrack --generate-completion-script bash|zsh|fish`). Those that read a workspace
/// read the one the command line being completed names (`--workspace DIR`), else $CLAIMTRACK_WORKSPACE or the
/// current folder, and offer nothing when its files cannot be read. They offer every candidate and leave the
/// filtering by what has been typed to the shell (argument-parser 1.8 derives its `prefix` from the last word
/// on the line rather than the word being completed).
public enum Completions {
    /// The registered plugin ids, for `--source`.
    public static let sourceIDs = CompletionKind.list(PluginRegistry.ids)

    /// The ids of Questions.list.
    public static let questionIDs = CompletionKind.custom { words, _, _ in
        ((try? workspace(in: words).questions().map(\.id)) ?? []).sorted()
    }

    /// Canonical subject names of the workspace's vocabulary (built-in, Vocabulary.list and Questions.list).
    public static let subjects = CompletionKind.custom { words, _, _ in
        Set((try? workspace(in: words).vocabulary().subjects.map(\.name)) ?? Vocabulary.standard.subjects.map(\.name)).sorted()
    }

    /// Attribute ids of the workspace's vocabulary.
    public static let attributes = CompletionKind.custom { words, _, _ in
        ((try? workspace(in: words).vocabulary().attributes.map(\.id)) ?? Vocabulary.standard.attributes.map(\.id)).sorted()
    }

    /// The workspace a partial command line names: the word after `--workspace` (or `--workspace=DIR`).
    public static func workspace(in words: [String]) -> Workspace {
        var explicit: String?
        for (index, word) in words.enumerated() {
            if word == "--workspace", index + 1 < words.count { explicit = words[index + 1] }
            if word.hasPrefix("--workspace=") { explicit = String(word.dropFirst("--workspace=".count)) }
        }
        return Workspace.current(explicit)
    }
}

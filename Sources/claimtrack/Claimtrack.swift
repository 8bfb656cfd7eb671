import ArgumentParser
import ClaimCore
import CommandSupport
import Foundation
import ReadCommands
import WriteCommands

/// The `claimtrack` command line: the commands of ReadCommands (listings, which open the store read-only and
/// never link the writer) and of WriteCommands (fetch, reparse, question add/resolve: the one writer).
@main
struct Claimtrack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimtrack",
        abstract: "Follow a story across sources: archive pages, extract cited claims, track open questions.",
        discussion: """
        A workspace is a folder holding Sources.list, Questions.list, Archive/ (the WARC files) and .claimtrack/ \
        (the store, rebuildable from the archive). The current folder is used unless --workspace or \
        CLAIMTRACK_WORKSPACE names another.
        """,
        version: ClaimtrackVersion.current,
        subcommands: [Init.self, Fetch.self, Reparse.self, Extract.self, Runs.self, Diff.self, Questions.self, Contradictions.self, Question.self,
                      Claims.self, Export.self, TrackRecordCommand.self, Sources.self, Source.self, Verify.self, Evaluate.self, StoreCommand.self]

    )

    /// Runs the command, then exits 1 if a workspace file had mistakes (its good lines were still used).
    /// `--workspace DIR` may come before the command; a mistyped command gets a suggestion; an error about
    /// a command's arguments shows that command's usage.
    static func main() async {
        let arguments = Self.workspaceLast(Array(CommandLine.arguments.dropFirst()))
        let words = Self.commandWords(in: arguments)
        if let mistyped = words.unknown {
            FileHandle.standardError.write(Data("Error: \(mistyped)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        do {
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            // Said with the usage of the command that was run, not the top-level one.
            let path = (["claimtrack"] + words.path).joined(separator: " ")
            let usage = usageString(for: type(of: command))
            FileHandle.standardError.write(Data("Error: \(error.message)\nUsage: \(usage)\n  See '\(path) --help' for more information.\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
        if WorkspaceFileProblems.any { exit(withError: ExitCode.failure) }
    }

    /// The arguments with a leading `--workspace DIR` (or `--workspace=DIR`) moved after the command, where
    /// every command takes it.
    static func workspaceLast(_ arguments: [String]) -> [String] {
        var rest = arguments, leading: [String] = []
        while let first = rest.first, first == "--workspace" || first.hasPrefix("--workspace=") {
            leading.append(rest.removeFirst())
            if first == "--workspace", !rest.isEmpty { leading.append(rest.removeFirst()) }
        }
        return rest + leading
    }

    /// The command words at the start of `arguments` (`question`, `show`), and what to say when one names
    /// no command ("unknown command 'fecth'; did you mean 'fetch'?").
    static func commandWords(in arguments: [String]) -> (path: [String], unknown: String?) {
        var subcommands = configuration.subcommands
        var path: [String] = []
        for word in arguments {
            guard !word.hasPrefix("-"), !subcommands.isEmpty, word != "help" else { break }
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                let names = subcommands.map { $0._commandName }
                return (path, "unknown command '\((path + [word]).joined(separator: " "))'\(Suggestion.hint(for: word, among: names))")
            }
            path.append(word)
            subcommands = next.configuration.subcommands
        }
        return (path, nil)
    }
}

/// `question add|show|resolve`: manage one question; Questions.list stays the source of truth.
struct Question: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add, show or resolve one question (Questions.list is edited in place, comments kept).",
        subcommands: [QuestionAdd.self, QuestionShow.self, QuestionResolve.self])
}

/// `store copy`: move a store between SQLite and PostgreSQL.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Copy the store between SQLite and PostgreSQL (a team's shared store).",
        subcommands: [StoreCopy.self])
}

/// `source add|remove`: edit Sources.list from the command line, each line checked as a fetch reads it.
struct Source: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add or remove a source in Sources.list (checked first; the rest of the file is kept).",
        subcommands: [SourceAdd.self, SourceRemove.self])
}

import ArgumentParser
import ClaimCore
import CommandSupport
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
        A workspace is a folder holding Sources.list, Questions.list, Archive/ (the WARC files) and .claimtrack/
        (the store, rebuildable from the archive). The current folder is used unless --workspace or
        CLAIMTRACK_WORKSPACE names another.
        """,
        version: ClaimtrackVersion.current,
        subcommands: [Fetch.self, Reparse.self, Extract.self, Runs.self, Diff.self, Questions.self, Contradictions.self, Question.self, Claims.self,
                      Export.self, Sources.self, Verify.self, Evaluate.self]

    )

    /// Runs the command, then exits 1 if a workspace file had mistakes (its good lines were still used).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            if WorkspaceFileProblems.any { exit(withError: ExitCode.failure) }
        } catch {
            exit(withError: error)
        }
    }
}

/// `question add|show|resolve`: manage one question; Questions.list stays the source of truth.
struct Question: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add, show or resolve one question (Questions.list is edited in place, comments kept).",
        subcommands: [QuestionAdd.self, QuestionShow.self, QuestionResolve.self])
}

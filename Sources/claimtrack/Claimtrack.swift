import ArgumentParser
import ClaimCore

/// The `claimtrack` command line: a thin layer of commands over the library modules.
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
}

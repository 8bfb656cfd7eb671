import ArgumentParser
import ClaimCore
import Foundation

/// Rewrites a file the user owns (Sources.list, Questions.list) the only safe way: a complete new copy is
/// written beside it and renamed over it, so a crash leaves the old file or the new one, never half of one.
public enum WorkspaceFileWriter {
    public static func replace(_ file: URL, with text: String) throws {
        do { try Data(text.utf8).write(to: file, options: .atomic) } catch {
            Terminal.warn("error: \(file.path): cannot write: \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }

    /// `existing` with `text` appended on lines of its own; with `blankLineBefore`, after one blank line (a
    /// new Questions.list block). Line breaks are found as Characters: a CRLF ending is one, which "\n" alone
    /// does not match.
    public static func appending(_ text: String, to existing: String, blankLineBefore: Bool = false) -> String {
        let endsWithBreak = existing.last.map(ListFile.isLineBreak) == true
        let endsWithBlankLine = endsWithBreak && ListFile.rawLines(existing).last?.allSatisfy(\.isWhitespace) == true
        var separator = existing.isEmpty || endsWithBreak ? "" : "\n"
        if blankLineBefore && !existing.isEmpty && !endsWithBlankLine { separator += "\n" }
        return existing + separator + text + (text.hasSuffix("\n") ? "" : "\n")
    }
}

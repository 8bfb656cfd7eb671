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

    /// Writes an output the user named (`export --output`): a regular file by a complete copy renamed over it;
    /// a device or pipe (/dev/null, /dev/stdout, a FIFO) straight into it, since a rename would replace the
    /// device itself with a plain file (as root, /dev/null).
    public static func write(_ text: String, toOutput path: String) throws {
        let url = URL(fileURLWithPath: path)
        var status = stat()
        do {
            if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
                let handle = try FileHandle(forWritingTo: url)
                defer { try? handle.close() }
                try handle.write(contentsOf: Data(text.utf8))
            } else {
                try Data(text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            Terminal.warn("error: \(path): cannot write: \(error.localizedDescription)")
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

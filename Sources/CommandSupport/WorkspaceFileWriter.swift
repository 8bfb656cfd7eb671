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

    /// `existing` with `line` appended on a line of its own.
    public static func appending(_ line: String, to existing: String) -> String {
        // `last`, not hasSuffix("\n"): a CRLF ending is one Character that "\n" does not match.
        existing + (existing.isEmpty || existing.last.map(ListFile.isLineBreak) == true ? "" : "\n") + line + "\n"
    }
}

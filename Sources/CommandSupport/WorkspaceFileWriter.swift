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

    /// Writes an output the user named (`export --output`), or stdout when none is named, from what `produce`
    /// hands its sink a piece at a time: a regular file by a complete copy beside it renamed over it (a
    /// failure leaves the old file whole); a device or pipe (/dev/null, /dev/stdout, a FIFO) straight into
    /// it, since a rename would replace the device itself with a plain file (as root, /dev/null).
    public static func write(toOutput path: String?, _ produce: (_ sink: @escaping (Data) throws -> Void) throws -> Void) throws {
        guard let path else {
            return try produce { try FileHandle.standardOutput.write(contentsOf: $0) }
        }
        let url = URL(fileURLWithPath: path)
        var status = stat()
        let isSpecial = stat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG && status.st_mode & S_IFMT != S_IFDIR
        let written = isSpecial ? url : url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        let handle: FileHandle
        do {
            if !isSpecial, !FileManager.default.createFile(atPath: written.path, contents: nil) {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: written.path])
            }
            handle = try FileHandle(forWritingTo: written)
        } catch {
            Terminal.warn("error: \(path): cannot write: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        var finished = false
        defer {
            try? handle.close()
            if !isSpecial, !finished { try? FileManager.default.removeItem(at: written) }
        }
        var failure: Error?
        do {
            try produce { data in
                do { try handle.write(contentsOf: data) } catch {
                    failure = error
                    throw error
                }
            }
        } catch where failure != nil {
            Terminal.warn("error: \(path): cannot write: \(failure!.localizedDescription)")
            throw ExitCode.failure
        }
        guard !isSpecial else { return }
        do {
            try handle.synchronize()
            guard rename(written.path, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            finished = true
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

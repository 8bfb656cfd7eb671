import Foundation

/// The one line a long command redraws on stderr to say how far it has got: drawn only on a terminal (never
/// into a pipe or a file), at most ten times a second so drawing never costs the run, and cleared before
/// anything else is printed.
public final class ProgressLine: @unchecked Sendable {
    private let shown: Bool
    private var last = Date.distantPast
    private let lock = NSLock()

    /// A line drawn when `shown` (by default: when stderr is a terminal).
    public init(shown: Bool = isatty(STDERR_FILENO) == 1) {
        self.shown = shown
    }

    /// Redraws the line with `text`; `now` draws it even within a tenth of a second of the last (a new stage).
    public func show(_ text: String, now: Bool = false) {
        guard shown else { return }
        lock.withLock {
            let time = Date()
            guard now || time.timeIntervalSince(last) >= 0.1 else { return }
            last = time
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        }
    }

    /// Clears the line, so a message or the result prints on a clean one.
    public func clear() {
        guard shown else { return }
        lock.withLock { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

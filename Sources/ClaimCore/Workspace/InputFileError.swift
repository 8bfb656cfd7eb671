/// Problems in a file the user writes, each reported compiler-style as `file:line: error: …`.
public struct InputFileError: Error, CustomStringConvertible, Equatable {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        /// Line 0: the file as a whole.
        public var description: String { line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)" }
        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }
    }

    public var problems: [Problem]
    public init(_ problems: [Problem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The lines of a workspace text file with comments and blank lines dropped, numbered from 1.
public enum ListFile {
    public static func lines(_ contents: String) -> [(number: Int, text: String)] {
        contents.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak).enumerated().compactMap { index, raw in
            let text = content(of: raw)
            return text.isEmpty ? nil : (index + 1, text)
        }
    }

    /// The lines of `contents` each with its own line break (none on a last line without one): joined, they
    /// give back every byte, so an edit can drop or insert lines and keep the rest as written.
    public static func rawLines(_ contents: String) -> [Substring] {
        var lines: [Substring] = []
        var start = contents.startIndex
        for index in contents.indices where isLineBreak(contents[index]) {
            let end = contents.index(after: index)
            lines.append(contents[start..<end])
            start = end
        }
        if start < contents.endIndex { lines.append(contents[start...]) }
        return lines
    }

    /// A line break: `\n`, or `\r\n` from a file saved on Windows (one Character in Swift, so splitting on
    /// `"\n"` alone would join such a line to the next).
    public static func isLineBreak(_ character: Character) -> Bool { character == "\n" || character == "\r\n" }

    /// A line without its comment (a `#` at the start or after a space) and surrounding white space.
    public static func content<S: StringProtocol>(of raw: S) -> String {
        var line = Substring(raw)
        if let hash = line.firstIndex(of: "#"), line[..<hash].allSatisfy(\.isWhitespace) || line[line.index(before: hash)] == " " {
            line = line[..<hash]
        }
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

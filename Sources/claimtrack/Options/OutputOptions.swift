import ArgumentParser
import ClaimCore
import Foundation

/// `--json` for listing commands: one JSON document on stdout.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on stdout instead of text.")
    var json = false

    func printJSON<T: Encodable>(_ value: T) throws {
        print(try JSONOutput.string(value))
    }
}

/// Diagnostics go to stderr; stdout carries data only.
enum Terminal {
    static func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Colour only on a terminal and never with NO_COLOR.
    static var usesColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func bold(_ text: String) -> String { usesColour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    static func dim(_ text: String) -> String { usesColour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

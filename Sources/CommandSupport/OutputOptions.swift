import ArgumentParser
import ClaimCore
import Foundation

/// `--json` for listing commands: one JSON document on stdout.
public struct OutputOptions: ParsableArguments {
    public init() {}

    @Flag(name: .long, help: "Print one JSON document on stdout instead of text.")
    public var json = false

    public func printJSON<T: Encodable>(_ value: T) throws {
        print(try JSONOutput.string(value))
    }

    /// Prints the JSON array of `items` made into values by `make`, one element at a time, so only one element
    /// is ever in memory; the text is what `printJSON` prints for the whole array.
    public func printJSONArray<Item, T: Encodable>(_ items: [Item], _ make: (Item) throws -> T) throws {
        guard !items.isEmpty else { return try printJSON([T]()) }
        print("[")
        for (index, item) in items.enumerated() {
            print(try JSONOutput.element(try make(item), depth: 1) + (index == items.count - 1 ? "" : ","))
        }
        print("]")
    }
}

/// Diagnostics go to stderr; stdout carries data only.
public enum Terminal {
    public static func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Colour only on a terminal and never with NO_COLOR.
    public static var usesColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    public static func bold(_ text: String) -> String { usesColour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    public static func dim(_ text: String) -> String { usesColour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

import ArgumentParser
import ClaimCore
import Foundation

/// `-q/--quiet` and `-v/--verbose`, for the commands that read many pages (fetch, reparse).
public struct VerbosityOptions: ParsableArguments {
    public init() {}

    @Flag(name: .shortAndLong, help: "Print errors only: no warnings, notes or progress.")
    public var quiet = false

    @Flag(name: .shortAndLong, help: "List every page a repeated warning is about (by default: a count and the first three).")
    public var verbose = false

    public func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot both be given") }
    }

    /// The command's progress line: drawn on a terminal, and not when quiet.
    public func progressLine() -> ProgressLine { ProgressLine(shown: !quiet && isatty(STDERR_FILENO) == 1) }

    /// Prints diagnostics to stderr, the same message from the same source on many pages as one line with a
    /// count and the first pages (every page with --verbose), in the order each first appeared.
    public func report(_ diagnostics: [Diagnostic]) {
        for line in DiagnosticReport.lines(diagnostics, verbose: verbose) where !quiet || line.hasPrefix("error:") {
            Terminal.warn(line)
        }
    }
}

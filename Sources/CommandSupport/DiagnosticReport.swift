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

    /// Whether a progress line may be drawn: on a terminal, and not when quiet.
    public var showsProgress: Bool { !quiet && isatty(STDERR_FILENO) == 1 }

    /// Prints diagnostics to stderr, the same message from the same source on many pages as one line with a
    /// count and the first pages (every page with --verbose), in the order each first appeared.
    public func report(_ diagnostics: [Diagnostic]) {
        for line in DiagnosticReport.lines(diagnostics, verbose: verbose) where !quiet || line.hasPrefix("error:") {
            Terminal.warn(line)
        }
    }
}

/// Diagnostics grouped for reading: one line per distinct message and source.
public enum DiagnosticReport {
    /// How many pages a grouped line names without --verbose.
    static let shown = 3

    public static func lines(_ diagnostics: [Diagnostic], verbose: Bool) -> [String] {
        var order: [Diagnostic] = []
        var locations: [Diagnostic: [String]] = [:]
        for diagnostic in diagnostics {
            var key = diagnostic
            key.location = nil
            if locations[key] == nil { order.append(key) }
            locations[key, default: []].append(diagnostic.location ?? "")
        }
        return order.flatMap { key -> [String] in
            let places = locations[key]!.filter { !$0.isEmpty }.removingDuplicates()
            guard places.count > 1 else {
                var single = key
                single.location = places.first
                return [single.description]
            }
            let head = ([key.severity.rawValue] + [key.source].compactMap { $0 } + [key.message]).joined(separator: ": ")
            if verbose { return ["\(head) (on \(places.count) pages:)"] + places.map { "  \($0)" } }
            let rest = places.count - shown
            return ["\(head) (on \(places.count) pages: \(places.prefix(shown).joined(separator: ", "))\(rest > 0 ? " and \(rest) more; --verbose lists them" : ""))"]
        }
    }
}

/// When a progress line may be redrawn: at most every tenth of a second, so drawing never costs the run.
public final class ProgressClock: @unchecked Sendable {
    private var last = Date.distantPast
    private let lock = NSLock()

    public init() {}

    public func due() -> Bool {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(last) >= 0.1 else { return false }
            last = now
            return true
        }
    }
}

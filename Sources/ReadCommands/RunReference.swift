import ArgumentParser
import ClaimCore

/// A run named on the command line: its id as `claimtrack runs` prints it, a unique prefix of one
/// (`2026-03-30`), its number counting from 1 for the oldest, or a date (`2026-03-07`: the last run started
/// on or before that day).
enum RunReference {
    static func resolve(_ text: String, among runs: [String]) throws -> String {
        if runs.contains(text) { return text }
        let matching = runs.filter { $0.hasPrefix(text) }
        if matching.count == 1 { return matching[0] }
        if let number = Int(text), number >= 1, number <= runs.count, !text.contains("-") { return runs[number - 1] }
        if matching.isEmpty, let day = Timestamp.iso8601(text + "T23:59:59Z") ?? Timestamp.iso8601(text) {
            let limit = Timestamp.format(day)
            if let last = runs.last(where: { $0 <= limit }) { return last }
        }
        let known = runs.isEmpty ? "none yet" : runs.joined(separator: ", ")
        if matching.count > 1 {
            throw ValidationError("run '\(text)' could be any of \(matching.joined(separator: ", ")); give more of its id")
        }
        throw ValidationError("unknown run '\(text)'; runs: \(known)")
    }
}

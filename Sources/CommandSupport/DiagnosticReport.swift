import ClaimCore

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

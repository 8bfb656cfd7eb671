/// "Did you mean …?": the known word closest to a mistyped one, by edit distance, when it is close enough to
/// be the one meant (at most a third of its letters wrong, and at least one allowed).
public enum Suggestion {
    public static func closest(to typed: String, among known: [String]) -> String? {
        let word = Array(typed.lowercased())
        let allowed = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(word, Array(candidate.lowercased()))
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// ", did you mean 'x'?" for a close match, else "; known: a, b, c".
    public static func hint(for typed: String, among known: [String]) -> String {
        if let match = closest(to: typed, among: known) { return "; did you mean '\(match)'?" }
        return "; known: \(known.sorted().joined(separator: ", "))"
    }

    /// Levenshtein distance, with a transposition of two neighbours counting as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](0...b.count), previous = before, current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}

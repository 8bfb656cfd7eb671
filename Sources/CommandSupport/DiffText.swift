import ClaimCore
import ClaimResolver

/// A claim-level diff as text: one section per kind of change, each line a change with its citations.
public enum DiffText {
    /// The sections with something in them; with `pages` false, only claims, questions and contradictions.
    public static func sections(_ diff: ClaimDiff, pages: Bool = true) -> [(title: String, lines: [String])] {
        var sections: [(String, [String])] = []
        if pages {
            sections.append(("pages", diff.pages.new.map { "+ new \($0)" } + diff.pages.updated.map { "~ updated \($0)" }
                + diff.pages.gone.map { "- gone \($0)" }))
        }
        sections.append(("claims", diff.added.map { "+ \(line($0))" } + diff.retracted.map { "- \(line($0))" }
            + diff.changed.map { "~ \($0.new.subject) · \(key($0.new)): \($0.old.value.display) → \($0.new.value.display)  (\(source($0.old)) → \(source($0.new)))" }))
        sections.append(("questions", diff.questions.map { "\($0.id): \($0.from.rawValue) → \($0.to.rawValue)  \($0.text)" }))
        sections.append(("contradictions", diff.contradictions.appeared.map { "+ \(describe($0))" } + diff.contradictions.cleared.map { "- \(describe($0))" }))
        return sections.filter { !$0.1.isEmpty }
    }

    /// Prints the sections: a bold title, then each change indented.
    public static func print(_ sections: [(title: String, lines: [String])]) {
        for section in sections {
            Swift.print(Terminal.bold(section.title))
            section.lines.forEach { Swift.print("  " + $0) }
        }
    }

    private static func key(_ claim: Claim) -> String { claim.attribute + (claim.qualifier.map { " (\($0))" } ?? "") }

    private static func source(_ claim: Claim) -> String {
        [claim.citation?.publisher, claim.citation?.url].compactMap { $0 }.joined(separator: " ")
    }

    private static func line(_ claim: Claim) -> String {
        "\(claim.subject) · \(key(claim)): \(claim.value.display) [\(claim.confidence.label.rawValue)]  \(source(claim))"
    }

    private static func describe(_ contradiction: Contradiction) -> String {
        let (a, b) = (contradiction.claims[0], contradiction.claims[1])
        return "\(a.subject) · \(key(a)): \(a.value.display) (\(a.citation?.publisher ?? "?")) vs \(b.value.display) (\(b.citation?.publisher ?? "?"))"
    }
}

import ClaimCore
import ClaimResolver
import Foundation

/// The cited digest as GitHub-flavoured Markdown: unresolved questions first, then resolved ones, then
/// claims linked to no question, then the sources. Every claim carries a footnote citation.
public enum MarkdownDigest {
    public static func render(_ input: DigestInput) -> String {
        var footnotes = Footnotes()
        var out = "# claimtrack digest\n\n"
        out += "- Workspace: `\(code(input.workspace))`\n"
        out += "- As of run: \(input.run.map { "`\($0)`" } ?? "none")\n"
        out += "- Questions: \(input.questions.count), claims: \(input.claims.count)\n\n"

        let unresolved = input.questions.filter { $0.status != .resolved }.sorted { ($0.status, $0.id) < ($1.status, $1.id) }
        let resolved = input.questions.filter { $0.status == .resolved }.sorted { $0.id < $1.id }
        out += "## Unresolved questions\n\n"
        out += unresolved.isEmpty ? "None.\n\n" : unresolved.map { question($0, &footnotes) }.joined()
        out += "## Resolved questions\n\n"
        out += resolved.isEmpty ? "None.\n\n" : resolved.map { question($0, &footnotes) }.joined()

        let unlinked = input.claims.filter { $0.questions.isEmpty }
        out += "## Claims not linked to a question\n\n"
        if unlinked.isEmpty { out += "None.\n\n" }
        for subject in Set(unlinked.map(\.subject)).sorted() {
            out += "### \(escape(subject))\n\n"
            for claim in unlinked.filter({ $0.subject == subject }).sorted(by: order) {
                out += "- " + line(claim, &footnotes) + "\n"
            }
            out += "\n"
        }

        out += "## Sources\n\n"
        let publishers = Dictionary(grouping: input.claims.compactMap(\.citation), by: { $0.publisher ?? "unknown" })
        for publisher in publishers.keys.sorted() {
            let pages = Set(publishers[publisher]!.map(\.url)).count
            out += "- \(escape(publisher)): \(pages) page\(pages == 1 ? "" : "s")\n"
        }
        out += "\n" + footnotes.rendered()
        return out
    }

    private static func question(_ state: QuestionState, _ footnotes: inout Footnotes) -> String {
        var out = "### \(escape(state.text)) (`\(code(state.id))`)\n\n"
        out += "- Status: **\(state.status.rawValue)**\n"
        out += "- Best current answer: \(state.answer.map(escape) ?? "none yet")"
        if let confidence = state.confidence { out += " (\(confidence.label.rawValue), \(String(format: "%.2f", confidence.score)))" }
        out += "\n- Independent sources: \(state.independentSources)\n"
        if !state.claims.isEmpty {
            out += "- Claims:\n"
            for claim in state.claims { out += "  - " + line(claim, &footnotes) + "\n" }
        }
        for contradiction in state.contradictions {
            let notes = contradiction.claims.map { footnotes.reference(for: $0) }
            out += "- Contradiction: \(escape(contradiction.claims[0].value.display)) \(notes[0]) vs \(escape(contradiction.claims[1].value.display)) \(notes[1]) — \(escape(contradiction.reason))\n"
        }
        return out + "\n"
    }

    private static func line(_ claim: Claim, _ footnotes: inout Footnotes) -> String {
        var text = "\(escape(claim.subject)) · \(claim.attribute)"
        if let qualifier = claim.qualifier { text += " (\(escape(qualifier)))" }
        text += ": **\(escape(claim.value.display))**"
        if let validTime = claim.validTime { text += " (\(escape(validTime.text)))" }
        text += " — \(claim.confidence.label.rawValue) \(footnotes.reference(for: claim))"
        return text
    }

    private static func order(_ a: Claim, _ b: Claim) -> Bool {
        (a.attribute, a.citation?.url ?? "", a.quote) < (b.attribute, b.citation?.url ?? "", b.quote)
    }

    /// Numbered footnotes, one per distinct citation and quote.
    struct Footnotes {
        private var keys: [String] = []
        private var bodies: [String] = []

        mutating func reference(for claim: Claim) -> String {
            let citation = claim.citation
            let key = (citation?.warcRecordID ?? citation?.url ?? "") + "|" + claim.quote
            if let index = keys.firstIndex(of: key) { return "[^\(index + 1)]" }
            keys.append(key)
            var body = [citation?.publisher, citation?.title.map { "\u{201C}\($0)\u{201D}" }, citation?.author.map { "by \($0)" }]
                .compactMap { $0 }.map(escape).joined(separator: ", ")
            if let url = citation?.url { body += ", <\(url.replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: " ", with: "%20"))>" }
            if let published = citation?.published { body += ", published \(Timestamp.format(published))" }
            if let retrieved = citation?.retrieved { body += ", retrieved \(Timestamp.format(retrieved))" }
            if let record = citation?.warcRecordID { body += ", archive record `\(code(record))`" }
            if let digest = citation?.payloadDigest { body += ", payload `\(code(digest))`" }
            body += ". Quote: \u{201C}\(escape(claim.quote))\u{201D}"
            bodies.append(body)
            return "[^\(keys.count)]"
        }

        func rendered() -> String {
            bodies.enumerated().map { "[^\($0.offset + 1)]: \($0.element)\n" }.joined()
        }
    }

    /// Escapes page-derived text so no link, footnote, emphasis or HTML in it becomes live.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "(", ")", "#", "!", "|", "~", "^": out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Text inside inline code cannot hold a backtick.
    static func code(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "'") }
}

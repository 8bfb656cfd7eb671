import ClaimCore
import ClaimResolver
import Foundation

/// The cited digest as GitHub-flavoured Markdown: unresolved questions first, then resolved ones, then
/// claims linked to no question, then the sources. Every claim carries a footnote citation.
public enum MarkdownDigest: DigestRenderer {
    static let separator = ""

    static func document(_ parts: DigestParts, into output: DigestOutput) throws {
        try output.write("""
            # claimtrack digest

            - Workspace: `\(code(parts.workspace))`
            - As of run: \(parts.run.map { "`\($0)`" } ?? "none")
            - Questions: \(parts.questions), claims: \(parts.claims)


            """)
        for (title, list) in [("Unresolved questions", parts.unresolved), ("Resolved questions", parts.resolved),
                              ("Claims not linked to a question", parts.unlinked)] {
            try output.write("## \(title)\n\n")
            if list.isEmpty { try output.write("None.\n\n") } else { try list.copy(into: output) }
        }
        try output.write("## Sources\n\n")
        for source in parts.sources {
            let record = source.record.map { " — " + DigestComposer.describe($0) } ?? ""
            try output.write("- \(escape(source.publisher)): \(source.pages) page\(source.pages == 1 ? "" : "s")\(record)\n")
        }
        try output.write("\n")
        try parts.references.copy(into: output)
    }

    static func unlinked(subject: String, claims: [Claim], _ references: DigestReferences) -> String {
        "### \(escape(subject))\n\n" + claims.map { "- " + line($0, references) + "\n" }.joined() + "\n"
    }

    static func reference(_ number: Int, _ entry: DigestReferences.Entry) -> String {
        "[^\(number)]: \(footnote(entry))\n"
    }

    static func question(_ state: QuestionState, _ references: DigestReferences) -> String {
        var out = "### \(escape(state.text)) (`\(code(state.id))`)\n\n"
        out += "- Status: **\(state.status.rawValue)**\n"
        out += "- Best current answer: \(state.answer.map(escape) ?? "none yet")"
        if let manual = state.manual { out += " (manual answer) [^\(references.existing(manual))]" }
        if let confidence = state.confidence { out += " (\(confidence.label.rawValue), \(String(format: "%.2f", confidence.score)))" }
        out += "\n"
        if let spread = state.spread { out += "- Spread: \(escape(spread))\n" }
        out += "- Independent sources: \(state.independentSources)\n"
        if !state.claims.isEmpty {
            out += "- Claims:\n"
            for claim in state.claims { out += "  - " + line(claim, references) + "\n" }
        }
        for unknown in state.unknowns {
            out += "- Still unknown: \u{201C}\(escape(unknown.quote))\u{201D} [^\(references.existing(unknown))]\n"
        }
        for contradiction in state.contradictions {
            let (a, b) = (contradiction.claims[0], contradiction.claims[1])
            out += "- Contradiction: \(escape(a.value.display)) [^\(references.existing(a))] vs \(escape(b.value.display)) [^\(references.existing(b))] — \(escape(contradiction.reason))\n"
        }
        return out + "\n"
    }

    private static func line(_ claim: Claim, _ references: DigestReferences) -> String {
        var text = "\(escape(claim.subject)) · \(claim.attribute)"
        if let qualifier = claim.qualifier { text += " (\(escape(qualifier)))" }
        text += ": **\(escape(claim.value.display))**"
        if let validTime = claim.validTime { text += " (\(escape(validTime.text)))" }
        return text + " — \(claim.confidence.label.rawValue) [^\(references.existing(claim))]"
    }

    private static func footnote(_ entry: DigestReferences.Entry) -> String {
        let citation = entry.citation
        var body = [citation?.publisher, citation?.title.map { "\u{201C}\($0)\u{201D}" }, citation?.author.map { "by \($0)" }]
            .compactMap { $0 }.map(escape).joined(separator: ", ")
        if let url = citation?.url { body += ", " + link(url) }
        if let feed = citation?.quotedIn { body += ", as quoted in " + link(feed) }
        if let published = citation?.published { body += ", published \(Timestamp.format(published))" }
        if let retrieved = citation?.retrieved { body += ", retrieved \(Timestamp.format(retrieved))" }
        if let record = citation?.warcRecordID { body += ", archive record `\(code(record))`" }
        if let digest = citation?.payloadDigest { body += ", payload `\(code(digest))`" }
        return body + ". Quote: \u{201C}\(escape(entry.quote))\u{201D}"
    }

    /// An autolink for http(s) URLs; anything else is shown as inert code.
    /// Every URL is normalised first (no line break, space or angle bracket survives), so none can end the
    /// autolink or the code span and start markup of its own.
    static func link(_ raw: String) -> String {
        let url = Links.normalized(raw)
        guard let scheme = URL(string: url)?.scheme?.lowercased(), ["http", "https"].contains(scheme) else { return "`\(code(url))`" }
        return "<" + url + ">"
    }

    /// Escapes page-derived text so no link, footnote, emphasis or HTML in it becomes live.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            // Only what could start markup mid-line: with [ and ] escaped no link, image or footnote can
            // form, so ( ) ! ^ stay as written; the text never starts a line, so # and list markers are inert.
            case "\\", "`", "*", "_", "[", "]", "|", "~": out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case let other where other.isNewline: out += " "  // \n, \r, and \r\n (one Character)
            default: out.append(character)
            }
        }
        return out
    }

    /// Text inside inline code cannot hold a backtick.
    /// Nor a line break, which would end it.
    static func code(_ text: String) -> String {
        String(text.map { $0 == "`" ? "'" : $0.isNewline ? " " : $0 })
    }
}

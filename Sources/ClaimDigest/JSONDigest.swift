import ClaimCore
import ClaimResolver
import Foundation

/// The digest as JSON: everything in the Markdown, structured, with a schema version.
///
/// Fields: `schemaVersion` (1), `workspace`, `run`, `unresolved` and `resolved` (question objects as
/// `questions --json` prints them, except that each claim carries `reference` — the number of its entry in
/// `references` — instead of its citation, and each contradiction names its two claims by reference),
/// `unlinked` (`subject`, `claims`), `sources` (`publisher`, `pages`, and `record`, its track record, where
/// it has one: `judged`, `right`, `partly`, `wrong`, `changes`, `medianLeadDays`, `shareRight`, `low`, `high`),
/// `references` (`number`, `citation`, `quote`). Citations are written once, in `references`.
public enum JSONDigest: DigestRenderer {
    public static let schemaVersion = 1

    struct Referenced: Encodable {
        let claim: Claim
        let reference: Int

        func encode(to encoder: Encoder) throws {
            var cited = claim
            cited.citation = nil
            try cited.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(reference, forKey: .reference)
        }

        enum Key: String, CodingKey { case reference }
    }

    struct Question: Encodable {
        let id, text, status: String
        let subjects: [String]
        let attribute: String
        let qualifier: String?
        let answer: String?
        /// The reference of a manual answer's citation (its `cite:` URL); absent when no answer was written.
        let manualAnswer: Int?
        let confidence: Confidence?
        let spread: String?
        let independentSources: Int
        let claims: [Referenced]
        let contradictions: [Disagreement]
        /// Sentences saying the answer is not known yet, by reference.
        let unknowns: [Int]
    }

    /// A contradiction by reference: the two claims' reference numbers, which one is preferred, and why.
    struct Disagreement: Encodable {
        let claims: [Int]
        let preferred: Int
        let reason: String
    }

    struct Group: Encodable { let subject: String; let claims: [Referenced] }
    struct Source: Encodable { let publisher: String; let pages: Int; let record: TrackRecord.Record? }
    struct Reference: Encodable { let number: Int; let citation: Citation?; let quote: String }

    static let separator = ",\n"

    /// The document's members in the order `.sortedKeys` gives, each list's items written as an element of
    /// it: the same bytes as encoding the whole document at once.
    static func document(_ parts: DigestParts, into output: DigestOutput) throws {
        func list(_ spool: Spool) throws {
            if spool.isEmpty { return try output.write("[\n\n  ]") }
            try output.write("[\n")
            try spool.copy(into: output)
            try output.write("\n  ]")
        }
        try output.write("{\n  \"references\" : ")
        try list(parts.references)
        try output.write(",\n  \"resolved\" : ")
        try list(parts.resolved)
        try output.write(",\n  \"run\" : \(try parts.run.map { try JSONOutput.string($0) } ?? "null"),\n")
        try output.write("  \"schemaVersion\" : \(schemaVersion),\n  \"sources\" : ")
        let sources = Spool(separator: separator)
        for source in parts.sources { try sources.append(try element(Source(publisher: source.publisher, pages: source.pages, record: source.record))) }
        try list(sources)
        try output.write(",\n  \"unlinked\" : ")
        try list(parts.unlinked)
        try output.write(",\n  \"unresolved\" : ")
        try list(parts.unresolved)
        try output.write(",\n  \"workspace\" : \(try JSONOutput.string(parts.workspace))\n}\n")
    }

    static func question(_ state: QuestionState, _ references: DigestReferences) throws -> String {
        try element(Question(
            id: state.id, text: state.text, status: state.status.rawValue, subjects: state.subjects, attribute: state.attribute,
            qualifier: state.qualifier, answer: state.answer, manualAnswer: state.manual.map { references.existing($0) },
            confidence: state.confidence, spread: state.spread, independentSources: state.independentSources,
            claims: state.claims.map { Referenced(claim: $0, reference: references.existing($0)) },
            contradictions: state.contradictions.map { contradiction in
                Disagreement(claims: contradiction.claims.map { references.existing($0) }, preferred: contradiction.preferred,
                             reason: contradiction.reason)
            },
            unknowns: state.unknowns.map { references.existing($0) }))
    }

    static func unlinked(subject: String, claims: [Claim], _ references: DigestReferences) throws -> String {
        try element(Group(subject: subject, claims: claims.map { Referenced(claim: $0, reference: references.existing($0)) }))
    }

    static func reference(_ number: Int, _ entry: DigestReferences.Entry) throws -> String {
        try element(Reference(number: number, citation: entry.citation, quote: entry.quote))
    }

    /// `value` pretty-printed as an element of a list that is a member of the document.
    private static func element(_ value: some Encodable) throws -> String {
        try JSONOutput.element(value, depth: 2)
    }
}

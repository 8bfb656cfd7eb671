import ClaimCore
import ClaimResolver
import Foundation

/// The digest as JSON: everything in the Markdown, structured, with a schema version.
///
/// Fields: `schemaVersion` (1), `workspace`, `run`, `unresolved` and `resolved` (question objects as
/// `questions --json` prints them, except that each claim carries `reference` — the number of its entry in
/// `references` — instead of its citation, and each contradiction names its two claims by reference),
/// `unlinked` (`subject`, `claims`), `sources` (`publisher`, `pages`), `references` (`number`, `citation`,
/// `quote`). Citations are written once, in `references`.
public enum JSONDigest {
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

    struct Document: Encodable {
        struct Group: Encodable { let subject: String; let claims: [Referenced] }
        struct Source: Encodable { let publisher: String; let pages: Int }
        struct Reference: Encodable { let number: Int; let citation: Citation?; let quote: String }
        let schemaVersion: Int
        let workspace: String
        let run: String?
        let unresolved: [Question]
        let resolved: [Question]
        let unlinked: [Group]
        let sources: [Source]
        let references: [Reference]
    }

    public static func render(_ input: DigestInput) throws -> String {
        let model = DigestModel(input)
        func question(_ state: QuestionState) -> Question {
            Question(id: state.id, text: state.text, status: state.status.rawValue, subjects: state.subjects, attribute: state.attribute,
                     qualifier: state.qualifier, answer: state.answer, manualAnswer: state.manual.map { model.references.existing($0) },
                     confidence: state.confidence, spread: state.spread,
                     independentSources: state.independentSources,
                     claims: state.claims.map { Referenced(claim: $0, reference: model.references.existing($0)) },
                     contradictions: state.contradictions.map { contradiction in
                         Disagreement(claims: contradiction.claims.map { model.references.existing($0) }, preferred: contradiction.preferred,
                                      reason: contradiction.reason)
                     },
                     unknowns: state.unknowns.map { model.references.existing($0) })
        }
        let document = Document(
            schemaVersion: schemaVersion, workspace: input.workspace, run: input.run,
            unresolved: model.unresolved.map(question), resolved: model.resolved.map(question),
            unlinked: model.unlinked.map { Document.Group(subject: $0.subject, claims: $0.claims.map { Referenced(claim: $0, reference: model.references.existing($0)) }) },
            sources: model.sources.map { Document.Source(publisher: $0.publisher, pages: $0.pages) },
            references: model.references.entries.enumerated().map { Document.Reference(number: $0.offset + 1, citation: $0.element.citation, quote: $0.element.quote) })
        return try JSONOutput.string(document) + "\n"
    }
}

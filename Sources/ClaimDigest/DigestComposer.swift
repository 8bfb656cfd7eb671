import ClaimCore
import ClaimResolver
import Foundation

/// The digest formats.
public enum DigestFormat: String, CaseIterable, Sendable {
    case markdown, json, html

    var renderer: any DigestRenderer.Type {
        switch self {
        case .markdown: MarkdownDigest.self
        case .json: JSONDigest.self
        case .html: HTMLDigest.self
        }
    }

    /// The digest of `content`, narrowed by `filter`, written to `output` a question and a slot at a time;
    /// `progress` hears which question is being written.
    public func write(_ content: some DigestContent, filter: DigestFilter = DigestFilter(), to output: DigestOutput,
                      progress: (String) -> Void = { _ in }) throws {
        try DigestComposer.write(content, filter: filter, as: renderer, to: output, progress: progress)
    }

    /// The digest of `content` as one string.
    public func render(_ content: some DigestContent, filter: DigestFilter = DigestFilter()) throws -> String {
        var data = Data()
        let output = DigestOutput { data.append($0) }
        try write(content, filter: filter, to: output)
        return String(decoding: data, as: UTF8.self)
    }
}

/// One format: how it writes a question, a group of claims linked to none, a reference, and the document
/// around them.
protocol DigestRenderer {
    /// What stands between two items of one list.
    static var separator: String { get }
    static func question(_ state: QuestionState, _ references: DigestReferences) throws -> String
    static func unlinked(subject: String, claims: [Claim], _ references: DigestReferences) throws -> String
    static func reference(_ number: Int, _ entry: DigestReferences.Entry) throws -> String
    static func document(_ parts: DigestParts, into output: DigestOutput) throws
}

/// The digest's parts once every question and claim has been read: each list written out, awaiting its
/// place in the document.
struct DigestParts {
    var workspace: String
    var run: String?
    var questions: Int
    var claims: Int
    /// Unresolved questions by status, then id; resolved ones by id.
    var unresolved: Spool, resolved: Spool
    /// Claims linked to no question, by subject.
    var unlinked: Spool
    /// Publisher → number of pages cited, and its track record where it has one.
    var sources: [(publisher: String, pages: Int, record: TrackRecord.Record?)]
    var references: Spool
}

/// Decides the digest's content once for every format — which questions, in which order, which claims, and
/// the numbered citations they share — reading one question, then one slot of claims, at a time.
enum DigestComposer {
    static func write(_ content: some DigestContent, filter: DigestFilter, as renderer: any DigestRenderer.Type,
                      to output: DigestOutput, progress: (String) -> Void) throws {
        let states = try content.questionStates().filter(filter.includes)
        let references = Spool(separator: renderer.separator)
        let numbering = DigestReferences { number, entry in try references.append(renderer.reference(number, entry)) }
        let unresolved = Spool(separator: renderer.separator), resolved = Spool(separator: renderer.separator)
        let sequence = states.filter { $0.status != .resolved }.sorted { ($0.status, $0.id) < ($1.status, $1.id) }.map { ($0, unresolved) }
            + states.filter { $0.status == .resolved }.sorted { $0.id < $1.id }.map { ($0, resolved) }
        for (index, (question, list)) in sequence.enumerated() {
            progress("question \(index + 1) of \(sequence.count)")
            let state = filter.narrowed(try content.state(of: question))
            try numbering.number(state)
            try list.append(renderer.question(state, numbering))
        }

        progress("claims linked to no question")
        var claims = 0
        var pages: [String: Set<String>] = [:]
        let unlinked = Spool(separator: renderer.separator)
        // One subject's claims linked to no question at a time: the slots come by subject.
        var looseSubject: String?, loose: [Claim] = []
        func writeLoose() throws {
            guard let subject = looseSubject, !loose.isEmpty else { return }
            let sorted = loose.sorted(by: order)
            for claim in sorted { try numbering.number(claim) }
            try unlinked.append(renderer.unlinked(subject: subject, claims: sorted, numbering))
            loose.removeAll()
        }
        try content.forEachSlot { slot in
            for claim in slot where filter.includes(claim) {
                claims += 1
                if let citation = claim.citation { pages[citation.publisher ?? "unknown", default: []].insert(citation.url) }
                guard claim.questions.isEmpty else { continue }
                if looseSubject != claim.subject {
                    try writeLoose()
                    looseSubject = claim.subject
                }
                loose.append(claim)
            }
        }
        try writeLoose()
        let parts = DigestParts(workspace: content.workspace, run: content.run, questions: states.count, claims: claims,
                                unresolved: unresolved, resolved: resolved, unlinked: unlinked,
                                sources: try sources(pages, content.judgements()), references: references)
        try renderer.document(parts, into: output)
        try output.flush()
    }

    /// Each cited publisher with its number of pages and its track record, by name.
    static func sources(_ pages: [String: Set<String>], _ judgements: [Judgement]) -> [(publisher: String, pages: Int, record: TrackRecord.Record?)] {
        let records = Dictionary(uniqueKeysWithValues: TrackRecord.records(judgements, by: \.publisher).map { ($0.name, $0.record) })
        return pages.keys.sorted().map { ($0, pages[$0]!.count, records[$0]) }
    }

    /// A track record in words: "track record: 1 right, 1 partly, 0 wrong of 2 judged (share right 0.50, 95% 0.09–0.91)".
    static func describe(_ record: TrackRecord.Record) -> String {
        "track record: \(record.right) right, \(record.partly) partly, \(record.wrong) wrong of \(record.judged) judged "
            + String(format: "(share right %.2f, 95%% %.2f–%.2f)", record.shareRight, record.low, record.high)
    }

    /// Claims linked to no question, within their subject: by attribute, page and quote, and what tells
    /// apart two claims one sentence makes.
    static func order(_ a: Claim, _ b: Claim) -> Bool {
        let keys = { (claim: Claim) in
            (claim.attribute, claim.citation?.url ?? "", claim.quote, claim.qualifier ?? "", claim.value.display)
        }
        return keys(a) < keys(b)
    }
}

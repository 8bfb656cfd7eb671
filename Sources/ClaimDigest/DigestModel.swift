import ClaimCore
import ClaimResolver
import Foundation

/// The digest's content, decided once for every format: which questions, in which order, which claims,
/// and the numbered citations they share. Each format only renders it.
struct DigestModel {
    struct Section {
        var title: String
        var questions: [QuestionState]
    }

    var unresolved: [QuestionState]
    var resolved: [QuestionState]
    /// Claims linked to no question, by subject.
    var unlinked: [(subject: String, claims: [Claim])]
    /// Publisher → number of pages cited.
    var sources: [(publisher: String, pages: Int)]
    var references: References

    init(_ input: DigestInput) {
        unresolved = input.questions.filter { $0.status != .resolved }.sorted { ($0.status, $0.id) < ($1.status, $1.id) }
        resolved = input.questions.filter { $0.status == .resolved }.sorted { $0.id < $1.id }
        let loose = input.claims.filter { $0.questions.isEmpty }
        unlinked = Set(loose.map(\.subject)).sorted().map { subject in
            (subject, loose.filter { $0.subject == subject }.sorted(by: Self.order))
        }
        let byPublisher = Dictionary(grouping: input.claims.compactMap(\.citation), by: { $0.publisher ?? "unknown" })
        sources = byPublisher.keys.sorted().map { ($0, Set(byPublisher[$0]!.map(\.url)).count) }
        var references = References()
        for question in unresolved + resolved {
            if let manual = question.manual { _ = references.number(citation: Self.citation(of: manual), quote: manual.answer) }
            question.claims.forEach { _ = references.number(for: $0) }
            question.contradictions.flatMap(\.claims).forEach { _ = references.number(for: $0) }
            question.unknowns.forEach { _ = references.number(citation: $0.citation, quote: $0.quote) }
        }
        unlinked.flatMap(\.claims).forEach { _ = references.number(for: $0) }
        self.references = references
    }

    /// A manual answer's citation: the URL its `cite:` line gives.
    static func citation(of manual: Question.ManualAnswer) -> Citation {
        Citation(url: manual.citation, publisher: "Manual answer in Questions.list")
    }

    static func order(_ a: Claim, _ b: Claim) -> Bool {
        (a.attribute, a.citation?.url ?? "", a.quote) < (b.attribute, b.citation?.url ?? "", b.quote)
    }

    /// Numbered citations, one per archived record and quoted sentence, in order of first use.
    struct References {
        struct Entry {
            var citation: Citation?
            var quote: String
        }

        private(set) var entries: [Entry] = []
        private var numbers: [String: Int] = [:]

        static func key(_ citation: Citation?, _ quote: String) -> String {
            (citation?.warcRecordID ?? citation?.url ?? "") + "|" + quote
        }

        static func key(_ claim: Claim) -> String { key(claim.citation, claim.quote) }

        mutating func number(for claim: Claim) -> Int { number(citation: claim.citation, quote: claim.quote) }

        mutating func number(citation: Citation?, quote: String) -> Int {
            if let number = numbers[Self.key(citation, quote)] { return number }
            entries.append(Entry(citation: citation, quote: quote))
            numbers[Self.key(citation, quote)] = entries.count
            return entries.count
        }

        func existing(_ claim: Claim) -> Int { numbers[Self.key(claim)] ?? 0 }

        func existing(_ unknown: StatedUnknown) -> Int { numbers[Self.key(unknown.citation, unknown.quote)] ?? 0 }

        func existing(_ manual: Question.ManualAnswer) -> Int { numbers[Self.key(DigestModel.citation(of: manual), manual.answer)] ?? 0 }
    }
}

/// Which claims a digest includes.
public struct DigestFilter: Sendable {
    public var questions: [String]
    public var since: Date?
    public var minConfidence: Double?

    public init(questions: [String] = [], since: Date? = nil, minConfidence: Double? = nil) {
        self.questions = questions
        self.since = since
        self.minConfidence = minConfidence
    }

    /// The input narrowed: only the named questions (and their claims), claims stated since the date, at or
    /// above the confidence.
    public func apply(to input: DigestInput) -> DigestInput {
        func keep(_ claim: Claim) -> Bool {
            (since.map { (claim.statedAt ?? claim.citation?.retrieved ?? .distantPast) >= $0 } ?? true)
                && (minConfidence.map { claim.confidence.score >= $0 } ?? true)
        }
        var output = input
        if !questions.isEmpty {
            output.questions = input.questions.filter { questions.contains($0.id) }
            output.claims = input.claims.filter { !Set($0.questions).isDisjoint(with: questions) }
        }
        output.claims = output.claims.filter(keep)
        output.questions = output.questions.map { state in
            var narrowed = state
            narrowed.claims = state.claims.filter(keep)
            narrowed.contradictions = state.contradictions.filter { $0.claims.allSatisfy(keep) }
            return narrowed
        }
        return output
    }
}

import ClaimCore
import ClaimResolver

/// Numbered citations, one per archived record and quoted sentence, in order of first use. Each entry is
/// handed on (to be written) as it is numbered, and only a 128-bit hash of its key is kept, so a digest of
/// a million claims keeps tens of megabytes of numbers, not its quotes.
final class DigestReferences {
    struct Entry {
        var citation: Citation?
        var quote: String
    }

    private struct Key: Hashable {
        let high: Int, low: Int
    }

    private var numbers: [Key: Int] = [:]
    private let numbered: (Int, Entry) throws -> Void

    /// Numbers that call `numbered` with each new entry.
    init(numbered: @escaping (Int, Entry) throws -> Void) {
        self.numbered = numbered
    }

    /// Where a claim's citation and quote are, for telling two claims apart on one timeline.
    static func key(_ citation: Citation?, _ quote: String) -> String {
        (citation?.warcRecordID ?? citation?.url ?? "") + "|" + quote
    }

    static func key(_ claim: Claim) -> String { key(claim.citation, claim.quote) }

    /// Two independent 64-bit hashes: a collision among a million keys is about as likely as none at all.
    private static func hashed(_ citation: Citation?, _ quote: String) -> Key {
        let text = key(citation, quote)
        var high = Hasher(), low = Hasher()
        high.combine(0)
        low.combine(1)
        high.combine(text)
        low.combine(text)
        return Key(high: high.finalize(), low: low.finalize())
    }

    /// A manual answer's citation: the URL its `cite:` line gives.
    static func citation(of manual: Question.ManualAnswer) -> Citation {
        Citation(url: manual.citation, publisher: "Manual answer in Questions.list")
    }

    /// Numbers everything `state` cites, in the order the digest shows it.
    func number(_ state: QuestionState) throws {
        if let manual = state.manual { try number(citation: Self.citation(of: manual), quote: manual.answer) }
        for claim in state.claims { try number(claim) }
        for claim in state.contradictions.flatMap(\.claims) { try number(claim) }
        for unknown in state.unknowns { try number(citation: unknown.citation, quote: unknown.quote) }
    }

    func number(_ claim: Claim) throws { try number(citation: claim.citation, quote: claim.quote) }

    private func number(citation: Citation?, quote: String) throws {
        let key = Self.hashed(citation, quote)
        guard numbers[key] == nil else { return }
        numbers[key] = numbers.count + 1
        try numbered(numbers.count, Entry(citation: citation, quote: quote))
    }

    func existing(_ claim: Claim) -> Int { numbers[Self.hashed(claim.citation, claim.quote)] ?? 0 }

    func existing(_ unknown: StatedUnknown) -> Int { numbers[Self.hashed(unknown.citation, unknown.quote)] ?? 0 }

    func existing(_ manual: Question.ManualAnswer) -> Int { numbers[Self.hashed(Self.citation(of: manual), manual.answer)] ?? 0 }
}

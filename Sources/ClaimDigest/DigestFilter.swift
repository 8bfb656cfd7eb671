import ClaimCore
import ClaimResolver
import Foundation

/// Which questions and claims a digest includes.
public struct DigestFilter: Sendable {
    public var questions: [String]
    public var since: Date?
    public var minConfidence: Double?

    public init(questions: [String] = [], since: Date? = nil, minConfidence: Double? = nil) {
        self.questions = questions
        self.since = since
        self.minConfidence = minConfidence
    }

    /// Whether a claim was stated since the date and at or above the confidence.
    public func keeps(_ claim: Claim) -> Bool {
        (since.map { (claim.statedAt ?? claim.citation?.retrieved ?? .distantPast) >= $0 } ?? true)
            && (minConfidence.map { claim.confidence.score >= $0 } ?? true)
    }

    /// Whether the digest shows a question.
    func includes(_ question: QuestionState) -> Bool { questions.isEmpty || questions.contains(question.id) }

    /// Whether the digest counts a claim: kept, and linked to a named question when questions are named.
    func includes(_ claim: Claim) -> Bool {
        keeps(claim) && (questions.isEmpty || claim.questions.contains { questions.contains($0) })
    }

    /// A question with only the claims and contradictions the filter keeps.
    func narrowed(_ state: QuestionState) -> QuestionState {
        var narrowed = state
        narrowed.claims = state.claims.filter(keeps)
        narrowed.contradictions = state.contradictions.filter { $0.claims.allSatisfy(keeps) }
        return narrowed
    }
}

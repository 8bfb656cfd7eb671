import Foundation

/// A sentence saying something about a tracked subject is not known ("We don't know yet if Apple will
/// release a rack-mount Studio Server"): no claim, but evidence that a question is still open.
public struct StatedUnknown: Codable, Sendable, Equatable, Hashable {
    /// Canonical subjects the sentence names.
    public var subjects: [String]
    /// Attributes whose trigger words the sentence uses; empty when it uses none.
    public var attributes: [String]
    public var quote: String
    public var statedAt: Date?
    /// The sentence's index in its page.
    public var position: Int?
    public var citation: Citation?

    public init(subjects: [String], attributes: [String], quote: String, statedAt: Date?, position: Int? = nil, citation: Citation? = nil) {
        self.subjects = subjects
        self.attributes = attributes
        self.quote = quote
        self.statedAt = statedAt
        self.position = position
        self.citation = citation
    }

    /// Whether this bears on `question`: a shared subject, and the question's attribute among those the
    /// sentence's words point to ("it is unclear if the chip will appear in the Mac Pro" names none, so it
    /// is kept but bears on no question).
    public func concerns(_ question: Question) -> Bool {
        !Set(subjects).isDisjoint(with: question.subjects) && attributes.contains(question.attribute)
    }
}

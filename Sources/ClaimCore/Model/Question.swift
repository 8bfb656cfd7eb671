import Foundation

/// Something the analyst wants answered; claims link to it by subject, attribute and qualifier.
public struct Question: Codable, Sendable, Equatable {
    /// What settles a question.
    public enum Resolution: String, Codable, Sendable, CaseIterable {
        /// An official claim (or a measured one) settles it.
        case official
        /// Any measured or official claim settles it.
        case measured
        /// Only a manual resolution in the questions file settles it.
        case manual
    }

    /// A person's answer, written in the questions file with its citation.
    public struct ManualAnswer: Codable, Sendable, Equatable {
        public var answer: String
        public var citation: String

        public init(answer: String, citation: String) {
            self.answer = answer
            self.citation = citation
        }
    }

    public var id: String
    public var text: String
    /// Canonical subject names; a claim about any of them may bear on the question.
    public var subjects: [String]
    public var attribute: String
    public var qualifier: String?
    public var resolvedBy: Resolution
    public var manual: ManualAnswer?
    /// Where it was defined (`Questions.list:12`), for messages.
    public var location: String?

    public init(id: String, text: String, subjects: [String], attribute: String, qualifier: String? = nil,
                resolvedBy: Resolution = .official, manual: ManualAnswer? = nil, location: String? = nil) {
        self.id = id
        self.text = text
        self.subjects = subjects
        self.attribute = attribute
        self.qualifier = qualifier
        self.resolvedBy = resolvedBy
        self.manual = manual
        self.location = location
    }

    /// Whether `claim` bears on this question.
    public func matches(_ claim: Claim) -> Bool {
        subjects.contains(claim.subject) && claim.attribute == attribute
            && (qualifier == nil || qualifier == claim.qualifier)
    }
}

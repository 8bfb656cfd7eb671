import Foundation

/// How sure we are of a claim, with the cues that made us so.
public struct Confidence: Codable, Sendable, Equatable, Hashable {
    public enum Label: String, Codable, Sendable, CaseIterable, Comparable {
        case official, measured, reported, rumored, leaked, speculative
        case userReport = "user-report"

        /// Preference when two claims disagree: official > measured > reported > leaked > rumored > … .
        public var rank: Int {
            switch self {
            case .official: 6
            case .measured: 5
            case .reported: 4
            case .leaked: 3
            case .rumored: 2
            case .userReport: 1
            case .speculative: 0
            }
        }

        public static func < (lhs: Label, rhs: Label) -> Bool { lhs.rank < rhs.rank }
    }

    /// 0…1.
    public var score: Double
    public var label: Label
    public var reasons: [String]

    public init(score: Double, label: Label, reasons: [String]) {
        self.score = score
        self.label = label
        self.reasons = reasons
    }
}

/// The time a claim is about ("June 2026"), as an inclusive day range.
public struct ValidTime: Codable, Sendable, Equatable, Hashable {
    public var start: String?
    public var end: String?
    public var text: String

    public init(start: String?, end: String?, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// Where a claim was read: the page, its publisher and the archived record that holds the exact bytes.
public struct Citation: Codable, Sendable, Equatable, Hashable {
    public var url: String
    public var publisher: String?
    public var title: String?
    public var author: String?
    public var published: Date?
    public var retrieved: Date?
    public var warcRecordID: String?
    public var payloadDigest: String?
    /// The feed or listing the claim was read in, when that page quotes the article at `url` (an excerpt);
    /// the archive record is then that page's.
    public var quotedIn: String?

    public init(url: String, publisher: String? = nil, title: String? = nil, author: String? = nil,
                published: Date? = nil, retrieved: Date? = nil, warcRecordID: String? = nil,
                payloadDigest: String? = nil, quotedIn: String? = nil) {
        self.quotedIn = quotedIn
        self.url = url
        self.publisher = publisher
        self.title = title
        self.author = author
        self.published = published
        self.retrieved = retrieved
        self.warcRecordID = warcRecordID
        self.payloadDigest = payloadDigest
    }
}

/// One statement a source made: subject, attribute (+ qualifier), typed value, when, how sure, and where.
public struct Claim: Codable, Sendable, Equatable, Hashable {
    /// Canonical subject name from the vocabulary ("M5 Ultra").
    public var subject: String
    public var attribute: String
    /// The configuration or context the value applies to ("256GB upgrade"), or nil.
    public var qualifier: String?
    public var value: Value
    public var validTime: ValidTime?
    public var confidence: Confidence
    /// The sentence, exactly as the page wrote it.
    public var quote: String
    /// When the source said it: the page's publication time.
    public var statedAt: Date?
    /// Ids of the questions this claim bears on.
    public var questions: [String]
    public var citation: Citation?
    /// Where in the document the quote stands: the sentence's index among all the page's sentences (nil
    /// for claims read from data tables).
    public var position: Int?

    public init(subject: String, attribute: String, qualifier: String? = nil, value: Value,
                validTime: ValidTime? = nil, confidence: Confidence, quote: String, statedAt: Date? = nil,
                questions: [String] = [], citation: Citation? = nil, position: Int? = nil) {
        self.subject = subject
        self.attribute = attribute
        self.qualifier = qualifier
        self.value = value
        self.validTime = validTime
        self.confidence = confidence
        self.quote = quote
        self.statedAt = statedAt
        self.questions = questions
        self.citation = citation
        self.position = position
    }

    enum CodingKeys: String, CodingKey {
        case subject, attribute, qualifier, value, validTime, confidence, quote, statedAt, questions, citation, position
    }

    /// Encodes absent optionals as `null`, so every claim object has the same fields.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encode(attribute, forKey: .attribute)
        try container.encode(qualifier, forKey: .qualifier)
        try container.encode(value, forKey: .value)
        try container.encode(validTime, forKey: .validTime)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(quote, forKey: .quote)
        try container.encode(statedAt, forKey: .statedAt)
        try container.encode(questions, forKey: .questions)
        try container.encodeIfPresent(citation, forKey: .citation)
        try container.encode(position, forKey: .position)
    }

    /// Subject, attribute and qualifier: claims with the same key speak of the same thing.
    public var key: String { [subject, attribute, qualifier ?? ""].joined(separator: "|") }
}

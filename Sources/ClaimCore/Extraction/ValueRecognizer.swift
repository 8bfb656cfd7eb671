import Foundation

/// A value found in a sentence, with where it was written (UTF-16 range) so claims can be tied to
/// the nearest subject and cue.
public struct ValueMention: Sendable, Equatable {
    public var value: Value
    public var range: NSRange
}

/// Finds typed values in a sentence: money, data sizes, scores and plain numbers, ratios and
/// comparisons, dates and periods. Relative dates resolve against `reference` (the publication time).
public struct ValueRecognizer: Sendable {
    public let reference: Date?

    public init(reference: Date?) {
        self.reference = reference
    }

    static let monthPattern = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are literals of this file; a typo is a programming error caught by the tests.
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    static let money = regex(#"(US|AU|A|CA|C|NZ|HK|S)?\$\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(\s?(?:million|billion|k)\b)?"#)
    /// Euro, pound, yen and rupee amounts: by symbol or code before the number, or "euro(s)" after it.
    static let otherMoney = regex(#"(€|£|¥|₹|\bEUR\s?|\bGBP\s?|\bINR\s?|\bRs\.?\s?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(\s?(?:million|billion)\b)?|\b(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s?(euros?|EUR)\b"#)
    /// A size, not a rate: "150GB/s" of bandwidth is no capacity.
    static let dataSize = regex(#"\b(\d+(?:\.\d+)?)\s?(TB|GB|MB)\b(?!/s|ps\b)"#)
    static let ratio = regex(#"\b(\d+(?:\.\d+)?)\s?(?:x|×|times)\s+(faster|slower|quicker|better|worse|more powerful)\b"#)
    static let percent = regex(#"\b(\d+(?:\.\d+)?)\s?(?:%|percent)\s+(faster|slower|quicker|better|worse)\b"#)
    static let multiple = regex(#"\b((?:roughly|about|nearly|almost|around|more than|over)\s+)?(double|twice|triple|three times|half)\b"#)
    static let score = regex(#"\b(\d+(?:\.\d+)?)\s?/\s?(10|100|5)\b"#)
    static let number = regex(#"(?<![\w.$])(\d{1,3}(?:,\d{3})+|\d{3,7}|\d{2,}(?:\.\d+)?[Kk]|\d+\.\d+[Kk])(?![\w%]|\.\d)"#)
    static let fullDate = regex("\\b" + monthPattern + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b")
    static let monthYear = regex("\\b(?:(early|mid|late|the end of|end of|the beginning of)[- ]?)?" + monthPattern + ",?\\s+(\\d{4})\\b")
    /// "on January 30", "starting September 19th": a day with no year, read in the year nearest the statement.
    static let monthDay = regex("\\b" + monthPattern + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{4})(?!\\s*(?:GB|TB|%|x\\b))")
    static let modifiedMonth = regex("\\b(early|mid|late|the end of|end of)[- ]" + monthPattern + "\\b")
    static let bareMonth = regex("\\b(?:in|by|until|this|next|since|from)\\s+" + monthPattern + "\\b(?!\\s+\\d)")
    static let quarter = regex(#"\b(?:Q([1-4])|(first|second|third|fourth) quarter of)\s*(\d{4})?\b"#)
    static let half = regex(#"\b(?:(first|second) half of|H([12]))\s*(\d{4})\b"#)
    static let yearPart = regex(#"\b(early|mid|late|the end of|end of|the middle of|middle of|midway through)[- ]?(\d{4})\b"#)
    static let season = regex(#"\b(?:(this|next|the)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?\b"#)
    static let relative = regex(#"\b(later this year|this year|next year|last year|this month|next month|last month|today|this week|earlier this week|later this week|next week|last week|later this month|earlier this month|earlier this year)\b"#)
    /// Parts of a year named relative to the statement: "late last year", "midway through next year", "the
    /// second half of this year".
    static let relativeYearPart = regex(#"\b(early|mid|late|the end of|end of|midway through|the middle of|(?:the )?(?:first|second) half of)[- ]?(this|next|last) year\b"#)
    /// "in a couple of weeks", "in two weeks", "in a few weeks".
    static let weeksAhead = regex(#"\bin (a couple of|two|three|a few|several) weeks\b"#)
    /// "over four years ago", "two years ago".
    static let yearsAgo = regex(#"\b(over |more than |about |nearly |almost )?(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years? ago\b"#)
    static let wwdc = regex(#"\bWWDC\s?(\d{4})?\b"#)
    static let inYear = regex(#"\b(?:in|by|until|for|during)\s+(\d{4})\b"#)

    /// Every value in `sentence`, longest first where two overlap, in text order.
    public func values(in sentence: String) -> [ValueMention] {
        var matches = ValueMatches(sentence)
        // Cheap tests first: most of the expressions need not run at all.
        let gates = ValueGates(sentence)
        dates(into: &matches, gates)
        amounts(into: &matches, gates)
        return Self.mergeRanges(Self.removeOverlaps(matches.found), in: matches.text)
    }

    /// Whether `bytes` hold a run of exactly four ASCII digits.
    static func hasFourDigitRun(_ bytes: [UInt8]) -> Bool {
        var run = 0
        for byte in bytes {
            if byte &- 48 < 10 { run += 1 } else if run == 4 { return true } else { run = 0 }
        }
        return run == 4
    }

    /// Words that make "from X to Y" a change over time rather than a range.
    static let changeVerbs = ["jump", "rose", "rise", "increase", "climb", "fell", "fall", "drop", "cut", "raise", "went up",
                              "went down", "grew", "grow", "hike", "slash", "lower", "bump"]

    /// "between $1,599 and $1,999", "$1,599 to $1,999", "40,000–45,000": one range value, bottom and top.
    static func mergeRanges(_ mentions: [ValueMention], in text: NSString) -> [ValueMention] {
        // Whether the sentence describes a change: asked only of sentences with two values or more, and as
        // a byte search (Foundation's `contains` over every verb ran for every sentence).
        guard mentions.count > 1 else { return mentions }
        let lower = LowercasedText((text as String).lowercased())
        let isChange = changeVerbs.contains { lower.contains($0) }
        var result: [ValueMention] = []
        var index = 0
        while index < mentions.count {
            let first = mentions[index]
            if index + 1 < mentions.count, let merged = range(first, mentions[index + 1], in: text, isChange: isChange) {
                result.append(merged)
                index += 2
            } else {
                result.append(first)
                index += 1
            }
        }
        return result
    }

    private static func range(_ a: ValueMention, _ b: ValueMention, in text: NSString, isChange: Bool) -> ValueMention? {
        guard a.value.type == b.value.type, [.money, .number, .quantity, .score].contains(a.value.type), a.value.unit == b.value.unit,
              let low = a.value.number, let high = b.value.number, low < high else { return nil }
        let between = text.substring(with: NSRange(location: NSMaxRange(a.range), length: b.range.location - NSMaxRange(a.range)))
            .lowercased().trimmingCharacters(in: .whitespaces)
        let before = text.substring(to: a.range.location).lowercased()
        let joined: Bool
        switch between {
        case "and": joined = before.hasSuffix("between ")
        case "-", "–", "—": joined = true
        case "to": joined = !before.hasSuffix("from ") || !isChange
        default: joined = false
        }
        guard joined else { return nil }
        var value = a.value
        value.upper = high
        value.text = text.substring(with: NSRange(location: a.range.location, length: NSMaxRange(b.range) - a.range.location))
        return ValueMention(value: value, range: NSRange(location: a.range.location, length: NSMaxRange(b.range) - a.range.location))
    }

    /// Keeps the longest of overlapping mentions (so "$1,600" is not also the number "1,600").
    static func removeOverlaps(_ mentions: [ValueMention]) -> [ValueMention] {
        var kept: [ValueMention] = []
        for mention in mentions.sorted(by: { $0.range.length > $1.range.length }) {
            let overlaps = kept.contains { NSIntersectionRange($0.range, mention.range).length > 0 }
            if !overlaps { kept.append(mention) }
        }
        return kept.sorted { $0.range.location < $1.range.location }
    }

    static func round(_ number: Double) -> Double { (number * 1000).rounded() / 1000 }
}

/// The values an expression found in one sentence, in the order found.
struct ValueMatches {
    let sentence: String
    let text: NSString
    private(set) var found: [ValueMention] = []

    init(_ sentence: String) {
        self.sentence = sentence
        text = sentence as NSString
    }

    /// Runs `regex` when `worthTrying` (its gate) and keeps the value `make` reads off each match; `make` gets
    /// the match and its groups as text.
    mutating func each(_ regex: NSRegularExpression, when worthTrying: Bool, _ make: (NSTextCheckingResult, (Int) -> String?) -> Value?) {
        guard worthTrying else { return }
        let text = self.text
        for match in regex.matches(in: sentence, range: NSRange(location: 0, length: text.length)) {
            let group: (Int) -> String? = { index in
                let range = match.range(at: index)
                return range.location == NSNotFound ? nil : text.substring(with: range)
            }
            if let value = make(match, group) { found.append(ValueMention(value: value, range: match.range)) }
        }
    }
}

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
        let text = sentence as NSString
        var found: [ValueMention] = []
        // Cheap tests first: most of the expressions below need not run at all.
        let gates = ValueGates(sentence)
        func each(_ regex: NSRegularExpression, when worthTrying: Bool = true, _ make: (NSTextCheckingResult, (Int) -> String?) -> Value?) {
            guard worthTrying else { return }
            for match in regex.matches(in: sentence, range: NSRange(location: 0, length: text.length)) {
                let group: (Int) -> String? = { index in
                    let range = match.range(at: index)
                    return range.location == NSNotFound ? nil : text.substring(with: range)
                }
                if let value = make(match, group) { found.append(ValueMention(value: value, range: match.range)) }
            }
        }
        each(Self.fullDate, when: gates.fullDate) { _, g in
            guard let month = Self.month(g(1)), let day = Int(g(2) ?? ""), let year = Int(g(3) ?? "") else { return nil }
            let iso = Timestamp.day(year: year, month: month, day: day)
            return Value(type: .date, text: g(0)!, start: iso, end: iso)
        }
        each(Self.monthDay, when: gates.monthDay) { _, g in
            guard let month = Self.month(g(1)), let day = Int(g(2) ?? ""), (1...31).contains(day), let year = yearForMonth(month),
                  day <= Timestamp.daysIn(month: month, year: year) else { return nil }
            let iso = Timestamp.day(year: year, month: month, day: day)
            return Value(type: .date, text: g(0)!, start: iso, end: iso)
        }
        each(Self.monthYear, when: gates.monthYear) { _, g in
            guard let month = Self.month(g(2)), let year = Int(g(3) ?? "") else { return nil }
            return period(g(0)!, Self.monthPart(g(1), month: month, year: year))
        }
        each(Self.modifiedMonth, when: gates.modifiedMonth) { _, g in
            guard let month = Self.month(g(2)), let year = yearForMonth(month) else { return nil }
            return period(g(0)!, Self.monthPart(g(1), month: month, year: year))
        }
        each(Self.bareMonth, when: gates.bareMonth) { _, g in
            guard let month = Self.month(g(1)), let year = yearForMonth(month) else { return nil }
            return period(g(0)!, Self.monthPart(nil, month: month, year: year))
        }
        each(Self.quarter, when: gates.quarter) { _, g in
            let number = Int(g(1) ?? "") ?? ["first": 1, "second": 2, "third": 3, "fourth": 4][g(2)?.lowercased() ?? ""]
            guard let number, let year = Int(g(3) ?? "") ?? referenceYear else { return nil }
            return period(g(0)!, Self.months(year: year, from: number * 3 - 2, to: number * 3))
        }
        each(Self.half, when: gates.half) { _, g in
            let first = g(1)?.lowercased() == "first" || g(2) == "1"
            guard let year = Int(g(3) ?? "") else { return nil }
            return period(g(0)!, Self.months(year: year, from: first ? 1 : 7, to: first ? 6 : 12))
        }
        each(Self.yearPart, when: gates.yearPart) { _, g in
            guard let year = Int(g(2) ?? ""), (1990...2100).contains(year) else { return nil }
            let (from, to): (Int, Int) = switch g(1)!.lowercased() {
            case "early": (1, 4)
            case "mid", "the middle of", "middle of", "midway through": (5, 8)
            default: (9, 12)
            }
            return period(g(0)!, Self.months(year: year, from: from, to: to))
        }
        each(Self.season, when: gates.season) { _, g in
            let word = g(2)!.lowercased()
            guard var year = Int(g(3) ?? "") ?? referenceYear else { return nil }
            if g(1)?.lowercased() == "next" { year += 1 }
            let (from, to): (Int, Int) = switch word {
            case "spring": (3, 5)
            case "summer": (6, 8)
            case "fall", "autumn": (9, 11)
            default: (12, 14)
            }
            return period(g(0)!, Self.months(year: year, from: from, to: to))
        }
        each(Self.relative, when: gates.relative) { match, g in
            // "Apple today said …" dates the statement, not the thing it is about.
            let after = text.substring(from: NSMaxRange(match.range)).lowercased().trimmingCharacters(in: .whitespaces)
            if g(0)!.lowercased() == "today",
               ["said", "says", "announced", "announces", "confirmed", "confirms", "told", "revealed", "unveiled", "shared"]
                .contains(where: { after.hasPrefix($0 + " ") || after == $0 }) { return nil }
            return relativePeriod(g(0)!)
        }
        each(Self.relativeYearPart, when: gates.relativeYearPart) { _, g in
            guard let reference else { return nil }
            let now = Timestamp.components(reference)
            let year = now.year + (g(2)!.lowercased() == "next" ? 1 : g(2)!.lowercased() == "last" ? -1 : 0)
            let part = g(1)!.lowercased()
            let (from, to): (Int, Int) = part.contains("first half") ? (1, 6) : part.contains("second half") ? (7, 12)
                : part == "early" ? (1, 4) : ["mid", "midway through", "the middle of"].contains(part) ? (5, 8) : (9, 12)
            return period(g(0)!, Self.months(year: year, from: from, to: to))
        }
        each(Self.weeksAhead, when: gates.weeksAhead) { _, g in
            guard let reference else { return nil }
            let (low, high): (Double, Double) = switch g(1)!.lowercased() {
            case "two": (10, 18)
            case "three": (17, 25)
            default: (7, 21)
            }
            return period(g(0)!, (Timestamp.day(reference.addingTimeInterval(low * 86_400)), Timestamp.day(reference.addingTimeInterval(high * 86_400))))
        }
        each(Self.yearsAgo, when: gates.yearsAgo) { _, g in
            guard let reference else { return nil }
            let words = ["a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10]
            guard let count = Int(g(2)!) ?? words[g(2)!.lowercased()] else { return nil }
            let point = reference.addingTimeInterval(-Double(count) * 365.25 * 86_400)
            // "over four years ago": in the year before that point; "four years ago": that point's year.
            if g(1) != nil {
                return period(g(0)!, (Timestamp.day(point.addingTimeInterval(-365.25 * 86_400)), Timestamp.day(point)))
            }
            let year = Timestamp.components(point).year
            return period(g(0)!, Self.months(year: year, from: 1, to: 12))
        }
        each(Self.wwdc, when: gates.wwdc) { _, g in
            guard let year = Int(g(1) ?? "") ?? referenceYear else { return nil }
            return period(g(0)!, (Timestamp.day(year: year, month: 6, day: 1), Timestamp.day(year: year, month: 6, day: 14)))
        }
        each(Self.inYear, when: gates.inYear) { _, g in
            guard let year = Int(g(1) ?? ""), (1990...2100).contains(year) else { return nil }
            return period(g(0)!, Self.months(year: year, from: 1, to: 12))
        }
        each(Self.money, when: gates.money) { _, g in
            guard var amount = Double((g(2) ?? "").replacingOccurrences(of: ",", with: "") + (g(3) ?? "")) else { return nil }
            switch g(4)?.trimmingCharacters(in: .whitespaces).lowercased() {
            case "million": amount *= 1_000_000
            case "billion": amount *= 1_000_000_000
            case "k": amount *= 1_000
            default: break
            }
            let currency = switch g(1) {
            case "AU", "A": "AUD"
            case "CA", "C": "CAD"
            case "NZ": "NZD"
            case "HK": "HKD"
            case "S": "SGD"
            default: "USD"
            }
            return Value(type: .money, text: g(0)!, number: amount, currency: currency)
        }
        each(Self.otherMoney, when: gates.otherMoney) { _, g in
            let symbol = (g(1) ?? g(7) ?? "").trimmingCharacters(in: CharacterSet(charactersIn: " .")).lowercased()
            let currency = switch symbol {
            case "€", "eur", "euro", "euros": "EUR"
            case "£", "gbp": "GBP"
            case "¥": "JPY"
            default: "INR"
            }
            let digits = (g(2) ?? g(5) ?? "").replacingOccurrences(of: ",", with: "") + (g(3) ?? g(6) ?? "")
            guard var amount = Double(digits) else { return nil }
            switch g(4)?.trimmingCharacters(in: .whitespaces).lowercased() {
            case "million": amount *= 1_000_000
            case "billion": amount *= 1_000_000_000
            default: break
            }
            return Value(type: .money, text: g(0)!, number: amount, currency: currency)
        }
        each(Self.dataSize, when: gates.dataSize) { _, g in
            guard let amount = Double(g(1) ?? "") else { return nil }
            return Value(type: .quantity, text: g(0)!, number: amount, unit: g(2)!.uppercased())
        }
        each(Self.ratio, when: gates.ratio) { _, g in
            guard let factor = Double(g(1) ?? ""), factor > 0 else { return nil }
            let slower = ["slower", "worse"].contains(g(2)!.lowercased())
            return Value(type: .ratio, text: g(0)!, number: slower ? Self.round(1 / factor) : factor, unit: "x")
        }
        each(Self.percent, when: gates.percent) { _, g in
            guard let percent = Double(g(1) ?? "") else { return nil }
            let slower = ["slower", "worse"].contains(g(2)!.lowercased())
            return Value(type: .ratio, text: g(0)!, number: Self.round(slower ? 1 - percent / 100 : 1 + percent / 100), unit: "x")
        }
        each(Self.multiple, when: gates.multiple) { _, g in
            let factor: Double = switch g(2)!.lowercased() {
            case "double", "twice": 2
            case "triple", "three times": 3
            default: 0.5
            }
            return Value(type: .ratio, text: g(0)!, number: factor, unit: "x")
        }
        each(Self.score, when: gates.score) { _, g in
            guard let score = Double(g(1) ?? ""), let scale = Double(g(2) ?? ""), score <= scale else { return nil }
            return Value(type: .score, text: g(0)!, number: score, unit: "/" + g(2)!)
        }
        each(Self.number, when: gates.number) { _, g in
            let written = g(1)!
            let thousands = written.hasSuffix("K") || written.hasSuffix("k")
            // Grouping commas out and a K suffix off, by hand: Foundation's string functions ran per number.
            var plain = Substring(written.filter { $0 != "," })
            while plain.last == "K" || plain.last == "k" { plain = plain.dropLast() }
            while plain.first == "K" || plain.first == "k" { plain = plain.dropFirst() }
            guard let base = Double(plain) else { return nil }
            // A four-digit number between 1990 and 2100 with no grouping comma is a year, not a score.
            if !thousands, !written.contains(","), (1990...2100).contains(base) { return nil }
            return Value(type: .number, text: written, number: thousands ? base * 1000 : base)
        }
        return Self.mergeRanges(Self.removeOverlaps(found), in: text)
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

    private var referenceYear: Int? { reference.map { Timestamp.components($0).year } }

    /// A month named without a year is the nearest such month to the publication date.
    private func yearForMonth(_ month: Int) -> Int? {
        guard let reference else { return nil }
        let now = Timestamp.components(reference)
        if month - now.month > 6 { return now.year - 1 }
        if now.month - month > 6 { return now.year + 1 }
        return now.year
    }

    private func period(_ text: String, _ bounds: (String, String)?) -> Value? {
        guard let bounds else { return nil }
        return Value(type: bounds.0 == bounds.1 ? .date : .period, text: text, start: bounds.0, end: bounds.1)
    }

    private func relativePeriod(_ text: String) -> Value? {
        guard let reference else { return nil }
        let now = Timestamp.components(reference)
        let today = Timestamp.day(reference)
        let bounds: (String, String)? = switch text.lowercased() {
        case "later this year": (Timestamp.day(reference.addingTimeInterval(86_400)), Timestamp.day(year: now.year, month: 12, day: 31))
        case "this year", "earlier this year": Self.months(year: now.year, from: 1, to: 12)
        case "next year": Self.months(year: now.year + 1, from: 1, to: 12)
        case "last year": Self.months(year: now.year - 1, from: 1, to: 12)
        case "last month": now.month == 1 ? Self.months(year: now.year - 1, from: 12, to: 12)
                                          : Self.months(year: now.year, from: now.month - 1, to: now.month - 1)
        case "this month", "later this month", "earlier this month": Self.months(year: now.year, from: now.month, to: now.month)
        case "next month": now.month == 12 ? Self.months(year: now.year + 1, from: 1, to: 1)
                                           : Self.months(year: now.year, from: now.month + 1, to: now.month + 1)
        case "today": (today, today)
        case "this week", "later this week": (today, Timestamp.day(reference.addingTimeInterval(Double(7 - Self.weekday(reference)) * 86_400)))
        case "earlier this week": (Timestamp.day(reference.addingTimeInterval(-Double(Self.weekday(reference) - 1) * 86_400)), today)
        case "next week": (Timestamp.day(reference.addingTimeInterval(Double(8 - Self.weekday(reference)) * 86_400)),
                           Timestamp.day(reference.addingTimeInterval(Double(14 - Self.weekday(reference)) * 86_400)))
        case "last week": (Timestamp.day(reference.addingTimeInterval(-Double(Self.weekday(reference) + 6) * 86_400)),
                           Timestamp.day(reference.addingTimeInterval(-Double(Self.weekday(reference)) * 86_400)))
        default: nil
        }
        return period(text, bounds)
    }

    /// Monday 1 … Sunday 7, in UTC.
    static func weekday(_ date: Date) -> Int {
        // 1970-01-01 was a Thursday (4).
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        return ((days + 3) % 7 + 7) % 7 + 1
    }

    static func month(_ name: String?) -> Int? {
        guard let name = name?.lowercased().prefix(3) else { return nil }
        return Timestamp.months.firstIndex(of: String(name)).map { $0 + 1 }
    }

    /// Inclusive first and last day of months `from`…`to` of `year`; `to` past 12 runs into the next year.
    static func months(year: Int, from: Int, to: Int) -> (String, String) {
        let endYear = year + (to - 1) / 12
        let endMonth = (to - 1) % 12 + 1
        return (Timestamp.day(year: year, month: from, day: 1),
                Timestamp.day(year: endYear, month: endMonth, day: Timestamp.daysIn(month: endMonth, year: endYear)))
    }

    /// Early = days 1–10, mid = 11–20, late = 21–end.
    static func monthPart(_ modifier: String?, month: Int, year: Int) -> (String, String) {
        let last = Timestamp.daysIn(month: month, year: year)
        let (from, to): (Int, Int) = switch modifier?.lowercased() {
        case "early", "the beginning of": (1, 10)
        case "mid": (11, 20)
        case "late", "the end of", "end of": (21, last)
        default: (1, last)
        }
        return (Timestamp.day(year: year, month: month, day: from), Timestamp.day(year: year, month: month, day: to))
    }

    static func round(_ number: Double) -> Double { (number * 1000).rounded() / 1000 }
}

import Foundation

/// Dates and periods: written in full ("March 26, 2026"), by month ("in early March"), by quarter, half,
/// season or part of a year, relative to the statement ("next week", "late last year", "two years ago").
extension ValueRecognizer {
    func dates(into matches: inout ValueMatches, _ gates: ValueGates) {
        let text = matches.text
        matches.each(Self.fullDate, when: gates.fullDate) { _, g in
            guard let month = Self.month(g(1)), let day = Int(g(2) ?? ""), let year = Int(g(3) ?? "") else { return nil }
            let iso = Timestamp.day(year: year, month: month, day: day)
            return Value(type: .date, text: g(0)!, start: iso, end: iso)
        }
        matches.each(Self.monthDay, when: gates.monthDay) { _, g in
            guard let month = Self.month(g(1)), let day = Int(g(2) ?? ""), (1...31).contains(day), let year = yearForMonth(month),
                  day <= Timestamp.daysIn(month: month, year: year) else { return nil }
            let iso = Timestamp.day(year: year, month: month, day: day)
            return Value(type: .date, text: g(0)!, start: iso, end: iso)
        }
        matches.each(Self.monthYear, when: gates.monthYear) { _, g in
            guard let month = Self.month(g(2)), let year = Int(g(3) ?? "") else { return nil }
            return period(g(0)!, Self.monthPart(g(1), month: month, year: year))
        }
        matches.each(Self.modifiedMonth, when: gates.modifiedMonth) { _, g in
            guard let month = Self.month(g(2)), let year = yearForMonth(month) else { return nil }
            return period(g(0)!, Self.monthPart(g(1), month: month, year: year))
        }
        matches.each(Self.bareMonth, when: gates.bareMonth) { _, g in
            guard let month = Self.month(g(1)), let year = yearForMonth(month) else { return nil }
            return period(g(0)!, Self.monthPart(nil, month: month, year: year))
        }
        matches.each(Self.quarter, when: gates.quarter) { _, g in
            let number = Int(g(1) ?? "") ?? ["first": 1, "second": 2, "third": 3, "fourth": 4][g(2)?.lowercased() ?? ""]
            guard let number, let year = Int(g(3) ?? "") ?? referenceYear else { return nil }
            return period(g(0)!, Self.months(year: year, from: number * 3 - 2, to: number * 3))
        }
        matches.each(Self.half, when: gates.half) { _, g in
            let first = g(1)?.lowercased() == "first" || g(2) == "1"
            guard let year = Int(g(3) ?? "") else { return nil }
            return period(g(0)!, Self.months(year: year, from: first ? 1 : 7, to: first ? 6 : 12))
        }
        matches.each(Self.yearPart, when: gates.yearPart) { _, g in
            guard let year = Int(g(2) ?? ""), (1990...2100).contains(year) else { return nil }
            let (from, to): (Int, Int) = switch g(1)!.lowercased() {
            case "early": (1, 4)
            case "mid", "the middle of", "middle of", "midway through": (5, 8)
            default: (9, 12)
            }
            return period(g(0)!, Self.months(year: year, from: from, to: to))
        }
        matches.each(Self.season, when: gates.season) { _, g in
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
        matches.each(Self.relative, when: gates.relative) { match, g in
            // "Apple today said …" dates the statement, not the thing it is about.
            let after = text.substring(from: NSMaxRange(match.range)).lowercased().trimmingCharacters(in: .whitespaces)
            if g(0)!.lowercased() == "today",
               ["said", "says", "announced", "announces", "confirmed", "confirms", "told", "revealed", "unveiled", "shared"]
                .contains(where: { after.hasPrefix($0 + " ") || after == $0 }) { return nil }
            return relativePeriod(g(0)!)
        }
        matches.each(Self.relativeYearPart, when: gates.relativeYearPart) { _, g in
            guard let reference else { return nil }
            let now = Timestamp.components(reference)
            let year = now.year + (g(2)!.lowercased() == "next" ? 1 : g(2)!.lowercased() == "last" ? -1 : 0)
            let part = g(1)!.lowercased()
            let (from, to): (Int, Int) = part.contains("first half") ? (1, 6) : part.contains("second half") ? (7, 12)
                : part == "early" ? (1, 4) : ["mid", "midway through", "the middle of"].contains(part) ? (5, 8) : (9, 12)
            return period(g(0)!, Self.months(year: year, from: from, to: to))
        }
        matches.each(Self.weeksAhead, when: gates.weeksAhead) { _, g in
            guard let reference else { return nil }
            let (low, high): (Double, Double) = switch g(1)!.lowercased() {
            case "two": (10, 18)
            case "three": (17, 25)
            default: (7, 21)
            }
            return period(g(0)!, (Timestamp.day(reference.addingTimeInterval(low * 86_400)), Timestamp.day(reference.addingTimeInterval(high * 86_400))))
        }
        matches.each(Self.yearsAgo, when: gates.yearsAgo) { _, g in
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
        matches.each(Self.wwdc, when: gates.wwdc) { _, g in
            guard let year = Int(g(1) ?? "") ?? referenceYear else { return nil }
            return period(g(0)!, (Timestamp.day(year: year, month: 6, day: 1), Timestamp.day(year: year, month: 6, day: 14)))
        }
        matches.each(Self.inYear, when: gates.inYear) { _, g in
            guard let year = Int(g(1) ?? ""), (1990...2100).contains(year) else { return nil }
            return period(g(0)!, Self.months(year: year, from: 1, to: 12))
        }
    }

    var referenceYear: Int? { reference.map { Timestamp.components($0).year } }

    /// A month named without a year is the nearest such month to the publication date.
    func yearForMonth(_ month: Int) -> Int? {
        guard let reference else { return nil }
        let now = Timestamp.components(reference)
        if month - now.month > 6 { return now.year - 1 }
        if now.month - month > 6 { return now.year + 1 }
        return now.year
    }

    func period(_ text: String, _ bounds: (String, String)?) -> Value? {
        guard let bounds else { return nil }
        return Value(type: bounds.0 == bounds.1 ? .date : .period, text: text, start: bounds.0, end: bounds.1)
    }

    func relativePeriod(_ text: String) -> Value? {
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
}

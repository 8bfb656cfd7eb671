import Foundation

/// Reads the timestamps pages write: ISO 8601 with or without a zone, RFC 822 with US zone names, and
/// bylines such as "Monday November 18, 2019 7:45 am PST". All arithmetic is in UTC; no formatter state.
public enum Timestamp {
    /// US zone abbreviations as they appear in feeds and bylines, with their UTC offsets in hours.
    static let zones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "BST": 1, "CET": 1, "CEST": 2,
    ]
    /// US zone abbreviations → the standard offset of their region.
    static let usRegions: [String: Int] = ["EST": -5, "EDT": -5, "CST": -6, "CDT": -6, "MST": -7, "MDT": -7, "PST": -8, "PDT": -8]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// An ISO 8601 timestamp. A value with no zone is read in `assumingOffset` seconds east of UTC, or
    /// rejected when that is nil.
    public static func iso8601(_ text: String, assumingOffset: Int? = nil) -> Date? {
        let scalars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[index..<index + width] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            if index < scalars.count && scalars[index] == byte { index += 1; return true }
            return false
        }
        guard let year = number(4), skip(45), let month = number(2), skip(45), let day = number(2) else { return nil }
        var hour = 0, minute = 0, second = 0
        if index < scalars.count && (scalars[index] == 84 || scalars[index] == 32) {
            index += 1
            guard let h = number(2), skip(58), let m = number(2) else { return nil }
            hour = h
            minute = m
            if skip(58) { second = number(2) ?? 0 }
            if skip(46) || skip(44) { while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 { index += 1 } }
        }
        var offset: Int? = assumingOffset
        if index < scalars.count {
            let sign = scalars[index]
            if sign == 90 || sign == 122 { offset = 0 }
            else if sign == 43 || sign == 45 {
                index += 1
                guard let oh = number(2) else { return nil }
                _ = skip(58)
                let om = number(2) ?? 0
                offset = (sign == 45 ? -1 : 1) * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        } else if index == 10 && assumingOffset == nil {
            offset = 0  // a bare date is a day, read at UTC midnight
        }
        guard let offset else { return nil }
        return utc(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// "18th" → "18": a day of one or two digits loses its ordinal suffix; any other word is kept as it is.
    static func withoutOrdinal(_ word: Substring) -> String {
        let digits = word.prefix(while: \.isASCII).prefix(while: \.isNumber)
        guard (1...2).contains(digits.count), ["st", "nd", "rd", "th"].contains(word.dropFirst(digits.count)) else { return String(word) }
        return String(digits)
    }

    /// Whether an ISO 8601 string carries its own zone (`Z` or an offset).
    public static func hasZone(_ text: String) -> Bool {
        guard let tee = text.firstIndex(where: { $0 == "T" || $0 == " " }) else { return false }
        let time = text[tee...]
        return time.hasSuffix("Z") || time.contains("+") || time.dropFirst().contains("-")
    }

    /// RFC 822/1123 (`Sat, 14 Jun 2025 06:00:00 PDT`, `… +0000`) and byline forms
    /// (`Monday November 18, 2019 7:45 am PST`): month name, day, year, time, optional am/pm, zone.
    /// A time with no zone at all is read `assumingOffset` seconds east of UTC, or rejected when that is nil.
    public static func loose(_ text: String, assumingOffset: Int? = nil) -> Date? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" })
            .map(withoutOrdinal)
            .flatMap { word -> [String] in
                // "4:05pm" → "4:05", "pm"
                let lower = word.lowercased()
                if word.contains(":"), lower.hasSuffix("am") || lower.hasSuffix("pm") { return [String(word.dropLast(2)), String(lower.suffix(2))] }
                return [word]
            }
        var year: Int?, month: Int?, day: Int?, hour = 0, minute = 0, second = 0
        var offset: Int? = assumingOffset
        var pm: Bool?
        var regional: Int?
        for word in words {
            let lower = word.lowercased()
            if let m = months.firstIndex(where: { lower.hasPrefix($0) }), month == nil, lower.first!.isLetter {
                month = m + 1
            } else if word.contains(":") {
                let parts = word.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, let h = parts[0], let m = parts[1] else { return nil }
                hour = h
                minute = m
                second = parts.count > 2 ? (parts[2] ?? 0) : 0
            } else if lower == "am" || lower == "a.m." {
                pm = false
            } else if lower == "pm" || lower == "p.m." {
                pm = true
            } else if let zone = zones[word.uppercased()] {
                offset = zone * 3600
                regional = usRegions[word.uppercased()]
            } else if (word.hasPrefix("+") || word.hasPrefix("-")), word.count == 5, let value = Int(word.dropFirst()) {
                offset = (word.hasPrefix("-") ? -1 : 1) * ((value / 100) * 3600 + (value % 100) * 60)
            } else if let number = Int(word) {
                if number > 31 { year = number } else if day == nil { day = number }
            }
        }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        guard let year, let month, let day, let offset else { return nil }
        if let regional {
            // Sites write "EST" or "PDT" year-round for their region's wall clock; read it as that clock.
            let daylight = isUSDaylightTime(year: year, month: month, day: day, hour: hour)
            return utc(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                       offset: (regional + (daylight ? 1 : 0)) * 3600)
        }
        return utc(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// The instant of a wall-clock time `offset` seconds east of UTC.
    public static func utc(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                           offset: Int = 0) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour), (0...59).contains(minute),
              (0...60).contains(second) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2026-03-26T14:00:00Z`.
    public static func format(_ date: Date) -> String {
        let c = components(date)
        return day(year: c.year, month: c.month, day: c.day) + "T" + padded(c.hour, 2) + ":" + padded(c.minute, 2) + ":" + padded(c.second, 2) + "Z"
    }

    /// `2026-03-26`.
    public static func day(_ date: Date) -> String {
        let c = components(date)
        return day(year: c.year, month: c.month, day: c.day)
    }

    /// `2026-03-26` from its fields. By hand rather than `String(format:)`, which the extractor called for
    /// every sentence and every date it read, and which costs a formatter each time on Linux.
    public static func day(year: Int, month: Int, day: Int) -> String {
        padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// `%0*d`: zero-padded to `width` characters, a minus sign counting as one.
    private static func padded(_ number: Int, _ width: Int) -> String {
        if number < 0 { return "-" + padded(-number, width - 1) }
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The UTC calendar fields of an instant.
    public static func components(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(total) / 86_400).rounded(.down))
        let secondsOfDay = total - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondsOfDay / 3600, (secondsOfDay % 3600) / 60, secondsOfDay % 60)
    }

    /// The last day of a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        let next = month == 12 ? daysFromCivil(year: year + 1, month: 1, day: 1) : daysFromCivil(year: year, month: month + 1, day: 1)
        return next - daysFromCivil(year: year, month: month, day: 1)
    }
}

extension Timestamp {
    /// Reads an ISO 8601 wall-clock time as US local time in the zone whose standard offset is
    /// `standardHours` (-5 Eastern, -8 Pacific), applying US daylight saving rules (since 2007).
    /// Used where a site writes local time but labels it `Z`, or writes no zone at all.
    public static func usLocal(_ text: String, standardHours: Int) -> Date? {
        guard let asUTC = iso8601(String(text.prefix(19)), assumingOffset: 0) else { return nil }
        let c = components(asUTC)
        let offset = (isUSDaylightTime(year: c.year, month: c.month, day: c.day, hour: c.hour) ? standardHours + 1 : standardHours)
        return asUTC.addingTimeInterval(TimeInterval(-offset * 3600))
    }

    /// US daylight time runs from 02:00 on the second Sunday of March to 02:00 on the first Sunday of November.
    static func isUSDaylightTime(year: Int, month: Int, day: Int, hour: Int) -> Bool {
        func nthSunday(_ n: Int, month: Int) -> Int {
            let weekdayOfFirst = (daysFromCivil(year: year, month: month, day: 1) + 4) % 7  // 0 = Sunday
            return 1 + (7 - weekdayOfFirst) % 7 + (n - 1) * 7
        }
        let start = nthSunday(2, month: 3), end = nthSunday(1, month: 11)
        switch month {
        case 4...10: return true
        case 3: return day > start || (day == start && hour >= 2)
        case 11: return day < end || (day == end && hour < 2)
        default: return false
        }
    }
}

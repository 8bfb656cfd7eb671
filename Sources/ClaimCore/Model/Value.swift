import Foundation

/// The type of a claim's value.
public enum ValueType: String, Codable, Sendable {
    case number, quantity, money, date, period, ratio, score, boolean, text
}

/// A typed, normalised value, keeping the text as it was written.
public struct Value: Codable, Sendable, Equatable, Hashable {
    public var type: ValueType
    /// As written on the page ("$1,600", "early March").
    public var text: String
    public var number: Double?
    /// The top of a range ("$1,599 to $1,999"): `number` is then its bottom.
    public var upper: Double?
    /// For quantities: `GB`, `TB`, `points`; for ratios: `x`.
    public var unit: String?
    /// ISO 4217 code for money.
    public var currency: String?
    /// First day of a date or period, ISO 8601 (`2026-03-01`); periods are inclusive.
    public var start: String?
    /// Last day of a date or period, inclusive.
    public var end: String?
    public var boolean: Bool?

    public init(type: ValueType, text: String, number: Double? = nil, upper: Double? = nil, unit: String? = nil,
                currency: String? = nil, start: String? = nil, end: String? = nil, boolean: Bool? = nil) {
        self.type = type
        self.text = text
        self.number = number
        self.upper = upper
        self.unit = unit
        self.currency = currency
        self.start = start
        self.end = end
        self.boolean = boolean
    }

    /// A short normalised rendering for listings and digests (`$2,000`, `256 GB`, `2026-06-01…2026-06-30`).
    public var display: String {
        if let upper, number != nil {
            var low = self, high = self
            low.upper = nil
            high.upper = nil
            high.number = upper
            return low.display + "–" + high.display
        }
        switch type {
        case .money:
            guard let number else { return text }
            let symbol = currency == "USD" ? "$" : (currency.map { $0 + " " } ?? "")
            return symbol + ValueFormat.grouped(number)
        case .quantity, .number, .score:
            guard let number else { return text }
            return ValueFormat.grouped(number) + (unit.map { " " + $0 } ?? "")
        case .ratio:
            guard let number else { return text }
            return ValueFormat.grouped(number) + "x"
        case .date, .period:
            guard let start else { return text }
            return start == end || end == nil ? start : "\(start)…\(end!)"
        case .boolean:
            return boolean.map { $0 ? "yes" : "no" } ?? text
        case .text:
            return text
        }
    }
}

/// Number formatting shared by every rendering of a value.
public enum ValueFormat {
    /// `45000` → `45000`; `2.5` → `2.5`: as a table writes it, no grouping.
    public static func plain(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(format: "%g", number)
    }

    /// `45000` → `45,000`; `2.5` → `2.5`.
    public static func grouped(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            let digits = String(Int64(number).magnitude)
            var out = ""
            for (index, character) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
                out.append(character)
            }
            return (number < 0 ? "-" : "") + out
        }
        return String(format: "%g", number)
    }
}

import ClaimCore
import Foundation

/// The store's JSON columns written by hand: JSONEncoder was two fifths of the cost of storing a claim.
/// Same shape as the Codable encoding (sorted keys, absent optionals omitted), so either reads the other.
enum CompactJSON {
    static func value(_ value: Value) -> String {
        var object = Object()
        object.add("boolean", value.boolean.map { $0 ? "true" : "false" })
        object.add("currency", value.currency.map(string))
        object.add("end", value.end.map(string))
        object.add("number", value.number.map(number))
        object.add("start", value.start.map(string))
        object.add("text", string(value.text))
        object.add("type", string(value.type.rawValue))
        object.add("unit", value.unit.map(string))
        object.add("upper", value.upper.map(number))
        return object.json
    }

    static func confidence(_ confidence: Confidence) -> String {
        var object = Object()
        object.add("label", string(confidence.label.rawValue))
        object.add("reasons", "[" + confidence.reasons.map(string).joined(separator: ",") + "]")
        object.add("score", number(confidence.score))
        return object.json
    }

    static func validTime(_ time: ValidTime) -> String {
        var object = Object()
        object.add("end", time.end.map(string))
        object.add("start", time.start.map(string))
        object.add("text", string(time.text))
        return object.json
    }

    /// GRDB's own text form of a date (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), without its ICU date formatter.
    static func date(_ date: Date) -> String {
        let total = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = total >= 0 ? total / 1000 : (total - 999) / 1000
        let milliseconds = Int(total - seconds * 1000)
        let c = Timestamp.components(Date(timeIntervalSince1970: Double(seconds)))
        // Digits by hand: String(format:) goes through CFString and was a fifth of storing a claim.
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return digits(c.year, 4) + "-" + digits(c.month, 2) + "-" + digits(c.day, 2) + " " + digits(c.hour, 2) + ":"
            + digits(c.minute, 2) + ":" + digits(c.second, 2) + "." + digits(milliseconds, 3)
    }

    /// Keys added in sorted order; nil values are left out.
    private struct Object {
        var members: [String] = []
        mutating func add(_ key: String, _ json: String?) {
            if let json { members.append("\"\(key)\":\(json)") }
        }
        var json: String { "{" + members.joined(separator: ",") + "}" }
    }

    private static func number(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    static func string(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

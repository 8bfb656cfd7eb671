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

/// Reads the store's JSON columns back without JSONDecoder (two thirds of a large diff's time): a flat
/// object of strings, numbers, booleans, nulls and arrays of strings, in any key order. Anything else
/// returns nil and the caller falls back to JSONDecoder.
struct CompactJSONReader {
    /// A member's value.
    enum Field {
        case string(String)
        case number(Double)
        case boolean(Bool)
        case null
        case strings([String])
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(_ text: String) { bytes = Array(text.utf8) }

    /// The members of a flat JSON object, or nil when `text` is not one.
    static func object(_ text: String) -> [String: Field]? {
        var reader = CompactJSONReader(text)
        return reader.readObject()
    }

    static func value(_ text: String) -> Value? {
        guard let fields = object(text), case .string(let typeName)? = fields["type"], let type = ValueType(rawValue: typeName),
              case .string(let written)? = fields["text"] else { return nil }
        return Value(type: type, text: written, number: fields["number"]?.number, upper: fields["upper"]?.number,
                     unit: fields["unit"]?.string, currency: fields["currency"]?.string, start: fields["start"]?.string,
                     end: fields["end"]?.string, boolean: fields["boolean"]?.boolean)
    }

    static func confidence(_ text: String) -> Confidence? {
        guard let fields = object(text), let score = fields["score"]?.number, case .string(let name)? = fields["label"],
              let label = Confidence.Label(rawValue: name), case .strings(let reasons)? = fields["reasons"] else { return nil }
        return Confidence(score: score, label: label, reasons: reasons)
    }

    static func validTime(_ text: String) -> ValidTime? {
        guard let fields = object(text), case .string(let written)? = fields["text"] else { return nil }
        return ValidTime(start: fields["start"]?.string, end: fields["end"]?.string, text: written)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [32, 9, 10, 13].contains(bytes[index]) { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func readObject() -> [String: Field]? {
        guard expect(UInt8(ascii: "{")) else { return nil }
        var fields: [String: Field] = [:]
        if expect(UInt8(ascii: "}")) { return fields }
        repeat {
            skipSpace()
            guard let key = readString(), expect(UInt8(ascii: ":")), let field = readField() else { return nil }
            fields[key] = field
        } while expect(UInt8(ascii: ","))
        guard expect(UInt8(ascii: "}")) else { return nil }
        skipSpace()
        return index == bytes.count ? fields : nil
    }

    private mutating func readField() -> Field? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return readString().map(Field.string)
        case UInt8(ascii: "["):
            index += 1
            var strings: [String] = []
            if expect(UInt8(ascii: "]")) { return .strings(strings) }
            repeat {
                skipSpace()
                guard let string = readString() else { return nil }
                strings.append(string)
            } while expect(UInt8(ascii: ","))
            return expect(UInt8(ascii: "]")) ? .strings(strings) : nil
        case UInt8(ascii: "t"): return readWord("true") ? .boolean(true) : nil
        case UInt8(ascii: "f"): return readWord("false") ? .boolean(false) : nil
        case UInt8(ascii: "n"): return readWord("null") ? .null : nil
        default:
            let start = index
            while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
            return Double(String(decoding: bytes[start..<index], as: UTF8.self)).map(Field.number)
        }
    }

    private mutating func readWord(_ word: String) -> Bool {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else { return false }
        index += expected.count
        return true
    }

    private mutating func readString() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    // \\uXXXX, with surrogate pairs; anything unusual goes back to JSONDecoder.
                    guard let high = readHex() else { return nil }
                    var scalar = high
                    if (0xD800..<0xDC00).contains(high) {
                        guard readWord("\\u"), let low = readHex(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: out.append(escaped)  // \\" \\\\ \\/
                }
            default:
                out.append(byte)
            }
        }
        return nil
    }

    private mutating func readHex() -> UInt32? {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else { return nil }
        index += 4
        return value
    }
}

extension CompactJSONReader.Field {
    var string: String? { if case .string(let value) = self { value } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
    var boolean: Bool? { if case .boolean(let value) = self { value } else { nil } }
}

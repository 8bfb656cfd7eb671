import Foundation

/// The one JSON style of every `--json` output and export: sorted keys, ISO 8601 UTC times with `Z`.
public enum JSONOutput {
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Timestamp.iso8601(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
            }
            return date
        }
        return decoder
    }

    /// `value` as a UTF-8 JSON string.
    public static func string<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }

    /// `value` pretty-printed as an element of an array `depth` levels deep (1: the top-level array), so that
    /// writing the elements one at a time gives the bytes of encoding the whole: every line indented two
    /// spaces a level, except the empty lines of empty arrays, which the encoder leaves empty.
    public static func element<T: Encodable>(_ value: T, depth: Int) throws -> String {
        let indent = String(repeating: "  ", count: depth)
        return try string(value).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }
}

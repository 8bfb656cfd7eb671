/// A sentence lower-cased once, searched as UTF-8 bytes. On Linux, `String.contains(_:)` and
/// `range(of:)` go through CoreFoundation and were most of the extractor's time; cue lists ask
/// dozens of them per sentence.
public struct LowercasedText: Sendable {
    public let bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(text.lowercased().utf8)
    }

    /// Raw bytes with only A–Z lowered, for searching markup or other text not worth decoding first.
    public init(asciiLowercasing raw: some Sequence<UInt8>) {
        bytes = raw.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    /// The byte offset of the first occurrence of `needle` (lower-case), or nil.
    public func offset(of needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, pattern.count <= bytes.count else { return pattern.isEmpty ? 0 : nil }
        let last = bytes.count - pattern.count
        var index = 0
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < pattern.count && bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    public func contains(_ needle: String) -> Bool { offset(of: needle) != nil }
}

#if canImport(Glibc)
import Glibc
#endif

/// A sentence lower-cased once, searched as UTF-8 bytes. On Linux, `String.contains(_:)` and
/// `range(of:)` go through CoreFoundation and were most of the extractor's time; cue lists ask
/// dozens of them per sentence.
public struct LowercasedText: Sendable {
    public let bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(text.lowercased().utf8)
    }

    /// The byte offset of the first occurrence of `needle` (lower-case), or nil.
    public func offset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard !pattern.isEmpty else { return 0 }
            return bytes.withUnsafeBytes { ByteSearch.offset(of: pattern, in: $0) }
        }
    }

    public func contains(_ needle: String) -> Bool { offset(of: needle) != nil }

    /// Whether a word starts with `prefix` (lower-case): an occurrence with no letter just before it. "mar"
    /// starts a word in "in march", not in "smartphone".
    public func hasWord(startingWith prefix: String) -> Bool {
        var prefix = prefix
        return prefix.withUTF8 { pattern in
            guard !pattern.isEmpty else { return false }
            return bytes.withUnsafeBytes { haystack in
                var start = 0
                while start < haystack.count, let found = ByteSearch.offset(of: pattern, in: UnsafeRawBufferPointer(rebasing: haystack[start...])) {
                    let offset = start + found
                    if offset == 0 || !Self.isLetter(haystack[offset - 1]) { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }

    /// ASCII letters only: after a multi-byte character (a dash, a quote) a word may well start.
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 97 < 26 }
}

/// Substring search over UTF-8 bytes.
enum ByteSearch {
    /// The offset of the first occurrence of `pattern` (not empty) in `haystack`, or nil. memchr to each
    /// candidate first byte, then the last byte, then memcmp: the C library's vectorised loops, several
    /// times faster than indexing byte by byte on the cue lists.
    static func offset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeRawBufferPointer) -> Int? {
        guard let base = haystack.baseAddress, let needle = pattern.baseAddress, pattern.count <= haystack.count else { return nil }
        let first = Int32(pattern[0]), last = pattern[pattern.count - 1], lastStart = haystack.count - pattern.count
        var start = 0
        while start <= lastStart, let hit = memchr(base + start, first, lastStart - start + 1) {
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if haystack[offset + pattern.count - 1] == last, memcmp(hit, needle, pattern.count) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }
}

extension String {
    /// Whether `other` occurs in this string, compared as UTF-8 bytes. Declared on String itself so that the
    /// extractor's many `text.contains("cue")` calls pick it over Foundation's `StringProtocol.contains`,
    /// which on Linux bridges both strings to UTF-16 and searches through CoreFoundation (a sixth of the
    /// extraction time on small pages). As Foundation's, an empty `other` is not contained.
    func contains(_ other: String) -> Bool {
        guard !other.isEmpty else { return false }
        var text = self, other = other
        return text.withUTF8 { haystack in other.withUTF8 { ByteSearch.offset(of: $0, in: UnsafeRawBufferPointer(haystack)) != nil } }
    }
}

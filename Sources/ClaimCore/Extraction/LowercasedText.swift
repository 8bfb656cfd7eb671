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
            // memchr to each candidate first byte, then the last byte, then memcmp: the C library's vectorised
            // loops, several times faster than indexing the array byte by byte on the cue lists.
            return bytes.withUnsafeBytes { haystack -> Int? in
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
    }

    public func contains(_ needle: String) -> Bool { offset(of: needle) != nil }
}

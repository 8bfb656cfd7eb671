import Foundation

/// Splits prose into sentences without breaking "U.S.", "Inc.", "$1,600", "2.5x" or "macOS 26.3".
/// Works on UTF-8 bytes: splitting runs on every paragraph of every page.
public enum SentenceSplitter {
    /// Words after which a full stop does not end the sentence.
    static let abbreviations: Set<String> = [
        "u.s", "inc", "corp", "co", "ltd", "mr", "mrs", "ms", "dr", "st", "vs", "e.g", "i.e", "etc", "no", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig",
        "u.k", "a.m", "p.m", "jr", "sr",
    ]

    /// The sentences of `text`, trimmed, in order.
    public static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F else {  // . ! ?
                index += 1
                continue
            }
            var end = index + 1
            // Closing quotes and brackets belong to the sentence they close: " ' ) ] ” ’
            while end < bytes.count {
                if bytes[end] == 0x22 || bytes[end] == 0x27 || bytes[end] == 0x29 || bytes[end] == 0x5D {
                    end += 1
                } else if end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0x9D || bytes[end + 2] == 0x99 {
                    end += 3
                } else {
                    break
                }
            }
            if end < bytes.count, isSpace(bytes[end]), startsSentence(bytes, from: end),
               !(byte == 0x2E && isAbbreviation(bytes, dot: index, start: start)) {
                append(bytes[start..<end], to: &sentences)
                start = end
            }
            index = end
        }
        append(bytes[start..<bytes.count], to: &sentences)
        return sentences
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func append(_ slice: ArraySlice<UInt8>, to sentences: inout [String]) {
        var lower = slice.startIndex, upper = slice.endIndex
        while lower < upper, isSpace(slice[lower]) { lower += 1 }
        while upper > lower, isSpace(slice[upper - 1]) { upper -= 1 }
        if lower < upper { sentences.append(String(decoding: slice[lower..<upper], as: UTF8.self)) }
    }

    /// Upper-case letter, digit, opening quote or bracket, `$`, or any non-ASCII letter.
    private static func startsSentence(_ bytes: [UInt8], from index: Int) -> Bool {
        var next = index
        while next < bytes.count, isSpace(bytes[next]) { next += 1 }
        guard next < bytes.count else { return false }
        let byte = bytes[next]
        return (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x22 || byte == 0x27
            || byte == 0x28 || byte == 0x24 || byte >= 0xC0
    }

    private static func isAbbreviation(_ bytes: [UInt8], dot: Int, start: Int) -> Bool {
        var wordStart = dot
        while wordStart > start, !isSpace(bytes[wordStart - 1]), bytes[wordStart - 1] != 0x28 { wordStart -= 1 }
        var word = bytes[wordStart..<dot].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        while let first = word.first, first == 0x22 || first == 0x28 { word.removeFirst() }
        // A single initial ("J. Smith") is not a sentence end.
        if word.count == 1, let letter = word.first, letter >= 0x61 && letter <= 0x7A { return true }
        return abbreviations.contains(String(decoding: word, as: UTF8.self))
    }
}

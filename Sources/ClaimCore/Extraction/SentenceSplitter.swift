import Foundation

/// Splits prose into sentences without breaking "U.S.", "Inc.", "$1,600", "2.5x" or "macOS 26.3".
public enum SentenceSplitter {
    /// Words after which a full stop does not end the sentence.
    static let abbreviations: Set<String> = [
        "u.s", "inc", "corp", "co", "ltd", "mr", "mrs", "ms", "dr", "st", "vs", "e.g", "i.e", "etc", "no", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig",
        "u.k", "a.m", "p.m", "jr", "sr",
    ]

    /// The sentences of `text`, trimmed, in order.
    public static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        let characters = Array(text)
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" {
                var end = index + 1
                // Closing quotes and brackets belong to the sentence they close.
                while end < characters.count, "\"'”’)]".contains(characters[end]) { end += 1 }
                if end >= characters.count {
                    index = end
                    break
                }
                if characters[end].isWhitespace, startsSentence(characters, from: end), !isAbbreviation(characters, at: index, start: start) {
                    append(String(characters[start..<end]), to: &sentences)
                    start = end
                }
                index = end
                continue
            }
            index += 1
        }
        append(String(characters[start..<min(index, characters.count)]), to: &sentences)
        return sentences
    }

    private static func append(_ sentence: String, to sentences: inout [String]) {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { sentences.append(trimmed) }
    }

    private static func startsSentence(_ characters: [Character], from index: Int) -> Bool {
        var next = index
        while next < characters.count, characters[next].isWhitespace { next += 1 }
        guard next < characters.count else { return false }
        let character = characters[next]
        return character.isUppercase || character.isNumber || "\"“‘'($".contains(character)
    }

    private static func isAbbreviation(_ characters: [Character], at dot: Int, start: Int) -> Bool {
        guard characters[dot] == "." else { return false }
        var wordStart = dot
        while wordStart > start, !characters[wordStart - 1].isWhitespace, characters[wordStart - 1] != "(" { wordStart -= 1 }
        let word = String(characters[wordStart..<dot]).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"“("))
        if abbreviations.contains(word) { return true }
        // A single capital initial ("J. Smith") is not a sentence end.
        return word.count == 1 && word.first!.isLetter
    }
}

import Foundation

/// How a sentence refers to a product it does not name: "It costs just $129.", "They range from $699 to
/// $1,562", "Prices vary from $499 to $569", "Units will ship on May 14.", "The new model scored 3,100". The
/// product is the one the prose was last about.
enum Reference {
    /// Words that open a sentence about the product last named.
    static let openers: Set<String> = ["it", "it's", "its", "they", "they're", "these", "this", "those", "prices", "pricing",
                                       "price", "units", "both"]
    /// Words a sentence opens with that refer back only before a verb of price ("One costs $599 and the other …").
    static let pricedOpeners: Set<String> = ["one", "another"]
    /// Nouns that refer back when written "the <noun>" or "the new <noun>".
    static let nouns: Set<String> = ["device", "phone", "smartphone", "watch", "smartwatch", "laptop", "notebook", "tablet",
                                     "card", "cards", "console", "headphones", "earbuds", "speaker", "soundbar", "model",
                                     "models", "car", "vehicle", "app", "update", "computer", "desktop", "chip", "processor",
                                     "drone", "camera", "display", "monitor", "handset", "system", "machine", "unit", "product",
                                     "configuration", "version", "variant", "edition", "bundle"]

    /// Within a paragraph, a sentence that states a value of the paragraph's product without naming it
    /// ("Reputable listings seem to start around $600.", "…, capping current orders at 256GB") is about that
    /// product: the range of the word that says what it states. It must hold an amount (a digit).
    static func statement(in sentence: String, cues: [String]) -> NSRange? {
        guard sentence.contains(where: \.isNumber) else { return nil }
        let lower = sentence.lowercased() as NSString
        for word in cues {
            let found = lower.range(of: word)
            if found.location != NSNotFound { return found }
        }
        return nil
    }

    /// "It is unclear why", "It's likely that …", "It seems …": an "it" that stands for no product.
    static func isExpletive(_ words: [String]) -> Bool {
        let verbs: Set<String> = ["is", "was", "'s", "’s", "remains", "seems", "appears", "looks", "would", "will"]
        let adjectives: Set<String> = ["unclear", "clear", "possible", "impossible", "likely", "unlikely", "hard", "easy", "worth",
                                       "important", "true", "obvious", "safe", "fair", "interesting", "surprising", "rumored",
                                       "expected", "said", "reported", "believed", "not", "time", "also", "be", "still", "too"]
        guard let first = words.first else { return false }
        if first == "it's" || first == "it’s" { return words.count > 1 && adjectives.contains(words[1]) }
        guard first == "it", words.count > 1 else { return false }
        if ["seems", "appears", "looks", "remains"].contains(words[1]) { return true }
        return verbs.contains(words[1]) && words.count > 2 && adjectives.contains(words[2])
    }

    /// The range of the referring words, when the sentence opens with one or names "the (new) <noun>".
    static func find(in sentence: String) -> NSRange? {
        let text = sentence as NSString
        let words = sentence.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard let first = words.first else { return nil }
        let opener = first.lowercased().trimmingCharacters(in: .punctuationCharacters.subtracting(["'", "’"]))
            .replacingOccurrences(of: "’", with: "'")
        if openers.contains(opener) {
            if opener.hasPrefix("it"), isExpletive(words.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }) { return nil }
            return NSRange(location: 0, length: (first as NSString).length)
        }
        if pricedOpeners.contains(opener), words.count > 1,
           ["costs", "cost", "is", "sells", "goes", "retails"].contains(words[1].lowercased()) {
            return NSRange(location: 0, length: (first as NSString).length)
        }
        // "… it's priced at $399", "… and it costs $129": a pronoun with a price verb, anywhere in the sentence.
        let lower = sentence.lowercased() as NSString
        for phrase in ["it's priced", "it’s priced", "it is priced", "it costs", "it sells for", "it retails", "they cost", "they're priced"] {
            let found = lower.range(of: phrase)
            if found.location != NSNotFound { return NSRange(location: found.location, length: 2) }
        }
        if opener == "the", words.count > 1 {
            let second = words[1].lowercased().trimmingCharacters(in: .punctuationCharacters)
            let noun = second == "new" && words.count > 2 ? words[2].lowercased().trimmingCharacters(in: .punctuationCharacters) : second
            if nouns.contains(noun) {
                let length = second == "new" ? (words[0...2].joined(separator: " ") as NSString).length : (words[0...1].joined(separator: " ") as NSString).length
                return NSRange(location: 0, length: min(length, text.length))
            }
        }
        return nil
    }
}

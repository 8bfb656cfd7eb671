import Foundation

/// How a sentence refers to a product it does not name: "It costs just $129.", "They range from $699 to
/// $1,562", "Prices vary from $499 to $569", "Units will ship on May 14.", "The new model scored 3,100". The
/// product is the one the prose was last about.
enum Reference {
    /// Words that open a sentence about the product last named.
    static let openers: Set<String> = ["it", "it's", "it’s", "its", "they", "they're", "they’re", "these", "this", "those", "prices",
                                       "pricing", "price", "units", "both"]
    /// Words a sentence opens with that refer back only before a verb of price ("One costs $599 and the other …").
    static let pricedOpeners: Set<String> = ["one", "another"]
    static let priceVerbs: Set<String> = ["costs", "cost", "is", "sells", "goes", "retails"]
    /// Nouns that refer back when written "the <noun>" or "the new <noun>".
    static let nouns: Set<String> = ["device", "phone", "smartphone", "watch", "smartwatch", "laptop", "notebook", "tablet",
                                     "card", "cards", "console", "headphones", "earbuds", "speaker", "soundbar", "model",
                                     "models", "car", "vehicle", "app", "update", "computer", "desktop", "chip", "processor",
                                     "drone", "camera", "display", "monitor", "handset", "system", "machine", "unit", "product",
                                     "configuration", "version", "variant", "edition", "bundle"]
    /// A pronoun with a price verb, anywhere in a sentence ("… it's priced at $399").
    static let pricedPronouns = ["it's priced", "it’s priced", "it is priced", "it costs", "it sells for", "it retails", "they cost", "they're priced"]

    /// The range of the referring words, when the sentence opens with one, names "the (new) <noun>", or says "it
    /// costs …" anywhere. The opening words are read as bytes: this is asked of most sentences of a page.
    static func find(in sentence: String) -> NSRange? {
        let words = openingWords(sentence)
        guard let first = words.first else { return nil }
        if openers.contains(first.word) {
            if first.word.hasPrefix("it"), isExpletive(words.map(\.word)) { return nil }
            return NSRange(location: 0, length: first.length)
        }
        if pricedOpeners.contains(first.word), words.count > 1, priceVerbs.contains(words[1].word) {
            return NSRange(location: 0, length: first.length)
        }
        if sentence.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) {
            let lower = LowercasedText(sentence)
            if let phrase = pricedPronouns.first(where: lower.contains) {
                let found = (sentence.lowercased() as NSString).range(of: phrase)
                if found.location != NSNotFound { return NSRange(location: found.location, length: 2) }
            }
        }
        if first.word == "the", words.count > 1 {
            let noun = words[1].word == "new" && words.count > 2 ? words[2] : words[1]
            if nouns.contains(noun.word) { return NSRange(location: 0, length: noun.end) }
        }
        return nil
    }

    /// Up to the first four words, lower-cased (ASCII) with the punctuation around them trimmed, each with its
    /// length and where it ends, in UTF-16 units.
    static func openingWords(_ sentence: String) -> [(word: String, length: Int, end: Int)] {
        var words: [(word: String, length: Int, end: Int)] = []
        var current: [UInt8] = []
        var units = 0, startUnits = 0
        func close() {
            var bytes = current[...]
            while let last = bytes.last, last < 128, !(last >= 97 && last <= 122), !(last >= 48 && last <= 57), last != 39 { bytes = bytes.dropLast() }
            while let first = bytes.first, first < 128, !(first >= 97 && first <= 122), !(first >= 48 && first <= 57) { bytes = bytes.dropFirst() }
            if !bytes.isEmpty { words.append((String(decoding: bytes, as: UTF8.self), units - startUnits, units)) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in sentence.unicodeScalars {
            if scalar == " " {
                if !current.isEmpty { close() }
                if words.count == 4 { break }
                units += 1
                startUnits = units
                continue
            }
            var byte = Array(String(scalar).utf8)
            if byte.count == 1, byte[0] >= 65, byte[0] <= 90 { byte[0] += 32 }
            current += byte
            units += scalar.utf16.count
        }
        if !current.isEmpty && words.count < 4 { close() }
        return words
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

    /// Within a paragraph, a sentence that states a value of the paragraph's product without naming it
    /// ("Reputable listings seem to start around $600.", "…, capping current orders at 256GB") is about that
    /// product: the range of the word that says what it states. It must hold an amount (a digit).
    static func statement(in sentence: String, cues: [String]) -> NSRange? {
        guard sentence.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
        let search = LowercasedText(sentence)
        guard let cue = cues.first(where: search.contains) else { return nil }
        let found = (sentence.lowercased() as NSString).range(of: cue)
        return found.location == NSNotFound ? nil : found
    }
}

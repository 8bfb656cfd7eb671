import Foundation

/// Attribution and hedging cues, and how they set a claim's confidence label and score.
public enum Hedges {
    /// Cue phrases by label. The cue written first in the sentence sets the label ("According to our sources,
    /// … later than rumours suggested" is reported); when two start at the same place, this order decides
    /// ("according to Apple" is official, not merely reported).
    static let cues: [(label: Confidence.Label, phrases: [String])] = [
        (.leaked, ["according to leaked", "according to a leak", "leaked", "leak ", "leaks", "found in code", "found in the code", "discovered in", "spotted in",
                   "code in macos", "code found", "developer code"]),
        (.official, ["officially", "apple announced", "apple today announced", "apple has announced", "confirmed",
                     "apple said", "apple says", "apple did say", "did say", "press release", "apple has discontinued", "apple discontinued",
                     "apple today discontinued", "apple today", "apple's website", "apple online store", "apple's online store", "apple now charges",
                     "according to apple", "apple confirmed", "apple has confirmed"]),
        (.measured, ["in our tests", "in our testing", "we measured", "our benchmarks", "benchmarked by us"]),
        (.rumored, ["according to rumors", "according to rumours", "rumor", "rumour", "reportedly", "expected to", "expected in", "expected by", "expected on", "is expected", "are expected", "is said to", "are said to", "supposedly",
                    "allegedly", "purportedly", "could ", "might ", "may ", "likely", "plans to", "is planning",
                    "predicted", "predicts", "points to", "point to", "point toward", "is believed"]),
        (.reported, ["according to", "reports", "reported", "report ", "sources", "said", "says", "claims"]),
        (.speculative, ["we think", "speculat", "possibly", "perhaps", "we suspect", "we'd guess", "i would wager", "i'd wager",
                        "i would bet", "i'd bet", "i suspect", "i think", "i expect", "almost certainly", "it seems", "seems they",
                        "my guess", "i'd guess", "ought to"]),
    ]

    /// Base scores per label, before the source prior and corroboration adjust them.
    public static func baseScore(_ label: Confidence.Label) -> Double {
        switch label {
        case .official: 0.95
        case .measured: 0.9
        case .reported: 0.7
        case .leaked: 0.55
        case .rumored: 0.45
        case .userReport: 0.35
        case .speculative: 0.25
        }
    }

    /// The label of the first cue found in `text`, if any.
    public static func cueLabel(in text: String) -> Confidence.Label? {
        firstCue(in: LowercasedText(" " + text))?.label
    }

    /// The cue written first in the sentence, with its label.
    static func firstCue(in lower: LowercasedText) -> (label: Confidence.Label, phrase: String)? {
        var best: (label: Confidence.Label, phrase: String, at: Int)?
        for (label, phrases) in cues {
            for phrase in phrases {
                guard let found = lower.offset(of: phrase) else { continue }
                if best == nil || found < best!.at { best = (label, phrase, found) }
            }
        }
        return best.map { ($0.label, $0.phrase) }
    }

    /// Phrases that say something is not known: such sentences carry no claim, only evidence that a
    /// question is still open.
    static let unknownCues = ["don't know", "do not know", "unclear", "not yet known", "unknown", "is missing",
                              "are missing", "remains to be seen", "no word on", "not clear", "no details", "yet to confirm", "nobody knows", "no one knows"]

    /// Whether the sentence states that something is unknown.
    public static func statesUnknown(_ sentence: String) -> Bool {
        let lower = LowercasedText(sentence)
        return unknownCues.contains { lower.contains($0) }
    }

    /// Hedges that are modal verbs and adverbs: they qualify the verb they stand by.
    static let modals: Set<String> = ["could ", "might ", "may ", "likely", "possibly", "perhaps", "ought to", "plans to", "is planning"]

    /// Where a clause ends: a cue on one side does not hedge a value on the other ("These range from $1,300 to
    /// $1,900, but buying from here might mean …").
    static let clauseBreaks = ["; ", " but ", " — ", " – ", " while ", " although ", " whereas ", " though ", ", which ", ", where "]

    /// A sentence's cues and clause breaks, found once for all its values: offsets are UTF-16 positions in
    /// " " + the sentence lower-cased.
    public struct CueMap {
        let lower: NSString
        let breaks: [Int]
        /// Every cue written, less those inside a longer one ("said" inside "Apple says" or "is said to") and
        /// those that only continue the cue just before them ("said" after "Apple today").
        let written: [(label: Confidence.Label, phrase: String, range: NSRange)]

        public init(_ sentence: String) {
            let lowered = " " + sentence.lowercased()
            let lower = lowered as NSString
            // Byte searches say which phrases occur at all; only those are located in UTF-16.
            let search = LowercasedText(lowered)
            func locations(of phrase: String) -> [NSRange] {
                guard search.contains(phrase) else { return [] }
                var found: [NSRange] = []
                var range = NSRange(location: 0, length: lower.length)
                while case let match = lower.range(of: phrase, options: .literal, range: range), match.location != NSNotFound {
                    found.append(match)
                    range = NSRange(location: NSMaxRange(match), length: lower.length - NSMaxRange(match))
                }
                return found
            }
            breaks = Hedges.clauseBreaks.flatMap { locations(of: $0).map(\.location) }
            var found: [(label: Confidence.Label, phrase: String, range: NSRange)] = []
            for (label, phrases) in Hedges.cues {
                for phrase in phrases { found += locations(of: phrase).map { (label, phrase, $0) } }
            }
            written = found.filter { cue in
                !found.contains { other in
                    (other.range.length > cue.range.length && NSIntersectionRange(other.range, cue.range).length == cue.range.length)
                        || (other.range.location < cue.range.location && cue.range.location - NSMaxRange(other.range) <= 1
                            && NSMaxRange(other.range) <= cue.range.location)
                }
            }
            self.lower = lower
        }

        /// The cue that governs a value at `range` (UTF-16, in the sentence): the nearest written before it in
        /// its clause, else the first after it in its clause, else the last one in the clauses before.
        func cue(for range: NSRange) -> (label: Confidence.Label, phrase: String)? {
            let value = NSRange(location: range.location + 1, length: range.length)
            let clauseStart = breaks.filter { $0 < value.location }.max() ?? 0
            // A relative clause ("…, which was released last year") is not hedged by the clause it hangs from.
            let relative = [", which ", ", where "].contains { clauseStart > 0 && lower.length >= clauseStart + $0.utf16.count
                && lower.substring(with: NSRange(location: clauseStart, length: $0.utf16.count)) == $0 }
            let clauseEnd = breaks.filter { $0 >= NSMaxRange(value) }.min() ?? lower.length
            let before = written.filter { $0.range.location >= clauseStart && $0.range.location < value.location }.max { $0.range.location < $1.range.location }
            // After the value only an attribution counts ("…, according to Apple"): a modal there is about another
            // verb ("at just $69 … it may well be the replacement").
            let after = written.filter { $0.range.location >= NSMaxRange(value) && $0.range.location < clauseEnd && !Hedges.modals.contains($0.phrase) }
                .min { $0.range.location < $1.range.location }
            let earlier = relative ? nil : written.filter { $0.range.location < clauseStart }.max { $0.range.location < $1.range.location }
            return (before ?? after ?? earlier).map { ($0.label, $0.phrase) }
        }
    }

    /// The confidence of a sentence's claims from its cues and the source's prior; with `range`, of the value
    /// written there (its own clause's cue). `tone` is what a sentence with no cue of its own gets (a headline
    /// that says "rumored" sets it); by default the prior.
    public static func confidence(for sentence: String, at range: NSRange? = nil, cues map: CueMap? = nil, prior: Confidence.Label,
                                  tone: Confidence.Label? = nil, source: String, isUserReport: Bool = false) -> Confidence {
        var reasons = ["source prior: \(source) (\(prior.rawValue))"]
        if isUserReport {
            reasons.append("user report")
            return Confidence(score: baseScore(.userReport), label: .userReport, reasons: reasons)
        }
        if let (label, phrase) = range.map({ (map ?? CueMap(sentence)).cue(for: $0) }) ?? firstCue(in: LowercasedText(" " + sentence)) {
            // Attribution to a chart or a test is not hedging on a source whose pages are measured data.
            if prior == .measured && label == .reported {
                reasons.append("cue: \"\(phrase.trimmingCharacters(in: .whitespaces))\" (attribution; measured data)")
                return Confidence(score: baseScore(.measured), label: .measured, reasons: reasons)
            }
            reasons.append("cue: \"\(phrase.trimmingCharacters(in: .whitespaces))\" (\(label.rawValue))")
            // A source's prior pulls a cue's score a little toward its own.
            let score = 0.8 * baseScore(label) + 0.2 * baseScore(prior)
            return Confidence(score: (score * 100).rounded() / 100, label: label, reasons: reasons)
        }
        if let tone, tone != prior {
            reasons.append("no cue: the headline's tone (\(tone.rawValue)) applies")
            return Confidence(score: baseScore(tone), label: tone, reasons: reasons)
        }
        reasons.append("no cue: source prior applies")
        return Confidence(score: baseScore(prior), label: prior, reasons: reasons)
    }
}

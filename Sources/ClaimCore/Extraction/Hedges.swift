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
                     "apple said", "apple says", "press release", "apple has discontinued", "apple discontinued",
                     "apple today discontinued", "apple today", "apple's website", "apple online store", "apple's online store", "apple now charges",
                     "according to apple", "apple confirmed", "apple has confirmed"]),
        (.measured, ["in our tests", "in our testing", "we measured", "our benchmarks", "benchmarked by us"]),
        (.rumored, ["according to rumors", "according to rumours", "rumor", "rumour", "reportedly", "expected to", "expected in", "expected by", "expected on", "is expected", "are expected", "is said to", "are said to", "supposedly",
                    "allegedly", "purportedly", "could ", "might ", "may ", "likely", "plans to", "is planning",
                    "predicted", "predicts", "points to", "point to", "point toward", "is believed"]),
        (.reported, ["according to", "reports", "reported", "report ", "sources", "said", "says", "claims"]),
        (.speculative, ["we think", "speculat", "possibly", "perhaps", "we suspect", "we'd guess"]),
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

    /// The confidence of a sentence's claims from its cues and the source's prior.
    public static func confidence(for sentence: String, prior: Confidence.Label, source: String,
                                  isUserReport: Bool = false) -> Confidence {
        let lower = LowercasedText(" " + sentence)
        var reasons = ["source prior: \(source) (\(prior.rawValue))"]
        if isUserReport {
            reasons.append("user report")
            return Confidence(score: baseScore(.userReport), label: .userReport, reasons: reasons)
        }
        if let (label, phrase) = firstCue(in: lower) {
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
        reasons.append("no cue: source prior applies")
        return Confidence(score: baseScore(prior), label: prior, reasons: reasons)
    }
}

import ClaimCore
import Foundation

/// The value and date parser: sentence splitting, typed values, timestamps and the sentence-level extractor.
let valueTarget = FuzzTarget(
    name: "values",
    summary: "sentence splitter, value/date recogniser, timestamp parsers, sentence extractor",
    seedPaths: ["Fuzz/Seeds/values"],
    run: { data in
        let text = String(decoding: data, as: UTF8.self)
        let published = Date(timeIntervalSince1970: 1_773_000_000)
        let recognizer = ValueRecognizer(reference: published)
        let extractor = ClaimExtractor()
        for sentence in SentenceSplitter.split(text).prefix(64) {
            _ = recognizer.values(in: sentence)
            _ = extractor.claims(in: sentence, statedAt: published, prior: .reported, source: "fuzz")
        }
        _ = Timestamp.iso8601(text)
        _ = Timestamp.loose(text)
        _ = Timestamp.usLocal(text, standardHours: -5)
    }
)

import ClaimCore
import Testing

@Suite struct SentenceSplitterTests {
    @Test func keepsAbbreviationsNumbersAndVersionsWhole() {
        let text = "Apple Inc. raised the U.S. price to $1,600. The M5 Ultra's score in macOS 26.3 was 2.5x higher. Is it real? \"Yes,\" said Dr. Smith (of J. Doe Co.). Next."
        #expect(SentenceSplitter.split(text) == [
            "Apple Inc. raised the U.S. price to $1,600.",
            "The M5 Ultra's score in macOS 26.3 was 2.5x higher.",
            "Is it real?",
            "\"Yes,\" said Dr. Smith (of J. Doe Co.).",
            "Next.",
        ])
    }

    @Test func lowerCaseAfterAFullStopIsNotANewSentence() {
        #expect(SentenceSplitter.split("It costs approx. $2,000 today. Then more.") == ["It costs approx. $2,000 today.", "Then more."])
    }
}

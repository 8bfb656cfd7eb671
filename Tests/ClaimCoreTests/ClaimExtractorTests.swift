import ClaimCore
import Foundation
import Testing

/// The core extractor on sentences of the kind MacRumors writes.
@Suite struct ClaimExtractorTests {
    let extractor = ClaimExtractor()
    let stated = Timestamp.iso8601("2026-03-20T15:15:00Z")

    func claims(_ sentence: String) -> [Claim] {
        extractor.claims(in: sentence, statedAt: stated, prior: .reported, source: "macrumors")
    }

    @Test func aPriceChangeIsTwoValuesAtTwoTimesNotARivalry() throws {
        let found = claims("The price of the 256GB memory upgrade for the Mac Studio jumped from $1,600 to $2,000 in March 2026.")
        #expect(found.count == 2)
        let old = try #require(found.first { $0.value.number == 1600 })
        let new = try #require(found.first { $0.value.number == 2000 })
        #expect(old.subject == "Mac Studio" && old.attribute == "price" && old.qualifier == "256GB upgrade")
        #expect(old.validTime?.end == "2026-02-28")
        #expect(new.validTime?.start == "2026-03-01")
    }

    @Test func aLeakedBenchmarkAndAComparison() {
        let found = claims("Leaked results show the M5 Ultra scored about 45,000 in Geekbench 6 multi-core and 415,000 in Metal, roughly double the M2 Ultra.")
        let byAttribute = Dictionary(grouping: found, by: \.attribute)
        #expect(byAttribute["geekbench.multi-core"]?.first?.value.number == 45_000)
        #expect(byAttribute["geekbench.metal"]?.first?.value.number == 415_000)
        #expect(byAttribute["performance.relative"]?.first?.qualifier == "vs M2 Ultra")
        #expect(found.allSatisfy { $0.subject == "M5 Ultra" && $0.confidence.label == .leaked })
    }

    @Test func officialDiscontinuation() throws {
        let found = claims("Apple officially discontinued the Mac Pro on March 26, 2026.")
        let date = try #require(found.first { $0.attribute == "discontinued-on" })
        #expect(date.subject == "Mac Pro")
        #expect(date.value.start == "2026-03-26")
        #expect(date.confidence.label == .official)
        #expect(found.contains { $0.attribute == "availability" && $0.value.boolean == false })
    }

    @Test func rumoredLaunchWindowAndLowerBound() throws {
        let june = try #require(claims("Rumors point toward a June 2026 launch for the M5 Ultra.").first)
        #expect(june.attribute == "release-date" && june.subject == "M5 Ultra")
        #expect(june.confidence.label == .rumored)
        let fall = try #require(claims("According to an analyst, the M5 Ultra will launch not before the autumn.").first)
        #expect(fall.value.start == "2026-09-01" && fall.value.end == "2026-12-31")
        #expect(fall.confidence.label == .reported)
    }

    @Test func memoryCapAndWithdrawnConfiguration() {
        let found = claims("Apple has pulled the 512GB configuration of the Mac Studio, and orders are now capped at 256GB.")
        #expect(found.contains { $0.attribute == "memory.max" && $0.value.number == 256 && $0.subject == "Mac Studio" })
        #expect(found.contains { $0.attribute == "availability" && $0.qualifier == "512GB configuration" && $0.value.boolean == false })
        #expect(!found.contains { $0.attribute == "memory.max" && $0.value.number == 512 })
    }

    @Test func slowerThanAComparator() throws {
        let claim = try #require(claims("Developers report the Mac Studio trains ResNet-50 about 3x slower than an RTX 4090.").first)
        #expect(claim.subject == "Mac Studio")
        #expect(claim.qualifier == "ResNet-50 training, vs RTX 4090")
        #expect(claim.value.number.map { ($0 * 1000).rounded() } == 333)
    }

    @Test(arguments: [
        "We don't know yet if Apple will release a rack-mount Studio Server in 2026.",
        "The exact launch window for the M5 Ultra is also missing.",
        "Users ran 600B+ parameter models on a four-year-old RTX 4090.",
        "The Mac Studio handles 8K renders.",
        "Apple shipped 2,000 units of nothing in particular.",
    ])
    func noClaim(_ sentence: String) {
        #expect(claims(sentence).isEmpty)
    }

    @Test func subjectsComeFromTheVocabularyNotTheAliasWritten() {
        var vocabulary = Vocabulary.standard
        vocabulary.add(Vocabulary.Subject(name: "Mac Studio", aliases: ["Apple's pro desktop"]))
        let found = ClaimExtractor(vocabulary: vocabulary).claims(in: "Apple's pro desktop now costs $3,999.", statedAt: stated, prior: .reported, source: "x")
        #expect(found.first?.subject == "Mac Studio")
    }
}

@Suite struct HedgeTests {
    @Test(arguments: [
        ("According to our sources, the M5 Ultra will launch not before the autumn, later than rumours suggested.", Confidence.Label.reported),
        ("Mac Studio orders are capped at 256GB, according to Apple's website.", .official),
        ("Rumors point toward a June 2026 launch for the M5 Ultra.", .rumored),
        ("Leaked results found in macOS code show the M5 Ultra at 45,000.", .leaked),
        ("In our tests the Mac Studio was 3x slower than the RTX 4090.", .measured),
        ("The Mac Studio costs $1,999.", .reported),
    ])
    func theFirstCueWrittenSetsTheLabel(_ sentence: String, _ label: Confidence.Label) {
        #expect(Hedges.confidence(for: sentence, prior: .reported, source: "x").label == label)
    }
}

@Suite struct ChangeOverTimeTests {
    @Test func upFromIsAChangeWithTheNewValueFirst() throws {
        let claims = ClaimExtractor().claims(in: "The 256GB upgrade for the Mac Studio now costs $2,000, up from $1,600 at the start of the year.",
                                             statedAt: Timestamp.iso8601("2026-03-24T13:00:00Z"), prior: .reported, source: "x")
        let old = try #require(claims.first { $0.value.number == 1600 })
        let new = try #require(claims.first { $0.value.number == 2000 })
        #expect(old.validTime?.start == nil && old.validTime?.end == "2026-03-23")
        #expect(new.validTime?.start == "2026-03-24" && new.validTime?.end == nil)
        #expect(new.qualifier == "256GB upgrade")
    }
}

@Suite struct StatedUnknownTests {
    @Test func unknownsAboutTrackedSubjectsAreKeptAsEvidence() {
        let reading = Reading(document: Document(url: "https://x/1", source: "macrumors", kind: .article,
                                                 published: Timestamp.iso8601("2026-03-02T11:05:00Z")),
                              passages: [Passage("Rumors point to June. We don't know yet if Apple will release a rack-mount Studio Server. It is unclear why.")])
        let unknowns = ClaimExtractor().unknowns(for: reading)
        #expect(unknowns.count == 1)  // the last sentence names no tracked subject
        #expect(unknowns.first?.subjects == ["Studio Server"])
        #expect(unknowns.first?.position == 1)
        let server = Question(id: "s", text: "?", subjects: ["Studio Server"], attribute: "availability")
        let price = Question(id: "p", text: "?", subjects: ["Studio Server"], attribute: "price")
        #expect(unknowns.first?.concerns(server) == true)
        #expect(unknowns.first?.concerns(price) == false)
    }
}

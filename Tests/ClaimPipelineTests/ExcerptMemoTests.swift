import ClaimCore
@testable import ClaimPipeline
import Foundation
import Testing

/// The memo of extracted excerpts gives exactly what extracting them gives, whatever it has forgotten.
@Suite struct ExcerptMemoTests {
    func excerpt(_ url: String, _ text: String, published: String = "2026-04-14T13:00:00Z") -> Reading {
        Reading(document: Document(url: url, source: "macrumors", kind: .excerpt, title: "Fixture",
                                   published: Timestamp.iso8601(published)), passages: [Passage(text)])
    }

    @Test func aRememberedExcerptGivesWhatExtractingItGives() {
        let extractor = ClaimExtractor(vocabulary: .standard)
        let memo = ExcerptMemo(capacity: 2)
        let excerpts = [
            excerpt("https://a.example/1", "The Mac Studio starts at $1,999."),
            excerpt("https://a.example/2", "The Mac Studio will ship next month."),
            excerpt("https://a.example/2", "The Mac Studio will ship next month.", published: "2026-07-01T00:00:00Z"),
            excerpt("https://a.example/3", "The MacBook Air costs $1,099."),
        ]
        for round in 0..<3 {
            for (index, quoted) in excerpts.enumerated() {
                let remembered = memo.extract(quoted, digest: "sha1:\(index % 3)", prior: .reported, with: extractor)
                let direct = extractor.extract(quoted, prior: .reported)
                #expect(remembered.claims == direct.claims, "round \(round), excerpt \(index)")
            }
        }
        // The same text on another date is read against that date ("next month").
        let may = memo.extract(excerpts[1], digest: "sha1:same", prior: .reported, with: extractor).claims.first?.value.start
        let july = memo.extract(excerpts[2], digest: "sha1:same", prior: .reported, with: extractor).claims.first?.value.start
        #expect(may == "2026-05-01" && july == "2026-08-01")
    }
}

import ClaimCore
import ClaimQuery
import ClaimResolver
import ClaimStore
import Foundation
import Testing

/// Questions resolved one at a time (for `questions --json` on a large store) must come out exactly as
/// resolving every live claim at once has them: links, corroboration across publishers, contradictions, order.
@Suite struct QuestionByQuestionTests {
    func claim(_ subject: String, _ attribute: String, _ qualifier: String?, _ amount: Double, _ label: Confidence.Label = .reported,
               position: Int) -> Claim {
        Claim(subject: subject, attribute: attribute, qualifier: qualifier,
              value: Value(type: .money, text: "$\(Int(amount))", number: amount, currency: "USD"),
              confidence: Confidence(score: 0.6, label: label, reasons: ["source prior"]), quote: "It costs $\(Int(amount)).",
              statedAt: nil, position: position)
    }

    @Test func eachQuestionAloneIsResolvedAsAllTogether() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-qbq-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("""
            [base-price]
            text: What does the base Mac Studio cost?
            subjects: Mac Studio
            attribute: price
            qualifier: base

            [any-price]
            text: What does any Mac Studio or Mac Pro cost?
            subjects: Mac Studio, Mac Pro
            attribute: price

            [pro-price]
            text: What does the Mac Pro cost?
            subjects: Mac Pro
            attribute: price
            qualifier: base
            resolved-by: official

            [nothing]
            text: What does the Studio Display cost?
            subjects: Studio Display
            attribute: price

            """.utf8).write(to: folder.appendingPathComponent("Questions.list"))
        let store = try Store(file: folder.appendingPathComponent(".claimtrack/store.sqlite"))
        let run = "2026-04-01T00:00:00Z", started = Timestamp.iso8601(run)!
        try store.save(run: Run(id: run, started: started, warcFile: "run.warc.gz"))
        // Three sites, one naming itself two ways; the same price said by two sites corroborates; a later
        // capture of one page replaces its earlier one.
        let pages: [(String, String?, [Claim])] = [
            ("https://www.macrumors.com/a", "MacRumors", [claim("Mac Studio", "price", "base", 1_999, position: 0),
                                                         claim("Mac Pro", "price", "base", 6_999, position: 1)]),
            ("https://www.macrumors.com/b", "MacRumors.com", [claim("Mac Studio", "price", "base", 2_199, position: 0)]),
            ("https://9to5mac.com/c", "9to5Mac", [claim("Mac Studio", "price", "base", 1_999, position: 0),
                                                  claim("Mac Studio", "price", "256GB", 2_000, position: 1),
                                                  claim("Mac Pro", "price", "base", 6_999, .official, position: 2)]),
            ("https://www.tomshardware.com/d", nil, [claim("Mac Studio", "weight", nil, 3, position: 0),
                                                    claim("Mac Pro", "price", "base", 7_499, .official, position: 1)]),
        ]
        for (offset, (url, publisher, claims)) in pages.enumerated() {
            let capture = CaptureRow(recordID: "<urn:uuid:\(offset)>", run: run, source: "generic", warcFile: "run.warc.gz", offset: offset,
                                     targetURI: url, document: Document(url: url, source: "generic", kind: .article, publisher: publisher),
                                     retrieved: started, status: 200, payloadDigest: "sha1:\(offset)", diagnostics: [])
            try store.insert(capture: capture, claims: claims)
        }
        let workspace = Workspace(root: folder)
        let together = try Snapshot.load(workspace, store: store).questions
        let alone = try QuestionByQuestion(workspace, store: store)
        #expect(alone.questions.map(\.id) == together.map(\.id))
        for (question, expected) in zip(alone.questions, together) {
            #expect(try JSONOutput.string(alone.state(of: question)) == JSONOutput.string(expected), "\(question.id)")
        }
        let all = try Snapshot.load(workspace, store: store).contradictions
        #expect(all.count == 2)
        #expect(try JSONOutput.string(alone.contradictions()) == JSONOutput.string(all))
        // Both at once, reusing a question's claims for its slot's contradictions, gives the same.
        let both = try alone.summariesAndContradictions()
        #expect(try JSONOutput.string(both.contradictions) == JSONOutput.string(all))
        #expect(try JSONOutput.string(both.summaries) == JSONOutput.string(together.map(QuestionSummary.init)))
        // The track record judged from the questions that can be resolved is the one of every resolved question.
        let questions = try workspace.questions()
        let everyResolved = zip(questions, together).flatMap { TrackRecord.judge($0, $1) }
        #expect(try JSONOutput.string(both.judgements) == JSONOutput.string(everyResolved))
        // The case that needs every claim's publishers: corroboration names MacRumors as its first page does.
        #expect(try JSONOutput.string(alone.state(of: alone.questions[0])).contains("corroborated by 1 independent source: MacRumors"))
        #expect(together.first { $0.id == "pro-price" }?.status == .ambiguous)
    }
}

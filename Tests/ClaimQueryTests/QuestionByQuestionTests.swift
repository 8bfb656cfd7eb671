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

    /// Five prices MacRumors called before Apple announced them, and a sixth still open: resolving a question at
    /// a time (as listings do, or as the writer does, judging as it goes) weighs the open one as resolving all
    /// at once does.
    @Test func aTrackRecordWeighsTheSameAQuestionAtATimeAsAllTogether() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-qbq-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let chips = (0..<6).map { "Chip \($0)" }
        try Data(chips.enumerated().map { "[price-\($0)]\ntext: Price?\nsubjects: \($1)\nattribute: price\n\n" }.joined().utf8)
            .write(to: folder.appendingPathComponent("Questions.list"))
        let workspace = Workspace(root: folder)
        let store = try Store(file: folder.appendingPathComponent(".claimtrack/store.sqlite"))
        let run = "2026-10-01T00:00:00Z", started = Timestamp.iso8601(run)!
        try store.save(run: Run(id: run, started: started, warcFile: "run.warc.gz"))
        func price(_ subject: String, _ amount: Double, _ label: Confidence.Label, stated: String) -> Claim {
            Claim(subject: subject, attribute: "price", value: Value(type: .money, text: "$\(Int(amount))", number: amount, currency: "USD"),
                  confidence: Confidence(score: 0.45, label: label, reasons: []), quote: "\(subject) costs $\(Int(amount)).",
                  statedAt: Timestamp.iso8601(stated), position: 0)
        }
        var pages: [(String, String, Claim)] = []
        for chip in chips.dropLast() {
            pages.append(("https://www.macrumors.com/\(chip.last!)", "MacRumors", price(chip, 999, .rumored, stated: "2026-05-01T00:00:00Z")))
            pages.append(("https://www.apple.com/newsroom/\(chip.last!)", "Apple", price(chip, 999, .official, stated: "2026-09-01T00:00:00Z")))
        }
        pages.append(("https://www.macrumors.com/5", "MacRumors", price("Chip 5", 1_299, .rumored, stated: "2026-09-15T00:00:00Z")))
        pages.append(("https://forum.example/5", "Forum", price("Chip 5", 1_499, .rumored, stated: "2026-09-15T00:00:00Z")))
        for (offset, (url, publisher, claim)) in pages.enumerated() {
            let capture = CaptureRow(recordID: "<urn:uuid:\(offset)>", run: run, source: "generic", warcFile: "run.warc.gz", offset: offset,
                                     targetURI: url, document: Document(url: url, source: "generic", kind: .article, publisher: publisher),
                                     retrieved: started, status: 200, payloadDigest: "sha1:\(offset)", diagnostics: [])
            try store.insert(capture: capture, claims: [claim])
        }
        let together = try Snapshot.load(workspace, store: store).questions
        let open = try #require(together.last)
        #expect(open.status != .resolved && open.confidence?.reasons.last?.hasPrefix("track record: MacRumors was right on 5 of 5 price claims") == true)
        let alone = try QuestionByQuestion(workspace, store: store)
        #expect(try alone.judgements().count == 5)
        for (question, expected) in zip(alone.questions, together) {
            #expect(try JSONOutput.string(alone.state(of: question)) == JSONOutput.string(expected), "\(question.id)")
        }
        // The writer's way: the resolved questions judged first, then the rest weighed as they are resolved.
        let writer = try QuestionByQuestion(workspace, store: store).summariesAndContradictions()
        #expect(try JSONOutput.string(writer.summaries) == JSONOutput.string(together.map(QuestionSummary.init)))
        #expect(writer.judgements.count == 5)
    }
}

import ClaimCore
import ClaimDigest
import ClaimResolver
import Foundation
import Testing

/// The digest is written a question and a slot at a time: what it prints must not depend on how the content
/// arrives, and lists larger than the memory a spool holds (4 MB) come back whole and in order.
@Suite struct StreamingDigestTests {
    /// `count` claims on `Mac Studio` prices in twenty configurations, ten of them asked about by a question
    /// (one question asks about two subjects, so some claims bear on two questions), and claims on a subject
    /// no question asks about.
    static func resolvedInput(claims count: Int, quoteLength: Int = 40) -> DigestInput {
        let labels = Confidence.Label.allCases
        var claims: [Claim] = []
        for index in 0..<count {
            let subject = index % 5 == 4 ? "iPad Pro" : "Mac Studio"
            let day = Date(timeIntervalSince1970: 1_767_225_600 + Double(index % 90) * 86_400)
            let price = Double(1_000 + index % 7 * 100)
            let padding = String(repeating: "x", count: max(0, quoteLength - 30))
            claims.append(Claim(subject: subject, attribute: index % 3 == 0 ? "release-date" : "price", qualifier: "config \(index % 20)",
                                value: Value(type: .money, text: "$\(Int(price))", number: price, currency: "USD"),
                                confidence: Confidence(score: 0.3 + Double(index % 6) / 10, label: labels[index % labels.count], reasons: []),
                                quote: "Sentence \(index / 2) says \(Int(price)) \(padding).", statedAt: day,
                                citation: Citation(url: "https://example.com/\(index / 10)", publisher: "Publisher \(index % 3)",
                                                   published: day, retrieved: day, warcRecordID: "<urn:uuid:\(index / 10)>")))
        }
        var questions = (0..<10).map { number in
            Question(id: "q\(number)", text: "Price of configuration \(number)?", subjects: ["Mac Studio"], attribute: "price",
                     qualifier: "config \(number)")
        }
        questions.append(Question(id: "both", text: "Price of configuration 1 anywhere?", subjects: ["Mac Studio", "iPad Pro"],
                                  attribute: "price", qualifier: "config 1"))
        let (linked, states) = Resolver.resolve(questions: questions, claims: claims)
        return DigestInput(workspace: "w", run: "2026-03-30T14:00:00Z", questions: states, claims: linked)
    }

    /// The same content handed over as a store gives it: question states without their claims, each asked
    /// for when its turn comes, and the claims slot by slot with the slots' claims shuffled.
    struct PiecemealContent: DigestContent {
        let whole: DigestInput
        var workspace: String { whole.workspace }
        var run: String? { whole.run }

        func questionStates() -> [QuestionState] {
            whole.questions.reversed().map { state in
                var stripped = state
                stripped.claims = []
                return stripped
            }
        }

        func state(of question: QuestionState) throws -> QuestionState {
            try #require(whole.questions.first { $0.id == question.id })
        }

        func forEachSlot(_ body: ([Claim]) throws -> Void) throws {
            try whole.forEachSlot { try body($0.reversed()) }
        }

        func judgements() -> [Judgement] { whole.judgements() }
    }

    @Test(arguments: DigestFormat.allCases)
    func contentArrivingPiecemealGivesTheSameBytes(_ format: DigestFormat) throws {
        let input = Self.resolvedInput(claims: 2_000)
        for filter in [DigestFilter(), DigestFilter(questions: ["q1", "both"]), DigestFilter(minConfidence: 0.6)] {
            #expect(try format.render(PiecemealContent(whole: input), filter: filter) == format.render(input, filter: filter))
        }
    }

    @Test func listsLargerThanASpoolHoldsComeBackWholeAndInOrder() throws {
        // Long quotes: the references alone are several times the 4 MB a spool keeps in memory.
        let input = Self.resolvedInput(claims: 12_000, quoteLength: 1_500)
        let markdown = try DigestFormat.markdown.render(input)
        #expect(markdown.utf8.count > 12 << 20)
        let definitions = markdown.split(separator: "\n").filter { $0.hasPrefix("[^") && $0.contains("]: ") }
        let numbers = definitions.map { Int($0.dropFirst(2).prefix { $0 != "]" })! }
        let distinct = Set(input.claims.map { ($0.citation?.warcRecordID ?? "") + "|" + $0.quote }).count
        #expect(numbers == Array(1...distinct))
        #expect(markdown.contains("- Questions: 11, claims: 12000\n"))

        let json = try DigestFormat.json.render(input)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let references = try #require(document["references"] as? [[String: Any]])
        #expect(references.map { $0["number"] as? Int } == Array(1...distinct))
        let unlinked = try #require(document["unlinked"] as? [[String: Any]])
        #expect(unlinked.map { $0["subject"] as? String } == ["Mac Studio", "iPad Pro"])
        let questions = (document["unresolved"] as? [[String: Any]] ?? []) + (document["resolved"] as? [[String: Any]] ?? [])
        let linkedOrNot = questions.flatMap { $0["claims"] as? [Any] ?? [] }.count
            + unlinked.flatMap { $0["claims"] as? [Any] ?? [] }.count
        #expect(linkedOrNot > 12_000)  // the claims on two questions are listed under both
    }

    @Test func aClaimOnTwoQuestionsHasOneReferenceAndCountsOnce() throws {
        let input = Self.resolvedInput(claims: 200)
        let json = try DigestFormat.json.render(input)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let questions = try #require(document["unresolved"] as? [[String: Any]]) + (document["resolved"] as? [[String: Any]] ?? [])
        func references(_ id: String) throws -> Set<Int> {
            let question = try #require(questions.first { $0["id"] as? String == id })
            return Set((question["claims"] as? [[String: Any]] ?? []).compactMap { $0["reference"] as? Int })
        }
        let shared = try references("q1").intersection(references("both"))
        #expect(!shared.isEmpty)
        let markdown = try DigestFormat.markdown.render(input, filter: DigestFilter(questions: ["q1", "both"]))
        let counted = input.claims.filter { !Set($0.questions).isDisjoint(with: ["q1", "both"]) }.count
        #expect(markdown.contains("- Questions: 2, claims: \(counted)\n"))
        #expect(markdown.contains("## Claims not linked to a question\n\nNone.\n\n"))
    }

    @Test func claimsOnNoQuestionAreGroupedBySubjectInOrder() throws {
        let input = Self.resolvedInput(claims: 300)
        let markdown = try DigestFormat.markdown.render(PiecemealContent(whole: input))
        let section = try #require(markdown.components(separatedBy: "## Claims not linked to a question\n\n").last?
            .components(separatedBy: "## Sources").first)
        #expect(section.components(separatedBy: "### ").dropFirst().map { $0.prefix { $0 != "\n" } } == ["Mac Studio", "iPad Pro"])
        // Within a subject by attribute first: every release-date line before every price line.
        let macStudio = try #require(section.components(separatedBy: "### Mac Studio").last?.components(separatedBy: "### iPad Pro").first)
        let attributes = macStudio.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { $0.contains("· price ") ? "price" : "release-date" }
        #expect(attributes == attributes.sorted() && Set(attributes).count == 2)
    }
}

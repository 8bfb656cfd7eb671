import ClaimCore
import ClaimResolver
import Foundation
import Testing

/// Each judgement rule on claims made before a question resolved, the interval and the calibration.
@Suite struct TrackRecordTests {
    func claim(_ value: Value, _ label: Confidence.Label, publisher: String, stated: String, subject: String = "M5 Ultra",
               attribute: String = "release-date", score: Double = 0.5, author: String? = nil, validTime: ValidTime? = nil) -> Claim {
        let site = publisher.lowercased().filter(\.isLetter)
        return Claim(subject: subject, attribute: attribute, value: value, validTime: validTime,
                     confidence: Confidence(score: score, label: label, reasons: []), quote: "\(publisher) says \(value.display).",
                     statedAt: Timestamp.iso8601(stated),
                     citation: Citation(url: "https://www.\(site).com/\(stated.prefix(10))/\(value.display.filter(\.isLetter))", publisher: publisher,
                                        author: author))
    }

    func window(_ start: String, _ end: String) -> Value { Value(type: .period, text: "\(start)…\(end)", start: start, end: end) }
    func day(_ date: String) -> Value { Value(type: .date, text: date, start: date, end: date) }
    func money(_ amount: Double, upper: Double? = nil) -> Value {
        Value(type: .money, text: "$\(Int(amount))", number: amount, upper: upper, currency: "USD")
    }
    func score(_ points: Double) -> Value { Value(type: .score, text: "\(Int(points))", number: points, unit: "points") }

    let launch = Question(id: "launch", text: "When?", subjects: ["M5 Ultra"], attribute: "release-date")

    func judged(_ question: Question, _ claims: [Claim], tolerances: [String: Double] = [:]) throws -> [Judgement] {
        let (_, states) = Resolver.resolve(questions: [question], claims: claims, tolerances: tolerances)
        return TrackRecord.judge(question, try #require(states.first), tolerances: tolerances)
    }

    func verdicts(_ judgements: [Judgement]) -> [String: Verdict] {
        Dictionary(uniqueKeysWithValues: judgements.map { ($0.publisher, $0.verdict) })
    }

    @Test func aDateWindowIsRightWithinAMonthAndPartlyRightWhenWider() throws {
        let announced = claim(day("2026-10-22"), .official, publisher: "Apple Newsroom", stated: "2026-10-15T13:00:00Z")
        let judgements = try judged(launch, [
            claim(window("2026-10-01", "2026-10-31"), .rumored, publisher: "MacRumors", stated: "2026-06-01T00:00:00Z"),
            claim(window("2026-09-01", "2026-12-31"), .reported, publisher: "Tom's Hardware", stated: "2026-03-24T13:00:00Z"),
            claim(window("2026-06-01", "2026-06-30"), .rumored, publisher: "9to5Mac", stated: "2026-03-02T11:05:00Z"),
            announced,
        ])
        #expect(verdicts(judgements) == ["MacRumors": .right, "Tom's Hardware": .partly, "9to5Mac": .wrong])
        // Lead time: from the claim to the first statement of the answer.
        let toms = try #require(judgements.first { $0.publisher == "Tom's Hardware" })
        #expect(abs((toms.leadDays ?? 0) - 205) < 0.01)
        // The decisive claim is the answer, no prediction.
        #expect(!judgements.contains { $0.publisher == "Apple Newsroom" })
    }

    @Test func aNumberIsRightWhenEqualAndPartlyRightWithinTheAttributesTolerance() throws {
        let multicore = Question(id: "multicore", text: "Score?", subjects: ["M5 Ultra"], attribute: "geekbench.multi-core", resolvedBy: .measured)
        let measured = claim(score(44_100), .measured, publisher: "Geekbench Browser", stated: "2026-10-25T00:00:00Z", attribute: "geekbench.multi-core")
        let leaks = [
            claim(score(44_100), .leaked, publisher: "Leaker", stated: "2026-09-01T00:00:00Z", attribute: "geekbench.multi-core"),
            claim(score(45_000), .leaked, publisher: "MacRumors", stated: "2026-03-05T14:40:00Z", attribute: "geekbench.multi-core"),
            claim(score(38_000), .rumored, publisher: "Forum", stated: "2026-04-01T00:00:00Z", attribute: "geekbench.multi-core"),
        ]
        // geekbench.multi-core is within 5% by default; a workspace can widen it.
        #expect(verdicts(try judged(multicore, leaks + [measured])) == ["Leaker": .right, "MacRumors": .partly, "Forum": .wrong])
        #expect(verdicts(try judged(multicore, leaks + [measured], tolerances: ["geekbench.multi-core": 0.2]))["Forum"] == .partly)
        // A range holding the answer is partly right, one missing it wrong.
        let price = Question(id: "price", text: "Price?", subjects: ["Mac Studio"], attribute: "price")
        let official = claim(money(3_999), .official, publisher: "Apple Newsroom", stated: "2026-10-15T00:00:00Z", subject: "Mac Studio", attribute: "price")
        let guesses = [claim(money(3_499, upper: 4_499), .rumored, publisher: "A", stated: "2026-05-01T00:00:00Z", subject: "Mac Studio", attribute: "price"),
                       claim(money(4_499, upper: 4_999), .rumored, publisher: "B", stated: "2026-05-01T00:00:00Z", subject: "Mac Studio", attribute: "price")]
        #expect(verdicts(try judged(price, guesses + [official])) == ["A": .partly, "B": .wrong])
    }

    @Test func aPublisherThatChangedItsMindIsJudgedOnceOnItsLastWord() throws {
        let judgements = try judged(launch, [
            claim(window("2026-06-01", "2026-06-30"), .rumored, publisher: "MacRumors", stated: "2026-03-02T00:00:00Z"),
            claim(window("2026-06-01", "2026-06-30"), .rumored, publisher: "MacRumors", stated: "2026-03-09T00:00:00Z"),
            claim(window("2026-10-01", "2026-10-31"), .reported, publisher: "MacRumors", stated: "2026-07-01T00:00:00Z"),
            claim(day("2026-10-22"), .official, publisher: "Apple Newsroom", stated: "2026-10-15T00:00:00Z"),
        ])
        let macrumors = try #require(judgements.first)
        #expect(judgements.count == 1)
        #expect(macrumors.verdict == .right && macrumors.changes == 1 && macrumors.label == .reported)
    }

    @Test func claimsMadeOnceTheAnswerWasOutOrAboutAnEarlierTimeAreNotPredictions() throws {
        let price = Question(id: "price", text: "Price?", subjects: ["Mac Studio"], attribute: "price", qualifier: "256GB upgrade")
        func on(_ claim: Claim) -> Claim {
            var qualified = claim
            qualified.qualifier = "256GB upgrade"
            return qualified
        }
        let judgements = try judged(price, [
            on(claim(money(2_000), .official, publisher: "Apple Newsroom", stated: "2026-03-20T15:15:00Z", subject: "Mac Studio", attribute: "price")),
            // The old price, said to hold until the change: history.
            on(claim(money(1_600), .reported, publisher: "9to5Mac", stated: "2026-03-10T00:00:00Z", subject: "Mac Studio", attribute: "price",
                     validTime: ValidTime(start: "2025-03-01", end: "2026-03-19", text: "until March 19"))),
            // Repeating the answer after it came out.
            on(claim(money(2_000), .reported, publisher: "MacRumors", stated: "2026-03-21T00:00:00Z", subject: "Mac Studio", attribute: "price")),
            on(claim(money(1_800), .rumored, publisher: "Leaker", stated: "2026-03-01T00:00:00Z", subject: "Mac Studio", attribute: "price")),
        ])
        #expect(verdicts(judgements) == ["Leaker": .wrong])
    }

    @Test func aManualAnswerJudgesEveryClaimWithNoLeadTime() throws {
        var price = Question(id: "price", text: "Price?", subjects: ["Mac Studio"], attribute: "price", resolvedBy: .manual)
        price.manual = Question.ManualAnswer(answer: "$2,000 in the U.S.", citation: "https://www.apple.com/shop/buy-mac/mac-studio")
        let judgements = try judged(price, [
            claim(money(2_000), .reported, publisher: "MacRumors", stated: "2026-03-20T00:00:00Z", subject: "Mac Studio", attribute: "price"),
            claim(money(2_200), .rumored, publisher: "Leaker", stated: "2026-03-01T00:00:00Z", subject: "Mac Studio", attribute: "price"),
        ])
        #expect(verdicts(judgements) == ["MacRumors": .right, "Leaker": .wrong])
        #expect(judgements.allSatisfy { $0.leadDays == nil })
        // An answer with no value in it is compared as text.
        var server = Question(id: "server", text: "Server?", subjects: ["Studio Server"], attribute: "availability", resolvedBy: .manual)
        server.manual = Question.ManualAnswer(answer: "not announced", citation: "https://www.apple.com/")
        let text = Value(type: .text, text: "not announced")
        #expect(verdicts(try judged(server, [claim(text, .reported, publisher: "A", stated: "2026-03-01T00:00:00Z", subject: "Studio Server", attribute: "availability"),
                                             claim(Value(type: .text, text: "in 2027"), .rumored, publisher: "B", stated: "2026-03-01T00:00:00Z",
                                                   subject: "Studio Server", attribute: "availability")])) == ["A": .right, "B": .wrong])
    }

    @Test func aQuestionReopenedByANewOfficialClaimJudgesNothing() throws {
        let claims = [
            claim(window("2026-06-01", "2026-06-30"), .rumored, publisher: "MacRumors", stated: "2026-03-02T00:00:00Z"),
            claim(day("2026-10-22"), .official, publisher: "Apple Newsroom", stated: "2026-10-15T00:00:00Z"),
        ]
        #expect(try judged(launch, claims).count == 1)
        // Apple then names another date: two official claims disagree, the question is open again, nothing is judged.
        let delayed = claim(day("2026-11-05"), .official, publisher: "Apple Support", stated: "2026-10-20T00:00:00Z")
        let (_, states) = Resolver.resolve(questions: [launch], claims: claims + [delayed])
        #expect(states.first?.status == .ambiguous)
        #expect(try judged(launch, claims + [delayed]).isEmpty)
    }

    @Test func theWilsonIntervalKeepsThreeLuckyCallsFromLookingLikeARecord() {
        let three = TrackRecord.wilson(successes: 3, trials: 3)
        #expect(abs(three.low - 0.4385) < 0.0001 && three.high == 1)
        let nine = TrackRecord.wilson(successes: 9, trials: 11)
        #expect(abs(nine.low - 0.5230) < 0.0001 && abs(nine.high - 0.9486) < 0.0001)
        let none = TrackRecord.wilson(successes: 0, trials: 4)
        #expect(none.low == 0 && abs(none.high - 0.4899) < 0.0001)
        #expect(TrackRecord.wilson(successes: 0, trials: 0) == (0, 1))
    }

    @Test func recordsAndCalibrationSumTheJudgementsUp() {
        func judgement(_ publisher: String, _ label: Confidence.Label, _ verdict: Verdict, lead: Double, score: Double, author: String? = nil) -> Judgement {
            Judgement(question: "q", publisher: publisher, author: author, label: label, attribute: "release-date", value: "v", verdict: verdict,
                      leadDays: lead, score: score, changes: verdict == .wrong ? 1 : 0, url: nil)
        }
        let judgements = [
            judgement("MacRumors", .rumored, .right, lead: 10, score: 0.45, author: "Joe"),
            judgement("MacRumors", .rumored, .wrong, lead: 30, score: 0.45),
            judgement("MacRumors", .reported, .partly, lead: 20, score: 0.7, author: "Joe"),
            judgement("9to5Mac", .rumored, .wrong, lead: 5, score: 0.45),
        ]
        let byPublisher = TrackRecord.records(judgements, by: \.publisher)
        #expect(byPublisher.map(\.name) == ["9to5Mac", "MacRumors"])
        let macrumors = byPublisher[1].record
        #expect(macrumors.judged == 3 && macrumors.right == 1 && macrumors.partly == 1 && macrumors.wrong == 1 && macrumors.changes == 1)
        #expect(macrumors.medianLeadDays == 20 && abs(macrumors.shareRight - 1.0 / 3) < 1e-9)
        #expect(TrackRecord.records(judgements, by: \.author).map(\.name) == ["Joe"])
        let calibration = TrackRecord.calibration(judgements)
        #expect(calibration.map(\.label) == [.reported, .rumored])
        let rumored = calibration[1]
        #expect(rumored.judged == 3 && abs(rumored.stated - 0.45) < 1e-9 && abs(rumored.cameTrue - 1.0 / 3) < 1e-9)
        #expect(calibration[0].cameTrue == 0.5)
    }

    /// Five launches MacRumors called within the month, then a sixth still open: its rumour is weighed by that record.
    func history(calls: Int) -> (questions: [Question], claims: [Claim]) {
        var questions: [Question] = [], claims: [Claim] = []
        for index in 0..<calls {
            let subject = "Chip \(index)"
            questions.append(Question(id: "launch-\(index)", text: "When?", subjects: [subject], attribute: "release-date"))
            claims.append(claim(window("2026-06-01", "2026-06-30"), .rumored, publisher: "MacRumors", stated: "2026-03-01T00:00:00Z", subject: subject,
                                score: 0.45))
            claims.append(claim(day("2026-06-10"), .official, publisher: "Apple Newsroom", stated: "2026-06-05T00:00:00Z", subject: subject))
        }
        questions.append(Question(id: "next", text: "When?", subjects: ["Next chip"], attribute: "release-date"))
        claims.append(claim(window("2027-06-01", "2027-06-30"), .rumored, publisher: "MacRumors", stated: "2026-11-01T00:00:00Z",
                            subject: "Next chip", score: 0.45))
        claims.append(claim(window("2027-09-01", "2027-09-30"), .rumored, publisher: "Forum", stated: "2026-11-01T00:00:00Z",
                            subject: "Next chip", score: 0.45))
        return (questions, claims)
    }

    @Test func aLongEnoughRecordWeighsTheSourcesOpenClaimsAndSaysSo() throws {
        let (questions, claims) = history(calls: TrackRecord.Learning.threshold)
        let (_, states) = Resolver.resolve(questions: questions, claims: claims)
        #expect(states.dropLast().allSatisfy { $0.status == .resolved })
        let open = try #require(states.last)
        let macrumors = try #require(open.claims.first { $0.citation?.publisher == "MacRumors" })
        // (5 × 0.45 + 5 × 1.0) / 10
        #expect(macrumors.confidence.score == 0.73)
        #expect(macrumors.confidence.reasons.last == "track record: MacRumors was right on 5 of 5 release-date claims (0.45 → 0.73)")
        // The forum has no record: its claim stands as stated; the better-weighed claim is now the answer.
        #expect(open.claims.first { $0.citation?.publisher == "Forum" }?.confidence.score == 0.45)
        #expect(open.confidence?.score == 0.73)
        // Resolved questions are never weighed.
        #expect(states[0].claims.allSatisfy { !$0.confidence.reasons.contains { $0.hasPrefix("track record") } })
    }

    @Test func belowTheThresholdNothingChanges() throws {
        let (questions, claims) = history(calls: TrackRecord.Learning.threshold - 1)
        let (_, states) = Resolver.resolve(questions: questions, claims: claims)
        let open = try #require(states.last)
        #expect(open.claims.allSatisfy { $0.confidence.score == 0.45 && $0.confidence.reasons.isEmpty })
        // The same record handed in by a caller resolving a question at a time weighs the same way.
        let (allQuestions, allClaims) = history(calls: TrackRecord.Learning.threshold)
        let record = TrackRecord.Learning(zip(allQuestions, Resolver.resolve(questions: allQuestions, claims: allClaims).questions)
            .flatMap { TrackRecord.judge($0, $1) })
        let alone = Resolver.resolve(questions: [allQuestions.last!], claims: allClaims.suffix(2), linkingTo: allQuestions, learning: record)
        #expect(alone.questions.first?.claims.first { $0.citation?.publisher == "MacRumors" }?.confidence.score == 0.73)
    }
}

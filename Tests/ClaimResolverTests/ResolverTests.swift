import ClaimCore
import ClaimResolver
import Foundation
import Testing

@Suite struct ResolverTests {
    func claim(_ value: Value, label: Confidence.Label, url: String, publisher: String = "MacRumors") -> Claim {
        claim("M5 Ultra", "release-date", value, label: label, url: url, publisher: publisher)
    }

    func claim(_ subject: String, _ attribute: String, _ value: Value, label: Confidence.Label,
               url: String, publisher: String = "MacRumors", stated: String = "2026-03-10T00:00:00Z", validTime: ValidTime? = nil) -> Claim {
        Claim(subject: subject, attribute: attribute, value: value, validTime: validTime,
              confidence: Confidence(score: 0.5, label: label, reasons: []), quote: "q",
              statedAt: Timestamp.iso8601(stated), citation: Citation(url: url, publisher: publisher))
    }

    func period(_ start: String, _ end: String) -> Value { Value(type: .period, text: start, start: start, end: end) }
    func number(_ n: Double, unit: String? = nil) -> Value { Value(type: .number, text: "\(n)", number: n, unit: unit) }

    let launch = Question(id: "launch", text: "When?", subjects: ["M5 Ultra"], attribute: "release-date")

    @Test func disjointDateWindowsAreAContradictionAndTheBetterLabelIsPreferred() throws {
        let june = claim(period("2026-06-01", "2026-06-30"), label: .rumored, url: "https://a/1")
        let fall = claim(period("2026-09-01", "2026-12-31"), label: .reported, url: "https://b/1", publisher: "Other")
        let (_, states) = Resolver.resolve(questions: [launch], claims: [june, fall])
        let state = try #require(states.first)
        #expect(state.status == .contested)
        let contradiction = try #require(state.contradictions.first)
        #expect(contradiction.claims[contradiction.preferred].confidence.label == .reported)
        #expect(contradiction.reason.contains("do not overlap"))
        #expect(state.independentSources == 2)
    }

    @Test func overlappingWindowsAgree() {
        let june = claim(period("2026-06-01", "2026-06-30"), label: .rumored, url: "https://a/1")
        let wwdc = claim(period("2026-06-01", "2026-06-14"), label: .rumored, url: "https://b/1")
        #expect(Resolver.contradictions(among: [june, wwdc]).isEmpty)
    }

    @Test func anOfficialClaimResolvesAndNoClaimsLeaveItOpen() {
        let official = claim(Value(type: .date, text: "June 8", start: "2026-06-08", end: "2026-06-08"), label: .official, url: "https://apple/1")
        #expect(Resolver.resolve(questions: [launch], claims: [official]).questions[0].status == .resolved)
        #expect(Resolver.resolve(questions: [launch], claims: []).questions[0].status == .open)
        let rumour = claim(period("2026-06-01", "2026-06-30"), label: .rumored, url: "https://a/1")
        #expect(Resolver.resolve(questions: [launch], claims: [rumour]).questions[0].status == .evidence)
    }

    @Test func twoOfficialClaimsThatDisagreeAreAmbiguous() {
        let a = claim(Value(type: .date, text: "a", start: "2026-06-08", end: "2026-06-08"), label: .official, url: "https://a/1")
        let b = claim(Value(type: .date, text: "b", start: "2026-07-08", end: "2026-07-08"), label: .official, url: "https://b/1")
        #expect(Resolver.resolve(questions: [launch], claims: [a, b]).questions[0].status == .ambiguous)
    }

    @Test func benchmarkScoresWithinToleranceAgree() {
        let a = claim("M5 Ultra", "geekbench.multi-core", number(45_000), label: .measured, url: "https://gb/1")
        let b = claim("M5 Ultra", "geekbench.multi-core", number(46_500), label: .measured, url: "https://gb/2")
        let c = claim("M5 Ultra", "geekbench.multi-core", number(30_000), label: .leaked, url: "https://gb/3")
        #expect(Resolver.contradictions(among: [a, b]).isEmpty)
        #expect(Resolver.contradictions(among: [a, c]).count == 1)
    }

    @Test func changeOverTimeIsNotAContradiction() {
        let old = claim("Mac Studio", "price", Value(type: .money, text: "$1,600", number: 1600, currency: "USD"), label: .reported,
                        url: "https://a/1", validTime: ValidTime(start: nil, end: "2026-02-28", text: "before"))
        let new = claim("Mac Studio", "price", Value(type: .money, text: "$2,000", number: 2000, currency: "USD"), label: .reported,
                        url: "https://b/1", validTime: ValidTime(start: "2026-03-01", end: nil, text: "March"))
        #expect(Resolver.contradictions(among: [old, new]).isEmpty)
        // Statements months apart with no valid time describe different moments too.
        let feb = claim("Mac Studio", "price", number(1600), label: .reported, url: "https://a/2", stated: "2026-01-01T00:00:00Z")
        let apr = claim("Mac Studio", "price", number(2000), label: .reported, url: "https://b/2", stated: "2026-04-01T00:00:00Z")
        #expect(Resolver.contradictions(among: [feb, apr]).isEmpty)
    }

    @Test func aPageNeverContradictsItselfAndQualifiersSeparate() {
        let a = claim(period("2026-06-01", "2026-06-30"), label: .rumored, url: "https://a/1")
        let b = claim(period("2026-09-01", "2026-09-30"), label: .rumored, url: "https://a/1")
        #expect(Resolver.contradictions(among: [a, b]).isEmpty)
        var base = claim("Mac Studio", "price", number(3999), label: .reported, url: "https://x/1")
        base.qualifier = "base model"
        var upgrade = claim("Mac Studio", "price", number(2000), label: .reported, url: "https://y/1")
        upgrade.qualifier = "256GB upgrade"
        #expect(Resolver.contradictions(among: [base, upgrade]).isEmpty)
    }

    @Test func claimsAreLinkedToTheirQuestions() {
        let priced = Question(id: "p", text: "?", subjects: ["Mac Studio"], attribute: "price", qualifier: "256GB upgrade")
        var c = claim("Mac Studio", "price", number(2000), label: .official, url: "https://x/1")
        c.qualifier = "256GB upgrade"
        let other = claim("Mac Studio", "price", number(3999), label: .official, url: "https://x/1")
        let (linked, _) = Resolver.resolve(questions: [priced, launch], claims: [c, other])
        #expect(linked[0].questions == ["p"])
        #expect(linked[1].questions.isEmpty)
    }
}

@Suite struct ChangeAcrossSourcesTests {
    @Test func oneSourcesOldValueDoesNotContradictAnothersNewValue() {
        func price(_ n: Double, start: String?, end: String?, url: String) -> Claim {
            Claim(subject: "Mac Studio", attribute: "price", qualifier: "256GB upgrade",
                  value: Value(type: .money, text: "$\(n)", number: n, currency: "USD"),
                  validTime: ValidTime(start: start, end: end, text: "t"), confidence: Confidence(score: 0.7, label: .reported, reasons: []),
                  quote: "q", citation: Citation(url: url))
        }
        let oldHere = price(1600, start: nil, end: "2026-03-23", url: "https://a/1")
        let newThere = price(2000, start: "2026-03-01", end: nil, url: "https://b/1")
        let otherNew = price(2100, start: "2026-03-05", end: nil, url: "https://c/1")
        #expect(Resolver.contradictions(among: [oldHere, newThere]).isEmpty)
        #expect(Resolver.contradictions(among: [newThere, otherNew]).count == 1)  // two sources disagree on the new price
    }
}

@Suite struct ClaimDiffTests {
    func claim(_ url: String, _ value: Double, record: String) -> Claim {
        Claim(subject: "Mac Studio", attribute: "price", value: Value(type: .money, text: "$\(value)", number: value, currency: "USD"),
              confidence: Confidence(score: 0.7, label: .reported, reasons: []), quote: "q",
              citation: Citation(url: url, warcRecordID: record))
    }

    @Test func claimsAreComparedByWhatTheySayNotByCapture() {
        let old = [claim("https://a/1", 1999, record: "r1"), claim("https://a/2", 3999, record: "r2")]
        let new = [claim("https://a/1", 1999, record: "r9"), claim("https://a/2", 4199, record: "r8"), claim("https://a/3", 599, record: "r7")]
        let diff = ClaimDiff.compute(from: "1", to: "2", old: (old, [], []), new: (new, [], []))
        #expect(diff.added.map(\.value.number) == [599])
        #expect(diff.retracted.isEmpty)
        #expect(diff.changed.map { [$0.old.value.number, $0.new.value.number] } == [[3999, 4199]])
    }

    @Test func pagesNewUpdatedAndGone() {
        let old = [PageState(url: "https://a/1", recordID: "r1", payloadDigest: "d1", status: 200),
                   PageState(url: "https://a/2", recordID: "r2", payloadDigest: "d2", status: 200),
                   PageState(url: "https://a/3", recordID: "r3", payloadDigest: "d3", status: 200)]
        let new = [PageState(url: "https://a/1", recordID: "r1b", payloadDigest: "d1", status: 200),  // same bytes again
                   PageState(url: "https://a/2", recordID: "r2b", payloadDigest: "d2b", status: 200),
                   PageState(url: "https://a/3", recordID: "r3b", payloadDigest: nil, status: 404),
                   PageState(url: "https://a/4", recordID: "r4", payloadDigest: "d4", status: 200)]
        let diff = ClaimDiff.compute(from: "1", to: "2", old: ([], old, []), new: ([], new, []))
        #expect(diff.pages.new == ["https://a/4"])
        #expect(diff.pages.updated == ["https://a/2"])
        #expect(diff.pages.gone == ["https://a/3"])
    }

    @Test func spreadRunsFromLowestToHighest() {
        let claims = [claim("https://a/1", 1600, record: "r"), claim("https://a/2", 2000, record: "r")]
        let question = Question(id: "p", text: "?", subjects: ["Mac Studio"], attribute: "price")
        #expect(Resolver.resolve(questions: [question], claims: claims).questions[0].spread == "$1,600 – $2,000")
    }
}

@Suite struct ToleranceTests {
    @Test func aWorkspaceToleranceWidensWhatAgrees() {
        func score(_ n: Double, _ url: String) -> Claim {
            Claim(subject: "M5 Max", attribute: "geekbench.multi-core", value: Value(type: .score, text: "\(n)", number: n, unit: "points"),
                  confidence: Confidence(score: 0.9, label: .measured, reasons: []), quote: "q", citation: Citation(url: url))
        }
        let pair = [score(29_000, "https://gb/1"), score(31_500, "https://gb/2")]  // 8% apart
        #expect(Resolver.contradictions(among: pair).count == 1)
        #expect(Resolver.contradictions(among: pair, tolerances: ["geekbench.multi-core": 0.10]).isEmpty)
    }
}

@Suite struct CorroborationTests {
    @Test func independentPublishersSayingTheSameRaiseTheScore() {
        func claim(_ publisher: String, _ url: String, _ value: Double) -> Claim {
            Claim(subject: "Mac Studio", attribute: "memory.max", value: Value(type: .quantity, text: "\(value)GB", number: value, unit: "GB"),
                  confidence: Confidence(score: 0.7, label: .reported, reasons: []), quote: "q", citation: Citation(url: url, publisher: publisher))
        }
        let claims = Resolver.corroborated([claim("MacRumors", "https://a/1", 256), claim("MacRumors", "https://a/2", 256),
                                            claim("9to5Mac", "https://b/1", 256), claim("Tom's Hardware", "https://c/1", 512)])
        #expect(claims[0].confidence.score == 0.75)
        #expect(claims[0].confidence.reasons == ["corroborated by 1 independent source: 9to5Mac"])
        #expect(claims[2].confidence.score == 0.75)  // MacRumors counts once, however many of its pages repeat it
        #expect(claims[3].confidence.score == 0.7)
    }
}

@Suite struct RangeConflictTests {
    func price(_ low: Double, _ high: Double?, _ url: String) -> Claim {
        Claim(subject: "Mac Studio", attribute: "price", value: Value(type: .money, text: "$", number: low, upper: high, currency: "USD"),
              confidence: Confidence(score: 0.7, label: .reported, reasons: []), quote: "q", citation: Citation(url: url))
    }

    @Test func aRangeAgreesWithWhatItContainsAndNotWithWhatItMisses() {
        #expect(Resolver.contradictions(among: [price(1599, 1999, "https://a/1"), price(1799, nil, "https://b/1")]).isEmpty)
        #expect(Resolver.contradictions(among: [price(1599, 1999, "https://a/1"), price(2499, nil, "https://b/1")]).count == 1)
    }
}

/// `ClaimDiff.unpaired` is a multiset difference that keeps each side's order.
@Suite struct UnpairedTests {
    @Test(arguments: [
        (["a", "b", "c"], ["a", "b", "c"], [String](), [String]()),
        (["a", "a", "b"], ["a", "c"], ["a", "b"], ["c"]),
        (["x", "a"], ["a", "a", "y"], ["x"], ["a", "y"]),
        ([], ["a"], [], ["a"]),
        (["b", "a"], ["a", "b"], [], []),
    ])
    func pairsOffWhatBothHold(old: [String], new: [String], oldLeft: [String], newLeft: [String]) {
        let left = ClaimDiff.unpaired(old: old, new: new) { $0 }
        #expect(left.old == oldLeft && left.new == newLeft)
    }
}

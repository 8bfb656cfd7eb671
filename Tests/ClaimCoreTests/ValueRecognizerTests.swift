@testable import ClaimCore
import Foundation
import Testing

@Suite struct ValueRecognizerTests {
    /// Stated on 2026-03-20 15:15Z, the publication time relative expressions resolve against.
    let recognizer = ValueRecognizer(reference: Timestamp.iso8601("2026-03-20T15:15:00Z"))

    func only(_ text: String) -> Value? {
        let values = recognizer.values(in: text)
        return values.count == 1 ? values[0].value : nil
    }

    @Test func money() {
        #expect(only("now costs $1,600 extra")?.number == 1600)
        #expect(only("now costs $1,600 extra")?.currency == "USD")
        #expect(only("a $3.99 app")?.number == 3.99)
        #expect(only("a $2 billion deal")?.number == 2_000_000_000)
    }

    @Test func dataSizesAndNumbers() {
        #expect(only("capped at 256GB")?.unit == "GB")
        #expect(only("capped at 256GB")?.number == 256)
        #expect(only("with 2 TB of storage")?.number == 2)
        #expect(only("scored 45,000 points")?.number == 45_000)
        #expect(only("about 415K in Metal")?.number == 415_000)
        #expect(only("back in 2023") == nil || only("back in 2023")?.type == .period)
    }

    @Test(arguments: [
        ("on March 26, 2026", "2026-03-26", "2026-03-26"),
        ("in June 2026", "2026-06-01", "2026-06-30"),
        ("in early March", "2026-03-01", "2026-03-10"),
        ("by mid-2026", "2026-05-01", "2026-08-31"),
        ("in Q2 2026", "2026-04-01", "2026-06-30"),
        ("this fall", "2026-09-01", "2026-11-30"),
        ("next spring", "2027-03-01", "2027-05-31"),
        ("later this year", "2026-03-21", "2026-12-31"),
        ("this month", "2026-03-01", "2026-03-31"),
        ("at WWDC", "2026-06-01", "2026-06-14"),
        ("in the first half of 2020", "2020-01-01", "2020-06-30"),
        ("in late 2025", "2025-09-01", "2025-12-31"),
    ])
    func datesAndPeriods(_ text: String, _ start: String, _ end: String) throws {
        let value = try #require(only(text))
        #expect(value.start == start)
        #expect(value.end == end)
    }

    @Test func ratios() {
        #expect(only("about 3x slower than the card")?.number.map { ($0 * 1000).rounded() } == 333)
        #expect(only("roughly double the M2 Ultra")?.number == 2)
        #expect(only("it is twice as fast")?.number == 2)
        #expect(only("40% faster than before")?.number == 1.4)
        #expect(only("rated 8.8/10 overall")?.type == .score)
    }

    @Test func hardNegativesYieldNoMoney() {
        #expect(recognizer.values(in: "600B+ parameter models").allSatisfy { $0.value.type != .quantity })
        #expect(recognizer.values(in: "sustained 8K renders").isEmpty)
    }
}

@Suite struct RangeTests {
    let recognizer = ValueRecognizer(reference: Timestamp.iso8601("2026-03-20T15:15:00Z"))

    @Test(arguments: [
        ("prices range from $1,599 to $1,999 depending on memory", "$1,599–$1,999"),
        ("it costs between $1,599 and $1,999", "$1,599–$1,999"),
        ("scores of 40,000–45,000 points", "40,000–45,000"),
        ("with 96GB to 192GB of memory", "96 GB–192 GB"),
    ])
    func rangesAreOneValue(_ text: String, _ display: String) throws {
        let values = recognizer.values(in: text)
        #expect(values.count == 1)
        #expect(values.first?.value.display == display)
    }

    @Test func aChangeIsNotARange() {
        let values = recognizer.values(in: "the price jumped from $1,600 to $2,000 in March")
        #expect(values.filter { $0.value.type == .money }.count == 2)
    }
}

/// The cheap tests that decide whether an expression runs at all never skip one that would have matched.
@Suite struct ValueGateTests {
    static let sentences = [
        "Apple will ship it in 2026, in early 2027 or by mid-2028.", "The M5 Ultra is 2.5x faster and 30% better than the M4.",
        "It scored 12345 points, up from 2026 and 20261 in 1.2026 runs.", "H12026 or H2 2026? The second half of 2027.",
        "late2026 and the end of 2029", "ship in March 2026 or on March 3, 2027", "nothing here at all",
        "3x more powerful than 1999 models", "year 203 or 20266", "costs $1,599 (2026)", "in　2026 with an ideographic space",
        // Month names after punctuation, digits and dashes, and inside other words.
        "—March 3 and (may 5) and 5jun and \u{201C}Sept 9\u{201D}", "smartphone summary from the market in Amsterdam",
        "the middle of 2026, midway through 2027, Mid-2028", "Today, This Week and LAST MONTH", "late last year and the first half of next year",
        "€1.299 or 999 euros, GBP 5 and Rs. 500", "in a couple of weeks, two years ago", "rated 9/10 at WWDC", "256GB and 2TB",
        "double the speed, half the price", "Q3 or the fourth quarter of 2026",
    ]

    @Test func aSkippedExpressionHasNothingToFind() {
        for sentence in Self.sentences {
            let gates = ValueGates(sentence), range = NSRange(location: 0, length: (sentence as NSString).length)
            for (regex, gate) in ValueGates.expressions where !gates[keyPath: gate] {
                #expect(regex.firstMatch(in: sentence, range: range) == nil, "\(regex.pattern) skipped on \"\(sentence)\" but matches")
            }
        }
    }

    @Test func theGatesLetMostSentencesSkipMostExpressions() {
        let plain = ValueGates("Phones have been popular with buyers for many years.")
        #expect(ValueGates.expressions.filter { plain[keyPath: $0.1] }.isEmpty)
        let dated = ValueGates("The Mac Studio ships in March.")
        #expect(dated.bareMonth && !dated.fullDate && !dated.money)
    }

    @Test func fourDigitRuns() {
        #expect(ValueRecognizer.hasFourDigitRun(Array("in 2026".utf8)) && ValueRecognizer.hasFourDigitRun(Array("2026".utf8)))
        #expect(ValueRecognizer.hasFourDigitRun(Array("12345 and 2026x".utf8)))
        #expect(!ValueRecognizer.hasFourDigitRun(Array("12345 203 20266".utf8)) && !ValueRecognizer.hasFourDigitRun([]))
    }
}

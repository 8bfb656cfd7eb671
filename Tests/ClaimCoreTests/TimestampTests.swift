@testable import ClaimCore
import Foundation
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2016-05-24T13:54:45-07:00", "2016-05-24T20:54:45Z"),
        ("2016-05-24T20:54:45Z", "2016-05-24T20:54:45Z"),
        ("2025-12-31T10:39:03.123-08:00", "2025-12-31T18:39:03Z"),
        ("2026-03-26T10:30:00+0100", "2026-03-26T09:30:00Z"),
        ("2026-03-26", "2026-03-26T00:00:00Z"),
    ])
    func iso8601(_ text: String, _ utc: String) {
        #expect(Timestamp.iso8601(text).map(Timestamp.format) == utc)
    }

    @Test func aZonelessTimeNeedsAnAssumption() {
        #expect(Timestamp.iso8601("2026-03-26T10:30:00") == nil)
        #expect(Timestamp.iso8601("2026-03-26T10:30:00", assumingOffset: 0).map(Timestamp.format) == "2026-03-26T10:30:00Z")
    }

    @Test(arguments: [
        ("Sat, 14 Jun 2025 06:00:00 PDT", "2025-06-14T13:00:00Z"),
        ("Wed, 08 Nov 2023 20:02:40 PST", "2023-11-09T04:02:40Z"),
        ("Tue, 10 Mar 2026 12:00:00 +0000", "2026-03-10T12:00:00Z"),
        ("Monday November 18, 2019 7:45 am PST", "2019-11-18T15:45:00Z"),
        ("Tuesday May 24, 2016 12:05 pm PDT", "2016-05-24T19:05:00Z"),
        ("Tuesday May 24, 2016 12:05 am PDT", "2016-05-24T07:05:00Z"),
    ])
    func looseForms(_ text: String, _ utc: String) {
        #expect(Timestamp.loose(text).map(Timestamp.format) == utc)
    }

    @Test func usEasternWallClockFollowsDaylightSaving() {
        // 2019-11-18 is EST (-5); 2016-05-24 is EDT (-4); 2026 DST starts 8 March at 02:00.
        #expect(Timestamp.usLocal("2019-11-18T10:45:00Z", standardHours: -5).map(Timestamp.format) == "2019-11-18T15:45:00Z")
        #expect(Timestamp.usLocal("2016-05-24T16:54:45Z", standardHours: -5).map(Timestamp.format) == "2016-05-24T20:54:45Z")
        #expect(Timestamp.usLocal("2026-03-08T01:30:00Z", standardHours: -5).map(Timestamp.format) == "2026-03-08T06:30:00Z")
        #expect(Timestamp.usLocal("2026-03-08T03:30:00Z", standardHours: -5).map(Timestamp.format) == "2026-03-08T07:30:00Z")
        #expect(Timestamp.usLocal("2026-11-01T03:00:00", standardHours: -8).map(Timestamp.format) == "2026-11-01T11:00:00Z")
    }

    @Test func calendarArithmeticRoundTrips() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = Date(timeIntervalSince1970: TimeInterval(days) * 86_400 + 3_723)
            let c = Timestamp.components(date)
            #expect(Timestamp.utc(year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, second: c.second) == date)
        }
        #expect(Timestamp.daysIn(month: 2, year: 2024) == 29)
        #expect(Timestamp.daysIn(month: 2, year: 2100) == 28)
    }
}

@Suite struct RegionalZoneTests {
    @Test func usZoneNamesAreReadAsTheRegionsWallClock() {
        // AnandTech writes "EST" in June: the wall clock is Eastern daylight time.
        #expect(Timestamp.loose("on June 29, 2017 9:00 AM EST").map(Timestamp.format) == "2017-06-29T13:00:00Z")
        #expect(Timestamp.loose("Sat, 14 Jun 2025 06:00:00 PDT").map(Timestamp.format) == "2025-06-14T13:00:00Z")
        #expect(Timestamp.loose("Wed, 08 Nov 2023 20:02:40 PST").map(Timestamp.format) == "2023-11-09T04:02:40Z")
    }
}

@Suite struct ZonelessTimeTests {
    @Test func zonelessTimesNeedAnExplicitAssumption() {
        #expect(Timestamp.loose("July 30 2026 11:54 PM") == nil)
        #expect(Timestamp.loose("July 30 2026 11:54 PM", assumingOffset: 0).map(Timestamp.format) == "2026-07-30T23:54:00Z")
        #expect(Timestamp.loose("November 5th 2022, 4:05pm", assumingOffset: 0).map(Timestamp.format) == "2022-11-05T16:05:00Z")
    }
}

/// Ordinal days in bylines and the byte search the cue lists run on.
@Suite struct OrdinalAndSearchTests {
    @Test(arguments: [
        ("Monday November 18th, 2019 7:45 am PST", "2019-11-18T15:45:00Z"),
        ("Sat, 1st Mar 2025 10:00:00 +0000", "2025-03-01T10:00:00Z"),
        ("March 22nd 2026 9:00 am UTC", "2026-03-22T09:00:00Z"),
        ("June 3rd, 2026 12:00 pm UTC", "2026-06-03T12:00:00Z"),
    ])
    func ordinalDaysAreRead(text: String, expected: String) {
        #expect(Timestamp.loose(text).map(Timestamp.format) == expected)
    }

    @Test func onlyShortDayNumbersLoseTheirSuffix() {
        #expect(Timestamp.withoutOrdinal("18th") == "18" && Timestamp.withoutOrdinal("1st") == "1")
        for kept in ["123rd", "th", "18thx", "4th5", "Xth", "18", "１8th"] { #expect(Timestamp.withoutOrdinal(Substring(kept)) == kept) }
    }

    @Test(arguments: [
        ("rumors point toward june", "point", 7), ("aaab", "aab", 1), ("abc", "abc", 0), ("abc", "c", 2),
        ("abc", "abcd", nil), ("", "a", nil), ("abc", "", 0), ("ab ab ab", "ab ab ab", 0), ("xxaxab", "xab", 3), ("é is é", "é", 0),
    ] as [(String, String, Int?)])
    func byteSearchFindsTheFirstOccurrence(haystack: String, needle: String, offset: Int?) {
        #expect(LowercasedText(haystack).offset(of: needle) == offset)
    }
}

/// Page keys: one article under the URLs it has had over the years; different pages stay different.
@Suite struct PageKeyTests {
    @Test func oneArticleUnderItsURLs() {
        let key = Links.pageKey("https://www.macrumors.com/2016/05/24/apple-siri-sdk-amazon-echo-competitor/")
        for variant in ["http://www.macrumors.com/2016/05/24/apple-siri-sdk-amazon-echo-competitor/",
                        "https://macrumors.com/2016/05/24/apple-siri-sdk-amazon-echo-competitor",
                        "HTTPS://WWW.MacRumors.com:443/2016/05/24/apple-siri-sdk-amazon-echo-competitor/#comments",
                        "https://www.macrumors.com/2016/05/24/apple-siri-sdk-amazon-echo-competitor/?utm_source=feed&utm_medium=rss"] {
            #expect(Links.pageKey(variant) == key, "\(variant)")
        }
    }

    @Test func differentPagesStayDifferent() {
        #expect(Links.pageKey("https://news.ycombinator.com/item?id=1") != Links.pageKey("https://news.ycombinator.com/item?id=2"))
        #expect(Links.pageKey("https://a.example/x") != Links.pageKey("https://b.example/x"))
        #expect(Links.pageKey("https://a.example/x") != Links.pageKey("https://a.example/x/y"))
        #expect(Links.pageKey("https://a.example:8080/x") != Links.pageKey("https://a.example/x"))
        #expect(Links.pageKey("file:///tmp/page.html") == "file:///tmp/page.html")
        #expect(Links.pageKey("not a url") == "not a url")
    }
}

@Suite struct DayFormatTests {
    @Test(arguments: [
        (2026, 3, 6, "2026-03-06"), (999, 12, 31, "0999-12-31"), (12026, 1, 1, "12026-01-01"), (-5, 1, 1, "-005-01-01"),
    ])
    func zeroPaddedAsPrintfWould(_ year: Int, _ month: Int, _ day: Int, _ written: String) {
        #expect(Timestamp.day(year: year, month: month, day: day) == written)
        #expect(written == String(format: "%04d-%02d-%02d", year, month, day))
    }

    @Test func instantsFormatInUTC() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_775_000_000)) == "2026-03-31T23:33:20Z")
        #expect(Timestamp.day(Date(timeIntervalSince1970: 0)) == "1970-01-01")
    }
}

@Suite struct ByteSearchTests {
    @Test func aWordStartIsAfterNoLetter() {
        let text = LowercasedText("A smartphone — March's launch, (may) 5jun")
        #expect(text.hasWord(startingWith: "mar"))  // after "— "
        #expect(text.hasWord(startingWith: "may"))  // after "("
        #expect(text.hasWord(startingWith: "jun"))  // after a digit
        #expect(!text.hasWord(startingWith: "art"))  // only inside "smartphone"
        #expect(!LowercasedText("summary").hasWord(startingWith: "mar"))
        #expect(LowercasedText("—mar").hasWord(startingWith: "mar"))
    }

    @Test func stringSearchKeepsFoundationsAnswers() {
        for (text, other) in [("sold out", "out"), ("sold out", "sold  out"), ("", ""), ("abc", ""), ("prix €99", "€9"), ("ab", "abc")] {
            #expect(text.contains(other) == (text.range(of: other) != nil), "\(text) / \(other)")
        }
    }
}

import ClaimCore
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

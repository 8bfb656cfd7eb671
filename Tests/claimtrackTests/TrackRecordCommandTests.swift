import Foundation
import Testing

/// `track-record` on the sample: its third run resolves the M5 Ultra's launch (after a June rumour, an autumn
/// report and a "late October" one) and its multi-core score (after a leak of about 45,000).
@Suite struct TrackRecordCommandTests {
    @Test func theSampleShowsRightPartlyRightAndWrongCalls() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let result = try CLI.run(["track-record", "--json", "--workspace", workspace.path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let judgements = try #require(report["judgements"] as? [[String: Any]])
        let calls = judgements.map { "\($0["question"]!) \($0["publisher"]!) \($0["value"]!) \($0["verdict"]!)" }.sorted()
        #expect(calls == ["m5-ultra-launch 9to5Mac 2026-10-21…2026-10-31 right",
                          "m5-ultra-launch MacRumors 2026-06-01…2026-06-30 wrong",
                          "m5-ultra-launch Tom's Hardware 2026-09-01…2026-12-31 partly",
                          "m5-ultra-multicore MacRumors 45,000 partly"], "\(calls)")
        // Lead time from the claim to Apple's announcement of October 15.
        let toms = try #require(judgements.first { $0["publisher"] as? String == "Tom's Hardware" })
        #expect((toms["leadDays"] as? Double).map { abs($0 - 205) < 0.01 } == true)
        let publishers = try #require(report["publishers"] as? [[String: Any]])
        let macrumors = try #require(publishers.first { $0["name"] as? String == "MacRumors" }?["record"] as? [String: Any])
        #expect(macrumors["judged"] as? Int == 2 && macrumors["partly"] as? Int == 1 && macrumors["wrong"] as? Int == 1)

        let text = try CLI.run(["track-record", "--workspace", workspace.path]).stdout
        #expect(text.hasPrefix("4 claims judged on 2 resolved questions"))
        #expect(text.contains("9to5Mac                  1       1      0       0      1.00 (0.21–1.00)    17 days"), "\(text)")
        // By plugin id (its sites) or by publisher name; by attribute.
        let macrumorsOnly = try CLI.run(["track-record", "--source", "macrumors", "--json", "--workspace", workspace.path]).stdout
        #expect(macrumorsOnly.contains("\"publisher\" : \"MacRumors\"") && !macrumorsOnly.contains("\"publisher\" : \"9to5Mac\""))
        let byName = try CLI.run(["track-record", "--source", "tom's hardware", "--workspace", workspace.path]).stdout
        #expect(byName.hasPrefix("1 claim judged on 1 resolved question "), "\(byName)")
        let scores = try CLI.run(["track-record", "--attribute", "geekbench.multi-core", "--workspace", workspace.path]).stdout
        #expect(scores.hasPrefix("1 claim judged on 1 resolved question "))
        let calibration = try CLI.run(["track-record", "--calibration", "--workspace", workspace.path]).stdout
        #expect(calibration.contains("rumored") && calibration.contains("leaked") && calibration.contains("reported"), "\(calibration)")
        #expect(try CLI.run(["track-record", "--source", "nobody", "--workspace", workspace.path]).stdout == "no judged claims match\n")
        // The digest shows each source's record next to its name.
        let digest = try CLI.run(["export", "--workspace", workspace.path]).stdout
        #expect(digest.contains("- MacRumors: 7 pages — track record: 0 right, 1 partly, 1 wrong of 2 judged (share right 0.00, 95% 0.00–0.66)"))
        #expect(digest.contains("- Hacker News: 1 page\n"))
    }

    @Test func beforeAnyQuestionResolvedAfterItsClaimsThereIsNothingToJudge() throws {
        let workspace = try CLI.marchSampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let result = try CLI.run(["track-record", "--workspace", workspace.path])
        #expect(result.status == 0 && result.stdout == "no resolved question has claims made before it resolved\n", "\(result.stdout)")
    }

    @Test func theReadmeShowsWhatTrackRecordPrintsOnTheSample() throws {
        let readme = try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```\n$ claimtrack track-record\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let shown = String(readme[start.upperBound..<end.lowerBound])
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let printed = try CLI.run(["track-record", "--workspace", workspace.path]).stdout
        #expect(printed.hasPrefix(shown), "README:\n\(shown)\nprinted:\n\(printed)")
    }
}

import Foundation
import Testing

/// The digest of the sample archive in every format, compared byte for byte with committed files.
/// `CLAIMTRACK_UPDATE_GOLDEN=1 swift test --filter DigestGoldenTests` rewrites them — and fails, so a new
/// baseline is never passed silently.
@Suite struct DigestGoldenTests {
    static let folder = CLI.repository.appendingPathComponent("Tests/claimtrackTests/Golden")

    @Test(arguments: ["markdown": "digest.md", "json": "digest.json", "html": "digest.html"].sorted { $0.key < $1.key })
    func digestMatchesItsGoldenFile(_ format: String, _ file: String) throws {
        // A workspace folder with a fixed name, so the digest's header is the same on every machine.
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let workspace = parent.appendingPathComponent("sample")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Archive"), to: workspace.appendingPathComponent("Archive"))
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Sample/Questions.list"), to: workspace.appendingPathComponent("Questions.list"))
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let result = try CLI.run(["export", "--format", format, "--workspace", workspace.path])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = Self.folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["CLAIMTRACK_UPDATE_GOLDEN"] == "1" {
            try Data(result.stdout.utf8).write(to: golden)
            Issue.record("rewrote \(golden.path); run the tests again without CLAIMTRACK_UPDATE_GOLDEN")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.stdout == expected, "\(file) differs from the golden file; if the change is intended, rewrite it with CLAIMTRACK_UPDATE_GOLDEN=1")
        // The same store gives byte-identical output.
        #expect(try CLI.run(["export", "--format", format, "--workspace", workspace.path]).stdout == result.stdout)
    }

    @Test func filtersNarrowTheDigest() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let one = try CLI.run(["export", "--format", "json", "--question", "m5-ultra-metal", "--workspace", workspace.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect((json["unresolved"] as? [[String: Any]])?.map { $0["id"] as? String } == ["m5-ultra-metal"])
        #expect((json["resolved"] as? [Any])?.isEmpty == true)
        let confident = try CLI.run(["export", "--format", "json", "--min-confidence", "0.9", "--workspace", workspace.path])
        let high = try #require(try JSONSerialization.jsonObject(with: Data(confident.stdout.utf8)) as? [String: Any])
        let scores = (high["references"] as? [Any])?.count ?? 0
        #expect(scores > 0)
        #expect(!confident.stdout.contains("\"label\" : \"rumored\""))
        let recent = try CLI.run(["export", "--since", "2026-03-20", "--workspace", workspace.path]).stdout
        #expect(!recent.contains("Rumors point toward"))
        #expect(try CLI.run(["export", "--question", "nope", "--workspace", workspace.path]).status == 64)
    }
}

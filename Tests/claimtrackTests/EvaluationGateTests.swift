import Foundation
import TestSupport
import Testing

/// The extractor may not get worse on the committed gold sets than the committed baseline.
@Suite struct EvaluationGateTests {
    static let baseline: [String: [String: Double]] = {
        let url = CLI.repository.appendingPathComponent("Evaluation/baseline.json")
        guard let data = try? Data(contentsOf: url), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? [String: Double] }
    }()

    @Test(arguments: ["extraction-gold.jsonl", "extraction-heldout.jsonl"])
    func noMetricDropsBelowTheBaseline(_ set: String) throws {
        let floor = try #require(Self.baseline[set], "Evaluation/baseline.json has no entry for \(set)")
        let result = try CLI.run(["evaluate", "--gold", CLI.repository.appendingPathComponent("Evaluation/\(set)").path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let metrics = try #require(report["metrics"] as? [[String: Any]])
        #expect(metrics.count == 3)
        for metric in metrics {
            let name = try #require(metric["name"] as? String)
            let f1 = try #require(metric["f1"] as? Double)
            let minimum = try #require(floor[name], "no baseline for \(name)")
            #expect(f1 >= minimum - 0.0005, "\(set): \(name) F1 \(f1) fell below the baseline \(minimum)")
        }
    }

    /// The real-prose set (`../shared/corpus/prose`, read in place) through the real path: no F1 below the
    /// baseline, no more hard negatives violated than it allows. Skipped, saying so, when the corpus is absent.
    @Test func realProseDoesNotGetWorse() throws {
        let folder = CorpusFolder.url.appendingPathComponent("prose")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("GOLD.json").path) else {
            print("skipped: the real-prose gate: \(folder.path) is absent (set CLAIMTRACK_CORPUS)")
            return
        }
        let floor = try #require(Self.baseline["prose"], "Evaluation/baseline.json has no entry for prose")
        let result = try CLI.run(["evaluate", "--prose", folder.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let metrics = try #require(report["metrics"] as? [[String: Any]])
        #expect(metrics.count == 3)
        for metric in metrics {
            let name = try #require(metric["name"] as? String)
            let f1 = try #require(metric["f1"] as? Double)
            let minimum = try #require(floor[name], "no baseline for \(name)")
            #expect(f1 >= minimum - 0.0005, "prose: \(name) F1 \(f1) fell below the baseline \(minimum)")
        }
        let violated = try #require(report["negativesViolated"] as? Int)
        #expect(Double(violated) <= floor["negativesViolated"] ?? 0, "prose: \(violated) hard negatives violated")
        #expect((report["pages"] as? [Any])?.count == 30)
    }

    @Test func aBrokenGoldLineIsReportedWithItsLineNumber() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString).jsonl")
        try Data("{\"source\": \"x\", \"stated\": \"2026-01-01T00:00:00Z\", \"sentence\": \"s\", \"claims\": []}\n{oops\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["evaluate", "--gold", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file.lastPathComponent):2: error: not a gold sentence"))
    }
}

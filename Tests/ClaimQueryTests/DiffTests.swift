import ClaimCore
import ClaimQuery
import ClaimResolver
import ClaimStore
import Foundation
import Testing

/// `Snapshot.diff` pairs off claims stored identically before decoding the rest; whatever the pages hold,
/// it must report exactly what comparing every live claim of both runs reports.
@Suite struct SnapshotDiffTests {
    let runs = ["2026-04-01T00:00:00Z", "2026-04-02T00:00:00Z"]

    func price(_ qualifier: String, _ amount: Double, label: Confidence.Label = .reported, position: Int) -> Claim {
        Claim(subject: "Mac Studio", attribute: "price", qualifier: qualifier,
              value: Value(type: .money, text: "$\(Int(amount))", number: amount, currency: "USD"),
              confidence: Confidence(score: 0.7, label: label, reasons: []), quote: "It costs $\(Int(amount)).", statedAt: nil, position: position)
    }

    func store(_ pages: [[String: [Claim]]], in folder: URL) throws -> Store {
        let store = try Store(file: folder.appendingPathComponent(".claimtrack/store.sqlite"))
        for (number, run) in runs.enumerated() {
            let started = Timestamp.iso8601(run)!
            try store.save(run: Run(id: run, started: started, warcFile: "run-\(number).warc.gz"))
            for (offset, (url, claims)) in pages[number].sorted(by: { $0.key < $1.key }).enumerated() {
                let capture = CaptureRow(recordID: "<urn:uuid:\(number)-\(url)>", run: run, source: "macrumors", warcFile: "run-\(number).warc.gz",
                                         offset: offset, targetURI: url, document: Document(url: url, source: "macrumors", kind: .article),
                                         retrieved: started, status: 200, payloadDigest: "sha1:\(number)-\(url)", diagnostics: [])
                try store.insert(capture: capture, claims: claims)
            }
        }
        return store
    }

    func summary(_ diff: ClaimDiff) -> [String] {
        func say(_ claim: Claim) -> String { "\(claim.citation?.url ?? "") \(claim.qualifier ?? "") \(claim.value.display) \(claim.confidence.label)" }
        return (diff.added.map { "+ " + say($0) } + diff.retracted.map { "- " + say($0) }
            + diff.changed.map { "~ " + say($0.old) + " → " + say($0.new) }).sorted()
    }

    @Test func pairingStoredStatementsFirstGivesTheSameDiffAsComparingEveryClaim() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first: [String: [Claim]] = [
            "https://a.example/same": [price("base", 1_999, position: 0), price("256GB", 2_199, position: 1)],
            // Reordered, one duplicate dropped, one value changed, one label changed, one added, one removed.
            "https://a.example/edited": [price("base", 1_999, position: 0), price("base", 1_999, position: 1), price("512GB", 2_399, position: 2),
                                         price("1TB", 2_799, position: 3), price("2TB", 3_199, position: 4)],
            "https://a.example/gone-claims": [price("base", 999, position: 0)],
        ]
        let second: [String: [Claim]] = [
            "https://a.example/same": [price("base", 1_999, position: 0), price("256GB", 2_199, position: 1)],
            "https://a.example/edited": [price("512GB", 2_499, position: 0), price("base", 1_999, position: 1),
                                         price("1TB", 2_799, label: .official, position: 2), price("8TB", 4_999, position: 3)],
            "https://a.example/gone-claims": [],
            "https://a.example/new": [price("base", 1_899, position: 0)],
        ]
        let store = try store([first, second], in: folder)
        let workspace = Workspace(root: folder)
        let fast = try Snapshot.diff(workspace, store: store, from: runs[0], to: runs[1])
        let full = ClaimDiff.compute(from: runs[0], to: runs[1], old: (try store.liveClaims(asOf: runs[0]), [], []),
                                     new: (try store.liveClaims(asOf: runs[1]), [], []))
        #expect(summary(fast) == summary(full))
        #expect(summary(fast) == [
            "+ https://a.example/edited 8TB $4,999 reported",
            "+ https://a.example/new base $1,899 reported",
            "- https://a.example/edited 2TB $3,199 reported",
            "- https://a.example/edited base $1,999 reported",
            "- https://a.example/gone-claims base $999 reported",
            "~ https://a.example/edited 1TB $2,799 reported → https://a.example/edited 1TB $2,799 official",
            "~ https://a.example/edited 512GB $2,399 reported → https://a.example/edited 512GB $2,499 reported",
        ])
    }
}

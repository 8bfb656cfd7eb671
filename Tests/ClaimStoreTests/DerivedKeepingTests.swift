import ClaimStore
import Foundation
import TestSupport
import Testing

/// Two writers keeping the same derived result at once (two fetchers finishing together on one PostgreSQL
/// store keep the latest run's resolution under one key): neither fails, and one row stays.
@Suite struct DerivedKeepingTests {
    @Test func twoWritersKeepTheSameKeyAtOnce() throws {
        guard let cluster = PostgreSQLCluster.orSkipNotice() else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-derived-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = "derived_\(UUID().uuidString.prefix(8).lowercased())"
        let location = try StoreLocation.named(cluster.storeURL(schema: schema), workspaceFile: folder)
        let stores = try (0..<2).map { _ in try Store(location) }
        let failures = NSLock()
        nonisolated(unsafe) var failed: [String] = []
        DispatchQueue.concurrentPerform(iterations: 40) { round in
            do {
                try stores[round % 2].keepDerived("questions|rules 2|run \(round / 4)", kind: "questions", json: "[\(round)]")
            } catch {
                failures.withLock { failed.append("\(error)") }
            }
        }
        #expect(failed.isEmpty, "\(failed)")
        #expect(try cluster.query("SELECT COUNT(*) FROM derived WHERE key = 'questions|rules 2|run 9'", schema: schema) == ["1"])
    }
}

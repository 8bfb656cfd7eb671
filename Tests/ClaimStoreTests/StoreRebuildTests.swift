import ClaimCore
@testable import ClaimStore
import Foundation
import Testing

/// A rebuild replaces the store only once it is complete; until then, and after a failure, the old one stands.
@Suite struct StoreRebuildTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-rebuild-\(UUID().uuidString)")
    var file: URL { folder.appendingPathComponent("store.sqlite") }

    /// Stores one run with one capture of `url`.
    func fill(_ store: Store, run: String, url: String) throws {
        try store.save(run: Run(id: run, started: Date(), warcFile: "claimtrack-\(run).warc.gz"))
        try store.insert(capture: CaptureRow(recordID: "<urn:uuid:\(run)>", run: run, source: "macrumors", warcFile: "claimtrack-\(run).warc.gz",
                                             offset: 0, targetURI: url, document: Document(url: url, source: "macrumors", kind: .article),
                                             retrieved: Date(), status: 200, payloadDigest: "sha1:\(run)", diagnostics: []),
                         claims: [])
    }

    func runIDs() throws -> [String] { try Store(file: file).runs().map(\.id) }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "store.sqlite" }.sorted()
    }

    @Test func aCompleteRebuildReplacesTheStore() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try fill(try Store(file: file), run: "old", url: "https://example.com/old")
        let stored = try Store.rebuild(at: file) { store in
            try fill(store, run: "new", url: "https://example.com/new")
            return try store.runs().count
        }
        #expect(stored == 1)
        #expect(try runIDs() == ["new"])
        let rest = try leftovers()
        #expect(rest.allSatisfy { $0.hasPrefix("store.sqlite-") }, "only the store's own WAL files remain: \(rest)")
    }

    @Test func aFailedRebuildLeavesTheOldStoreAndTheNextOneStartsClean() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        struct Interrupted: Error {}
        // The old store is still open elsewhere (a WAL with frames not yet folded in), as when a reader runs.
        let old = try Store(file: file)
        try fill(old, run: "old", url: "https://example.com/old")
        #expect(throws: Interrupted.self) {
            try Store.rebuild(at: file) { store in
                try fill(store, run: "half", url: "https://example.com/half")
                throw Interrupted()
            }
        }
        #expect(try runIDs() == ["old"])
        #expect(try old.runs().map(\.id) == ["old"])
        try Store.rebuild(at: file) { store in try fill(store, run: "new", url: "https://example.com/new") }
        #expect(try runIDs() == ["new"])
        let rest = try leftovers()
        #expect(!rest.contains { $0.contains("rebuilding") }, "the half-built store was removed: \(rest)")
    }

    @Test func aRebuildFinishedButNotMovedIsPutInPlaceByTheNextOpen() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // The old store killed with its WAL holding data: that WAL must not be replayed into the new store.
        let old = try Store(file: file)
        try fill(old, run: "old", url: "https://example.com/old")
        #expect(FileManager.default.fileExists(atPath: file.path + "-wal"))
        // A rebuild that finished and was marked complete, then the process died before moving it.
        let finished = try Store(file: Store.completeFile(file))
        try fill(finished, run: "new", url: "https://example.com/new")
        try finished.finishWriting()
        #expect(try runIDs() == ["new"])
        #expect(!FileManager.default.fileExists(atPath: Store.completeFile(file).path))
        #expect(try Store(file: file).liveClaims().isEmpty)
        #expect(try Store(file: file).pageVersions(asOf: nil, anyStatus: true).map(\.url) == ["https://example.com/new"])
    }
}

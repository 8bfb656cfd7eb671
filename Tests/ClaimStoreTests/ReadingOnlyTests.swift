import ClaimCore
@testable import ClaimStore
import Foundation
import GRDB
import Testing

/// A store opened for reading writes nothing: no migration, no file of its own.
@Suite struct ReadingOnlyTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-readonly-\(UUID().uuidString)")
    var file: URL { folder.appendingPathComponent("store.sqlite") }

    @Test func aMissingStoreReadsAsEmptyAndIsNotCreated() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(readingOnly: file)
        #expect(try store.runIDs().isEmpty && store.liveClaims().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func anOlderSchemaIsReportedNotMigrated() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A store as the build before excerpts left it.
        let old = try DatabaseQueue(path: file.path)
        try Schema.migrator.migrate(old, upTo: "v8-add-capture-links")
        try old.close()
        let bytes = try Data(contentsOf: file)
        #expect(throws: StoreError.self) { try Store(readingOnly: file) }
        do { _ = try Store(readingOnly: file) } catch let error as StoreError { #expect(error.isOutdated) }
        #expect(try Data(contentsOf: file) == bytes)
        // A writer brings it up to date; then it reads.
        try Store(file: file).finishWriting()
        #expect(try Store(readingOnly: file).runIDs().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: file.path + "-wal"))  // the writer left it standing alone
    }

    @Test func aReaderCannotWrite() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try Store(file: file).finishWriting()
        let reader = try Store(readingOnly: file)
        #expect(throws: StoreError.self) { try reader.save(run: Run(id: "2026-04-01T00:00:00Z", started: Date(), warcFile: "x.warc.gz")) }
    }
}

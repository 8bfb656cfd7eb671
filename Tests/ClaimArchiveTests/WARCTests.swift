@testable import ClaimArchive
import ClaimCore
import Foundation
import Testing

@Suite struct WARCTests {
    func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-\(UUID().uuidString).warc.gz")
    }

    @Test func recordsRoundTripWithDigests() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let writer = try WARCWriter(file: file)
        let body = Data("<html>été</html>".utf8)
        let record = WARCWriter.header(type: "resource", date: Date(timeIntervalSince1970: 0), target: "file:///x.html",
                                       contentType: "text/html", block: body, extra: [("WARC-Payload-Digest", WARCDigest.sha1(body))])
        let written = try writer.write([record, record])
        #expect(written[0].offset == 0 && written[1].offset > 0)
        var read: [WARCReader.Located] = []
        let problems = try WARCReader.forEach(in: file) { read.append($0) }
        #expect(problems.isEmpty)
        #expect(read.count == 2)
        #expect(read[1].offset == written[1].offset)
        #expect(read[0].record.block == body)
        #expect(read[0].record["WARC-Block-Digest"] == WARCDigest.sha1(body))
        #expect(read[0].record["WARC-Date"] == "1970-01-01T00:00:00Z")
    }

    /// The file is read a chunk at a time: records longer than a chunk, and members that straddle chunk
    /// edges, come out exactly as a walk over the whole file in memory gives them.
    @Test func aFileReadInChunksGivesTheSameRecordsAsTheWholeFile() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let writer = try WARCWriter(file: file)
        var generator = SystemRandomNumberGenerator()
        let date = Date(timeIntervalSince1970: 1_773_000_000)
        for size in [500, 3 << 20, 700_000, 10, 1 << 20] {
            // Random bytes do not compress, so a 3 MiB block is a 3 MiB member.
            let block = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
            try writer.write([WARCWriter.header(type: "resource", date: date, target: "https://example.com/\(size)",
                                                contentType: "application/octet-stream", block: block)])
        }
        try writer.synchronize()
        var streamed: [(Int, Int, Int)] = [], whole: [(Int, Int, Int)] = []
        #expect(try WARCReader.forEach(in: file) { streamed.append(($0.offset, $0.length, $0.record.block.count)) }.isEmpty)
        #expect(try WARCReader.forEach(in: try Data(contentsOf: file), named: file.lastPathComponent) {
            whole.append(($0.offset, $0.length, $0.record.block.count))
        }.isEmpty)
        #expect(streamed.map(\.2) == [500, 3 << 20, 700_000, 10, 1 << 20])
        #expect(streamed.map(\.0) == whole.map(\.0) && streamed.map(\.1) == whole.map(\.1))
        // Cut inside the long record: the first record is delivered, the torn one reported at its offset.
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(streamed[1].0 + 2_000_000))
        try handle.close()
        var delivered = 0
        let problems = try WARCReader.forEach(in: file) { _ in delivered += 1 }
        #expect(delivered == 1)
        #expect(problems.count == 1 && "\(problems[0])".contains("at offset \(streamed[1].0)"))
    }

    @Test func sha1IsBase32AsWarcToolsExpect() {
        // SHA-1("abc") = a9993e36…; in base32: VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5.
        #expect(WARCDigest.sha1(Data("abc".utf8)) == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5")
    }

    @Test func aTornFinalRecordIsReportedWithItsOffsetAndTheRestIsRead() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let writer = try WARCWriter(file: file)
        let record = WARCWriter.header(type: "resource", date: Date(), target: "file:///x", contentType: "text/plain",
                                       block: Data(String(repeating: "claim ", count: 2000).utf8))
        let written = try writer.write([record, record])
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(size - 20))
        try handle.close()
        var count = 0
        let problems = try WARCReader.forEach(in: file) { _ in count += 1 }
        #expect(count == 1)
        #expect(problems.last?.description.contains("at offset \(written[1].offset)") == true)
    }

    /// A flipped byte in a record in the middle is that record's damage alone: it is reported at its offset
    /// and every record after it is read. A damaged final record that is whole is damage too, not a torn tail.
    @Test func aDamagedRecordIsSkippedAndTheRestRead() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let writer = try WARCWriter(file: file)
        let records = (0..<6).map { index in
            WARCWriter.header(type: "resource", date: Date(), target: "file:///\(index)", contentType: "text/plain",
                              block: Data(String(repeating: "claim \(index) ", count: 500).utf8))
        }
        let written = try writer.write(records)
        var bytes = try Data(contentsOf: file)
        bytes[written[2].offset + 40] ^= 0x55
        try bytes.write(to: file)
        var read: [String] = []
        let problems = try WARCReader.forEach(in: file) { read.append($0.record.targetURI ?? "") }
        #expect(read == ["file:///0", "file:///1", "file:///3", "file:///4", "file:///5"])
        #expect(problems.count == 1)
        guard case .corrupt(_, let offset, let reason)? = problems.first else { Issue.record("\(problems)"); return }
        #expect(offset == written[2].offset && reason.contains("skipped to the next record, at offset \(written[3].offset)"))
        #expect(try ArchiveCheck.setAsideTornTail(file) == nil)

        bytes = try Data(contentsOf: file)
        bytes[bytes.count - 6] ^= 0x55  // the last member's CRC-32: the record is whole, its check fails
        try bytes.write(to: file)
        let last = try WARCReader.forEach(in: file) { _ in }
        #expect(last.count == 2)
        if case .corrupt(_, let offset, _)? = last.last { #expect(offset == written[5].offset) } else { Issue.record("\(last)") }
        #expect(try ArchiveCheck.setAsideTornTail(file) == nil)
    }
}

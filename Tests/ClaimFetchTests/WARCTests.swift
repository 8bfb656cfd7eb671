@testable import ClaimFetch
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
        let problem = try WARCReader.forEach(in: file) { read.append($0) }
        #expect(problem == nil)
        #expect(read.count == 2)
        #expect(read[1].offset == written[1].offset)
        #expect(read[0].record.block == body)
        #expect(read[0].record["WARC-Block-Digest"] == WARCDigest.sha1(body))
        #expect(read[0].record["WARC-Date"] == "1970-01-01T00:00:00Z")
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
        let problem = try WARCReader.forEach(in: file) { _ in count += 1 }
        #expect(count == 1)
        #expect(problem?.description.contains("at offset \(written[1].offset)") == true)
    }
}

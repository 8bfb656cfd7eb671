import ClaimCore
@testable import ClaimArchive
import Foundation
import Testing

/// What a capture is, decided once from what the server sent, archived with the record and read back.
@Suite struct CaptureDispositionTests {
    let html = Data("<html><body><p>The Mac Studio ships in June.</p></body></html>".utf8)
    let challenge = Data("<html><head><title>Just a moment...</title></head></html>".utf8)

    func decide(_ status: Int, _ type: String? = "text/html", coding: String? = nil, truncated: Bool = false, body: Data? = nil)
        -> (CaptureDisposition, String?) {
        let decided = CaptureDisposition.of(status: status, contentType: type, contentCoding: coding, truncated: truncated, body: body ?? html)
        return (decided.disposition, decided.detail)
    }

    @Test func eachResponseIsDecidedInOneOrder() {
        #expect(decide(200) == (.page, nil))
        #expect(decide(203, "application/xhtml+xml; charset=utf-8") == (.page, nil))
        #expect(decide(304, nil, body: Data()) == (.notModified, nil))
        #expect(decide(200, truncated: true) == (.truncated, nil))
        #expect(decide(200, coding: "br") == (.notAPage, nil))
        #expect(decide(200, "image/png", body: Data([0x89, 0x50, 0x4e, 0x47])) == (.notAPage, nil))
        #expect(decide(404) == (.failed, nil))
        #expect(decide(410) == (.failed, nil))
        // A challenge is named whatever the status it came with; a page cut short is never read for one.
        #expect(decide(503, body: challenge) == (.challenge, "Cloudflare"))
        #expect(decide(200, body: challenge) == (.challenge, "Cloudflare"))
        #expect(decide(200, truncated: true, body: challenge) == (.truncated, nil))
    }

    @Test func theHeaderRoundTripsEveryDisposition() {
        for disposition in CaptureDisposition.allCases {
            for detail in [nil, "Cloudflare"] as [String?] {
                let value = CaptureDisposition.headerValue(disposition, detail: detail)
                let parsed = CaptureDisposition.parse(value)
                #expect(parsed?.disposition == disposition && parsed?.detail == detail, "\(value)")
            }
        }
        #expect(CaptureDisposition.parse("challenge;  DataDome ")?.detail == "DataDome")
        #expect(CaptureDisposition.parse("quarantined") == nil)
    }

    /// A record's written decision is read back as it stands; a record archived before decisions were
    /// written (no header) is decided when it is scanned, from the same rules.
    @Test func theScannerReadsTheArchivedDecisionOrTakesItForOlderRecords() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-disposition-\(UUID().uuidString).warc.gz")
        defer { try? FileManager.default.removeItem(at: file) }
        func response(_ target: String, _ head: String, body: Data, disposition: String?) -> WARCRecord {
            var extra = [(ArchiveScanner.sourceHeader, "macrumors")]
            if let disposition { extra.append((CaptureDisposition.header, disposition)) }
            return WARCWriter.header(type: "response", date: Date(timeIntervalSince1970: 1_780_000_000), target: target,
                                     contentType: "application/http;msgtype=response", block: Data(head.utf8) + body, extra: extra)
        }
        let ok = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        let writer = try WARCWriter(file: file)
        _ = try writer.write([
            response("https://www.macrumors.com/written", ok, body: html, disposition: "challenge; Cloudflare"),
            response("https://www.macrumors.com/gone", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n", body: html, disposition: nil),
            response("https://www.macrumors.com/wall", "HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\n\r\n", body: challenge, disposition: nil),
            response("https://www.macrumors.com/page", ok, body: html, disposition: nil),
        ])
        var seen: [String: (CaptureDisposition, String?, Int)] = [:]
        _ = try ArchiveScanner.scan(file) { capture in
            seen[capture.targetURI] = (capture.disposition, capture.dispositionDetail, capture.status)
        }
        #expect(seen["https://www.macrumors.com/written"]! == (.challenge, "Cloudflare", 200))
        #expect(seen["https://www.macrumors.com/gone"]! == (.failed, nil, 404))
        #expect(seen["https://www.macrumors.com/wall"]! == (.challenge, "Cloudflare", 403))
        #expect(seen["https://www.macrumors.com/page"]! == (.page, nil, 200))
    }
}

import ClaimArchive
import Foundation

/// The archive reader as `reparse` and `verify` use it: gzip members, WARC records, HTTP messages.
let warcTarget = FuzzTarget(
    name: "warc",
    summary: "WARC reader: gzip members, record headers, HTTP responses, captures",
    seedPaths: ["Archive", "Fuzz/Seeds/warc"],
    run: { data in
        _ = try? ArchiveScanner.scan(data, named: "fuzz.warc.gz") { capture in _ = capture.page.body.count }
        // Seeds include bare (uncompressed) records, so headers and HTTP framing are mutated directly too.
        if let record = try? WARCRecord.parse(data) { _ = try? HTTPMessage.parse(record.block) }
        _ = try? HTTPMessage.parse(data)
    }
)

import ClaimCore
import Foundation

/// Appends records to one run's WARC file, one gzip member per record, flushed to disk after each
/// exchange: a record on disk is the commit point of a capture.
public final class WARCWriter {
    public let file: URL
    private let handle: FileHandle
    public private(set) var offset: Int

    /// Where a record landed.
    public struct Written: Sendable, Equatable {
        public var id: String
        public var offset: Int
        public var payloadDigest: String?
    }

    public init(file: URL) throws {
        self.file = file
        if !FileManager.default.fileExists(atPath: file.path) {
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw FetchError.unreadableFile(path: file.path, reason: "cannot create the WARC file")
            }
        }
        do {
            handle = try FileHandle(forWritingTo: file)
            offset = Int(try handle.seekToEnd())
        } catch {
            throw FetchError.unreadableFile(path: file.path, reason: "cannot open for writing: \(error)")
        }
    }

    deinit { try? handle.close() }

    /// A fresh record id.
    public static func newRecordID() -> String { "<urn:uuid:\(UUID().uuidString.lowercased())>" }

    /// Writes records and forces them to disk.
    @discardableResult
    public func write(_ records: [WARCRecord]) throws -> [Written] {
        var written: [Written] = []
        var chunk = Data()
        for record in records {
            let member = try Gzip.compress(record.serialized())
            written.append(Written(id: record.id, offset: offset + chunk.count, payloadDigest: record["WARC-Payload-Digest"]))
            chunk.append(member)
        }
        do {
            try handle.write(contentsOf: chunk)
            try handle.synchronize()
        } catch {
            throw FetchError.unreadableFile(path: file.path, reason: "write failed: \(error)")
        }
        offset += chunk.count
        return written
    }

    /// Common header fields of a new record.
    public static func header(type: String, id: String = newRecordID(), date: Date, target: String? = nil,
                              contentType: String, block: Data, extra: [(String, String)] = []) -> WARCRecord {
        var headers: [(String, String)] = [("WARC-Type", type), ("WARC-Record-ID", id), ("WARC-Date", Timestamp.format(date))]
        if let target { headers.append(("WARC-Target-URI", target)) }
        headers += extra
        headers += [("WARC-Block-Digest", WARCDigest.sha1(block)), ("Content-Type", contentType),
                    ("Content-Length", String(block.count))]
        return WARCRecord(headers: headers, block: block)
    }
}

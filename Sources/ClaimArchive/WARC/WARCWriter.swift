import ClaimCore
import Foundation

/// Appends records to one run's WARC file, one gzip member per record. Each exchange is written whole
/// with one write (a killed process leaves complete records and at most one torn tail); it is forced to
/// disk at least once a second and always by `synchronize()`, which the run calls before the store may
/// refer to anything in the file.
public final class WARCWriter {
    public let file: URL
    private let handle: FileHandle
    public private(set) var offset: Int
    /// Longest time written records may sit in the page cache before an fsync.
    public var syncInterval: TimeInterval = 1
    private var lastSync = Date()

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
                throw ArchiveError.file(path: file.path, reason: "cannot create the WARC file")
            }
        }
        do {
            handle = try FileHandle(forWritingTo: file)
            offset = Int(try handle.seekToEnd())
        } catch {
            throw ArchiveError.file(path: file.path, reason: "cannot open for writing: \(error)")
        }
    }

    deinit { try? handle.close() }

    /// A fresh record id.
    public static func newRecordID() -> String { "<urn:uuid:\(UUID().uuidString.lowercased())>" }

    /// Records gzip-encoded (one member each) and ready to append: made by `encode` on any thread, so
    /// several exchanges compress at once while appends stay in order.
    public struct Encoded: Sendable {
        fileprivate var members: [(id: String, payloadDigest: String?, bytes: Data)]
    }

    /// Each record as its own gzip member.
    public static func encode(_ records: [WARCRecord]) throws -> Encoded {
        Encoded(members: try records.map { ($0.id, $0["WARC-Payload-Digest"], try Gzip.compress($0.serialized())) })
    }

    /// Appends records in one write; forces them to disk when the last fsync is older than `syncInterval`.
    @discardableResult
    public func write(_ records: [WARCRecord]) throws -> [Written] {
        try append(Self.encode(records))
    }

    /// Appends encoded records in one write; forces them to disk when the last fsync is older than `syncInterval`.
    @discardableResult
    public func append(_ encoded: Encoded) throws -> [Written] {
        var written: [Written] = []
        var chunk = Data()
        for member in encoded.members {
            written.append(Written(id: member.id, offset: offset + chunk.count, payloadDigest: member.payloadDigest))
            chunk.append(member.bytes)
        }
        do {
            try handle.write(contentsOf: chunk)
        } catch {
            throw ArchiveError.file(path: file.path, reason: "write failed: \(error)")
        }
        offset += chunk.count
        // A per-record fsync made a no-change run of 304s cost as much as the first run.
        if Date().timeIntervalSince(lastSync) >= syncInterval { try synchronize() }
        return written
    }

    /// Forces everything written so far to disk.
    public func synchronize() throws {
        do { try handle.synchronize() } catch {
            throw ArchiveError.file(path: file.path, reason: "fsync failed: \(error)")
        }
        lastSync = Date()
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

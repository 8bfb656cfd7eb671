import Foundation

/// Reads a WARC file of gzip members record by record, without holding more than one record decoded.
public enum WARCReader {
    /// A record and where it starts in the file.
    public struct Located {
        public var offset: Int
        public var length: Int
        public var record: WARCRecord
    }

    /// Calls `body` for every complete record in order. A problem (a torn final record, corrupt bytes)
    /// stops the walk and is returned with its offset; the records before it were all delivered.
    @discardableResult
    public static func forEach(in file: URL, _ body: (Located) throws -> Void) throws -> FetchError? {
        let data: Data
        do {
            data = try Data(contentsOf: file, options: .alwaysMapped)
        } catch {
            throw FetchError.unreadableFile(path: file.path, reason: "cannot read: \(error.localizedDescription)")
        }
        var offset = 0
        while offset < data.count {
            let member: Gzip.Member
            do {
                member = try Gzip.decompressMember(data[(data.startIndex + offset)...])
            } catch {
                return .corruptArchive(file: file.lastPathComponent, offset: offset, reason: "\(error)")
            }
            let record: WARCRecord
            do {
                record = try WARCRecord.parse(member.content)
            } catch {
                return .corruptArchive(file: file.lastPathComponent, offset: offset, reason: "\(error)")
            }
            try body(Located(offset: offset, length: member.consumed, record: record))
            offset += member.consumed
        }
        return nil
    }

    /// The record that starts at `offset` in `file`.
    public static func record(at offset: Int, in file: URL) throws -> WARCRecord {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: file) } catch {
            throw FetchError.unreadableFile(path: file.path, reason: "cannot read: \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let data = try handle.readToEnd() ?? Data()
        do {
            return try WARCRecord.parse(try Gzip.decompressMember(data).content)
        } catch {
            throw FetchError.corruptArchive(file: file.lastPathComponent, offset: offset, reason: "\(error)")
        }
    }

    /// The run files of an archive folder, oldest first (names sort by their UTC start time).
    public static func runFiles(in archive: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []
        return names.filter { $0.hasSuffix(".warc.gz") }.sorted().map { archive.appendingPathComponent($0) }
    }
}

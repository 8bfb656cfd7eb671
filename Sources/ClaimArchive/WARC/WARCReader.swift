import Foundation

/// Reads a WARC file of gzip members record by record, without holding more than one record decoded.
public enum WARCReader {
    /// A record and where it starts in the file.
    public struct Located {
        public var offset: Int
        public var length: Int
        public var record: WARCRecord
    }

    /// Calls `body` for every complete record in order, reading the file a chunk at a time (neither the
    /// file nor a map of it is held: a run's own WARC file is read back right after it is written). A
    /// problem (a torn final record, corrupt bytes) stops the walk and is returned with its offset; the
    /// records before it were all delivered.
    @discardableResult
    public static func forEach(in file: URL, _ body: (Located) throws -> Void) throws -> ArchiveError? {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: file) } catch {
            throw ArchiveError.file(path: file.path, reason: "cannot read: \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        return try walk(named: file.lastPathComponent, initial: Data(), more: { wanted in
            do { return try handle.read(upToCount: wanted) ?? Data() } catch {
                throw ArchiveError.file(path: file.path, reason: "cannot read: \(error.localizedDescription)")
            }
        }, body)
    }

    /// A WARC file's bytes, mapped rather than read so a large run costs no heap.
    public static func contents(of file: URL) throws -> Data {
        do {
            return try Data(contentsOf: file, options: .alwaysMapped)
        } catch {
            throw ArchiveError.file(path: file.path, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Calls `body` for every complete record of a WARC file already in memory; `name` labels problems.
    @discardableResult
    public static func forEach(in data: Data, named name: String, _ body: (Located) throws -> Void) throws -> ArchiveError? {
        try walk(named: name, initial: data, more: { _ in Data() }, body)
    }

    /// The walk itself: `more(n)` supplies up to n further bytes, empty at the end.
    private static func walk(named name: String, initial: Data, more: (Int) throws -> Data,
                             _ body: (Located) throws -> Void) throws -> ArchiveError? {
        var buffer = initial  // the bytes from file offset `offset` on
        var offset = 0
        var exhausted = false
        func refill() throws {
            // At least 1 MiB, and as much again as is buffered, so a long record costs few retries.
            let next = try more(max(1 << 20, buffer.count))
            if next.isEmpty { exhausted = true } else { buffer = Data(buffer) + next }
        }
        while true {
            if buffer.isEmpty {
                if exhausted { return nil }
                try refill()
                continue
            }
            let member: Gzip.Member
            do {
                member = try Gzip.decompressMember(buffer)
            } catch ArchiveError.compression(let reason) where reason == Gzip.cutShort && !exhausted {
                try refill()
                continue
            } catch {
                return .corrupt(file: name, offset: offset, reason: "\(error)")
            }
            let record: WARCRecord
            do {
                record = try WARCRecord.parse(member.content)
            } catch {
                return .corrupt(file: name, offset: offset, reason: "\(error)")
            }
            try body(Located(offset: offset, length: member.consumed, record: record))
            offset += member.consumed
            buffer = buffer[(buffer.startIndex + member.consumed)...]
        }
    }

    /// The record that starts at `offset` in `file`.
    public static func record(at offset: Int, in file: URL) throws -> WARCRecord {
        // Mapped, so only the pages of this one member are read, however long the file.
        let data = try contents(of: file)
        guard offset >= 0, offset < data.count else {
            throw ArchiveError.corrupt(file: file.lastPathComponent, offset: offset, reason: "no record starts here (file is \(data.count) bytes)")
        }
        do {
            return try WARCRecord.parse(try Gzip.decompressMember(data[(data.startIndex + offset)...]).content)
        } catch {
            throw ArchiveError.corrupt(file: file.lastPathComponent, offset: offset, reason: "\(error)")
        }
    }

    /// The run files of an archive folder, oldest first (names sort by their UTC start time).
    public static func runFiles(in archive: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []
        return names.filter { $0.hasSuffix(".warc.gz") }.sorted().map { archive.appendingPathComponent($0) }
    }
}

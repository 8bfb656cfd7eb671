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
    /// file nor a map of it is held: a run's own WARC file is read back right after it is written). A damaged
    /// record (a flipped bit, bytes overwritten) is skipped: the walk finds the next record and goes on. The
    /// problems come back in file order, each with its offset: `corrupt` for a damaged record, `torn` for an
    /// incomplete final record (what a killed process leaves); none when the file is whole.
    @discardableResult
    public static func forEach(in file: URL, _ body: (Located) throws -> Void) throws -> [ArchiveError] {
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
    public static func forEach(in data: Data, named name: String, _ body: (Located) throws -> Void) throws -> [ArchiveError] {
        try walk(named: name, initial: data, more: { _ in Data() }, body)
    }

    /// The walk itself: `more(n)` supplies up to n further bytes, empty at the end.
    private static func walk(named name: String, initial: Data, more: (Int) throws -> Data,
                             _ body: (Located) throws -> Void) throws -> [ArchiveError] {
        var buffer = initial  // the bytes from file offset `offset` on
        var offset = 0
        var exhausted = false
        var problems: [ArchiveError] = []
        func refill() throws {
            // At least 1 MiB, and as much again as is buffered, so a long record costs few retries.
            let next = try more(max(1 << 20, buffer.count))
            if next.isEmpty { exhausted = true } else { buffer = Data(buffer) + next }
        }
        func drop(_ count: Int) {
            offset += count
            buffer = buffer[(buffer.startIndex + count)...]
        }
        /// The record starting at the front of the buffer; nil (after reading more) when it needs more bytes.
        func member() throws -> Result<(Gzip.Member, WARCRecord), Error>? {
            do {
                let member = try Gzip.decompressMember(buffer)
                return .success((member, try WARCRecord.parse(member.content)))
            } catch ArchiveError.compression(let reason) where reason == Gzip.cutShort && !exhausted {
                try refill()
                return nil
            } catch {
                return .failure(error)
            }
        }
        /// Skips to the next offset where a whole record starts (a gzip member holding a WARC record); false
        /// when none does before the end.
        func resynchronise() throws -> Bool {
            let magic: [UInt8] = [0x1F, 0x8B, 0x08]
            var from = 1
            while true {
                guard let found = buffer.dropFirst(from).firstRange(of: magic)?.lowerBound else {
                    if exhausted { return false }
                    // Keep only the bytes a magic number could still start in (never the damaged start itself).
                    drop(min(buffer.count, max(from, buffer.count - 2)))
                    from = 0
                    try refill()
                    continue
                }
                drop(found - buffer.startIndex)
                from = 1
                while true {
                    guard let attempt = try member() else { continue }
                    if case .success = attempt { return true }
                    break
                }
            }
        }
        while true {
            if buffer.isEmpty {
                if exhausted { return problems }
                try refill()
                continue
            }
            guard let attempt = try member() else { continue }
            switch attempt {
            case .success(let (member, record)):
                try body(Located(offset: offset, length: member.consumed, record: record))
                drop(member.consumed)
            case .failure(let error):
                let damaged = offset
                let cutShort = (error as? ArchiveError) == .compression(reason: Gzip.cutShort)
                if try resynchronise() {
                    problems.append(.corrupt(file: name, offset: damaged,
                                             reason: "\(error); \(offset - damaged) bytes skipped to the next record, at offset \(offset)"))
                } else {
                    // Nothing whole follows: an incomplete final record is a torn tail; anything else is damage.
                    problems.append(cutShort ? .torn(file: name, offset: damaged, reason: "\(error)") : .corrupt(file: name, offset: damaged, reason: "\(error)"))
                    return problems
                }
            }
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
}

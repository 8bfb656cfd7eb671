import CZlib
import Foundation

/// gzip members through zlib: one member per WARC record, so any record can be read on its own.
enum Gzip {
    /// `data` as one complete gzip member.
    static func compress(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard claimtrack_deflateInitGzip(&stream, 6) == Z_OK else { throw ArchiveError.compression(reason: "deflateInit failed") }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, uLong(data.count))) + 32)
        let written: Int = try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            try output.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { throw ArchiveError.compression(reason: "deflate did not finish") }
                return out.count - Int(stream.avail_out)
            }
        }
        output.count = written
        return output
    }

    /// One gzip member decoded from the start of `data`.
    struct Member {
        var content: Data
        /// Compressed bytes the member took, so the next one starts here.
        var consumed: Int
    }

    /// The reason given when the bytes end inside a member (more may follow in a file being read).
    static let cutShort = "member is cut short"

    /// Decodes the gzip member at the start of `data`; throws when it is cut short or corrupt.
    /// `limit` bounds the decoded size.
    static func decompressMember(_ data: Data, limit: Int = 1 << 30) throws -> Member {
        var stream = z_stream()
        guard claimtrack_inflateInitAuto(&stream) == Z_OK else { throw ArchiveError.compression(reason: "inflateInit failed") }
        defer { inflateEnd(&stream) }
        var content = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let consumed: Int = try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                content.append(chunk, count: chunk.count - Int(stream.avail_out))
                if content.count > limit { throw ArchiveError.compression(reason: "member larger than \(limit) bytes") }
                switch status {
                case Z_STREAM_END: return input.count - Int(stream.avail_in)
                case Z_OK: if stream.avail_in == 0 && stream.avail_out != 0 { throw ArchiveError.compression(reason: cutShort) }
                case Z_BUF_ERROR: throw ArchiveError.compression(reason: cutShort)
                default: throw ArchiveError.compression(reason: "corrupt data (zlib status \(status))")
                }
            }
        }
        return Member(content: content, consumed: consumed)
    }
}

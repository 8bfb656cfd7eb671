import CZlib
import Foundation

/// Undoes a `gzip` or `deflate` Content-Encoding as the body arrives, a chunk at a time, never holding more
/// decoded bytes than the caller has room for: a gzip bomb costs its limit plus one output buffer.
final class ContentDecoder {
    /// The codings this decoder undoes, and so the only ones a request advertises.
    static let acceptEncoding = "gzip, deflate"

    private enum Coding { case gzip, deflate }

    private let coding: Coding
    private var stream = z_stream()
    private var started = false
    /// The first bytes of a deflate body, held until two have arrived to tell zlib-wrapped from raw deflate.
    private var pending: [UInt8] = []
    private var output = [UInt8](repeating: 0, count: 64 * 1024)
    /// The coded stream has ended (zlib saw its last block and checksum).
    private(set) var ended = false

    /// A decoder for `contentEncoding`, nil for identity. Throws for a coding this build cannot undo.
    init?(contentEncoding: String?) throws {
        let name = (contentEncoding ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "", "identity": return nil
        case "gzip", "x-gzip": coding = .gzip
        case "deflate": coding = .deflate
        default: throw TransportError.malformedResponse("Content-Encoding '\(name)' was not asked for and cannot be decoded")
        }
    }

    deinit {
        if started { inflateEnd(&stream) }
    }

    /// Decodes `bytes`, appending to `body` up to `limit` bytes in all. Returns true when decoded output had to
    /// be cut at the limit (the caller stops reading).
    func decode(_ bytes: UnsafeRawBufferPointer, into body: inout Data, limit: Int) throws -> Bool {
        if !started {
            pending.append(contentsOf: bytes)
            if coding == .deflate && pending.count < 2 { return false }
            try start()
            let held = pending
            pending = []
            return try held.withUnsafeBytes { try inflate($0, into: &body, limit: limit) }
        }
        return try inflate(bytes, into: &body, limit: limit)
    }

    /// The body ended: a coded stream cut short is an error, as is anything that never started.
    func finish(into body: inout Data, limit: Int) throws -> Bool {
        if !started && !pending.isEmpty {
            try start()
            let held = pending
            pending = []
            if try held.withUnsafeBytes({ try inflate($0, into: &body, limit: limit) }) { return true }
        }
        guard ended || (!started && pending.isEmpty) else {
            throw TransportError.malformedResponse("the \(coding) body ends before its coded stream does")
        }
        return false
    }

    private func start() throws {
        // RFC 9110 says deflate means zlib-wrapped; some servers send raw deflate. A zlib header is a CMF byte
        // naming method 8 whose 16-bit value with FLG is a multiple of 31.
        let zlibWrapped = pending.count >= 2 && pending[0] & 0x0F == 8 && (UInt16(pending[0]) << 8 | UInt16(pending[1])) % 31 == 0
        let status = coding == .deflate && !zlibWrapped ? claimtrack_inflateInitRaw(&stream) : claimtrack_inflateInitAuto(&stream)
        guard status == Z_OK else { throw TransportError.other("zlib could not start (status \(status))") }
        started = true
    }

    private func inflate(_ bytes: UnsafeRawBufferPointer, into body: inout Data, limit: Int) throws -> Bool {
        guard !ended, let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(bytes.count)
        defer { stream.next_in = nil; stream.avail_in = 0 }
        while true {
            let (status, written) = output.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.avail_out))
            }
            let room = limit - body.count
            body.append(contentsOf: output.prefix(min(written, room)))
            if written > room { return true }
            switch status {
            case Z_STREAM_END:
                ended = true
                return false
            case Z_OK where stream.avail_in == 0 && stream.avail_out != 0, Z_BUF_ERROR:
                return false  // all input used; more is needed
            case Z_OK:
                continue
            default:
                throw TransportError.malformedResponse("the \(coding) body does not decode (zlib status \(status))")
            }
        }
    }
}

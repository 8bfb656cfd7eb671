import ClaimCore
import Crypto
import Foundation

/// One WARC 1.1 record: named header fields and a content block.
public struct WARCRecord: Sendable {
    /// Header fields in the order written; names compared case-insensitively.
    public var headers: [(name: String, value: String)]
    public var block: Data

    public init(headers: [(name: String, value: String)], block: Data) {
        self.headers = headers
        self.block = block
    }

    public subscript(name: String) -> String? {
        // ASCII case folding by hand: Foundation's caseInsensitiveCompare was a tenth of reading a record.
        func folded(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        return headers.first { $0.name.utf8.elementsEqual(name.utf8) { folded($0) == folded($1) } }?.value
    }

    public var type: String { self["WARC-Type"] ?? "" }
    public var id: String { self["WARC-Record-ID"] ?? "" }
    public var targetURI: String? { self["WARC-Target-URI"] }
    public var date: Date? { self["WARC-Date"].flatMap { Timestamp.iso8601($0) } }

    /// The serialised record: version line, headers, blank line, block, two CRLFs.
    public func serialized() -> Data {
        var head = "WARC/1.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var data = Data(head.utf8)
        data.append(block)
        data.append(contentsOf: [13, 10, 13, 10])
        return data
    }

    /// Bytes before the first CRLF CRLF. A plain byte scan: `Data.firstRange(of:)` cost a third of a
    /// no-change fetch.
    static func headerLength(_ data: Data) -> Int? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            let count = bytes.count
            var index = 0
            while index + 3 < count {
                if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 { return index }
                index += 1
            }
            return nil
        }
    }

    /// Parses a serialised record (one decoded gzip member).
    public static func parse(_ data: Data) throws -> WARCRecord {
        guard let headLength = headerLength(data) else {
            throw WARCParseError("no blank line after the header")
        }
        let end = (data.startIndex + headLength)..<(data.startIndex + headLength + 4)
        // Lines split at CR LF on the bytes: splitting a String walks grapheme clusters, which was a twentieth
        // of a reparse.
        let head = [UInt8](data[data.startIndex..<end.lowerBound])
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0, index = 0
        while index < head.count {
            if head[index] == 13, index + 1 < head.count, head[index + 1] == 10 {
                lines.append(head[lineStart..<index])
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append(head[lineStart...])
        guard let version = lines.first, version.starts(with: "WARC/1.".utf8) else {
            throw WARCParseError("does not start with a WARC/1.x version line")
        }
        var headers: [(String, String)] = []
        func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 58) else {
                throw WARCParseError("header line without ':' (\(String(decoding: line.prefix(60), as: UTF8.self)))")
            }
            var value = line[(colon + 1)...]
            while let first = value.first, isBlank(first) { value = value.dropFirst() }
            while let last = value.last, isBlank(last) { value = value.dropLast() }
            headers.append((String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        var record = WARCRecord(headers: headers, block: Data())
        guard let length = record["Content-Length"].flatMap(Int.init), length >= 0 else {
            throw WARCParseError("missing or invalid Content-Length")
        }
        let blockStart = end.upperBound
        guard data.endIndex - blockStart >= length else {
            throw WARCParseError("block is \(data.endIndex - blockStart) bytes, Content-Length says \(length)")
        }
        record.block = data[blockStart..<blockStart + length]
        return record
    }
}

/// A structural problem inside one record.
public struct WARCParseError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// WARC digests: SHA-1 in base32, as `sha1:…`, the form warcio and the Wayback tools expect.
public enum WARCDigest {
    public static func sha1(_ data: Data) -> String {
        "sha1:" + base32(Data(Insecure.SHA1.hash(data: data)))
    }

    static func base32(_ data: Data) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var output = ""
        var buffer = 0, bits = 0
        for byte in data {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        while output.count % 8 != 0 { output.append("=") }
        return output
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP response as archived in a WARC `response` block: status line, headers, payload.
public struct HTTPMessage: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public subscript(name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Status line, headers, blank line, payload. Content-Length describes the payload as stored.
    public func serialized(reason: String = "") -> Data {
        var head = "HTTP/1.1 \(status) \(reason.isEmpty ? HTTPURLResponse.localizedString(forStatusCode: status).capitalized : reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var data = Data(head.utf8)
        data.append(body)
        return data
    }

    /// Splits an archived response block into its parts.
    public static func parse(_ block: Data) throws -> HTTPMessage {
        guard let end = block.firstRange(of: Data("\r\n\r\n".utf8)) else { throw WARCParseError("http response without a blank line") }
        let head = String(decoding: block[block.startIndex..<end.lowerBound], as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw WARCParseError("bad http status line") }
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return HTTPMessage(status: status, headers: headers, body: Data(block[end.upperBound...]))
    }
}

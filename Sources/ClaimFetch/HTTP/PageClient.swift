import ClaimArchive
import ClaimCore
import Foundation

/// Fetches one URL: http(s) through the process's `HTTPTransport`, file:// from disk. Redirects are followed
/// here, hop by hop, and never to another scheme. Call `shutdown()` once the run is over.
public struct PageClient: Sendable {
    public var userAgent: String
    public var timeout: TimeInterval
    /// Bytes of (decoded) body kept before a response is cut; the rest is never held.
    public var maximumBodySize: Int
    private let transport: HTTPTransport

    public init(userAgent: String = PageClient.defaultUserAgent, timeout: TimeInterval = 30,
                maximumBodySize: Int = PageClient.defaultMaximumBodySize) {
        self.userAgent = userAgent
        self.timeout = timeout
        self.maximumBodySize = maximumBodySize
        transport = HTTPTransport(timeout: timeout, transferTimeout: timeout * 4)
    }

    /// Closes the connections this client holds open; the process's last act with it.
    public func shutdown() async {
        try? await transport.shutdown()
    }

    /// 20 MiB: the largest real page in the corpus is under 2 MB.
    public static let defaultMaximumBodySize = 20 << 20

    public static let defaultUserAgent = "claimtrack/\(ClaimtrackVersion.current) (+https://github.com/claimtrack/claimtrack; analyst tool)"

    /// What a request asks for: pages, feeds and JSON, in the codings the transport decodes.
    static let accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

    /// What came back: the request as sent (for http), the response, and the final URL.
    public struct Exchange: Sendable {
        /// The request head exactly as it went over the wire: request line, header fields, blank line.
        public var requestHead: Data?
        public var response: HTTPMessage
        public var finalURL: URL
        public var isFile: Bool
        /// Set when the body passed the size limit and was cut there.
        public var truncated: Bool = false
        /// A Content-Encoding the server applied unasked: archived coded, never read.
        public var undecodedCoding: String?
    }

    /// What a caller does at each redirect: `hop` hears of the 3xx exchange as soon as it is complete (it
    /// crossed the wire: the caller archives it); `follow` is asked before the next hop is requested and throws
    /// to refuse it (a private address, robots.txt), after the client's own checks (scheme, loops, the limit).
    public struct Redirects: Sendable {
        public var hop: @Sendable (Exchange) async throws -> Void
        public var follow: @Sendable (URL) async throws -> Void
        public init(hop: @escaping @Sendable (Exchange) async throws -> Void = { _ in },
                    follow: @escaping @Sendable (URL) async throws -> Void = { _ in }) {
            self.hop = hop
            self.follow = follow
        }
    }

    /// Fetches `url`; with validators from the last capture, asks the server whether the page changed
    /// (If-None-Match / If-Modified-Since), and a 304 comes back with no body. At most `redirectLimit`
    /// redirects are followed (robots.txt: five, as RFC 9309 asks), each told to `redirects`.
    public func fetch(_ url: URL, etag: String? = nil, lastModified: String? = nil, maximumBodySize: Int? = nil,
                      redirectLimit: Int = PageClient.redirectLimit, redirects: Redirects = Redirects()) async throws -> Exchange {
        let limit = maximumBodySize ?? self.maximumBodySize
        switch url.scheme?.lowercased() {
        case "file":
            let handle: FileHandle
            do { handle = try FileHandle(forReadingFrom: url) } catch {
                throw FetchError.unreadableFile(path: url.absoluteString, reason: FileManager.default.fileExists(atPath: url.path) ? "cannot read the file" : "no such file")
            }
            defer { try? handle.close() }
            // One byte past the limit tells a file of exactly `limit` bytes from a longer one.
            guard var body = try? handle.read(upToCount: limit + 1) else {
                throw FetchError.unreadableFile(path: url.absoluteString, reason: "cannot read the file")
            }
            let truncated = body.count > limit
            if truncated { body = body.prefix(limit) }
            return Exchange(requestHead: nil, response: HTTPMessage(status: 200, headers: [("Content-Type", Self.guessType(url))], body: body),
                            finalURL: url, isFile: true, truncated: truncated)
        case "http", "https":
            return try await fetchHTTP(url, etag: etag, lastModified: lastModified, limit: limit, redirectLimit: redirectLimit,
                                       redirects: redirects)
        default:
            throw FetchError.unsupportedScheme(url: url.absoluteString)
        }
    }

    /// The header fields of a GET of `url`, in the order they are sent. The transport adds none of its own,
    /// so these and the request line are the whole request.
    func requestFields(for url: URL, etag: String?, lastModified: String?) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("Host", Self.hostField(url)), ("User-Agent", userAgent), ("Accept", Self.accept),
            ("Accept-Encoding", ContentDecoder.acceptEncoding),
        ]
        if let etag { fields.append(("If-None-Match", etag)) }
        if let lastModified { fields.append(("If-Modified-Since", lastModified)) }
        return fields
    }

    /// The request head as bytes: what the WARC request record holds.
    static func requestHead(for url: URL, fields: [(name: String, value: String)]) -> Data {
        Data(("GET \(requestTarget(url)) HTTP/1.1\r\n" + fields.map { "\($0.name): \($0.value)\r\n" }.joined() + "\r\n").utf8)
    }

    /// The request target as async-http-client writes it: the percent-encoded path ("/" when empty) and query.
    static func requestTarget(_ url: URL) -> String {
        let path = url.path.isEmpty ? "/" : (URLComponents(url: url, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? url.path)
        return path + (url.query.map { "?" + $0 } ?? "")
    }

    /// `Host`: the host (an IPv6 address in brackets) and the port when it is not the scheme's default.
    static func hostField(_ url: URL) -> String {
        let host = url.host ?? ""
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let defaultPort = url.scheme?.lowercased() == "https" ? 443 : 80
        return url.port.map { $0 == defaultPort ? bracketed : "\(bracketed):\($0)" } ?? bracketed
    }

    private func fetchHTTP(_ url: URL, etag: String?, lastModified: String?, limit: Int, redirectLimit: Int,
                           redirects: Redirects) async throws -> Exchange {
        // Redirects are followed here, not by the HTTP stack, so every hop is checked: http(s) only, no loops, a limit.
        var current = url
        var seen: [URL] = [url]
        while true {
            let fields = requestFields(for: current, etag: etag, lastModified: lastModified)
            let response: HTTPTransport.Response
            do {
                response = try await transport.get(current, headers: fields, limit: limit)
            } catch let error as TransportError {
                throw FetchError.transport(url: url.absoluteString, error)
            }
            let exchange = Self.exchange(response, for: current, fields: fields)
            guard (300..<400).contains(response.status), response.status != 304,
                  let location = response.headers.last(where: { $0.name.lowercased() == "location" })?.value else { return exchange }
            try await redirects.hop(exchange)
            guard let target = URL(string: location, relativeTo: current)?.absoluteURL else {
                throw FetchError.redirect(url: url.absoluteString, reason: "redirect to an unreadable location '\(location)'")
            }
            guard ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
                throw FetchError.redirect(url: url.absoluteString,
                                          reason: "redirect to \(target.absoluteString) refused (only http and https are followed)")
            }
            if seen.contains(target) { throw FetchError.redirect(url: url.absoluteString, reason: "redirect loop at \(target.absoluteString)") }
            seen.append(target)
            if seen.count > redirectLimit + 1 {
                throw FetchError.redirect(url: url.absoluteString, reason: "more than \(redirectLimit) redirects")
            }
            try await redirects.follow(target)
            current = target
        }
    }

    /// A response as it is archived, with the request that asked for it. The coding has been undone as the
    /// body streamed; the stored headers describe the payload as stored, so warcio and replay tools see
    /// consistent lengths and digests. A coding left in place (one never asked for) stays named, since the
    /// payload still carries it.
    private static func exchange(_ response: HTTPTransport.Response, for url: URL, fields: [(name: String, value: String)]) -> Exchange {
        var stored: [(String, String)] = []
        for (name, value) in response.headers {
            let lower = name.lowercased()
            if ["content-encoding", "transfer-encoding", "content-length"].contains(lower) {
                if lower == "content-encoding" {
                    stored.append(response.undecodedCoding == nil ? ("X-Archive-Original-Content-Encoding", value) : (name, value))
                }
                continue
            }
            stored.append((name, value))
        }
        stored.append(("Content-Length", String(response.body.count)))
        return Exchange(requestHead: requestHead(for: url, fields: fields),
                        response: HTTPMessage(status: response.status, headers: stored, body: response.body),
                        finalURL: url, isFile: false, truncated: response.truncated, undecodedCoding: response.undecodedCoding)
    }

    /// Redirects followed before giving up.
    public static let redirectLimit = 10

    static func guessType(_ url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "xml", "rss": "application/rss+xml"
        case "json": "application/json"
        default: "text/html"
        }
    }
}

extension PageClient.Exchange {
    /// What this response is (see `CaptureDisposition.of`), with the challenge service when it is one.
    var disposition: (disposition: CaptureDisposition, detail: String?) {
        CaptureDisposition.of(status: response.status, contentType: response["Content-Type"], contentCoding: undecodedCoding,
                              truncated: truncated, body: response.body)
    }
}

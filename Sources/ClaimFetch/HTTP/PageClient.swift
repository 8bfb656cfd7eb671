import Foundation

/// Fetches one URL: http(s) through libcurl, file:// from disk. Never follows a redirect to another scheme.
public struct PageClient: Sendable {
    public var userAgent: String
    public var timeout: TimeInterval
    /// Bytes of (decoded) body kept before a response is cut; the rest is never held.
    public var maximumBodySize: Int
    private let connections = CurlHandlePool()

    public init(userAgent: String = PageClient.defaultUserAgent, timeout: TimeInterval = 30,
                maximumBodySize: Int = PageClient.defaultMaximumBodySize) {
        self.userAgent = userAgent
        self.timeout = timeout
        self.maximumBodySize = maximumBodySize
    }

    /// 20 MiB: the largest real page in the corpus is under 2 MB.
    public static let defaultMaximumBodySize = 20 << 20

    public static let defaultUserAgent = "claimtrack/0.1 (+https://github.com/claimtrack/claimtrack; analyst tool)"

    /// What came back: the request as sent (for http), the response, and the final URL.
    public struct Exchange: Sendable {
        public var requestHead: Data?
        public var response: HTTPMessage
        public var finalURL: URL
        public var isFile: Bool
        /// Set when the body passed the size limit and was cut there.
        public var truncated: Bool = false
    }

    /// Fetches `url`; with validators from the last capture, asks the server whether the page changed
    /// (If-None-Match / If-Modified-Since), and a 304 comes back with no body.
    public func fetch(_ url: URL, etag: String? = nil, lastModified: String? = nil, maximumBodySize: Int? = nil) async throws -> Exchange {
        let limit = maximumBodySize ?? self.maximumBodySize
        switch url.scheme?.lowercased() {
        case "file":
            do {
                let handle = try FileHandle(forReadingFrom: url)
                defer { try? handle.close() }
                // One byte past the limit tells a file of exactly `limit` bytes from a longer one.
                var body = try handle.read(upToCount: limit + 1) ?? Data()
                let truncated = body.count > limit
                if truncated { body = body.prefix(limit) }
                return Exchange(requestHead: nil, response: HTTPMessage(status: 200, headers: [("Content-Type", Self.guessType(url))], body: body),
                                finalURL: url, isFile: true, truncated: truncated)
            } catch {
                throw FetchError.transport(url: url.absoluteString, reason: "cannot read the file")
            }
        case "http", "https":
            return try await fetchHTTP(url, etag: etag, lastModified: lastModified, limit: limit)
        default:
            throw FetchError.unsupportedScheme(url: url.absoluteString)
        }
    }

    private func fetchHTTP(_ url: URL, etag: String?, lastModified: String?, limit: Int) async throws -> Exchange {
        let accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        var headers = ["Accept: \(accept)"]
        if let etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        let transfer = CurlTransfer(userAgent: userAgent, timeout: timeout, totalTimeout: timeout * 4, bodyLimit: limit, pool: connections)
        // Redirects are followed here, not by libcurl, so every hop is checked: http(s) only, no loops, a limit.
        var current = url
        var seen: [URL] = [url]
        var response: CurlTransfer.Response
        while true {
            response = try await transfer.get(current, headers: headers)
            guard (300..<400).contains(response.status), response.status != 304,
                  let location = response.headers.last(where: { $0.name.lowercased() == "location" })?.value else { break }
            guard let target = URL(string: location, relativeTo: current)?.absoluteURL else {
                throw FetchError.transport(url: url.absoluteString, reason: "redirect to an unreadable location '\(location)'")
            }
            guard ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
                throw FetchError.transport(url: url.absoluteString,
                                           reason: "redirect to \(target.absoluteString) refused (only http and https are followed)")
            }
            if seen.contains(target) { throw FetchError.transport(url: url.absoluteString, reason: "redirect loop at \(target.absoluteString)") }
            seen.append(target)
            if seen.count > Self.redirectLimit + 1 {
                throw FetchError.transport(url: url.absoluteString, reason: "more than \(Self.redirectLimit) redirects")
            }
            current = target
        }
        // libcurl has already removed any content and transfer coding; the stored headers describe the
        // payload as stored, so warcio and replay tools see consistent lengths and digests.
        var stored: [(String, String)] = []
        for (name, value) in response.headers {
            let lower = name.lowercased()
            if ["content-encoding", "transfer-encoding", "content-length"].contains(lower) {
                if lower == "content-encoding" { stored.append(("X-Archive-Original-Content-Encoding", value)) }
                continue
            }
            stored.append((name, value))
        }
        stored.append(("Content-Length", String(response.body.count)))
        let path = current.path.isEmpty ? "/" : current.path + (current.query.map { "?" + $0 } ?? "")
        let requestHead = "GET \(path) HTTP/1.1\r\nHost: \(current.host ?? "")\(current.port.map { ":\($0)" } ?? "")\r\n"
            + "User-Agent: \(userAgent)\r\n" + headers.map { "\($0)\r\n" }.joined() + "\r\n"
        return Exchange(requestHead: Data(requestHead.utf8),
                        response: HTTPMessage(status: response.status, headers: stored, body: response.body),
                        finalURL: current, isFile: false, truncated: response.truncated)
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

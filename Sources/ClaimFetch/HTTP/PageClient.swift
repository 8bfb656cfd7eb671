import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches one URL: http(s) through URLSession, file:// from disk. Never follows a redirect to another scheme.
public struct PageClient: Sendable {
    public var userAgent: String
    public var timeout: TimeInterval

    public init(userAgent: String = PageClient.defaultUserAgent, timeout: TimeInterval = 30) {
        self.userAgent = userAgent
        self.timeout = timeout
    }

    public static let defaultUserAgent = "claimtrack/0.1 (+https://github.com/claimtrack/claimtrack; analyst tool)"

    /// What came back: the request as sent (for http), the response, and the final URL.
    public struct Exchange: Sendable {
        public var requestHead: Data?
        public var response: HTTPMessage
        public var finalURL: URL
        public var isFile: Bool
    }

    /// Fetches `url`; with validators from the last capture, asks the server whether the page changed
    /// (If-None-Match / If-Modified-Since), and a 304 comes back with no body.
    public func fetch(_ url: URL, etag: String? = nil, lastModified: String? = nil) async throws -> Exchange {
        switch url.scheme?.lowercased() {
        case "file":
            do {
                let body = try Data(contentsOf: url)
                return Exchange(requestHead: nil, response: HTTPMessage(status: 200, headers: [("Content-Type", Self.guessType(url))], body: body),
                                finalURL: url, isFile: true)
            } catch {
                throw FetchError.transport(url: url.absoluteString, reason: "cannot read the file")
            }
        case "http", "https":
            return try await fetchHTTP(url, etag: etag, lastModified: lastModified)
        default:
            throw FetchError.unsupportedScheme(url: url.absoluteString)
        }
    }

    private func fetchHTTP(_ url: URL, etag: String?, lastModified: String?) async throws -> Exchange {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", forHTTPHeaderField: "Accept")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        let guardian = RedirectGuard(limit: Self.redirectLimit)
        let session = URLSession(configuration: configuration, delegate: guardian, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (body, response): (Data, URLResponse)
        do {
            (body, response) = try await session.data(for: request)
        } catch let error as URLError {
            if let refused = guardian.refused {
                throw FetchError.transport(url: url.absoluteString, reason: refused)
            }
            throw FetchError.transport(url: url.absoluteString, reason: Self.describe(error))
        } catch {
            throw FetchError.transport(url: url.absoluteString, reason: "\(error)")
        }
        if let refused = guardian.refused { throw FetchError.transport(url: url.absoluteString, reason: refused) }
        guard let http = response as? HTTPURLResponse else {
            throw FetchError.transport(url: url.absoluteString, reason: "not an HTTP response")
        }
        let finalURL = http.url ?? url
        guard ["http", "https"].contains(finalURL.scheme?.lowercased() ?? "") else {
            throw FetchError.unsupportedScheme(url: finalURL.absoluteString)
        }
        // URLSession has already removed any content and transfer coding; the stored headers describe
        // the payload as stored, so warcio and replay tools see consistent lengths and digests.
        var headers: [(String, String)] = []
        for (key, value) in http.allHeaderFields {
            guard let name = key as? String, let value = value as? String else { continue }
            let lower = name.lowercased()
            if ["content-encoding", "transfer-encoding", "content-length"].contains(lower) {
                if lower == "content-encoding" { headers.append(("X-Archive-Original-Content-Encoding", value)) }
                continue
            }
            headers.append((name, value))
        }
        headers.sort { $0.0.lowercased() < $1.0.lowercased() }
        headers.append(("Content-Length", String(body.count)))
        let path = finalURL.path.isEmpty ? "/" : finalURL.path + (finalURL.query.map { "?" + $0 } ?? "")
        var requestHead = "GET \(path) HTTP/1.1\r\nHost: \(finalURL.host ?? "")\(finalURL.port.map { ":\($0)" } ?? "")\r\nUser-Agent: \(userAgent)\r\nAccept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
        if let etag { requestHead += "If-None-Match: \(etag)\r\n" }
        if let lastModified { requestHead += "If-Modified-Since: \(lastModified)\r\n" }
        requestHead += "\r\n"
        return Exchange(requestHead: Data(requestHead.utf8), response: HTTPMessage(status: http.statusCode, headers: headers, body: body),
                        finalURL: finalURL, isFile: false)
    }

    /// Redirects followed before giving up.
    public static let redirectLimit = 10

    /// Follows redirects only to http and https, at most `limit` of them, and never in a loop.
    final class RedirectGuard: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        let limit: Int
        private let lock = NSLock()
        private var seen: [URL] = []
        private var reason: String?

        init(limit: Int) { self.limit = limit }

        /// Why a redirect was refused, if one was.
        var refused: String? { lock.withLock { reason } }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            // The Location header as the server wrote it: the request URL may already have been rewritten.
            let location = (response.allHeaderFields.first { ($0.key as? String)?.lowercased() == "location" }?.value as? String) ?? ""
            let written = URL(string: location, relativeTo: response.url)?.absoluteURL
            let verdict: String? = lock.withLock {
                guard let target = request.url else { return "redirect without a location" }
                for candidate in [written, target].compactMap({ $0 }) where !["http", "https"].contains(candidate.scheme?.lowercased() ?? "") {
                    return "redirect to \(candidate.absoluteString) refused (only http and https are followed)"
                }
                if seen.isEmpty, let origin = task.originalRequest?.url { seen.append(origin) }
                if seen.contains(target) { return "redirect loop at \(target.absoluteString)" }
                seen.append(target)
                if seen.count > limit + 1 { return "more than \(limit) redirects" }
                return nil
            }
            if let verdict {
                lock.withLock { reason = verdict }
                // Not following: the 3xx itself comes back, and the fetch reports why.
                completionHandler(nil)
            } else {
                completionHandler(request)
            }
        }
    }

    static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: "host not found (DNS)"
        case .cannotConnectToHost: "connection refused"
        case .timedOut: "timed out"
        case .networkConnectionLost: "connection lost"
        case .httpTooManyRedirects: "too many redirects"
        case .unsupportedURL: "unsupported URL"
        default: "network error \(error.code.rawValue)"
        }
    }

    static func guessType(_ url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "xml", "rss": "application/rss+xml"
        case "json": "application/json"
        default: "text/html"
        }
    }
}

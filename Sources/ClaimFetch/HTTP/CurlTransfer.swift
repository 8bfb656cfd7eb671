import CCurl
import Foundation

/// One HTTP GET through libcurl, without following redirects. The body streams into memory only up to a
/// limit: the write callback refuses the next byte, so a 2 GB body or a gzip bomb stops at the limit
/// (URLSession on Linux decodes a whole network read before a cancel can act, and queues every chunk).
struct CurlTransfer {
    struct Response {
        var status: Int
        /// Header fields of the final response, in order (a `100 Continue` block is dropped).
        var headers: [(name: String, value: String)]
        /// The body after content decoding (gzip, deflate, br, zstd), at most the limit.
        var body: Data
        var truncated: Bool
    }

    var userAgent: String
    /// Connect timeout, and how long the transfer may stall (no byte received) before it is abandoned.
    var timeout: TimeInterval
    /// Bound on the whole transfer.
    var totalTimeout: TimeInterval
    var bodyLimit: Int
    /// Handles kept per host, so a host's next request reuses its connection (and TLS session).
    var pool: CurlHandlePool

    /// libcurl's global set-up, once per process before any handle exists.
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// Performs the GET on a thread of its own (libcurl blocks), so no cooperative thread waits on the network.
    func get(_ url: URL, headers extra: [String]) async throws -> Response {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Response, Error>) in
            let thread = Thread { continuation.resume(with: Result { try perform(url, headers: extra) }) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private final class Sink {
        let limit: Int
        var body = Data()
        var headerLines: [String] = []
        var truncated = false
        init(limit: Int) { self.limit = limit }
    }

    private func perform(_ url: URL, headers extra: [String]) throws -> Response {
        guard Self.initialised, let handle = pool.checkOut(for: url) else {
            throw FetchError.transport(url: url.absoluteString, reason: "libcurl could not be initialised")
        }
        defer { pool.checkIn(handle, for: url) }
        let sink = Sink(limit: bodyLimit)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        var list: UnsafeMutablePointer<curl_slist>?
        for header in extra { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }

        claimtrack_curl_set_string(handle, CURLOPT_URL, url.absoluteString)
        claimtrack_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        claimtrack_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        claimtrack_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        // HTTP/1.1 so the archived request and response are the messages that crossed the wire.
        claimtrack_curl_set_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        // Every coding this libcurl can decode (gzip, deflate, br, zstd), advertised and undone.
        claimtrack_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        claimtrack_curl_set_string(handle, CURLOPT_USERAGENT, userAgent)
        claimtrack_curl_set_list(handle, CURLOPT_HTTPHEADER, list)
        claimtrack_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(timeout * 1000))
        claimtrack_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(totalTimeout * 1000))
        claimtrack_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        claimtrack_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(timeout.rounded(.up))))
        claimtrack_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        claimtrack_curl_set_callback(handle, CURLOPT_WRITEFUNCTION) { bytes, size, count, context in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            let room = sink.limit - sink.body.count
            guard let bytes else { return length }
            if length <= room {
                sink.body.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: length)
                return length
            }
            sink.body.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: room)
            sink.truncated = true
            return 0  // less than offered: libcurl stops the transfer here
        }
        claimtrack_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        claimtrack_curl_set_callback(handle, CURLOPT_HEADERFUNCTION) { bytes, size, count, context in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            guard let bytes else { return length }
            let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
            if line.hasPrefix("HTTP/") { sink.headerLines = [] }  // a new response (after 100 Continue)
            sink.headerLines.append(line)
            return length
        }

        let code = curl_easy_perform(handle)
        if code != CURLE_OK && !(code == CURLE_WRITE_ERROR && sink.truncated) {
            throw FetchError.transport(url: url.absoluteString, reason: Self.describe(code))
        }
        var status = 0
        claimtrack_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var fields: [(name: String, value: String)] = []
        for line in sink.headerLines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return Response(status: status, headers: fields, body: sink.body, truncated: sink.truncated)
    }

    /// libcurl's failure in the words the run's diagnostics and retry rules use.
    static func describe(_ code: CURLcode) -> String {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST: "host not found (DNS)"
        case CURLE_COULDNT_CONNECT: "connection refused"
        case CURLE_OPERATION_TIMEDOUT: "timed out"
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE: "connection lost"
        case CURLE_UNSUPPORTED_PROTOCOL: "unsupported URL scheme"
        case CURLE_BAD_CONTENT_ENCODING: "body does not decode with its Content-Encoding"
        default: String(cString: curl_easy_strerror(code))
        }
    }
}

/// Idle libcurl handles by host. A handle keeps its live connection across `curl_easy_reset`, so the next
/// request to that host goes over the same connection; a run asks one host one thing at a time, so each
/// host holds one connection.
final class CurlHandlePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [String: [UnsafeMutableRawPointer]] = [:]

    init() {}

    deinit {
        for handles in idle.values { handles.forEach { curl_easy_cleanup($0) } }
    }

    private static func key(_ url: URL) -> String {
        "\(url.scheme ?? "")://\(url.host ?? ""):\(url.port.map(String.init) ?? "")"
    }

    func checkOut(for url: URL) -> UnsafeMutableRawPointer? {
        if let handle = lock.withLock({ idle[Self.key(url)]?.popLast() }) { return handle }
        return curl_easy_init()
    }

    func checkIn(_ handle: UnsafeMutableRawPointer, for url: URL) {
        // Options are set afresh on every request; the connection and DNS caches stay.
        curl_easy_reset(handle)
        lock.withLock { idle[Self.key(url), default: []].append(handle) }
    }
}

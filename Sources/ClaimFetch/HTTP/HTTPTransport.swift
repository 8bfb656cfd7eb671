import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The process's one HTTP client (swift-server/async-http-client): HTTP/1.1 only, so what is archived is
/// the message that crossed the wire; one kept-alive connection per host; no redirects followed (the
/// caller checks every hop); no content decoding by the stack (the body is decoded here as it streams,
/// so a gzip bomb stops at the caller's limit). Created on first use; `shutdown()` before the process exits.
public final class HTTPTransport: @unchecked Sendable {
    /// A complete response head and the body as far as the limit allowed.
    public struct Response: Sendable {
        public var status: Int
        /// Header fields in the order and spelling the server sent them.
        public var headers: [(name: String, value: String)]
        /// The body with its gzip/deflate coding undone, at most the limit.
        public var body: Data
        /// The body passed the limit and was cut there; the rest was never read.
        public var truncated: Bool
        /// A Content-Encoding the server applied although it was not asked for; the body is left coded.
        public var undecodedCoding: String?
    }

    /// Bounds connecting and any stall with no byte received.
    public let timeout: TimeInterval
    /// Bounds one whole exchange, body included.
    public let transferTimeout: TimeInterval
    private let lock = NSLock()
    private var client: HTTPClient?
    private var closed = false

    public init(timeout: TimeInterval, transferTimeout: TimeInterval) {
        self.timeout = timeout
        self.transferTimeout = transferTimeout
    }

    deinit {
        // A transport dropped without `shutdown()` still closes its connections (the task keeps the client alive).
        if let client, !closed { Task { try? await client.shutdown() } }
    }

    /// Closes every connection; later requests fail. Safe to call more than once.
    public func shutdown() async throws {
        let open: HTTPClient? = lock.withLock {
            defer { closed = true; client = nil }
            return closed ? nil : client
        }
        try await open?.shutdown()
    }

    private func connectedClient() throws -> HTTPClient {
        try lock.withLock {
            if closed { throw TransportError.other("the HTTP client was shut down") }
            if let client { return client }
            var configuration = HTTPClient.Configuration()
            configuration.redirectConfiguration = .disallow
            configuration.decompression = .disabled
            configuration.httpVersion = .http1Only
            let bound = TimeAmount.milliseconds(Int64(timeout * 1000))
            configuration.timeout = .init(connect: bound, read: bound)
            // The run asks a host one thing at a time; one connection per host is kept alive between requests.
            configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 1)
            // A refused connection is reported at once; the run's own retry rules decide what happens next.
            configuration.connectionPool.retryConnectionEstablishment = false
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            self.client = client
            return client
        }
    }

    /// GETs `url` with exactly `headers` (Host included: the stack adds nothing), keeping at most `limit`
    /// decoded body bytes. Throws `TransportError`.
    public func get(_ url: URL, headers: [(name: String, value: String)], limit: Int) async throws -> Response {
        let client = try connectedClient()
        let request = {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = .GET
            request.headers = HTTPHeaders(headers.map { ($0.name, $0.value) })
            return request
        }()
        let transferTimeout = self.transferTimeout
        do {
            return try await withThrowingTaskGroup(of: Response?.self) { group in
                group.addTask { try await Self.receive(request, on: client, deadline: .now() + .milliseconds(Int64(transferTimeout * 1000)), limit: limit) }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(transferTimeout * 1_000_000_000))
                    return nil
                }
                defer { group.cancelAll() }
                guard let response = try await group.next() ?? nil else {
                    throw TransportError.timedOut(.transfer, seconds: transferTimeout)
                }
                return response
            }
        } catch {
            throw Self.classify(error, url: url, timeout: timeout, transferTimeout: transferTimeout)
        }
    }

    private static func receive(_ request: HTTPClientRequest, on client: HTTPClient, deadline: NIODeadline, limit: Int) async throws -> Response {
        let response = try await client.execute(request, deadline: deadline)
        let coding = response.headers.first(name: "Content-Encoding")
        var undecoded: String?
        var decoder: ContentDecoder?
        do {
            decoder = try ContentDecoder(contentEncoding: coding)
        } catch {
            undecoded = coding  // archived as sent, never read
        }
        var body = Data()
        var truncated = false
        for try await chunk in response.body {
            if let decoder {
                truncated = try chunk.withUnsafeReadableBytes { try decoder.decode($0, into: &body, limit: limit) }
            } else {
                let room = limit - body.count
                chunk.withUnsafeReadableBytes { body.append(contentsOf: $0.prefix(room)) }
                truncated = chunk.readableBytes > room
            }
            // Leaving the loop drops the body stream, which closes the connection: the rest is never read.
            if truncated { break }
        }
        if !truncated, let decoder { truncated = try decoder.finish(into: &body, limit: limit) }
        return Response(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                        body: body, truncated: truncated, undecodedCoding: undecoded)
    }

    /// What the HTTP stack reported, as a `TransportError`: by the error's type and code, never its text.
    static func classify(_ error: Error, url: URL, timeout: TimeInterval, transferTimeout: TimeInterval) -> TransportError {
        switch error {
        case let error as TransportError:
            return error
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout: return .timedOut(.connect, seconds: timeout)
            case .readTimeout, .writeTimeout: return .timedOut(.stall, seconds: timeout)
            case .deadlineExceeded: return .timedOut(.transfer, seconds: transferTimeout)
            case .remoteConnectionClosed, .cancelled, .uncleanShutdown: return .connectionLost
            case .invalidURL, .emptyHost, .emptyScheme: return .other("not a URL the HTTP client can fetch")
            default: return .other("\(error)")
            }
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty && (error.dnsAError != nil || error.dnsAAAAError != nil) {
                return .hostNotFound(error.host)
            }
            let codes = error.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
            if codes.contains(ECONNREFUSED) { return .connectionRefused }
            return codes.first.map { .other("cannot connect: \(String(cString: strerror($0)))") } ?? .other("cannot connect")
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return .connectionRefused
            case ECONNRESET, EPIPE, ECONNABORTED: return .connectionLost
            case ETIMEDOUT: return .timedOut(.stall, seconds: timeout)
            default: return .other("\(error)")
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return .timedOut(.connect, seconds: timeout)
            case .eof, .ioOnClosedChannel, .outputClosed, .inputClosed, .alreadyClosed: return .connectionLost
            default: return .other("\(error)")
            }
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return .tls("\(error)")
        case let error as HTTPParserError:
            switch error {
            case .headerOverflow: return .tooLarge("response head")
            case .invalidEOFState: return .connectionLost
            default: return .malformedResponse("\(error)")
            }
        case is CancellationError:
            return .other("cancelled")
        default:
            return .other("\(error)")
        }
    }
}

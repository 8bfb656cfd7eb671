import Foundation

/// Why an HTTP exchange produced no complete response. Retry decisions read `isTransient`, never the text.
public enum TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Which of the three bounds a request ran into.
    public enum Bound: String, Sendable {
        case connect = "connecting"
        case stall = "with no byte received"
        case transfer = "for the whole transfer"
    }

    /// A bound of `seconds` passed: connecting, a stall with no byte received, or the whole transfer.
    case timedOut(Bound, seconds: Double)
    /// Nothing listens on the port (or a firewall said no).
    case connectionRefused
    /// The connection was reset or closed before the response was complete.
    case connectionLost
    /// The host name does not resolve.
    case hostNotFound(String)
    /// The TLS handshake failed or the certificate was refused.
    case tls(String)
    /// The response head (status line and headers) passed what a response may carry.
    case tooLarge(String)
    /// The server sent bytes that are not an HTTP/1.1 response.
    case malformedResponse(String)
    /// Anything else the HTTP stack reported.
    case other(String)

    /// Worth another attempt after a pause: a timeout or a dropped connection may not happen twice.
    public var isTransient: Bool {
        switch self {
        case .timedOut, .connectionLost: true
        case .connectionRefused, .hostNotFound, .tls, .tooLarge, .malformedResponse, .other: false
        }
    }

    public var description: String {
        switch self {
        case .timedOut(let bound, let seconds): "timed out \(bound.rawValue) (\(Self.format(seconds)) s)"
        case .connectionRefused: "connection refused"
        case .connectionLost: "connection lost before the response was complete"
        case .hostNotFound(let host): "host \(host) not found (DNS)"
        case .tls(let reason): "TLS: \(reason)"
        case .tooLarge(let what): "\(what) too large"
        case .malformedResponse(let reason): "malformed response: \(reason)"
        case .other(let reason): reason
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}

/// What can go wrong while fetching; each message carries the URL or file at fault.
public enum FetchError: Error, CustomStringConvertible, Equatable {
    /// The exchange with the server failed (see `TransportError`).
    case transport(url: String, TransportError)
    /// A redirect that is not followed: to another scheme, round a loop, past the limit, or unreadable.
    case redirect(url: String, reason: String)
    case unsupportedScheme(url: String)
    case unreadableFile(path: String, reason: String)

    /// Worth retrying after a pause (a timeout, a dropped connection); decided by kind, never by text.
    public var isTransient: Bool {
        if case .transport(_, let error) = self { return error.isTransient }
        return false
    }

    public var description: String {
        switch self {
        case .transport(let url, let error): "GET \(url): \(error)"
        case .redirect(let url, let reason): "GET \(url): \(reason)"
        case .unsupportedScheme(let url): "\(url): only http, https and file URLs are fetched"
        case .unreadableFile(let path, let reason): "\(path): \(reason)"
        }
    }
}

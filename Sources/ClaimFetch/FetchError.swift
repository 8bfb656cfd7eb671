/// What can go wrong while fetching and archiving; each message carries the URL, file or offset at fault.
public enum FetchError: Error, CustomStringConvertible, Equatable {
    case http(url: String, status: Int)
    case transport(url: String, reason: String)
    case unsupportedScheme(url: String)
    case unreadableFile(path: String, reason: String)
    case corruptArchive(file: String, offset: Int, reason: String)
    case compression(reason: String)
    case locked(path: String)

    public var description: String {
        switch self {
        case .http(let url, let status): "GET \(url): HTTP \(status)"
        case .transport(let url, let reason): "GET \(url): \(reason)"
        case .unsupportedScheme(let url): "\(url): only http, https and file URLs are fetched"
        case .unreadableFile(let path, let reason): "\(path): \(reason)"
        case .corruptArchive(let file, let offset, let reason): "\(file) at offset \(offset): \(reason)"
        case .compression(let reason): "gzip: \(reason)"
        case .locked(let path): "another claimtrack process is writing this workspace (lock held on \(path))"
        }
    }
}

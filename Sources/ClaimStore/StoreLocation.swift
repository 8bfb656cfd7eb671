import ClaimCore
import Foundation

/// Where a workspace's store lives: its own SQLite file (the default), or a PostgreSQL database shared by a team.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(URL)
    case postgresql(PostgreSQLAddress)

    /// The store named by `text` (a `--store` option or `CLAIMTRACK_STORE`): a `postgresql://` URL or a SQLite
    /// file's path; nil or empty means the workspace's own `file`.
    public static func named(_ text: String?, workspaceFile file: URL) throws -> StoreLocation {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .sqlite(file) }
        if text.hasPrefix("postgresql:") || text.hasPrefix("postgres:") {
            guard let address = PostgreSQLAddress(text) else { throw StoreLocationError(text: text) }
            return .postgresql(address)
        }
        if text.contains("://") { throw StoreLocationError(text: text) }
        return .sqlite(URL(fileURLWithPath: text).absoluteURL.standardizedFileURL)
    }

    public var description: String {
        switch self {
        case .sqlite(let file): file.path
        case .postgresql(let address): address.description
        }
    }

    /// Whether the store is a PostgreSQL database.
    public var isPostgreSQL: Bool {
        if case .postgresql = self { return true }
        return false
    }
}

/// A store location that is neither a SQLite file nor a PostgreSQL URL claimtrack can use.
public struct StoreLocationError: Error, CustomStringConvertible {
    let text: String
    public var description: String {
        let shown = PostgreSQLAddress(text)?.description ?? text.replacingOccurrences(of: #":[^:@/]*@"#, with: ":…@", options: .regularExpression)
        return "store \(shown): not a store location; give a SQLite file's path or postgresql://user@host:port/database[?schema=name]"
    }
}

extension Workspace {
    /// Where this workspace's store is: `store` if the user named one, else `storeFile`.
    public func storeLocation() throws -> StoreLocation {
        try StoreLocation.named(store, workspaceFile: storeFile)
    }

    /// Whether a writer has made this workspace's store yet.
    public func hasStore() throws -> Bool {
        try Store.exists(try storeLocation())
    }
}

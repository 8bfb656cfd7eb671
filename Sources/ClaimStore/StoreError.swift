/// What can go wrong in the store; the message names the database file and the operation.
public struct StoreError: Error, CustomStringConvertible {
    public let description: String
    /// The store was written by an older claimtrack and needs its schema brought up to date by a writer.
    public let isOutdated: Bool

    init(_ operation: String, path: String, _ error: Error) {
        description = "store \(path): \(operation): \(error)"
        isOutdated = false
    }

    private init(description: String, isOutdated: Bool) {
        self.description = description
        self.isOutdated = isOutdated
    }

    static func notEmpty(path: String, _ counts: Store.Counts) -> StoreError {
        StoreError(description: "store \(path): holds \(counts.runs) runs and \(counts.captures) captures already; copy only into an empty store", isOutdated: false)
    }

    static func outdated(path: String) -> StoreError {
        StoreError(description: "store \(path): written by an older claimtrack; its schema must be brought up to date", isOutdated: true)
    }
}

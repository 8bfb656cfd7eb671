/// What can go wrong in the store; the message names the database file and the operation.
public struct StoreError: Error, CustomStringConvertible {
    public let description: String
    init(_ operation: String, path: String, _ error: Error) {
        description = "store \(path): \(operation): \(error)"
    }
}

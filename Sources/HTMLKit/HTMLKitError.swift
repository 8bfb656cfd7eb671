/// What can go wrong in the HTML/XML layer; each message names the expression or input at fault.
public enum HTMLKitError: Error, Equatable, CustomStringConvertible {
    case invalidXPath(String)
    case unparseable(kind: String, bytes: Int)

    public var description: String {
        switch self {
        case .invalidXPath(let expression): "xpath \"\(expression)\" is invalid"
        case .unparseable(let kind, let bytes): "\(kind) of \(bytes) bytes could not be parsed"
        }
    }
}

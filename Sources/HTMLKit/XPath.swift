import CLibXML2
import Foundation

/// Evaluates XPath 1.0 expressions over a parsed document; an invalid expression throws.
///
/// Selectors in this project write `/descendant::div[…]` (and `./descendant::…`) where `//div[…]` would
/// do: the two are the same when the step's predicates are not positional, but libxml2 2.9 only turns
/// `//` into a descendant walk for a step without predicates; otherwise it gathers the children of every
/// node on the page and merges the sets, which took twice as long.
public enum XPath {
    /// Throws `HTMLKitError.invalidXPath` unless `expression` compiles; for checking selectors users write.
    public static func validate(_ expression: String) throws {
        HTMLDocument.setUp()
        guard let compiled = xmlXPathCompile(expression) else { throw HTMLKitError.invalidXPath(expression) }
        xmlXPathFreeCompExpr(compiled)
    }

    static func nodes(_ expression: String, in document: HTMLDocument, context: xmlNodePtr?) throws -> [Node] {
        try evaluate(expression, in: document, context: context) { object in
            guard let set = object.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
                return []
            }
            return (0..<Int(set.pointee.nodeNr)).compactMap { index in
                table[index].map { Node(document: document, pointer: $0) }
            }
        }
    }

    static func string(_ expression: String, in document: HTMLDocument, context: xmlNodePtr?) throws -> String {
        try evaluate(expression, in: document, context: context) { object in
            guard let value = xmlXPathCastToString(object) else { return "" }
            defer { claimtrack_xmlFree(value) }
            return String(cString: value)
        }
    }

    /// Compiled expressions, kept for the life of the process: plugins evaluate the same few selectors on
    /// every page and every row, and compiling is most of the cost of a small query.
    private final class Cache: @unchecked Sendable {
        private var compiled: [String: xmlXPathCompExprPtr] = [:]
        private let lock = NSLock()

        func expression(_ text: String) -> xmlXPathCompExprPtr? {
            lock.lock()
            defer { lock.unlock() }
            if let found = compiled[text] { return found }
            guard let made = xmlXPathCompile(text) else { return nil }
            // A bounded cache: selectors are few, but a user could generate many.
            if compiled.count > 4096 {
                compiled.values.forEach { xmlXPathFreeCompExpr($0) }
                compiled.removeAll()
            }
            compiled[text] = made
            return made
        }
    }

    private static let cache = Cache()

    private static func evaluate<T>(
        _ expression: String, in document: HTMLDocument, context node: xmlNodePtr?,
        _ read: (xmlXPathObjectPtr) -> T
    ) throws -> T {
        guard let compiled = cache.expression(expression) else { throw HTMLKitError.invalidXPath(expression) }
        if document.xpathContext == nil { document.xpathContext = xmlXPathNewContext(document.pointer) }
        guard let context = document.xpathContext else { throw HTMLKitError.invalidXPath(expression) }
        context.pointee.node = node ?? xmlDocGetRootElement(document.pointer)
        guard let object = xmlXPathCompiledEval(compiled, context) else {
            throw HTMLKitError.invalidXPath(expression)
        }
        defer { xmlXPathFreeObject(object) }
        return read(object)
    }
}


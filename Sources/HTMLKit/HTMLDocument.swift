import CLibXML2
import Foundation

/// A parsed HTML page or XML feed. Owns the libxml2 tree; every `Node` keeps its document alive.
public final class HTMLDocument {
    let pointer: xmlDocPtr
    /// The encoding the bytes were decoded with.
    public let encoding: String

    private init(pointer: xmlDocPtr, encoding: String) {
        self.pointer = pointer
        self.encoding = encoding
    }

    /// One XPath context per document, made on the first query: a new context registers every XPath
    /// function in a fresh hash table, which cost more than the small per-row queries themselves.
    var xpathContext: xmlXPathContextPtr?

    deinit {
        if let xpathContext { xmlXPathFreeContext(xpathContext) }
        xmlFreeDoc(pointer)
    }

    /// Parses HTML bytes, tolerating broken markup; never touches the network.
    /// `charset` is the one the HTTP response declared, if any.
    public convenience init(html data: Data, url: String? = nil, charset: String? = nil) throws {
        Self.setUp()
        let encoding = Charset.detect(data, declared: charset)
        // RECOVER keeps what a browser would show; HUGE lifts the ~255-level nesting cut-off of libxml2 2.9.
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
        let document: htmlDocPtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.bindMemory(to: CChar.self).baseAddress else { return nil }
            return htmlReadMemory(base, Int32(buffer.count), url, encoding, options)
        }
        guard let document else { throw HTMLKitError.unparseable(kind: "html", bytes: data.count) }
        self.init(pointer: document, encoding: encoding)
    }

    /// Parses an XML document (a feed). Entities are never expanded and no external DTD is loaded.
    public convenience init(xml data: Data, url: String? = nil) throws {
        Self.setUp()
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue)
        let document: xmlDocPtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.bindMemory(to: CChar.self).baseAddress else { return nil }
            return xmlReadMemory(base, Int32(buffer.count), url, nil, options)
        }
        guard let document else { throw HTMLKitError.unparseable(kind: "xml", bytes: data.count) }
        self.init(pointer: document, encoding: "UTF-8")
    }

    /// Parses a fragment of HTML (a feed item's description, say) on its own.
    public convenience init(fragment: String) throws {
        try self.init(html: Data(("<html><body>" + fragment + "</body></html>").utf8), charset: "UTF-8")
    }

    /// The root element, if the document has one.
    public var root: Node? {
        xmlDocGetRootElement(pointer).map { Node(document: self, pointer: $0) }
    }

    /// Nodes matching `xpath`, in document order.
    public func select(_ xpath: String) throws -> [Node] {
        try XPath.nodes(xpath, in: self, context: nil)
    }

    /// The first node matching `xpath`.
    public func first(_ xpath: String) throws -> Node? {
        try select(xpath).first
    }

    /// The collapsed text of the first node matching `xpath`, or nil when nothing matched or it is empty.
    public func text(_ xpath: String) throws -> String? {
        try first(xpath)?.text.nilIfEmpty
    }

    /// Decodes HTML entities (`&amp;`, `&#36;`) in a string that came from outside the tree, such as JSON-LD.
    public static func decodeEntities(_ string: String) -> String {
        guard string.contains("&") else { return string }
        return (try? HTMLDocument(fragment: "<p>" + string.replacingOccurrences(of: "<", with: "&lt;") + "</p>"))?
            .root?.text ?? string
    }

    private static let initialize: Void = {
        xmlInitParser()
        claimtrack_silenceLibxml()
    }()

    static func setUp() { _ = initialize }
}

extension String {
    /// nil for the empty string, so optional chains can fall through to the next source.
    public var nilIfEmpty: String? { isEmpty ? nil : self }

    /// Without leading and trailing white space and newlines (Unicode White_Space, and U+200B as
    /// Foundation counts it), as `trimmingCharacters(in: .whitespacesAndNewlines)` gives but without
    /// Foundation, which cost a third of reading a page's meta tags.
    public var trimmed: String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? (scalar == " " || (0x09...0x0D).contains(scalar.value))
                : (scalar.properties.isWhitespace || scalar.value == 0x200B)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// An element, attribute or text node of a parsed document. Holding one keeps the document alive.
public struct Node: Hashable {
    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.pointer == rhs.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    /// The owning document: a strong reference, so the libxml2 tree outlives every node taken from it.
    public let document: HTMLDocument
    let pointer: xmlNodePtr

    init(document: HTMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    /// The lower-case tag name (`div`), the attribute's name, or `text`.
    public var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Whether the tag (or attribute) name is `name`, compared as bytes without making a String: walks ask
    /// this of every element of a page.
    public func hasName(_ name: String) -> Bool {
        guard let own = pointer.pointee.name else { return false }
        return name.withCString { xmlStrEqual(own, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) != 0 }
    }

    /// Whether this is an element (not an attribute, text or comment).
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The value of attribute `name`, entities decoded, or nil when absent.
    public func attribute(_ name: String) -> String? {
        guard isElement, let value = xmlGetProp(pointer, name) else { return nil }
        defer { claimtrack_xmlFree(value) }
        return String(cString: value)
    }

    /// Every text node below, verbatim (entities decoded, whitespace kept, scripts included).
    public var rawText: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { claimtrack_xmlFree(content) }
        return String(cString: content)
    }

    /// What a reader sees: text with whitespace collapsed, scripts and styles left out, blocks joined by spaces.
    public var text: String { TextWalker.blocks(of: pointer).joined(separator: " ") }

    /// The visible text split at block elements and `<br>`: one string per paragraph-like run.
    public var blocks: [String] { TextWalker.blocks(of: pointer) }

    /// Nodes matching `xpath` evaluated with this node as the context (`.//a/@href`).
    public func select(_ xpath: String) throws -> [Node] {
        try XPath.nodes(xpath, in: document, context: pointer)
    }

    /// The first node matching `xpath` relative to this node.
    public func first(_ xpath: String) throws -> Node? {
        try select(xpath).first
    }

    /// The collapsed text of the first match of `xpath` relative to this node, nil if none or empty.
    public func text(_ xpath: String) throws -> String? {
        try first(xpath)?.text.nilIfEmpty
    }

    /// What a walk over the elements below a node does after visiting one.
    public enum Walk {
        case descend, skipChildren, stop
    }

    /// Visits every element below this one in document order, without XPath and without recursion: for
    /// queries run on every table row or on very large pages, where libxml2's XPath collects and merges
    /// node sets that a walk never builds.
    public func walkDescendants(_ visit: (Node) -> Walk) {
        var next = pointer.pointee.children
        while let current = next {
            if current.pointee.type == XML_ELEMENT_NODE {
                switch visit(Node(document: document, pointer: current)) {
                case .stop: return
                case .descend:
                    if let child = current.pointee.children {
                        next = child
                        continue
                    }
                case .skipChildren: break
                }
            }
            // Climb until a sibling exists; stop back at this node.
            var climbing: xmlNodePtr? = current
            next = nil
            while let up = climbing, up != pointer {
                if let sibling = up.pointee.next {
                    next = sibling
                    break
                }
                climbing = up.pointee.parent
            }
        }
    }

    /// The first element below this one, in document order, that `matches` (`(.//x[…])[1]` as a walk).
    public func firstDescendant(where matches: (Node) -> Bool) -> Node? {
        var found: Node?
        walkDescendants { node in
            guard matches(node) else { return .descend }
            found = node
            return .stop
        }
        return found
    }

    /// The elements below this one that `matches`, in document order, without looking inside a match.
    public func outermostDescendants(where matches: (Node) -> Bool) -> [Node] {
        var found: [Node] = []
        walkDescendants { node in
            guard matches(node) else { return .descend }
            found.append(node)
            return .skipChildren
        }
        return found
    }

    /// The first element child that `matches`, without building the list of children.
    public func firstChild(where matches: (Node) -> Bool) -> Node? {
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let node = Node(document: document, pointer: current)
                if matches(node) { return node }
            }
            child = current.pointee.next
        }
        return nil
    }

    /// The parent element, nil at the top.
    public var parent: Node? {
        guard let up = pointer.pointee.parent, up.pointee.type == XML_ELEMENT_NODE else { return nil }
        return Node(document: document, pointer: up)
    }

    /// The text of this element's own text children (not of its child elements), whitespace collapsed: the
    /// prose of a container that writes its paragraphs as text separated by `<br>`.
    public var ownText: String {
        var bytes: [UInt8] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
                bytes.append(0x20)
            }
            child = current.pointee.next
        }
        return TextWalker.collapse(bytes)
    }

    /// `blocks`, leaving out everything inside `excluded` (boilerplate inside an article's container).
    public func blocks(excluding excluded: [Node]) -> [String] {
        TextWalker.blocks(of: pointer, excluding: Set(excluded.map { UnsafeMutableRawPointer($0.pointer) }))
    }

    /// The element children, in order.
    public var children: [Node] {
        var result: [Node] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(Node(document: document, pointer: current)) }
            child = current.pointee.next
        }
        return result
    }
}

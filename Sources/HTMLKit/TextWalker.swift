import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Collects visible text without recursion, so 100,000 levels of nesting cost no stack. Works on libxml2's
/// UTF-8 bytes and makes one String per block: a String per text node and per element name, appended
/// scalar by scalar, was most of what reading a page cost beyond parsing it.
enum TextWalker {
    /// Elements whose content a reader never sees.
    static let hidden: Set<String> = ["script", "style", "noscript", "template", "head", "svg", "iframe", "button"]
    /// Elements that start a new block of text.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul", "center", "item", "title", "description",
    ]

    private enum Kind { case hidden, block }

    /// Both lists by a hash of the name's bytes; a hit is confirmed byte for byte.
    private static let kinds: [UInt64: (name: [UInt8], kind: Kind)] = {
        var table: [UInt64: (name: [UInt8], kind: Kind)] = [:]
        for (names, kind) in [(hidden, Kind.hidden), (blockElements, Kind.block)] {
            for name in names {
                let bytes = Array(name.utf8)
                let key = bytes.withUnsafeBufferPointer { FNV1a.hash($0) }
                precondition(table[key] == nil, "hash collision between element names")
                table[key] = (bytes, kind)
            }
        }
        return table
    }()

    private static func kind(of name: UnsafePointer<xmlChar>?) -> Kind? {
        guard let name else { return nil }
        let bytes = UnsafeBufferPointer(start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)))
        guard let entry = kinds[FNV1a.hash(bytes)], entry.name.elementsEqual(bytes) else { return nil }
        return entry.kind
    }

    static func blocks(of start: xmlNodePtr, excluding excluded: Set<UnsafeMutableRawPointer> = []) -> [String] {
        switch start.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ATTRIBUTE_NODE:
            let text = collapse(Array(rawContent(start).utf8))
            return text.isEmpty ? [] : [text]
        default: break
        }
        var blocks: [String] = []
        var current: [UInt8] = []
        func flush() {
            let text = collapse(current)
            if !text.isEmpty { blocks.append(text) }
            current.removeAll(keepingCapacity: true)
        }
        var node: xmlNodePtr? = start.pointee.children
        while let visiting = node {
            var descend = false
            switch visiting.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = visiting.pointee.content {
                    current.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
                }
            case XML_ELEMENT_NODE:
                let isExcluded = !excluded.isEmpty && excluded.contains(UnsafeMutableRawPointer(visiting))
                let kind = isExcluded ? .hidden : kind(of: visiting.pointee.name)
                if kind == .block || isExcluded { flush() }
                descend = kind != .hidden && visiting.pointee.children != nil
            default:
                break
            }
            if descend {
                node = visiting.pointee.children
                continue
            }
            // Climb until a sibling exists, closing blocks on the way up; stop at the start node.
            var climbing: xmlNodePtr? = visiting
            node = nil
            while let up = climbing, up != start {
                if up.pointee.type == XML_ELEMENT_NODE, kind(of: up.pointee.name) == .block {
                    flush()
                }
                if let next = up.pointee.next {
                    node = next
                    break
                }
                climbing = up.pointee.parent
            }
        }
        flush()
        return blocks
    }

    static func rawContent(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { claimtrack_xmlFree(content) }
        return String(cString: content)
    }

    /// Collapses every run of white space (including NBSP and zero-width joiners) into one space, trimming
    /// both ends. Bytes that are not valid UTF-8 are kept and become U+FFFD, as `String(cString:)` did.
    static func collapse(_ text: String) -> String { collapse(Array(text.utf8)) }

    static func collapse(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        func keep(_ slice: ArraySlice<UInt8>) {
            if pendingSpace && !result.isEmpty { result.append(0x20) }
            pendingSpace = false
            result.append(contentsOf: slice)
        }
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x20 || lead == 0x0A || lead == 0x09 || lead == 0x0D || lead == 0x0B || lead == 0x0C {
                    pendingSpace = true
                } else {
                    keep(bytes[index...index])
                }
                index += 1
                continue
            }
            guard let (scalar, length) = decodeScalar(bytes, at: index) else {
                keep(bytes[index...index])
                index += 1
                continue
            }
            if scalar == "\u{00A0}" || scalar.properties.isWhitespace {
                pendingSpace = true
            } else if !(scalar == "\u{200C}" || scalar == "\u{200B}" || scalar == "\u{FEFF}") {
                keep(bytes[index..<index + length])
            }
            index += length
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The multi-byte scalar starting at `index`, or nil when the bytes there are not well-formed UTF-8.
    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
        guard length > 0, index + length <= bytes.count, lead < 0xF5 else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        // Overlong forms and surrogates are not scalars.
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}

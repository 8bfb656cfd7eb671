import CLibXML2

/// Collects visible text without recursion, so 100,000 levels of nesting cost no stack.
enum TextWalker {
    /// Elements whose content a reader never sees.
    static let hidden: Set<String> = ["script", "style", "noscript", "template", "head", "svg", "iframe", "button"]
    /// Elements that start a new block of text.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul", "center", "item", "title", "description",
    ]

    static func blocks(of start: xmlNodePtr) -> [String] {
        switch start.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ATTRIBUTE_NODE:
            let text = collapse(rawContent(start))
            return text.isEmpty ? [] : [text]
        default: break
        }
        var blocks: [String] = []
        var current = ""
        func flush() {
            let text = collapse(current)
            if !text.isEmpty { blocks.append(text) }
            current = ""
        }
        var node: xmlNodePtr? = start.pointee.children
        while let visiting = node {
            var descend = false
            switch visiting.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = visiting.pointee.content { current += String(cString: content) }
            case XML_ELEMENT_NODE:
                let name = String(cString: visiting.pointee.name)
                if blockElements.contains(name) { flush() }
                descend = !hidden.contains(name) && visiting.pointee.children != nil
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
                if up.pointee.type == XML_ELEMENT_NODE, blockElements.contains(String(cString: up.pointee.name)) {
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

    /// Collapses every run of white space (including NBSP and zero-width joiners) into one space.
    static func collapse(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.value < 128
                ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C)
                : (scalar == "\u{00A0}" || scalar.properties.isWhitespace)
            if isSpace {
                pendingSpace = true
            } else if scalar == "\u{200C}" || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                continue
            } else {
                if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

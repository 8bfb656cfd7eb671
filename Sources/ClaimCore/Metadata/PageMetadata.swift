import Foundation
import HTMLKit

/// The machine-readable metadata most article pages carry: JSON-LD, OpenGraph and other meta tags,
/// and the canonical link. Plugins consult it after their own, more reliable, markup.
public struct PageMetadata {
    /// Every JSON-LD object on the page, `@graph` members flattened, in page order.
    public let jsonLD: [[String: Any]]
    private let document: HTMLDocument
    /// Every `<meta>` by its property, name or itemprop (first one wins), read in one pass over the page:
    /// a query per tag would walk the whole document each time.
    private let metaTags: [String: String]
    /// The first canonical link's href, trimmed (empty when that href is blank).
    private let canonicalLink: String?

    public init(_ document: HTMLDocument) {
        self.document = document
        // `//script[@type='application/ld+json']`, `//meta[@content]` and `(//link[@rel='canonical'])[1]`
        // in one walk: three XPath queries walked every page three times.
        var objects: [[String: Any]] = []
        var tags: [String: String] = [:]
        var canonical: String?
        document.root?.walkDescendants { node in
            if node.hasName("script") {
                if node.attribute("type") == "application/ld+json",
                   let parsed = try? JSONSerialization.jsonObject(with: Data(node.rawText.utf8)) {
                    Self.flatten(parsed, into: &objects)
                }
                return .skipChildren
            }
            if node.hasName("meta"), let content = node.attribute("content")?.trimmed, !content.isEmpty {
                for key in ["property", "name", "itemprop"].compactMap({ node.attribute($0) }) where tags[key] == nil {
                    tags[key] = content
                }
            } else if canonical == nil, node.hasName("link"), node.attribute("rel") == "canonical", let href = node.attribute("href") {
                canonical = href.trimmingCharacters(in: .whitespaces)
            }
            return .descend
        }
        jsonLD = objects
        metaTags = tags
        canonicalLink = canonical
    }

    private static func flatten(_ value: Any, into objects: inout [[String: Any]]) {
        if let array = value as? [Any] {
            array.forEach { flatten($0, into: &objects) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { flatten(graph, into: &objects) }
        }
    }

    /// The first JSON-LD object whose `@type` is one of `types`.
    public func jsonLD(ofType types: Set<String>) -> [String: Any]? {
        jsonLD.first { object in
            if let type = object["@type"] as? String { return types.contains(type) }
            if let list = object["@type"] as? [String] { return list.contains(where: types.contains) }
            return false
        }
    }

    /// The JSON-LD object with this `@id`, for references such as `"author": {"@id": "…"}`.
    public func jsonLD(id: String) -> [String: Any]? {
        jsonLD.first { $0["@id"] as? String == id }
    }

    /// A person or organisation's name from a JSON-LD value: a string, an object, a reference or a list.
    public func name(of value: Any?) -> String? {
        switch value {
        case let string as String: return string.nilIfEmpty
        case let list as [Any]:
            let names = list.compactMap { name(of: $0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        case let object as [String: Any]:
            if let name = object["name"] as? String { return name.nilIfEmpty }
            if let id = object["@id"] as? String, let target = jsonLD(id: id) { return target["name"] as? String }
            return nil
        default: return nil
        }
    }

    /// The content of `<meta property=…>` or `<meta name=…>`.
    public func meta(_ key: String) -> String? {
        metaTags[key]
    }

    /// `<link rel="canonical">`.
    public var canonical: String? {
        canonicalLink?.nilIfEmpty
    }

    /// The head `<title>` (not the inline SVG titles that follow it).
    public var headTitle: String? {
        (try? document.text("/html/head/title"))
    }
}

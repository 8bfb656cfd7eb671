import ClaimCore
import Foundation
import HTMLKit

/// Geekbench Browser: text renderings of result pages.
extension GeekbenchSource {
    /// A text rendering of a result page (as `lynx -dump` writes it): "Label   value" lines.
    func readTextDump(_ page: FetchedPage) -> Reading {
        let lines = String(decoding: page.body, as: UTF8.self).components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }
        var facts: [String: String] = [:]
        if let id = Self.resultID(page.url) { facts["id"] = id }
        func value(after label: String) -> String? {
            lines.first { $0.hasPrefix(label + " ") }.map { String($0.dropFirst(label.count)).trimmingCharacters(in: .whitespaces) }
        }
        let scoreIndex = lines.firstIndex { $0.hasSuffix(" Score") && $0.hasPrefix("Geekbench") }
        let title = scoreIndex.flatMap { index in lines[..<index].last { !$0.isEmpty } }
        if let index = scoreIndex {
            let rest = Array(lines[(index + 1)...].filter { !$0.isEmpty }.prefix(6))
            for (offset, line) in rest.enumerated() where offset > 0 {
                let lower = line.lowercased()
                if let kind = Self.scoreAttributes.first(where: { lower == "\($0.note) score" }) { facts[kind.fact] = rest[offset - 1] }
                if line.hasPrefix("Geekbench ") {
                    let parts = line.components(separatedBy: " for ")
                    facts["version"] = parts[0]
                    if parts.count > 1 { facts["platform"] = parts[1] }
                }
            }
        }
        for (label, fact) in [("Operating System", "os"), ("Model ID", "model_id"), ("Model", "model"), ("Motherboard", "motherboard"), ("Name", "cpu")] {
            if let found = value(after: label) { facts[fact] = found }
        }
        let published = value(after: "Upload Date").flatMap { Timestamp.loose($0) }
        var diagnostics: [Diagnostic] = []
        if facts["single"] == nil {
            diagnostics.append(.warning("text is not a Geekbench result rendering", source: Self.descriptor.id, page: page))
        }
        let scores = [("geekbench.single-core", facts["single"]), ("geekbench.multi-core", facts["multi"])].compactMap { pair in pair.1.flatMap(Double.init).map { (pair.0, $0) } }
        return Reading(document: Document(url: page.url.absoluteString, source: Self.descriptor.id, kind: .result, title: title,
                                          published: published, publisher: Self.descriptor.name, provenance: ["published": "Upload Date line"], facts: facts),
                       claims: measuredClaims(scores, facts: facts, stated: published, url: page.url), diagnostics: diagnostics)
    }
}

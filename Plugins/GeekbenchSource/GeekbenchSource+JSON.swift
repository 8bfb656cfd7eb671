import ClaimCore
import Foundation
import HTMLKit

/// Geekbench Browser: the .gb5/.gb6 JSON documents.
extension GeekbenchSource {
    func readJSON(_ page: FetchedPage) throws -> Reading {
        guard let object = try? JSONSerialization.jsonObject(with: page.body) as? [String: Any], object["sections"] != nil || object["score"] != nil else {
            throw GeekbenchError.notAResult(url: page.url.absoluteString)
        }
        var metrics: [Int: String] = [:]
        for metric in object["metrics"] as? [[String: Any]] ?? [] {
            if let id = metric["id"] as? Int, let value = metric["value"] as? String { metrics[id] = value.trimmingCharacters(in: .whitespaces) }
        }
        var facts: [String: String] = [:]
        if let id = Self.resultID(page.url) { facts["id"] = id }
        // Metric ids are stable across the 5/6/7 documents: 1 platform, 3 OS, 5 model, 9 processor.
        for (id, fact) in [(1, "platform"), (3, "os"), (5, "model"), (9, "cpu")] { if let value = metrics[id]?.nilIfEmpty { facts[fact] = value } }
        if let version = object["version"] as? String { facts["version"] = version }
        if let valid = object["valid"] { facts["valid"] = "\(valid)" }
        if let documentVersion = object["document_version"] { facts["document_version"] = "\(documentVersion)" }
        var scores: [(String, Double)] = []
        if let single = (object["score"] as? NSNumber)?.doubleValue { facts["single"] = ValueFormat.plain(single); scores.append(("geekbench.single-core", single)) }
        if let multi = (object["multicore_score"] as? NSNumber)?.doubleValue { facts["multi"] = ValueFormat.plain(multi); scores.append(("geekbench.multi-core", multi)) }
        let published = (object["date"] as? String).flatMap(Self.documentDate)
        var diagnostics: [Diagnostic] = []
        let valid = (object["valid"] as? NSNumber)?.intValue ?? 1
        if valid == 0 {
            diagnostics.append(.warning("invalid result (valid=0); no score claims", source: Self.descriptor.id, page: page))
        }
        return Reading(document: Document(url: page.url.absoluteString, source: Self.descriptor.id, kind: .json,
                                          published: published, publisher: Self.descriptor.name,
                                          provenance: ["published": "date", "model": "metrics[5]", "cpu": "metrics[9]"], facts: facts),
                       claims: valid == 0 ? [] : measuredClaims(scores, facts: facts, stated: published, url: page.url),
                       diagnostics: diagnostics)
    }
}

import ClaimCore
import Foundation
import HTMLKit

/// Geekbench Browser: compare pages.
extension GeekbenchSource {
    func readCompare(_ document: HTMLDocument, page: FetchedPage) throws -> Reading {
        var facts: [String: String] = [:]
        let components = URLComponents(url: page.url, resolvingAgainstBaseURL: false)
        facts["result_id"] = page.url.pathComponents.last.flatMap { $0.allSatisfy(\.isNumber) ? $0 : nil } ?? ""
        facts["baseline_id"] = components?.queryItems?.first { $0.name == "baseline" }?.value ?? ""
        if let remove = try document.first("/descendant::a[contains(@href,'remove_baseline')]/@href")?.rawText {
            facts["remove_baseline_link_id"] = remove.split(separator: "/").last.map(String.init)
        }
        for table in try document.select(Select.comparePerformance) {
            for row in try table.select("./descendant::tr[*[@class='score']]") {
                guard let name = try row.first("*[@class='name']")?.text.lowercased(),
                      let kind = Self.scoreAttributes.first(where: { name.contains($0.note) }), name.hasSuffix("score") else { continue }
                let scores = try row.select("*[@class='score']").map(\.text)
                if scores.count == 2 {
                    facts["result_\(kind.fact)"] = scores[0]
                    facts["baseline_\(kind.fact)"] = scores[1]
                }
                facts["\(kind.fact)_delta"] = try row.text("*[@class='delta']")
            }
        }
        let versions = try document.select(Select.compareVersions).map(\.text)
        if versions.count == 2 {
            facts["result_version"] = versions[0]
            facts["baseline_version"] = versions[1]
        }
        let title = try document.first(Select.headline).map { $0.blocks.joined(separator: " ") }
        return Reading(document: Document(url: page.url.absoluteString, source: Self.descriptor.id, kind: .compare, title: title,
                                          publisher: Self.descriptor.name, provenance: ["title": Select.headline], facts: facts))
    }
}

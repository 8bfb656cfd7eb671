import ClaimCore
import Foundation
import HTMLKit

/// Geekbench Browser: the processor chart.
extension GeekbenchSource {
    /// `Select.chartTables` by a walk that skips the inside of each table it finds: every Geekbench page is
    /// asked whether it is a chart, and on a chart XPath would visit the 1,500 rows of both tables.
    static func chartTables(in document: HTMLDocument) -> [Node] {
        document.root?.outermostDescendants { node in
            guard node.hasName("table"), let classes = node.attribute("class") else { return false }
            return classes.contains("benchmark-chart-table") || classes.contains("processor-benchmark")
        } ?? []
    }

    /// Every chart row's confidence, made once rather than once per row.
    static let chartConfidence = Confidence(score: Hedges.baseScore(.measured), label: .measured, reasons: ["measured: Geekbench processor chart"])

    func readChart(_ tables: [Node], in document: HTMLDocument, page: FetchedPage) throws -> Reading {
        var facts: [String: String] = [:]
        var claims: [Claim] = []
        for (index, table) in tables.prefix(2).enumerated() {
            // `.//tbody/tr`, `.//td[@class='name']/a` and `.//td[@class='score']` by walks: on a chart of
            // 1,500 rows two XPath queries per row cost more than parsing the page.
            let bodies = table.outermostDescendants { $0.hasName("tbody") }
            let rows = bodies.flatMap { $0.children.filter { $0.hasName("tr") } }.compactMap { row -> (String, Double)? in
                let cells = Self.nameAndScoreCells(of: row)
                guard let name = cells.name?.firstChild(where: { $0.hasName("a") })?.text.nilIfEmpty, let score = cells.score?.text,
                      let number = Double(score.filter(\.isNumber)) else { return nil }
                return (name, number)
            }
            let prefix = index == 0 ? "" : "multi_"
            facts["\(prefix)rows"] = String(rows.count)
            if let top = rows.first { facts["\(prefix)top"] = "\(top.0)=\(ValueFormat.plain(top.1))" }
            if index == 0, let last = rows.last { facts["last_single"] = "\(last.0)=\(ValueFormat.plain(last.1))" }
            let attribute = index == 0 ? "geekbench.single-core" : "geekbench.multi-core"
            for (name, score) in rows {
                claims.append(Claim(subject: name, attribute: attribute, qualifier: "chart average",
                                    value: Value(type: .score, text: ValueFormat.plain(score), number: score, unit: "points"),
                                    confidence: Self.chartConfidence,
                                    quote: "\(name): \(ValueFormat.plain(score))", statedAt: page.retrieved))
            }
        }
        let title = document.root?.firstDescendant(where: { $0.hasName("title") })?.text.nilIfEmpty.map { $0.replacingOccurrences(of: " - Geekbench Browser", with: "").replacingOccurrences(of: " - Geekbench", with: "") }
        // The chart is data, not a list of pages to follow: no links.
        return Reading(document: Document(url: page.url.absoluteString, source: Self.descriptor.id, kind: .listing, title: title,
                                          publisher: Self.descriptor.name, provenance: ["title": "head title"], facts: facts),
                       claims: claims)
    }

    /// A chart row's first `td.name` and first `td.score`, found in one walk of the row.
    static func nameAndScoreCells(of row: Node) -> (name: Node?, score: Node?) {
        var name: Node?
        var score: Node?
        row.walkDescendants { node in
            guard node.hasName("td") else { return .descend }
            switch node.attribute("class") {
            case "name": name = name ?? node
            case "score": score = score ?? node
            default: break
            }
            return name != nil && score != nil ? .stop : .skipChildren
        }
        return (name, score)
    }
}

import ClaimCore
import Foundation
import HTMLKit

/// Geekbench Browser: result pages (Geekbench 5, 6 and 7, CPU and GPU).
extension GeekbenchSource {
    func readResult(_ document: HTMLDocument, banner: Node?, page: FetchedPage) throws -> Reading {
        var facts: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        if let id = Self.resultID(page.url) { facts["id"] = id }
        // The system tables: "Operating System", "Model", "Model ID", "Motherboard", the CPU's "Name", "Upload Date".
        var rows: [String: String] = [:]
        var section = ""
        for row in try document.select(Select.systemRows) {
            if let heading = try row.first("ancestor::table[1]//th")?.text { section = heading }
            let cells = try row.select("td")
            guard cells.count >= 2 else { continue }
            let name = cells[0].text
            // Badges with tooltips sit inside some value cells (instruction sets); the cell's own text is the value.
            let own = try cells[1].select("text()").map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            let value = name == "Instruction Sets" ? own : cells[1].text
            rows[section.hasPrefix("CPU") && name == "Name" ? "CPU Name" : name] = value
        }
        let keys = [("Model", "model"), ("CPU Name", "cpu"), ("Operating System", "os"), ("Motherboard", "motherboard"),
                    ("Model ID", "model_id"), ("Topology", "topology"), ("Instruction Sets", "instruction_sets")]
        for (row, fact) in keys { if let value = rows[row]?.nilIfEmpty { facts[fact] = value } }
        if let platform = try document.text(Select.platformLine) {
            let parts = platform.components(separatedBy: " for ")
            facts["version"] = parts[0]
            if parts.count > 1 { facts["platform"] = parts[1] }
        }
        var scores: [(attribute: String, value: Double)] = []
        for block in try document.select(Select.scoreBlocks) {
            guard let note = try block.text("./descendant::div[@class='note']")?.lowercased(), let score = try block.text("./descendant::div[@class='score']"),
                  let number = Double(score.filter(\.isNumber)), let kind = Self.scoreAttributes.first(where: { note.contains($0.note) })
            else { continue }
            facts[kind.fact] = ValueFormat.plain(number)
            scores.append((kind.attribute, number))
        }
        // Logged-out pages have no score blocks: the benchmark tables' headings carry the section scores.
        for table in try document.select(Select.benchmarkTables) {
            guard let heading = try table.text(".//thead/descendant::th[@class='name']")?.lowercased(),
                  let kind = Self.scoreAttributes.first(where: { heading.contains($0.note) }) else { continue }
            if facts[kind.fact] == nil, let score = try table.text(".//thead/descendant::th[@class='score']"), let number = Double(score.filter(\.isNumber)) {
                facts[kind.fact] = ValueFormat.plain(number)
                scores.append((kind.attribute, number))
            }
            if kind.fact == "single" {
                let workloads = try table.select(".//tbody/tr[td[@class='score']]").compactMap { row -> String? in
                    guard let name = try row.first("td[@class='name']")?.blocks.first,
                          let score = try row.first("td[@class='score']")?.blocks.first else { return nil }
                    return "\(name)=\(score)"
                }
                if !workloads.isEmpty { facts["workloads"] = workloads.joined(separator: ",") }
            }
        }
        facts["valid"] = try document.text(Select.validation) ?? (banner == nil ? nil : "Invalid")
        if let banner {
            facts["valid"] = "Invalid"
            facts["banner"] = banner.text
            facts["banner_class"] = banner.attribute("class")
            if let widget = try document.first(Select.validation) {
                facts["validation_class"] = widget.attribute("class")?.split(separator: " ").last.map(String.init)
            }
            diagnostics.append(.warning("invalid result (\(banner.text)); no score claims", source: Self.descriptor.id, page: page))
        }
        var provenance = ["title": Select.headline, "published": "Upload Date row"]
        var published: Date?
        if let upload = rows["Upload Date"] {
            // Upload dates carry no zone: read as UTC. The Geekbench 5 page's cell is localised by the saving
            // browser's JavaScript (class timestamp-to-local-full), so its zone is unknowable from the page.
            published = Timestamp.loose(upload, assumingOffset: 0)
            if try document.first("/descendant::td[contains(@class,'timestamp-to-local')]") != nil {
                provenance["published"] = "Upload Date row (browser-localised, zone unknown, read as UTC)"
                diagnostics.append(Diagnostic(.note, source: Self.descriptor.id, location: page.url.absoluteString,
                                              "upload date '\(upload)' was localised by the browser that saved the page; read as UTC"))
            }
        }
        let title = try document.text(Select.headline)
        let document = Document(url: page.url.absoluteString, source: Self.descriptor.id, kind: .result, title: title,
                                published: published, publisher: Self.descriptor.name, provenance: provenance, facts: facts)
        let claims = banner == nil ? measuredClaims(scores, facts: facts, stated: published, url: page.url) : []
        if scores.isEmpty && banner == nil {
            diagnostics.append(.warning("no scores matched \(Select.scoreBlocks) or \(Select.benchmarkTables); layout changed?", source: Self.descriptor.id, page: page))
        }
        return Reading(document: document, claims: claims, diagnostics: diagnostics)
    }
}

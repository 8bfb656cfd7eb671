import ClaimCore
import Foundation
import HTMLKit

/// Reads Geekbench Browser: CPU result pages (Geekbench 5, 6 and 7 generations), compare pages, the
/// processor chart, the `.gb5`/`.gb6` JSON documents, text renderings of result pages, and GPU compute
/// results. These pages are data, not prose: claims come straight from the tables, labelled `measured`,
/// with the processor's name as written (the core extractor maps it onto the vocabulary and drops names it
/// does not track). An invalid result yields no score claims and a diagnostic.
///
/// No real GPU (Metal/OpenCL/Vulkan) result page was available. GPU results are read from the same
/// `div.score-container` blocks as CPU results, with the score note naming the API ("Metal Score"):
/// that structure is inferred from the CPU pages and should be checked against a real page.
public struct GeekbenchSource: SourcePlugin {
    public static let descriptor = SourceDescriptor(
        id: "geekbench", name: "Geekbench Browser", hosts: ["browser.geekbench.com"],
        kinds: [.result, .compare, .listing, .json], prior: .measured)

    enum Select {
        static let scoreBlocks = "/descendant::div[contains(@class,'score-container')]"
        static let systemRows = "/descendant::table[contains(@class,'system-table')]/descendant::tr[td]"
        /// "Geekbench 5.4.5 Tryout for Windows x86 (64-bit)": `div.platform` (v5), the `platform-info` text (v7).
        static let platformLine = "(/descendant::*[@class='platform'] | /descendant::*[contains(@class,'platform-info')][not(./descendant::*[@class='platform'])])[1]"
        static let invalidBanner = "/descendant::div[contains(@class,'alert')][contains(translate(.,'INVALID','invalid'),'invalid')]"
        static let validation = "(/descendant::div[contains(@class,'validation-widget')])[1]"
        static let benchmarkTables = "/descendant::table[contains(@class,'benchmark-table') and not(contains(@class,'comparison'))]"
        static let comparePerformance = "/descendant::table[contains(@class,'comparison-benchmark-table') and contains(@class,'section-performance')]"
        static let compareVersions = "/descendant::tr[@class='version']/td[@class='document-version']"
        /// `table.benchmark-chart-table` (2022) or `table.processor-benchmark` (2020): single-core first, then multi-core.
        /// Found by `chartTables(in:)`, a walk that never enters the tables it finds; this is its XPath.
        static let chartTables = "/descendant::table[contains(@class,'benchmark-chart-table') or contains(@class,'processor-benchmark')]"
        static let headline = "(/descendant::div[@class='page-header']/h1 | //h1)[1]"
    }

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

    /// Score notes and headings → attributes ("Multi-Core Score" → geekbench.multi-core).
    static let scoreAttributes: [(note: String, attribute: String, fact: String)] = [
        ("single-core", "geekbench.single-core", "single"), ("multi-core", "geekbench.multi-core", "multi"),
        ("metal", "geekbench.metal", "metal"), ("opencl", "geekbench.opencl", "opencl"), ("vulkan", "geekbench.vulkan", "vulkan"),
    ]

    public init() {}

    public func read(_ page: FetchedPage) throws -> Reading {
        let head = page.body.prefix(64).first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        if head == UInt8(ascii: "{") { return try readJSON(page) }
        if head != UInt8(ascii: "<") { return readTextDump(page) }
        let document = try HTMLDocument(html: page.body, url: page.url.absoluteString, charset: Charset.fromContentType(page.contentType))
        let charts = Self.chartTables(in: document)
        if !charts.isEmpty { return try readChart(charts, in: document, page: page) }
        if try !document.select(Select.comparePerformance).isEmpty { return try readCompare(document, page: page) }
        let banner = try document.first(Select.invalidBanner)
        if try !document.select(Select.scoreBlocks).isEmpty || !document.select(Select.benchmarkTables).isEmpty || banner != nil {
            return try readResult(document, banner: banner, page: page)
        }
        return MetadataCascade(document: document, page: page)
            .fallback(source: Self.descriptor.id, publisher: Self.descriptor.name, missed: "\(Select.scoreBlocks) or \(Select.chartTables)")
    }

    // MARK: result pages

    private func readResult(_ document: HTMLDocument, banner: Node?, page: FetchedPage) throws -> Reading {
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

    /// Score claims for the result's processor as written (the model when no processor is named).
    private func measuredClaims(_ scores: [(attribute: String, value: Double)], facts: [String: String], stated: Date?, url: URL) -> [Claim] {
        guard let subject = facts["cpu"] ?? facts["model"] else { return [] }
        let version = facts["version"].map { String($0.prefix { $0 != "." }).replacingOccurrences(of: " Tryout", with: "") }
        let quote = [facts["model"], facts["cpu"], facts["version"]].compactMap { $0 }.joined(separator: " · ")
        return scores.map { score in
            Claim(subject: subject, attribute: score.attribute, qualifier: version,
                  value: Value(type: .score, text: ValueFormat.plain(score.value), number: score.value, unit: "points"),
                  confidence: Confidence(score: Hedges.baseScore(.measured), label: .measured,
                                         reasons: ["measured: Geekbench result \(facts["id"] ?? url.absoluteString)"]),
                  quote: "\(quote): \(ValueFormat.plain(score.value))", statedAt: stated)
        }
    }

    // MARK: compare, chart, JSON, text

    private func readCompare(_ document: HTMLDocument, page: FetchedPage) throws -> Reading {
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


    private func readChart(_ tables: [Node], in document: HTMLDocument, page: FetchedPage) throws -> Reading {
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
    private static func nameAndScoreCells(of row: Node) -> (name: Node?, score: Node?) {
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

    private func readJSON(_ page: FetchedPage) throws -> Reading {
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

    /// A text rendering of a result page (as `lynx -dump` writes it): "Label   value" lines.
    private func readTextDump(_ page: FetchedPage) -> Reading {
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

    /// "2022-11-05 16:04:11 +0200".
    static func documentDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 3 else { return Timestamp.iso8601(text) }
        return Timestamp.iso8601("\(parts[0])T\(parts[1])\(parts[2])")
    }

    /// The numeric result id in `/v5/cpu/18449406`, `/v7/cpu/1248.gb6`.
    static func resultID(_ url: URL) -> String? {
        let last = url.deletingPathExtension().lastPathComponent
        return !last.isEmpty && last.allSatisfy(\.isNumber) ? last : nil
    }
}

/// What the Geekbench reader cannot read at all.
public enum GeekbenchError: Error, CustomStringConvertible {
    case notAResult(url: String)
    public var description: String {
        switch self {
        case .notAResult(let url): "\(url): JSON that is not a Geekbench result document"
        }
    }
}

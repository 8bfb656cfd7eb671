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

    /// Score claims for the result's processor as written (the model when no processor is named).
    func measuredClaims(_ scores: [(attribute: String, value: Double)], facts: [String: String], stated: Date?, url: URL) -> [Claim] {
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

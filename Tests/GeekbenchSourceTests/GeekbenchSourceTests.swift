import ClaimCore
import HTMLKit
import Foundation
@testable import GeekbenchSource
import TestSupport
import Testing

@Suite struct GeekbenchSourceTests {
    func read(_ name: String, url: String = "https://browser.geekbench.com/v7/cpu/123") throws -> Reading {
        let file = try #require(Bundle.module.url(forResource: "Fixtures/geekbench/\(name)", withExtension: nil))
        return try GeekbenchSource().read(FetchedPage(url: URL(string: url)!, body: try Data(contentsOf: file)))
    }

    @Test func cpuResultGivesMeasuredClaimsForTheVocabularyProcessor() throws {
        let reading = try read("v7-cpu-result.html", url: "https://browser.geekbench.com/v7/cpu/123")
        #expect(reading.document.kind == .result)
        #expect(reading.document.title == "Mac Studio (2026)")
        #expect(reading.document.published.map(Timestamp.format) == "2026-03-03T21:15:00Z")  // no zone: UTC
        let facts = reading.document.facts
        #expect(facts["id"] == "123" && facts["cpu"] == "Apple M5 Ultra" && facts["model_id"] == "Mac17,9")
        #expect(facts["version"] == "Geekbench 7.0.0" && facts["platform"] == "macOS AArch64")
        #expect(facts["instruction_sets"] == "neon aes sha1")  // not the badge tooltips
        #expect(facts["workloads"] == "File Compression=3950,Navigation=4710")
        #expect(reading.claims.map(\.subject) == ["Apple M5 Ultra", "Apple M5 Ultra"])  // as written; the extractor canonicalises
        let claims = ClaimExtractor().claims(for: reading, prior: GeekbenchSource.descriptor.prior)
        #expect(claims.map(\.attribute) == ["geekbench.single-core", "geekbench.multi-core"])
        #expect(claims.allSatisfy { $0.subject == "M5 Ultra" && $0.confidence.label == .measured && $0.qualifier == "Geekbench 7" })
        #expect(claims.last?.value.number == 45120)
    }

    @Test func gpuResultScoresBecomeMetalClaims() throws {
        let reading = try read("gpu-metal-result.html", url: "https://browser.geekbench.com/v6/compute/77")
        #expect(reading.claims.map(\.attribute) == ["geekbench.metal"])
        #expect(reading.claims.first?.value.number == 415_000)
    }

    @Test func anInvalidResultGivesNoScoreClaimsAndSaysWhy() throws {
        let reading = try read("invalid-result.html")
        #expect(reading.claims.isEmpty)
        #expect(reading.document.facts["valid"] == "Invalid")
        #expect(reading.document.facts["validation_class"] == "validation-error")
        #expect(reading.diagnostics.contains { $0.message.contains("invalid result") })
    }

    @Test func comparePage() throws {
        let reading = try read("compare.html", url: "https://browser.geekbench.com/v6/cpu/compare/555?baseline=444")
        #expect(reading.document.kind == .compare)
        #expect(reading.document.title == "Mac Studio (2026) vs Mac Studio (2023)")
        #expect(reading.document.facts["result_id"] == "555" && reading.document.facts["baseline_id"] == "444")
        #expect(reading.document.facts["multi_delta"] == "211.3%")
        #expect(reading.document.facts["baseline_version"] == "Geekbench 6.2.0")
    }

    @Test func chartRowsNamingTrackedProcessorsBecomeClaims() throws {
        let reading = try read("chart.html", url: "https://browser.geekbench.com/processor-benchmarks")
        #expect(reading.document.kind == .listing)
        #expect(reading.document.links.isEmpty)
        #expect(reading.document.facts["rows"] == "3" && reading.document.facts["top"] == "Apple M5 Max=4300")
        #expect(reading.document.facts["last_single"] == "Apple M1=2330")
        #expect(reading.claims.count == 4)
        // Only rows naming a tracked processor survive the vocabulary.
        #expect(ClaimExtractor().claims(for: reading, prior: .measured).map(\.subject) == ["M5 Max", "M1", "M5 Max"])
    }

    @Test func jsonDocumentWithItsOwnOffset() throws {
        let reading = try read("result.gb6.json", url: "https://browser.geekbench.com/v6/cpu/999.gb6")
        #expect(reading.document.kind == .json)
        #expect(reading.document.published.map(Timestamp.format) == "2026-03-03T21:15:00Z")
        #expect(reading.document.facts["cpu"] == "Apple M5 Ultra" && reading.document.facts["id"] == "999")
        #expect(reading.claims.count == 2 && reading.claims[0].qualifier == "Geekbench 6")
    }

    @Test func aChangedLayoutFallsBackWithAWarning() throws {
        let reading = try read("changed-layout.html")
        #expect(reading.claims.isEmpty)
        #expect(reading.diagnostics.first?.source == "geekbench")
        #expect(reading.diagnostics.first?.message.contains("layout changed?") == true)
    }

    @Test func textThatIsNotAResultSaysSo() throws {
        let reading = try GeekbenchSource().read(FetchedPage(url: URL(string: "https://browser.geekbench.com/x")!, body: Data("hello".utf8)))
        #expect(!reading.diagnostics.isEmpty)
        #expect(throws: GeekbenchError.self) {
            try GeekbenchSource().read(FetchedPage(url: URL(string: "https://browser.geekbench.com/x.gb6")!, body: Data("{\"a\":1}".utf8)))
        }
    }
}

/// The chart-table walk finds what its XPath finds, on every fixture and on the real Geekbench pages.
@Suite struct GeekbenchChartWalkTests {
    @Test func theWalkAgreesWithTheXPath() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures/geekbench", withExtension: nil))
        let files = CorpusFolder.htmlFiles(in: fixtures) + CorpusFolder.htmlPages(of: "geekbench")
        var charts = 0
        for file in files {
            let document = try HTMLDocument(html: try Data(contentsOf: file))
            let walked = GeekbenchSource.chartTables(in: document).map { $0.attribute("class") ?? "" }
            let selected = try document.select(GeekbenchSource.Select.chartTables).map { $0.attribute("class") ?? "" }
            #expect(walked == selected, "\(file.lastPathComponent)")
            charts += walked.isEmpty ? 0 : 1
        }
        #expect(charts >= 1, "no chart page among \(files.count) files")
    }
}

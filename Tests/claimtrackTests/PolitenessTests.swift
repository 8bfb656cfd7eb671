import Foundation
import Testing

/// Fetches from a misbehaving site on 127.0.0.1 (Tests/FaultServer/fault_server.py, started here): every
/// fault is reported with source and URL, the other pages and sources carry on, and the archive stays valid.
@Suite struct PolitenessTests {
    @Test func faultsAreReportedAndEverythingElseIsFetched() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("Archive"))
        let server = try CLI.Server([CLI.repository.appendingPathComponent("Tests/FaultServer/fault_server.py").path])
        let port = server.port
        defer { withExtendedLifetime(server) {} }
        let other = CLI.repository.appendingPathComponent("Sample/run-2/macrumors/mac-pro-discontinued.html")
        try Data("macrumors http://127.0.0.1:\(port)/index.html retries=1 max=20\nmacrumors \(other.absoluteString)\n".utf8)
            .write(to: workspace.appendingPathComponent("Sources.list"))

        let result = try CLI.run(["fetch", "--user-agent", "claimtrack-test (+https://example.org/contact)", "--timeout", "2",
                                  "--workspace", workspace.path])
        #expect(result.status == 1)
        let base = "http://127.0.0.1:\(port)"
        for expected in [
            "error: macrumors: \(base)/private/secret.html: skipped: disallowed by robots.txt",
            "error: macrumors: \(base)/throttled.html: HTTP 429 (retry after 3600 s; not waiting that long)",
            "error: macrumors: \(base)/broken.html: HTTP 500 after 1 retry",
            "error: macrumors: \(base)/challenge.html: bot challenge (Cloudflare): archived but not read as a page",
            "error: macrumors: \(base)/missing.html: HTTP 404",
            "error: macrumors: \(base)/to-file.html: GET \(base)/to-file.html: redirect to file:///etc/passwd refused (only http and https are followed)",
            "error: macrumors: \(base)/loop-a.html: GET \(base)/loop-a.html: redirect loop at \(base)/loop-a.html",
            "error: macrumors: \(base)/image.png: content type image/png is not a page: archived but not read",
            "error: macrumors: \(base)/stalled.html: GET \(base)/stalled.html: timed out (after 1 retry)",
            "error: macrumors: \(base)/reset.html: GET \(base)/reset.html:",
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        #expect(!result.stderr.contains("flaky.html"))  // a 503 with Retry-After: 1, then fetched
        let claims = try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout
        #expect(claims.contains("fault-flaky"))
        #expect(claims.contains("fault-a"))
        #expect(claims.contains("fault-latin1"))  // invalid UTF-8 with no charset: read as Windows-1252
        #expect(claims.contains("apple-discontinues-mac-pro"))  // the other source carried on
        #expect(!claims.contains("Just a moment"))
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
        // The configured User-Agent was sent; a second run gets a 304 for the page with an ETag.
        let agents = try String(contentsOf: URL(string: "\(base)/agents")!, encoding: .utf8)
        #expect(agents.contains("claimtrack-test (+https://example.org/contact)"))
        sleep(1)
        let second = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(second.stdout.contains(" unchanged"))
        #expect(!second.stdout.contains(": 0 new, 0 changed, 0 unchanged"))
        #expect(try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout.contains("fault-a"))
        // Nothing of the local file the redirect pointed at reached the archive; the ETag page came back as a revisit.
        let archive = workspace.appendingPathComponent("Archive")
        var revisits = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: archive.path) where name.hasSuffix(".warc.gz") {
            let unzip = Process()
            unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            unzip.arguments = ["gzip", "-dc", archive.appendingPathComponent(name).path]
            let pipe = Pipe()
            unzip.standardOutput = pipe
            try unzip.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            unzip.waitUntilExit()
            #expect(!text.contains("root:x:0:0"))
            revisits += text.components(separatedBy: "WARC-Type: revisit\r\n").count - 1
        }
        #expect(revisits == 1)
    }

    @Test func everyHoldsASourceBackUntilItsIntervalHasPassed() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("Archive"))
        let page = CLI.repository.appendingPathComponent("Sample/run-2/macrumors/mac-pro-discontinued.html")
        try Data("macrumors \(page.absoluteString) every=6h\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        #expect(try CLI.run(["fetch", "--workspace", workspace.path]).status == 0)
        let again = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(again.status == 0)
        #expect(again.stderr.contains("note: not due yet: Sources.list:1: macrumors \(page.absoluteString) fetched 0 min ago (every=6h)"))
    }
}

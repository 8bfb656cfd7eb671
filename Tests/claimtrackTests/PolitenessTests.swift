import Foundation
import TestSupport
import Testing

/// Fetches from a misbehaving site on 127.0.0.1 (Tests/FaultServer/fault_server.py, started here): every
/// fault is reported with source and URL, the other pages and sources carry on, and the archive stays valid.
@Suite struct PolitenessTests {
    @Test func faultsAreReportedAndEverythingElseIsFetched() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let server = try CLI.faultServer()
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
            "error: macrumors: \(base)/to-file.html: redirect to file:///etc/passwd refused (only http and https are followed)",
            "error: macrumors: \(base)/loop-a.html: redirect loop at \(base)/loop-a.html",
            "error: macrumors: \(base)/image.png: content type image/png is not a page: archived but not read",
            "error: macrumors: \(base)/stalled.html: timed out with no byte received (2 s) (after 1 retry)",
            "error: macrumors: \(base)/reset.html: connection lost before the response was complete (after 1 retry)",
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
        // The store keeps each capture's status as the server sent it, and what the capture is beside it.
        let stored = try CLI.query(workspace, "SELECT targetURI, status, disposition FROM capture")
        for expected in ["\(base)/challenge.html|403|challenge", "\(base)/image.png|200|not-a-page", "\(base)/missing.html|404|failed",
                         "\(base)/a.html|200|page"] {
            #expect(stored.contains(expected), "missing: \(expected)\n\(stored)")
        }
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
            let records = try CLI.records(in: archive.appendingPathComponent(name))
            #expect(!records.contains { $0.contains("root:x:0:0") })
            revisits += records.filter { $0.contains("WARC-Type: revisit\r\n") }.count
        }
        #expect(revisits == 1)
    }

    @Test func everyHoldsASourceBackUntilItsIntervalHasPassed() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let page = CLI.repository.appendingPathComponent("Sample/run-2/macrumors/mac-pro-discontinued.html")
        try Data("macrumors \(page.absoluteString) every=6h\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        #expect(try CLI.run(["fetch", "--workspace", workspace.path]).status == 0)
        let again = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(again.status == 0)
        #expect(again.stderr.contains("note: not due yet: Sources.list:1: macrumors \(page.absoluteString) fetched 0 min ago (every=6h)"))
    }

    /// A 2 GiB body and a gzip bomb are cut at `max-size` as they arrive, reported, archived as truncated and
    /// never read; gzip, zlib-wrapped and raw deflate bodies are decoded as they stream; a coding that was not
    /// asked for (br) is archived as sent and never read. The fetch's peak memory stays far below the bodies.
    @Test func oversizedBodiesAreCutAndCodedBodiesDecoded() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let server = try CLI.faultServer()
        let base = "http://127.0.0.1:\(server.port)"
        defer { withExtendedLifetime(server) {} }
        try Data("""
            macrumors \(base)/huge.html max-size=1MB
            macrumors \(base)/bomb.html max-size=1MB
            macrumors \(base)/gzip.html
            macrumors \(base)/deflate.html
            macrumors \(base)/raw-deflate.html
            macrumors \(base)/unasked-br.html

            """.utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let (result, peak) = try CLI.runMeasuringPeakMemory(["fetch", "--timeout", "20", "--workspace", workspace.path])
        #expect(result.status == 1)
        for page in ["huge", "bomb"] {
            let expected = "error: macrumors: \(base)/\(page).html: response larger than 1048576 bytes (max-size): cut there, archived as truncated, not read"
            #expect(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        let unasked = "error: macrumors: \(base)/unasked-br.html: body coded as 'br', which was not asked for and is not decoded: archived but not read"
        #expect(result.stderr.contains(unasked), "\(result.stderr)")
        #expect(peak < 256 << 20, "peak resident memory \(peak >> 20) MiB for a 2 GiB body and a 512 MiB bomb")
        let claims = try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout
        for coded in ["fault-gzip", "fault-deflate", "fault-raw-deflate"] { #expect(claims.contains(coded), "\(coded)") }
        #expect(!claims.contains("/huge.html") && !claims.contains("/bomb.html") && !claims.contains("fault-unasked-br"))
        // Still true after a rebuild from the archive: the coded body stays unread.
        #expect(try CLI.run(["reparse", "--workspace", workspace.path]).status == 0)
        #expect(!(try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout.contains("fault-unasked-br")))
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
        let archive = workspace.appendingPathComponent("Archive")
        for name in try FileManager.default.contentsOfDirectory(atPath: archive.path) where name.hasSuffix(".warc.gz") {
            let file = archive.appendingPathComponent(name).path
            if let check = try Warcio.run(["check", "-v", file], purpose: "PolitenessTests: checking truncated and decoded records"),
               let index = try Warcio.run(["index", "-f", "warc-type,warc-target-uri,warc-truncated", file], purpose: "PolitenessTests: indexing truncated records") {
                #expect(check.status == 0, "warcio check: \(check.output)")
                #expect(index.output.components(separatedBy: "\"warc-truncated\": \"length\"").count - 1 == 2, "\(index.output)")
            }
        }
    }

    /// robots.txt answers as RFC 9309 reads them, each on a site of its own: a 5xx or a dropped connection
    /// keeps the run off that site; a 404 allows everything; five redirects are followed, a sixth is not (the
    /// file is then unavailable: everything allowed). Numbers no clock can wait for (a Crawl-delay of 1e12 or
    /// 999999 s, Retry-After: inf or 1e400) are reported, never waited on and never a crash; the other sites'
    /// pages are stored.
    @Test func robotsTxtAnswersAndUnboundedWaits() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let modes = ["503", "reset", "404", "redirect-5", "redirect-6", "crawl-delay-1e12", "crawl-delay-999999", ""]
        let servers = try modes.map { try CLI.faultServer(["robots=\($0)"]) }
        defer { withExtendedLifetime(servers) {} }
        let base = Dictionary(uniqueKeysWithValues: zip(modes, servers.map { "http://127.0.0.1:\($0.port)" }))
        var lines = modes.map { "macrumors \(base[$0]!)/a.html" }
        lines += ["macrumors \(base["redirect-5"]!)/private/secret.html", "macrumors \(base["redirect-6"]!)/private/secret.html",
                  "macrumors \(base[""]!)/retry-inf.html", "macrumors \(base[""]!)/retry-huge.html"]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let started = Date()
        let result = try CLI.run(["fetch", "--timeout", "5", "--workspace", workspace.path])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.status == 1)
        func host(_ mode: String) -> String { String(base[mode]!.dropFirst("http://".count)) }
        for expected in [
            "error: macrumors: \(base["503"]!)/a.html: skipped: robots.txt answered HTTP 503, so nothing on \(host("503")) is fetched this run",
            "error: macrumors: \(base["reset"]!)/a.html: skipped: robots.txt is unreachable (connection lost before the response was complete), so nothing on \(host("reset")) is fetched this run",
            "error: macrumors: \(base["redirect-5"]!)/private/secret.html: skipped: disallowed by robots.txt",
            "error: macrumors: \(base["redirect-6"]!)/private/secret.html: HTTP 404",
            "error: macrumors: \(base["crawl-delay-1e12"]!)/a.html: skipped: robots.txt asks for a Crawl-delay of 1000000000000 s between requests (more than 120 s is not waited for)",
            "error: macrumors: \(base["crawl-delay-999999"]!)/a.html: skipped: robots.txt asks for a Crawl-delay of 999999 s between requests (more than 120 s is not waited for)",
            "error: macrumors: \(base[""]!)/retry-inf.html: HTTP 429 (retry after 86400 s; not waiting that long)",
            "error: macrumors: \(base[""]!)/retry-huge.html: HTTP 503 (retry after 86400 s; not waiting that long)",
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        // The sites whose robots.txt allows it were read (404, five redirects, six redirects, the plain one: an
        // article each); the 404 behind six redirects and the two refusals to wait were archived too.
        let stored = try CLI.run(["runs", "--json", "--workspace", workspace.path]).stdout
        #expect(stored.contains("\"pages\" : 7") && stored.contains("\"claims\" : 4"), "\(stored)")
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
    }

    /// A server that keeps sending, a byte every half second, never stalls but never finishes: the whole
    /// transfer is bounded at four times --timeout. And a host's requests share one kept-alive connection.
    @Test func aDrippingBodyRunsIntoTheTransferBoundAndAHostKeepsOneConnection() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let server = try CLI.faultServer(["keepalive"])
        let base = "http://127.0.0.1:\(server.port)"
        defer { withExtendedLifetime(server) {} }
        try Data("macrumors \(base)/drip.html retries=0\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let started = Date()
        let dripping = try CLI.run(["fetch", "--timeout", "1", "--workspace", workspace.path])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(dripping.stderr.contains("error: macrumors: \(base)/drip.html: timed out for the whole transfer (4 s)"),
                "\(dripping.stderr)")

        let other = try CLI.faultServer(["keepalive"])
        let otherBase = "http://127.0.0.1:\(other.port)"
        defer { withExtendedLifetime(other) {} }
        try Data((1...4).map { "macrumors \(otherBase)/wire/\($0).html\n" }.joined().utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        sleep(1)  // a distinct run id
        let fetch = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        // robots.txt and four pages, one after another, over one connection.
        #expect(try String(contentsOf: URL(string: "\(otherBase)/connections")!, encoding: .utf8) == "1")
    }

    /// The request record in the archive is the request as it crossed the wire, byte for byte: a loopback
    /// server keeps the head exactly as it arrived, for a first request and for a conditional one.
    @Test func theArchivedRequestIsTheRequestTheServerReceived() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let server = try CLI.faultServer()
        let base = "http://127.0.0.1:\(server.port)"
        defer { withExtendedLifetime(server) {} }
        let page = "\(base)/wire/caf%C3%A9%20menu.html?q=a%20b&x=1"
        try Data("macrumors \(page)\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        for (round, etag) in [(1, nil), (2, "If-None-Match: \"w1\"")] {
            if round == 2 { sleep(1) }  // a distinct run id
            let fetch = try CLI.run(["fetch", "--user-agent", "wire-test/1.0 (+https://example.org)", "--workspace", workspace.path])
            #expect(fetch.status == 0, "\(fetch.stderr)")
            let received = try Data(contentsOf: URL(string: "\(base)/wire-log?/wire/caf%C3%A9%20menu.html")!)
            let archive = workspace.appendingPathComponent("Archive")
            let newest = try #require(try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".warc.gz") }.sorted().last)
            let requests = try CLI.records(in: archive.appendingPathComponent(newest)).filter { $0.contains("WARC-Type: request\r\n") }
            let archived = try #require(requests.first { $0.contains("WARC-Target-URI: \(page)\r\n") })
            let head = try #require(archived.range(of: "\r\n\r\n"))
            let length = try #require(archived[..<head.lowerBound].components(separatedBy: "\r\n").first { $0.hasPrefix("Content-Length: ") }
                .flatMap { Int($0.dropFirst("Content-Length: ".count)) })
            let block = String(decoding: Array(archived[head.upperBound...].utf8.prefix(length)), as: UTF8.self)
            #expect(block == String(decoding: received, as: UTF8.self), "round \(round): archived\n\(block)\nreceived\n\(String(decoding: received, as: UTF8.self))")
            #expect(block.hasPrefix("GET /wire/caf%C3%A9%20menu.html?q=a%20b&x=1 HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n"))
            #expect(block.contains("\r\nUser-Agent: wire-test/1.0 (+https://example.org)\r\n"))
            #expect(block.contains("\r\nAccept-Encoding: gzip, deflate\r\n"))  // only the codings claimtrack decodes
            if let etag { #expect(block.contains("\r\n\(etag)\r\n")) }
        }
    }
}

/// Pages and archives written by strangers never choose a file path: everything a run writes is under the
/// workspace's Archive/ and .claimtrack/, named by claimtrack.
@Suite struct PathSafetyTests {
    /// Every file under `folder`, relative to it.
    static func files(under folder: URL) -> Set<String> {
        var found = Set<String>()
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let path = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.insert(path)
            }
        }
        return found
    }

    static func expectOnlyClaimtrackFiles(in workspace: URL, besides inputs: Set<String>) {
        for path in files(under: workspace).subtracting(inputs) {
            let named = path.range(of: #"^Archive/claimtrack-\d{8}T\d{6}Z\.warc\.gz$"#, options: .regularExpression) != nil
            let state = path.hasPrefix(".claimtrack/")
            #expect(named || state, "unexpected file \(path)")
        }
    }

    @Test func climbingLinksAndHostileHeadersWriteNothingOutsideTheWorkspace() throws {
        let outer = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-paths-\(UUID().uuidString)")
        let workspace = outer.appendingPathComponent("a/b/workspace")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outer) }
        let server = try CLI.faultServer()
        defer { withExtendedLifetime(server) {} }
        try Data("macrumors http://127.0.0.1:\(server.port)/hostile/index.html\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let escapes = ["/tmp/claimtrack-escape.html", "/tmp/claimtrack-escape.txt"].map { URL(fileURLWithPath: $0) }
        for escape in escapes { try? FileManager.default.removeItem(at: escape) }

        let result = try CLI.run(["fetch", "--workspace", workspace.path])
        let claims = try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout
        #expect(claims.contains("fault-headers"), "\(result.stderr)")
        #expect(Self.files(under: outer) == Set(Self.files(under: workspace).map { "a/b/workspace/" + $0 }))
        Self.expectOnlyClaimtrackFiles(in: workspace, besides: ["Sources.list"])
        for escape in escapes { #expect(!FileManager.default.fileExists(atPath: escape.path)) }
        // The file: link in the listing was refused, not read.
        #expect(result.stderr.contains("file:///tmp/claimtrack-escape.html"), "\(result.stderr)")
    }

    @Test func anArchiveNamingPathsInItsRecordsWritesOnlyItsStore() throws {
        let outer = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-paths-\(UUID().uuidString)")
        let workspace = outer.appendingPathComponent("workspace")
        let archive = workspace.appendingPathComponent("Archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outer) }
        // A run file whose warcinfo and records carry climbing names where claimtrack keeps run ids and sources.
        let page = "<html><body><article><p>Apple now charges $2,199 for the Mac Studio.</p></article></body></html>"
        func record(_ headers: String, _ block: String) -> String {
            "WARC/1.1\r\n\(headers)Content-Length: \(block.utf8.count)\r\n\r\n\(block)\r\n\r\n"
        }
        let records = [
            record("WARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nWARC-Date: 2026-03-10T14:00:00Z\r\n"
                   + "WARC-Filename: ../../escape.warc.gz\r\nContent-Type: application/warc-fields\r\n",
                   "run: ../../../escape-run\r\nstarted: 2026-03-10T14:00:00Z\r\n"),
            record("WARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000002>\r\nWARC-Date: 2026-03-10T14:00:00Z\r\n"
                   + "WARC-Target-URI: file:///../../escape-page.html\r\nClaimtrack-Source: ../../macrumors\r\n"
                   + "Claimtrack-Run: ../../../escape-run\r\nContent-Type: text/html\r\n", page),
        ]
        var bytes = Data()
        for record in records {
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            gzip.arguments = ["gzip", "-c"]
            let input = Pipe(), output = Pipe()
            gzip.standardInput = input
            gzip.standardOutput = output
            try gzip.run()
            input.fileHandleForWriting.write(Data(record.utf8))
            try input.fileHandleForWriting.close()
            bytes += output.fileHandleForReading.readDataToEndOfFile()
            gzip.waitUntilExit()
        }
        try bytes.write(to: archive.appendingPathComponent("claimtrack-20260310T140000Z.warc.gz"))
        _ = try CLI.run(["reparse", "--workspace", workspace.path])
        _ = try CLI.run(["export", "--workspace", workspace.path])
        #expect(Self.files(under: outer) == Set(Self.files(under: workspace).map { "workspace/" + $0 }))
        Self.expectOnlyClaimtrackFiles(in: workspace, besides: [])
    }
}

/// A 50 MB page in a run: cut at the default size limit with a diagnostic, in bounded memory.
@Suite struct LargePageTests {
    @Test func aFiftyMegabytePageIsCutAtTheDefaultLimitWithADiagnostic() throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let paragraph = "<p>Filler prose about nothing in particular, repeated to make a very large page.</p>\n"
        let page = workspace.appendingPathComponent("large.html")
        try Data(("<html><body><article>" + String(repeating: paragraph, count: (50 << 20) / paragraph.utf8.count) + "</article></body></html>").utf8)
            .write(to: page)
        try Data("macrumors \(page.absoluteString)\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let (result, peak) = try CLI.runMeasuringPeakMemory(["fetch", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: macrumors: \(page.absoluteString): response larger than 20971520 bytes (max-size): cut there, archived as truncated, not read"),
                "\(result.stderr)")
        #expect(peak < 256 << 20, "peak resident memory \(peak >> 20) MiB")
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
    }
}

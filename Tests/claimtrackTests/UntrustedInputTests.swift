import Foundation
import Testing

/// What a remote site or a broken line of the user's own files can do to a run: nothing it should. Each test
/// reproduces a case through the command line against a temporary workspace or a server on 127.0.0.1.
@Suite struct UntrustedInputTests {
    /// Numbers past their range are a `Sources.list:LINE` error, never an arithmetic overflow; the good lines
    /// still count.
    @Test func numbersPastTheirRangeAreLineErrors() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let page = CLI.repository.appendingPathComponent("Sample/run-2/macrumors/mac-pro-discontinued.html").absoluteString
        try Data("""
            macrumors https://www.macrumors.com/ max-size=99999999999GB
            macrumors \(page) max-size=9223372036854775807
            macrumors https://www.macrumors.com/roundup/ every=1e400d
            macrumors \(page)

            """.utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let sources = try CLI.run(["sources", "--workspace", workspace.path])
        let fetch = try CLI.run(["fetch", "--workspace", workspace.path])
        for result in [sources, fetch] {
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("Sources.list:1: error: option max-size=99999999999GB must be a size such as 512KB or 20MB, at most 2GB"))
            #expect(result.stderr.contains("Sources.list:2: error: option max-size=9223372036854775807 must be a size"))
            #expect(result.stderr.contains("Sources.list:3: error: option every=1e400d must be an interval such as 30m, 6h or 1d, at most 366d"))
        }
        #expect(try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout.contains("apple-discontinues-mac-pro"))
    }
}

extension UntrustedInputTests {
    /// One byte that is not UTF-8 in Questions.list or Sources.list is an error at its line and offset; no
    /// listing reads the file as empty and no command rewrites it.
    @Test func aFileThatIsNotUTF8IsAnErrorAndIsNeverRewritten() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let questionsFile = workspace.appendingPathComponent("Questions.list")
        var questions = try Data(contentsOf: questionsFile)
        let lineOne = questions.firstIndex(of: UInt8(ascii: "\n"))! + 1
        // "# caf\xE9" (Latin-1) as the second line; the questions after it must survive everything below.
        questions.insert(contentsOf: Data("# caf".utf8) + Data([0xE9]) + Data("\n".utf8), at: lineOne)
        try questions.write(to: questionsFile)
        let offset = lineOne + 5
        let expected = "Questions.list:2: error: not UTF-8: byte 0xE9 at offset \(offset)"
        for arguments in [["questions"], ["claims"], ["export"], ["question", "show", "m5-ultra-launch"],
                          ["question", "add", "ecobee-price", "--text", "What does it cost?", "--subject", "ecobee", "--attribute", "price"],
                          ["question", "resolve", "m5-ultra-launch", "--answer", "June", "--cite", "https://www.apple.com/"],
                          ["fetch", "--offline"]] {
            let result = try CLI.run(arguments + ["--workspace", workspace.path])
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
        #expect(try Data(contentsOf: questionsFile) == questions)
        // A file that reads is rewritten whole, beside it and renamed over, keeping every byte it does not change.
        questions.remove(at: offset)
        questions.append(contentsOf: Data("# trailing spaces and a CRLF   \r\n".utf8))
        try questions.write(to: questionsFile)
        let added = try CLI.run(["question", "add", "ecobee-price", "--text", "What does it cost?", "--subject", "ecobee",
                                 "--attribute", "price", "--workspace", workspace.path])
        #expect(added.status == 0, "\(added.stderr)")
        let rewritten = try Data(contentsOf: questionsFile)
        #expect(rewritten.starts(with: questions) && String(decoding: rewritten, as: UTF8.self).hasSuffix("[ecobee-price]\ntext: What does it cost?\nsubjects: ecobee\nattribute: price\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path).allSatisfy { !$0.contains("Questions.list.") })

        let sourcesFile = workspace.appendingPathComponent("Sources.list")
        let page = CLI.repository.appendingPathComponent("Sample/run-2/macrumors/mac-pro-discontinued.html").absoluteString
        try (Data("macrumors \(page)\n# r".utf8) + Data([0xC3, 0x28]) + Data("sum\u{E9}\n".utf8)).write(to: sourcesFile)
        for arguments in [["sources"], ["fetch"]] {
            let result = try CLI.run(arguments + ["--workspace", workspace.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("Sources.list:2: error: not UTF-8: byte 0xC3 at offset \(page.utf8.count + 14)"), "\(result.stderr)")
        }
    }
}

extension UntrustedInputTests {
    /// A feed served over http leads the run only to http(s), never to a local file or an internal host its
    /// Sources.list line does not name; each redirect hop is archived, and its target must pass the same
    /// rules and the target's robots.txt.
    @Test func aPageLeadsOnlyWhereAPageMay() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let local = workspace.appendingPathComponent("local-secret.html")
        try Data("""
            <html><head><link rel="canonical" href="https://www.macrumors.com/2026/03/10/local-secret/"></head><body>
            <article class="article--2pJwZBkO js-article"><h1>Secret</h1><div class="content--2u3grYDr">
            <p>Apple announced the Mac Studio costs $31,337 today.</p></div></article></body></html>
            """.utf8).write(to: local)
        let server = try CLI.faultServer(["local=" + local.path])
        defer { withExtendedLifetime(server) {} }
        let base = "http://127.0.0.1:\(server.port)"
        try Data("macrumors \(base)/hostile/feed.xml\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))

        let result = try CLI.run(["fetch", "--workspace", workspace.path])
        let internalHost = "is a loopback, private, link-local or metadata address, and only a Sources.list line naming it may lead there"
        for expected in [
            "error: macrumors: file:///etc/passwd: link not followed: a page may lead only to http and https",
            "error: macrumors: \(local.absoluteString): link not followed: a page may lead only to http and https",
            "error: macrumors: http://169.254.169.254/latest/meta-data/: link not followed: 169.254.169.254 \(internalHost)",
            "error: macrumors: http://[::1]:\(server.port)/a.html: link not followed:",
            "error: macrumors: http://127.0.0.2:\(server.port)/a.html: link not followed: 127.0.0.2 \(internalHost)",
            "error: macrumors: \(base)/redirect-internal.html: redirect to http://127.0.0.2:\(server.port)/a.html refused: 127.0.0.2 \(internalHost)",
            "error: macrumors: \(base)/redirect-disallowed.html: redirect to \(base)/private/secret.html refused: disallowed by robots.txt",
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        let claims = try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout
        #expect(claims.contains("fault-a"))
        #expect(!claims.contains("31,337"))
        // Nothing of the local files reached the archive; both redirect hops did.
        var records: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("Archive").path) {
            records += try CLI.records(in: workspace.appendingPathComponent("Archive/\(name)"))
        }
        #expect(!records.contains { $0.contains("root:x:0:0") || $0.contains("31,337") })
        for (path, status) in [("redirect-internal.html", "302"), ("redirect-disallowed.html", "301")] {
            #expect(records.contains { $0.contains("WARC-Type: response\r\n") && $0.contains("WARC-Target-URI: \(base)/\(path)\r\n") && $0.contains(" \(status) ") },
                    "\(path) hop not archived")
        }
        let stored = try CLI.query(workspace, "SELECT targetURI, status, disposition FROM capture WHERE disposition = 'redirect' ORDER BY targetURI")
        #expect(stored == ["\(base)/redirect-disallowed.html|301|redirect", "\(base)/redirect-internal.html|302|redirect"])
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
    }
}

extension UntrustedInputTests {
    /// A page cannot speak for another site, many pages of one site are one source, and no URL carries
    /// markup into a digest.
    @Test func aPageSpeaksOnlyForItsOwnSite() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let server = try CLI.faultServer()
        defer { withExtendedLifetime(server) {} }
        let base = "http://127.0.0.1:\(server.port)"
        try Data("macrumors \(base)/spoof/listing.html\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let fetch = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(fetch.stderr.contains("canonical URL https://www.macrumors.com/2026/03/10/spoofed/ is on another site than the page; cited as \(base)/spoof/canonical.html"),
                "\(fetch.stderr)")
        let claims = try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout
        #expect(claims.contains("\(base)/spoof/canonical.html") && claims.contains("spoof-5"))
        #expect(!claims.contains("www.macrumors.com/2026/03/10/spoofed"))
        #expect(!claims.contains("corroborated"))
        // Seven pages of one host stating one release date: one independent source.
        let question = try CLI.run(["questions", "--json", "--workspace", workspace.path]).stdout
        let states = try JSONSerialization.jsonObject(with: Data(question.utf8)) as! [[String: Any]]
        let launch = states.first { $0["id"] as? String == "m5-ultra-launch" }!
        #expect(launch["independentSources"] as? Int == 1, "\(launch)")
        #expect((launch["claims"] as? [Any])?.count ?? 0 >= 7)
        // The injected canonical URL is stored with its line breaks and markup encoded: one inert autolink.
        let markdown = try CLI.run(["export", "--format", "markdown", "--workspace", workspace.path]).stdout
        #expect(markdown.contains("/2026/03/10/injected%0A%0A%3Cimg%20src=x%20onerror=alert(1)%3E%0A%5Bclick%20here%5D(https://evil.example/phish)%0A>"), "\(markdown)")
        #expect(!markdown.contains("<img") && !markdown.split(separator: "\n").contains { $0.hasPrefix("[click") })
        let html = try CLI.run(["export", "--format", "html", "--workspace", workspace.path]).stdout
        #expect(!html.contains("<img") && !html.contains("onerror=alert(1)>"))
    }
}

extension UntrustedInputTests {
    /// A workspace that is a file, one that does not exist, and one whose store was removed each get one
    /// sentence saying what is wrong and what to do; nothing is created.
    @Test func workspacesThatAreNotWhatTheySeem() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-file-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-missing-\(UUID().uuidString)")
        for arguments in [["questions"], ["verify"], ["fetch", "--offline"], ["claims", "--json"]] {
            let onFile = try CLI.run(arguments + ["--workspace", file.path])
            #expect(onFile.status != 0 && onFile.stderr.contains("\(file.path) is a file, not a workspace folder"), "\(arguments): \(onFile.stderr)")
            #expect(!onFile.stderr.contains("NSCocoaErrorDomain") && !onFile.stdout.contains("ok"))
            let onNothing = try CLI.run(arguments + ["--workspace", missing.path])
            #expect(onNothing.status != 0 && onNothing.stderr.contains("no workspace folder at \(missing.path)"), "\(arguments): \(onNothing.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path))

        // The store removed, the archive kept: listings say how to read it back.
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        try CLI.removeStore(workspace)
        let questions = try CLI.run(["questions", "--workspace", workspace.path])
        #expect(questions.stderr.contains("note: there is no store yet, though Archive/ holds 3 run files; run 'claimtrack fetch --offline' to read them"),
                "\(questions.stderr)")
    }
}

extension UntrustedInputTests {
    /// Listings run while a fetch writes never make it fail, and never fail themselves; a fetch first stores
    /// what the archive holds and the store lacks.
    @Test func listingsDuringAFetchAndAnArchiveAheadOfTheStore() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let server = try CLI.faultServer()
        defer { withExtendedLifetime(server) {} }
        try Data("macrumors http://127.0.0.1:\(server.port)/spoof/listing.html delay=0.2\n".utf8)
            .write(to: workspace.appendingPathComponent("Sources.list"))
        // The sample's two runs are archived but were never stored (no .claimtrack/ yet).
        let group = DispatchGroup()
        nonisolated(unsafe) var fetch: CLI.Result?
        DispatchQueue.global().async(group: group) { fetch = try? CLI.run(["fetch", "--workspace", workspace.path]) }
        var listings: [CLI.Result] = []
        while group.wait(timeout: .now()) == .timedOut {
            for arguments in [["questions"], ["claims", "--json"], ["export"], ["question", "show", "m5-ultra-launch"]] {
                listings.append(try CLI.run(arguments + ["--workspace", workspace.path]))
            }
        }
        let fetched = try #require(fetch)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(!fetched.stderr.contains("locked") && !fetched.stderr.contains("duplicate column"))
        #expect(fetched.stderr.contains("an earlier run archived but had not stored"), "\(fetched.stderr)")
        #expect(listings.count >= 4)
        for listing in listings {
            #expect(listing.status == 0 && !listing.stderr.contains("error"), "\(listing.stderr)")
        }
        // Everything archived is stored: the sample's claims and the new run's.
        let claims = try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout
        #expect(claims.contains("spoof-1") && claims.contains("apple-discontinues-mac-pro"))
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
    }
}

extension UntrustedInputTests {
    /// What one page or one long Sources.list can cost is bounded: a 19 MB page of nested `<div>`s is read
    /// up to its element budget, with a warning; a Sources.list of 2,000 lines on one host is one source,
    /// and its fetch and listings stay small.
    @Test func memoryIsBoundedWhateverAPageOrAListHolds() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let nested = workspace.appendingPathComponent("nested.html")
        let depth = (19 << 20) / 5  // 19 MB: under the default max-size of 20 MB
        try (Data("<html><body>".utf8) + Data(String(repeating: "<div>", count: depth).utf8)
             + Data("<p>The Mac Studio costs $1,999.</p></body></html>".utf8)).write(to: nested)
        try Data("generic \(nested.absoluteString)\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let (deep, deepPeak) = try CLI.runMeasuringPeakMemory(["fetch", "--workspace", workspace.path])
        #expect(deep.stderr.contains("more than 200000 elements: read only the first"), "\(deep.stderr)")
        #expect(deepPeak < 400 << 20, "peak \(deepPeak >> 20) MB")

        let server = try CLI.faultServer()
        defer { withExtendedLifetime(server) {} }
        try Data((0..<2_000).map { "macrumors http://127.0.0.1:\(server.port)/same.html?n=\($0)\n" }.joined().utf8)
            .write(to: workspace.appendingPathComponent("Sources.list"))
        let (fetch, fetchPeak) = try CLI.runMeasuringPeakMemory(["fetch", "--workspace", workspace.path])
        #expect(fetch.status == 0, "\(fetch.stderr.prefix(2000))")
        #expect(fetchPeak < 400 << 20, "peak \(fetchPeak >> 20) MB")
        let (claims, claimsPeak) = try CLI.runMeasuringPeakMemory(["claims", "--json", "--workspace", workspace.path])
        #expect(claims.stdout.contains("/same.html?n=1999") && !claims.stdout.contains("corroborated"))
        #expect(claimsPeak < 400 << 20, "peak \(claimsPeak >> 20) MB")
        let questions = try CLI.run(["questions", "--json", "--workspace", workspace.path]).stdout
        #expect(questions.contains("\"independentSources\" : 1"))
    }
}

import ClaimArchive
import ClaimCore
import ClaimFetch
import Foundation
import PluginRegistry
import TestSupport
import Testing

/// A static HTTP server on 127.0.0.1 (Python's http.server), started and stopped by the test.
final class LocalServer {
    let process = Process()
    let port: Int

    init(serving folder: URL) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        let line = String(decoding: buffer, as: UTF8.self)  // "Serving HTTP on 127.0.0.1 port 41234 (…"
        guard let range = line.range(of: "port "), let port = Int(line[range.upperBound...].prefix { $0.isNumber }) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "http.server did not start: \(line)"])
        }
        self.port = port
    }

    deinit {
        // SIGKILL: the child inherits the test runner's blocked-signal mask, so SIGTERM may never arrive.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite(.serialized) struct FetchRunTests {
    /// A MacRumors-structured listing linking two articles and one missing page.
    func site() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let listing = """
        <html><head><title>MacRumors: Apple News and Rumors</title></head><body>
        <article class="article--2pJwZBkO js-article"><h2><a href="a.html">A</a></h2></article>
        <article class="article--2pJwZBkO js-article"><h2><a href="b.html">B</a></h2></article>
        <article class="article--2pJwZBkO js-article"><h2><a href="missing.html">C</a></h2></article>
        </body></html>
        """
        try Data(listing.utf8).write(to: folder.appendingPathComponent("index.html"))
        for (name, sentence) in [("a", "The Mac Studio now costs $2,199 according to Apple's website."), ("b", "Rumors point to a June 2026 launch for the M5 Ultra.")] {
            let page = """
            <html><head><link rel="canonical" href="https://www.macrumors.com/2026/03/01/\(name)/"></head><body>
            <article class="article--2pJwZBkO js-article"><h1>Story \(name)</h1>
            <div class="byline--3Eec5bcq"><time datetime="2026-03-01T10:00:00-08:00">x</time> by <a rel="author">W</a></div>
            <div class="content--2u3grYDr"><p>\(sentence)</p></div></article></body></html>
            """
            try Data(page.utf8).write(to: folder.appendingPathComponent("\(name).html"))
        }
        return folder
    }

    @Test func fetchesFollowsArchivesAndWarcioAgrees() async throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LocalServer(serving: folder)
        let archive = folder.appendingPathComponent("Archive")
        let client = PageClient(timeout: 10)
        let run = try FetchRun(archive: archive, client: client) { PluginRegistry.plugin(id: $0) }
        let entry = SourceEntry(plugin: "macrumors", url: URL(string: "http://127.0.0.1:\(server.port)/index.html")!, location: "Sources.list:1")
        await run.fetch(entry)
        await client.shutdown()
        let record = try await run.finish(sources: ["macrumors"])
        let reported = await run.failures
        #expect(record.pages == 4)  // the listing, two articles and the 404, all archived
        #expect(reported.map(\.message) == ["HTTP 404"])
        #expect(reported.first?.url.hasSuffix("/missing.html") == true)

        // Read back: request and response records linked both ways, payload digests right.
        var requests: [String: WARCRecord] = [:]
        var responses: [WARCRecord] = []
        let problems = try WARCReader.forEach(in: run.file) { located in
            switch located.record.type {
            case "request": requests[located.record.id] = located.record
            case "response": responses.append(located.record)
            default: break
            }
        }
        #expect(problems.isEmpty)
        #expect(responses.count == 4)
        for response in responses {
            let request = try #require(requests[response["WARC-Concurrent-To"] ?? ""])
            #expect(request["WARC-Concurrent-To"] == response.id)
            let message = try HTTPMessage.parse(response.block)
            #expect(response["WARC-Payload-Digest"] == WARCDigest.sha1(message.body))
        }

        // The scanner gives back what the fetch archived, for reparse.
        var captures: [Capture] = []
        let scanned = try ArchiveScanner.scan(run.file) { captures.append($0) }
        #expect(scanned.run?.id == run.id)
        #expect(scanned.run?.failures.count == 1)
        #expect(captures.filter { $0.status == 200 }.count == 3)

        // An independent implementation agrees: warcio (PyPI) checks digests and indexes every record.
        if let check = try Warcio.run(["check", "-v", run.file.path], purpose: "FetchRunTests: checking a fetched run's digests"),
           let index = try Warcio.run(["index", "-f", "warc-type,warc-target-uri", run.file.path], purpose: "FetchRunTests: indexing a fetched run") {
            #expect(check.status == 0, "warcio check: \(check.output)")
            #expect(index.status == 0)
            let lines = index.output.split(separator: "\n")
            #expect(lines.filter { $0.contains("\"request\"") }.count == 4)
            #expect(lines.filter { $0.contains("\"response\"") }.count == 4)
            #expect(lines.contains { $0.contains("warcinfo") })
        }
    }

    @Test func aRefusedConnectionIsAFailureAndTheRunGoesOn() async throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = PageClient(timeout: 5)
        let run = try FetchRun(archive: folder.appendingPathComponent("Archive"), client: client) { PluginRegistry.plugin(id: $0) }
        // Two sources on different "hosts" fetched at the same time; the refused one does not stop the other.
        await run.fetch([SourceEntry(plugin: "macrumors", url: URL(string: "http://127.0.0.1:1/")!, location: "Sources.list:1"),
                         SourceEntry(plugin: "macrumors", url: folder.appendingPathComponent("index.html"), location: "Sources.list:2")])
        await client.shutdown()
        let reported = await run.failures
        #expect(reported.contains { $0.message.contains("connection refused") && $0.source == "macrumors" && $0.url == "http://127.0.0.1:1/" })
        // file:// links resolve against the listing: a.html and b.html are read from disk, missing.html fails.
        #expect(await run.captures.filter { $0.status == 200 }.count == 3)
        #expect(reported.count == 2)
    }
}

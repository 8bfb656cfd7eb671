import Foundation
import TestSupport
import Testing

@Suite struct ArchiveSafetyTests {
    func runFile(_ workspace: URL) throws -> URL {
        let archive = workspace.appendingPathComponent("Archive")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".warc.gz") }.sorted().last)
        return archive.appendingPathComponent(name)
    }

    @Test func verifyReportsACorruptRecordWithItsFileAndOffset() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
        let file = try runFile(workspace)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0xFF  // one flipped bit pattern in the middle of a gzip member
        try bytes.write(to: file)
        let result = try CLI.run(["verify", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(file.lastPathComponent) at offset "))
    }

    /// One flipped byte in the middle of the newest run file damages one record: reparse reports it with its
    /// file and offset and reads every record after it, nothing is set aside, and verify stays red.
    @Test func aFlippedByteIsOneDamagedRecordNotATornTail() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        func claims() throws -> [String] {
            let json = try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout
            return (try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]).map { "\($0["citation"] ?? "")" }
        }
        #expect(try CLI.run(["fetch", "--offline", "--workspace", workspace.path]).status == 0)
        let before = try claims()
        func records() throws -> Int? {
            let line = try CLI.run(["verify", "--workspace", workspace.path]).stdout
            return line.firstMatch(of: /, (\d+) records,/).flatMap { Int($0.1) }
        }
        let recordsBefore = try #require(try records())
        let file = try runFile(workspace)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: file)
        let reparse = try CLI.run(["reparse", "--workspace", workspace.path])
        #expect(reparse.stderr.contains("\(file.lastPathComponent) at offset ") && reparse.stderr.contains("bytes skipped to the next record"), "\(reparse.stderr)")
        #expect(!reparse.stderr.contains("set aside"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).allSatisfy { !$0.contains(".torn-") })
        let after = try claims()
        // Only the damaged record's page is missing: the claims of every other page are still there.
        let lostPages = Set(before.filter { !after.contains($0) }.compactMap { $0.firstMatch(of: /url = "([^"]+)"/).map { String($0.1) } })
        #expect(lostPages.count <= 1, "lost \(before.count - after.count) claims from \(lostPages)")
        #expect(try records() == recordsBefore - 1)
        let verify = try CLI.run(["verify", "--workspace", workspace.path])
        #expect(verify.status == 1 && verify.stderr.contains("error: \(file.lastPathComponent) at offset "))
        // A second look changes nothing: still reported, still nothing set aside.
        #expect(try CLI.run(["fetch", "--offline", "--workspace", workspace.path]).stderr.contains("bytes skipped to the next record"))
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 1)
    }

    @Test func aTornFinalRecordIsSetAsideAndTheArchiveIsWholeAgain() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let file = try runFile(workspace)
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(size - 40))
        try handle.close()
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 1)
        let fetch = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        #expect(fetch.status == 0)
        #expect(fetch.stderr.contains("set aside in \(file.lastPathComponent).torn-"))
        let verify = try CLI.run(["verify", "--workspace", workspace.path])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stderr.contains("note: \(file.lastPathComponent).torn-"))
        // Whole records set aside are data missing from the archive: verify says so until they are back.
        let aside = file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".torn-0")
        try FileManager.default.copyItem(at: file, to: aside)
        let red = try CLI.run(["verify", "--workspace", workspace.path])
        #expect(red.status == 1 && red.stderr.contains("error: \(aside.lastPathComponent) holds "), "\(red.stderr)")
    }

    /// Kills a real fetch at random moments (a bounded number of trials); every time, the next run repairs
    /// the archive, the store catches up, and verify passes.
    @Test func aFetchKilledAtAnyMomentLeavesAConsistentWorkspace() throws {
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<6 {
            let workspace = try CLI.emptyWorkspace()
            defer { try? FileManager.default.removeItem(at: workspace) }
            let listing = CLI.repository.appendingPathComponent("Sample/run-2/macrumors/index.html")
            let feed = CLI.repository.appendingPathComponent("Sample/run-2/9to5mac/feed.xml")
            try Data("macrumors \(listing.absoluteString)\n9to5mac \(feed.absoluteString)\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["fetch", "--workspace", workspace.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 5_000...(60_000 + UInt32(trial) * 20_000), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let again = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
            #expect(again.status == 0, "trial \(trial): \(again.stderr)")
            let verify = try CLI.run(["verify", "--workspace", workspace.path])
            #expect(verify.status == 0, "trial \(trial): \(verify.stderr)")
        }
    }
}

@Suite struct OneWriterTests {
    @Test func aSecondWriterStopsAtOnceOrWaits() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let state = workspace.appendingPathComponent(".claimtrack")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        // This test process plays the first writer.
        let descriptor = open(state.appendingPathComponent("lock").path, O_CREAT | O_RDWR, 0o644)
        #expect(flock(descriptor, LOCK_EX) == 0)
        let refused = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("another claimtrack fetch or reparse is writing this workspace"))
        #expect(try CLI.run(["reparse", "--workspace", workspace.path]).status == 1)
        // With --wait the second writer runs once the first lets go.
        let waiting = Process()
        waiting.executableURL = CLI.binary
        waiting.arguments = ["reparse", "--wait", "--workspace", workspace.path]
        waiting.standardOutput = FileHandle.nullDevice
        waiting.standardError = FileHandle.nullDevice
        try waiting.run()
        usleep(300_000)
        #expect(waiting.isRunning)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
    }
}

/// A second run against an unchanged site asks with the last capture's validators and archives 304s as
/// revisit records; nothing changes in the claims.
@Suite struct ConditionalRequestTests {
    @Test func aSecondRunOfAnUnchangedSiteIsAllRevisits() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let site = workspace.appendingPathComponent("site")
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Sample/run-1/macrumors"), to: site)
        let server = try CLI.Server(["-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site.path])
        let port = server.port
        defer { withExtendedLifetime(server) {} }
        try Data("macrumors http://127.0.0.1:\(port)/index.html\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))

        let first = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(first.status == 0, "\(first.stderr)")
        let claimsBefore = try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout
        // The fetch read the listing once (for its links) and stored that reading: a rebuild from the archive
        // gives the same claims.
        #expect(try CLI.run(["reparse", "--workspace", workspace.path]).status == 0)
        #expect(try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout == claimsBefore)
        sleep(1)  // a distinct run id
        // A 304 costs its round trip and a revisit record: the listing's links come from the store, not from
        // reading its archived copy again (moved away for the run, it is not missed).
        let archive = workspace.appendingPathComponent("Archive")
        let firstRun = try #require(try FileManager.default.contentsOfDirectory(atPath: archive.path).first { $0.hasSuffix(".warc.gz") })
        let aside = workspace.appendingPathComponent(firstRun)
        try FileManager.default.moveItem(at: archive.appendingPathComponent(firstRun), to: aside)
        let second = try CLI.run(["fetch", "--workspace", workspace.path])
        try FileManager.default.moveItem(at: aside, to: archive.appendingPathComponent(firstRun))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(first.stdout.contains(": 4 new, 0 changed, 0 unchanged, 0 failed"))
        #expect(second.stdout.contains(": 0 new, 0 changed, 4 unchanged, 0 failed"))
        #expect(try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout == claimsBefore)
        let diff = try CLI.run(["diff", "--workspace", workspace.path]).stdout
        #expect(diff.contains("no changes"))
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
        // warcio agrees the revisit records are well formed.
        let newest = try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".warc.gz") }.sorted().last!
        if let check = try Warcio.run(["check", archive.appendingPathComponent(newest).path], purpose: "ConditionalRequestTests: checking revisit records") {
            #expect(check.status == 0, "warcio check: \(check.output)")
        }
    }
}

@Suite struct UnreadablePageTests {
    /// A page its plugin cannot read is reported, and still recorded, so the store matches the archive.
    @Test func anUnreadableCaptureIsReportedAndTheStoreStillMatchesTheArchive() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let broken = workspace.appendingPathComponent("broken.json")
        try Data("{\"a\": [".utf8).write(to: broken)
        try Data("hackernews \(broken.absoluteString)\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let fetch = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(fetch.stderr.contains("error: hackernews: \(broken.absoluteString): unreadable page:"))
        let verify = try CLI.run(["verify", "--workspace", workspace.path])
        #expect(verify.status == 0, "\(verify.stderr)")
    }
}

import Foundation
import Testing

/// Runs the built `claimtrack` against temporary workspaces and checks stdout, stderr and the exit code.
struct CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("claimtrack")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CLAIMTRACK_WORKSPACE")
        environment.removeValue(forKey: "CLAIMTRACK_NOW")
        process.environment = environment
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let err = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// A fresh workspace holding a copy of the sample archive and questions.
    static func sampleWorkspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["Archive", "Questions.list"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }
}

@Suite struct CommandLineTests {
    @Test func usageErrorsExit64WithASentence() throws {
        let unknown = try CLI.run(["extract", "page.html", "--source", "macrumor"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown source 'macrumor'; known: ") && unknown.stderr.contains("macrumors"))
        #expect(unknown.stdout.isEmpty)
        #expect(try CLI.run(["fetch", "--bogus"]).status == 64)
        #expect(try CLI.run(["fetch", "--offline", "--source", "macrumors"]).status == 64)
    }

    @Test func extractPrintsTheDocumentClaimsAndDiagnosticsAsJSON() throws {
        let page = CLI.repository.appendingPathComponent("Sample/run-2/macrumors/256gb-price.html").path
        let result = try CLI.run(["extract", page, "--source", "macrumors", "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["title"] as? String == "Apple Raises Price of Mac Studio's 256GB Memory Upgrade to $2,000")
        #expect(document["published"] as? String == "2026-03-20T15:15:00Z")
        #expect(document["kind"] as? String == "article")
        let claims = try #require(json["claims"] as? [[String: Any]])
        let first = try #require(claims.first)
        for field in ["subject", "attribute", "qualifier", "value", "validTime", "confidence", "quote", "statedAt", "questions"] {
            #expect(first.keys.contains(field), "claim lacks \(field)")
        }
        #expect((first["value"] as? [String: Any])?["type"] as? String == "money")
        #expect(json["diagnostics"] is [Any])
    }

    @Test func theOfflineDemoAndReparseGiveTheSameClaims() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let fetch = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        #expect(fetch.stdout.contains("nothing was fetched"))
        let questions = try CLI.run(["questions", "--workspace", workspace.path])
        #expect(questions.stdout.contains("m5-ultra-launch [contested]"))
        #expect(questions.stdout.contains("studio-server [open]"))
        #expect(questions.stdout.contains("m5-ultra-multicore [evidence]"))
        #expect(!questions.stdout.contains("[resolved]"))
        let all = try CLI.run(["questions", "--all", "--json", "--workspace", workspace.path])
        let statuses = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]).compactMap { $0["status"] as? String }
        #expect(Set(statuses) == ["contested", "open", "evidence", "resolved"])

        let before = try CLI.run(["claims", "--json", "--workspace", workspace.path])
        #expect(before.status == 0)
        #expect(before.stdout.contains("\"warcRecordID\""))
        try FileManager.default.removeItem(at: workspace.appendingPathComponent(".claimtrack"))
        let reparse = try CLI.run(["reparse", "--workspace", workspace.path])
        #expect(reparse.status == 0)
        let after = try CLI.run(["claims", "--json", "--workspace", workspace.path])
        #expect(after.stdout == before.stdout)
        #expect(try CLI.run(["runs", "--json", "--workspace", workspace.path]).stdout.components(separatedBy: "\"warcFile\"").count == 3)
    }

    @Test func theDigestFootnotesEveryClaimWithItsArchiveRecord() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let digest = try CLI.run(["export", "--format", "markdown", "--workspace", workspace.path])
        #expect(digest.status == 0)
        #expect(digest.stdout.hasPrefix("# claimtrack digest"))
        let references = Set(digest.stdout.matches(of: /\[\^(\d+)\][^:]/).map { String($0.1) })
        let definitions = digest.stdout.split(separator: "\n").filter { $0.hasPrefix("[^") }
        #expect(!references.isEmpty)
        #expect(definitions.count == references.count)
        #expect(definitions.allSatisfy { $0.contains("archive record `<urn:uuid:") && $0.contains("retrieved 2026-03-") && $0.contains("published 2026-") })
        let again = try CLI.run(["export", "--workspace", workspace.path])
        #expect(again.stdout == digest.stdout)
    }

    @Test func badSourcesAreReportedAndTheGoodOnesStillFetched() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("Archive"))
        let listing = CLI.repository.appendingPathComponent("Sample/run-1/macrumors/index.html")
        let sources = """
        macrumor https://www.macrumors.com/
        macrumors htp//not a url
        macrumors http://127.0.0.1:1/
        macrumors \(listing.absoluteString) max=2
        """
        try Data(sources.utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let result = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Sources.list:1: error: unknown source 'macrumor'; known: 9to5mac, "))
        #expect(result.stderr.contains("Sources.list:2: error: 'htp//not' is not an http, https or file URL"))
        #expect(result.stderr.contains("error: macrumors: http://127.0.0.1:1/: GET http://127.0.0.1:1/: connection refused"))
        #expect(result.stdout.contains("macrumors      3 pages"))
        let runs = try CLI.run(["runs", "--workspace", workspace.path])
        #expect(runs.stdout.contains("3 pages"))
        #expect(runs.stdout.contains("1 failures"))
    }

    @Test func sourcesListsPluginsAndEntries() throws {
        let result = try CLI.run(["sources", "--workspace", CLI.repository.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("macrumors     MacRumors — article, listing, feed"))
        #expect(result.stdout.contains("Sources.list:4"))
    }
}

@Suite struct SourcePriorTests {
    @Test func aPriorSetInSourcesListAppliesAndSurvivesReparse() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("Archive"))
        let page = CLI.repository.appendingPathComponent("Sample/run-1/macrumors/512gb-pulled.html")
        try Data("macrumors \(page.absoluteString) prior=rumored\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        #expect(try CLI.run(["fetch", "--workspace", workspace.path]).status == 0)
        func availabilityLabel() throws -> String? {
            let claims = try CLI.run(["claims", "--json", "--subject", "Mac Studio", "--workspace", workspace.path]).stdout
            let list = try JSONSerialization.jsonObject(with: Data(claims.utf8)) as? [[String: Any]] ?? []
            let availability = list.first { $0["attribute"] as? String == "availability" }
            return (availability?["confidence"] as? [String: Any])?["label"] as? String
        }
        #expect(try availabilityLabel() == "rumored")  // no cue in the sentence: the overridden prior decides
        #expect(try CLI.run(["reparse", "--workspace", workspace.path]).status == 0)
        #expect(try availabilityLabel() == "rumored")
    }
}
